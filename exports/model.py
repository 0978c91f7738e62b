"""The result dataclasses of a campaign (units, star quota, rater bias), shared by screens and exports."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

StarChange = Literal["up", "down", "same", "new", "none"]
"""This year's star against last year's: up, down, same, new (no star last year), none (no star this year)."""


@dataclass(frozen=True)
class GroupScore:
    """One rater group's view of one unit: how many valid ballots, and their mean review score."""

    group_id: str
    label_zh: str
    label_en: str
    weight: float
    ballots: int
    mean: float | None
    hidden_below: int = 0  # the rules' minimum when this group's figures are withheld (mean is None)
    complement: bool = False  # withheld although big enough, so that a small group's mean cannot be derived

    def label(self, lang: str) -> str:
        """The group's label in `lang`."""
        return self.label_en if lang == "en" and self.label_en else self.label_zh


@dataclass(frozen=True)
class UnitResult:
    """Everything the year's assessment says about one unit.

    Scores are 0..100 or None when there is nothing to compute them from (no valid ballot, no verified
    self-assessment, no visit). `shares` maps each rating level code of the ballot scale to its share of the
    valid ballots (0..1), best level first; `good_rate` is the share of the best level (好等次率).
    `review_score` is the score that counts: the group-weighted mean when the rules weight groups, else the
    trimmed mean. `rank` is 1 for the best composite (ties share a rank). `vetoes` are the labels of the veto
    items that were hit (一票否决), in Chinese.
    """

    unit_id: str
    name: str
    liaison_group: str
    valid_ballots: int
    invalid_ballots: int
    mean: float | None
    trimmed_mean: float | None
    review_score: float | None
    good_rate: float | None
    shares: Mapping[str, float]
    satisfaction: float | None
    groups: tuple[GroupScore, ...]
    self_own: float | None
    self_verified: float | None
    supervision: float | None
    visits: int
    composite: float | None
    grade: str | None
    grade_zh: str
    grade_en: str
    rank: int | None
    star: int | None
    last_star: int | None
    change: StarChange
    vetoes: tuple[str, ...] = ()
    # The plain (untrimmed) group-weighted mean beside `review_score` (trimmed per the rules' `trim`).
    review_plain: float | None = None
    # The count of valid 好 and 较好 ratings: the second tie-break after `good_rate`.
    good_and_fairly_good: int = 0
    # > 0: the unit keeps its grade (star) in a tie that survived the tie-breaks; the quota is exceeded by it.
    grade_tied_over: int = 0
    star_tied_over: int = 0
    # The 五力: each dimension's mean over the valid ballots (dimension id -> 0..100); they do not count.
    dimension_means: Mapping[str, float] = field(default_factory=dict)

    @property
    def strongest(self) -> str | None:
        """The dimension with the highest mean (ties: the first in form order), None without any."""
        if not self.dimension_means:
            return None
        best = max(self.dimension_means.values())
        return next(key for key, value in self.dimension_means.items() if value == best)

    @property
    def weakest(self) -> str | None:
        """The dimension with the lowest mean (ties: the first in form order), None without any."""
        if not self.dimension_means:
            return None
        worst = min(self.dimension_means.values())
        return next(key for key, value in self.dimension_means.items() if value == worst)

    star_from_branch: bool = False
    """The organisation is itself a branch: its one official star is its 星级党支部 rating, not a second
    star from the composite (see `exports.official.with_official_stars`)."""

    def grade_label(self, lang: str) -> str:
        """The grade's label in `lang` ("" when there is no grade)."""
        return self.grade_en if lang == "en" and self.grade_en else self.grade_zh


@dataclass(frozen=True)
class StarQuota:
    """The five-star quota check: how many five-star units the rules allow and how many there are."""

    five_star_units: int
    five_star_allowed: int | None
    within: bool
    capped: tuple[str, ...] = ()  # unit ids held at four stars because the quota was full


@dataclass(frozen=True)
class GroupLeniency:
    """How generously one rater group rated, against the whole panel (positive = more lenient)."""

    group_id: str
    label_zh: str
    label_en: str
    ballots: int  # valid ballots of the group: the leniency is computed over these only
    mean_given: float | None
    panel_mean: float | None
    leniency: float | None
    hidden_below: int = 0  # the rules' minimum when this group's figures are withheld
    complement: bool = False  # withheld although big enough, so that a small group's cannot be derived
    invalid: int = 0  # the group's invalid ballots, shown beside, never mixed in

    def label(self, lang: str) -> str:
        """The group's label in `lang`."""
        return self.label_en if lang == "en" and self.label_en else self.label_zh


@dataclass(frozen=True)
class RankShift:
    """A unit whose rank differs between the plain mean and the trimmed mean."""

    unit_id: str
    name: str
    rank_by_mean: int
    rank_by_trimmed: int


@dataclass(frozen=True)
class BiasDiagnostics:
    """Rater-bias diagnostics: group leniency, straight-lined ballots, and whether trimming moves ranks."""

    groups: tuple[GroupLeniency, ...]
    straight_lined: int
    ballots: int
    rank_shifts: tuple[RankShift, ...]

    @property
    def straight_lined_share(self) -> float:
        """The share (0..1) of ballots giving every unit the same rating."""
        return self.straight_lined / self.ballots if self.ballots else 0.0

    @property
    def trimming_changes_ranking(self) -> bool:
        """True when dropping the highest and lowest score changes some unit's rank."""
        return bool(self.rank_shifts)


@dataclass(frozen=True)
class Participation:
    """How many ballots were cast and counted, against the codes issued, by rater group."""

    codes_issued: int | None
    ballots_sealed: int
    ballots_valid: int
    by_group: Mapping[str, int] = field(default_factory=dict)

    @property
    def turnout(self) -> float | None:
        """Sealed ballots over codes issued (0..1), None when the number of codes is not known."""
        if not self.codes_issued:
            return None
        return self.ballots_sealed / self.codes_issued


BrandStatus = Literal["top", "runoff", ""]
"""A brand's 十佳 status: decided winner, in the run-off for the places left (需加票决定), or neither."""


@dataclass(frozen=True)
class BrandTally:
    """One service brand's votes in the brand vote (品牌评选), with its place (1 = most votes; ties share
    it), its 十佳 `status` by the tie rule, and its votes in the run-off (加票) when there was one."""

    brand_id: str
    name: str
    unit_id: str
    unit_name: str
    votes: int
    place: int
    status: BrandStatus = ""
    runoff_votes: int | None = None

    @property
    def top_ten(self) -> bool:
        """Whether the brand is decided as one of the 十佳 (a tied brand awaiting a run-off is not)."""
        return self.status == "top"


@dataclass(frozen=True)
class TieNote:
    """A tie that survived every tie-break at a quota: kept in full and reported, never cut at random.

    `kind` is "grade" (with the grade `code`), "star" (five stars) or "brands" (the 十佳: `over` is then
    the places left for the run-off, and the tie needs a run-off vote, 需加票决定)."""

    kind: Literal["grade", "star", "brands"]
    code: str
    units: tuple[str, ...]
    names: tuple[str, ...]
    over: int


@dataclass(frozen=True)
class FormCount:
    """Sealed ballots of one form, split into valid and invalid: the one count every view shows."""

    form_id: str
    title_zh: str
    title_en: str
    sealed: int
    valid: int

    @property
    def invalid(self) -> int:
        """Sealed ballots of the form that are invalid."""
        return self.sealed - self.valid

    def title(self, lang: str) -> str:
        """The form's title in `lang`."""
        return self.title_en if lang == "en" and self.title_en else self.title_zh


@dataclass(frozen=True)
class CampaignResults:
    """The results of one campaign: per unit, ordered by rank (best first), then the checks around them."""

    campaign_id: str
    campaign_name: str
    year: int | None
    closed: bool
    closing_digests: tuple[str, ...]
    units: tuple[UnitResult, ...]
    star_quota: StarQuota
    bias: BiasDiagnostics
    participation: Participation
    scale_levels: tuple[tuple[str, str, str], ...] = ()  # (code, zh, en) of the ballot scale, best first
    brands: tuple[BrandTally, ...] = ()
    ties: tuple[TieNote, ...] = ()
    dimensions: tuple[tuple[str, str, str], ...] = ()  # (item id, zh, en) of the 五力, in form order
    form_counts: tuple[FormCount, ...] = ()
    # What the notice rests on: sources with data ("review", "self", "supervision") and the units graded
    # without any valid ballot (a warning in the 通报).
    graded_without_ballots: tuple[str, ...] = ()
    # The rules the notice states as its basis.
    trim: str = "per_group"
    organisation_stars: bool = False

    def dimension_label(self, item_id: str, lang: str) -> str:
        """The label of a 五力 dimension in `lang` (its id when unknown)."""
        for ident, zh, en in self.dimensions:
            if ident == item_id:
                return en if lang == "en" and en else zh
        return item_id

    def unit(self, unit_id: str) -> UnitResult | None:
        """The result of one unit, or None."""
        for result in self.units:
            if result.unit_id == unit_id:
                return result
        return None
