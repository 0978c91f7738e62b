"""Results computed from plain sources: scores, grades, ranks, stars, the star quota, rater bias."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from forms.model import AnswerValue, Form
from forms.rules import Rules
from forms.scoring import (
    TieKey,
    UnitAggregate,
    assign_grades,
    assign_stars,
    composite,
    quota_limit,
    rank,
    star_change,
    supervision_score,
    tie_key,
)
from forms.scoring.entry import dimension_items
from forms.scoring.topten import TOP_PLACES, top_places

from .model import (
    BrandStatus,
    BrandTally,
    CampaignResults,
    FormCount,
    GroupScore,
    Participation,
    StarQuota,
    TieNote,
    UnitResult,
)

# Where callers have always found them (they live in `tallies`, with the ballots' side of the results).
from .tallies import BallotRecord as BallotRecord
from .tallies import BallotTallies, _withheld, tally_ballots
from .tallies import UnitInfo as UnitInfo
from .tallies import group_id_for as group_id_for

UnitAnswers = Mapping[str, AnswerValue]


@dataclass(frozen=True)
class SelfScore:
    """A unit's self-assessment scores (0..100): its own, the verified one, and the vetoes it hit."""

    own: float | None
    verified: float | None
    vetoes: tuple[str, ...] = ()
    star_cap: int | None = None
    grade_caps: tuple[str, ...] = ()


@dataclass(frozen=True)
class ResultSources:
    """Everything `compute_results` reads, gathered from a store or from consolidated files."""

    campaign_id: str
    campaign_name: str
    rules: Rules
    ballot_form: Form
    units: Sequence[UnitInfo]
    ballots: Sequence[BallotRecord]
    year: int | None = None
    closed: bool = False
    closing_digests: tuple[str, ...] = ()
    self_scores: Mapping[str, SelfScore] = field(default_factory=dict)
    visit_totals: Mapping[str, Sequence[float]] = field(default_factory=dict)
    codes_issued: int | None = None
    brands: tuple[BrandTally, ...] = ()
    form_counts: tuple[FormCount, ...] = ()
    tallies: BallotTallies | None = None
    """The ballots already tallied (e.g. kept from an earlier run for exactly these ballots): `ballots`
    are then not read again."""


def score_on_hundred(total: float, max_total: float) -> float:
    """A form total rescaled to 0..100 so that sources of different full marks can be combined."""
    if max_total <= 0:
        return total
    return total / max_total * 100.0


def compute_results(sources: ResultSources) -> CampaignResults:
    """The campaign's results from its sources, with the rules' every weight, band and quota applied."""
    form = sources.ballot_form
    rules = sources.rules
    unit_ids = [unit.unit_id for unit in sources.units]
    tallies = sources.tallies or tally_ballots(form, rules, sources.units, sources.ballots)
    aggregates = tallies.aggregates

    composites: dict[str, float | None] = {}
    supervision: dict[str, float | None] = {}
    for unit_id in unit_ids:
        totals = list(sources.visit_totals.get(unit_id, ()))
        supervision[unit_id] = supervision_score(totals, rules)
        own = sources.self_scores.get(unit_id)
        composites[unit_id] = composite(
            {
                "review": aggregates[unit_id].score,
                "self": own.verified if own else None,
                "supervision": supervision[unit_id],
            },
            rules,
        ).score

    scored = {unit_id: value for unit_id, value in composites.items() if value is not None}
    caps = {
        unit_id: score.star_cap
        for unit_id, score in sources.self_scores.items()
        if score.star_cap is not None
    }
    satisfactions = {unit_id: aggregates[unit_id].satisfaction for unit_id in scored}
    keys = tie_keys(aggregates, rules)
    awards = assign_stars(scored, rules, caps, satisfactions, keys, keep_tie=True)
    # assign_grades, not grade_for: a band's `max_share` quota in the rules file must hold.
    grade_caps = {
        unit_id: score.grade_caps for unit_id, score in sources.self_scores.items() if score.grade_caps
    }
    grades = assign_grades(scored, rules, grade_caps, keys)
    ranks = rank(composites)

    results: list[UnitResult] = []
    for unit in sources.units:
        aggregate = aggregates[unit.unit_id]
        own_score = sources.self_scores.get(unit.unit_id)
        value = composites[unit.unit_id]
        grade_award = grades.get(unit.unit_id)
        grade_code = grade_award.grade if grade_award is not None else None
        band = rules.grade_band(grade_code) if grade_code else None
        award = awards.get(unit.unit_id)
        stars = award.stars if award is not None else None
        label_of = {group.id: group for group in rules.rater_groups}
        results.append(
            UnitResult(
                unit_id=unit.unit_id,
                name=unit.name,
                liaison_group=unit.liaison_group,
                valid_ballots=aggregate.valid,
                invalid_ballots=aggregate.invalid,
                mean=aggregate.mean,
                trimmed_mean=aggregate.trimmed_mean,
                review_score=aggregate.score,
                good_rate=aggregate.good_rate,
                shares=dict(aggregate.level_shares),
                satisfaction=aggregate.satisfaction,
                groups=_withheld(
                    tuple(
                        GroupScore(
                            group_id=group.group,
                            label_zh=label_of[group.group].zh if group.group in label_of else group.group,
                            label_en=label_of[group.group].en if group.group in label_of else group.group,
                            weight=group.weight,
                            ballots=group.count,
                            mean=group.mean,
                        )
                        for group in aggregate.by_group
                    ),
                    rules.min_group_ballots,
                ),
                self_own=own_score.own if own_score else None,
                self_verified=own_score.verified if own_score else None,
                supervision=supervision[unit.unit_id],
                visits=len(sources.visit_totals.get(unit.unit_id, ())),
                composite=value,
                grade=grade_code,
                grade_zh=band.zh if band else "",
                grade_en=band.en if band else "",
                rank=ranks.get(unit.unit_id),
                star=stars,
                last_star=unit.last_star,
                change=star_change(stars, unit.last_star) if stars is not None else "none",
                vetoes=own_score.vetoes if own_score else (),
                review_plain=(
                    aggregate.group_weighted_plain
                    if rules.group_weighting and aggregate.group_weighted_plain is not None
                    else aggregate.mean
                ),
                good_and_fairly_good=aggregate.good_and_fairly_good,
                grade_tied_over=grade_award.tied_over if grade_award is not None else 0,
                star_tied_over=award.tied_over if award is not None else 0,
                dimension_means=_dimensions_in_order(form, aggregate),
            )
        )
    results.sort(key=lambda result: (result.rank is None, result.rank or 0, result.unit_id))

    five = sum(1 for award in awards.values() if award.stars == 5)
    allowed = quota_limit(rules.five_star_max_share, None, len(scored))
    quota = StarQuota(
        five_star_units=five,
        five_star_allowed=allowed,
        within=allowed is None or five <= allowed,
        capped=tuple(sorted(unit for unit, award in awards.items() if award.reason == "quota")),
    )
    score_item_def = form.item(form.score_item or "")
    scale = form.scale_of(score_item_def) if score_item_def is not None else None
    levels = tuple((level.code, level.label.zh, level.label.en) for level in scale.levels) if scale else ()
    return CampaignResults(
        campaign_id=sources.campaign_id,
        campaign_name=sources.campaign_name,
        year=sources.year,
        closed=sources.closed,
        closing_digests=sources.closing_digests,
        units=tuple(results),
        star_quota=quota,
        bias=tallies.bias,
        participation=Participation(
            codes_issued=sources.codes_issued,
            ballots_sealed=tallies.sealed,
            ballots_valid=tallies.valid,
            by_group=dict(sorted(tallies.by_group.items())),
        ),
        scale_levels=levels,
        brands=sources.brands,
        ties=_tie_notes(results, rules, sources.brands),
        dimensions=tuple(
            (item.id, item.label.zh, item.label.en) for item in dimension_items(form) if item.type == "rating"
        ),
        form_counts=sources.form_counts,
        graded_without_ballots=tuple(
            result.unit_id for result in results if result.grade and not result.valid_ballots
        ),
        trim=rules.trim,
        organisation_stars=rules.organisation_stars,
    )


def tie_keys(aggregates: Mapping[str, UnitAggregate], rules: Rules) -> dict[str, TieKey]:
    """Each unit's tie-break key in the rules' order: 好-rate, then the count of 好 and 较好."""
    keys: dict[str, TieKey] = {}
    for unit_id, aggregate in aggregates.items():
        values: list[float | None] = []
        for name in rules.tie_breaks:
            if name == "good_rate":
                values.append(aggregate.good_rate)
            elif name == "good_and_fairly_good":
                values.append(float(aggregate.good_and_fairly_good))
        keys[unit_id] = tie_key(values)
    return keys


def _dimensions_in_order(form: Form, aggregate: UnitAggregate) -> dict[str, float]:
    return {
        item.id: aggregate.dimension_means[item.id]
        for item in dimension_items(form)
        if item.id in aggregate.dimension_means
    }


def _tie_notes(
    results: Sequence[UnitResult], rules: Rules, brands: Sequence[BrandTally]
) -> tuple[TieNote, ...]:
    """The ties that survived every tie-break at a quota, one note per grade band, five stars, 十佳."""
    notes: list[TieNote] = []
    for band in rules.grades:
        tied = [unit for unit in results if unit.grade == band.code and unit.grade_tied_over]
        if tied:
            notes.append(
                TieNote(
                    "grade",
                    band.code,
                    tuple(unit.unit_id for unit in tied),
                    tuple(unit.name for unit in tied),
                    tied[0].grade_tied_over,
                )
            )
    starred = [unit for unit in results if unit.star_tied_over]
    if starred:
        notes.append(
            TieNote(
                "star",
                "5",
                tuple(unit.unit_id for unit in starred),
                tuple(unit.name for unit in starred),
                starred[0].star_tied_over,
            )
        )
    runoff = [tally for tally in brands if tally.status == "runoff"]
    if runoff:
        decided = sum(1 for tally in brands if tally.status == "top")
        notes.append(
            TieNote(
                "brands",
                "top_ten",
                tuple(tally.brand_id for tally in runoff),
                tuple(tally.name for tally in runoff),
                TOP_PLACES - decided,
            )
        )
    return tuple(notes)


RUNOFF_ITEM = "runoff_round"
"""The brand vote form's item that marks a run-off ballot (加票) with its round; empty on ordinary ballots."""


def runoff_round(form: Form | None, answers: Mapping[str, AnswerValue]) -> int | None:
    """The run-off round of a vote ballot's campaign-wide `answers`, None for an ordinary ballot."""
    if form is None or form.scope != "vote":
        return None
    value = answers.get(RUNOFF_ITEM)
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 1:
        return None
    return int(value)


def split_runoffs(
    ballots: Iterable[tuple[Form | None, Mapping[str, AnswerValue]]],
) -> tuple[list[list[str]], list[list[list[str]]]]:
    """The picks of ordinary vote ballots, and of run-off ballots by round (round 1 first; a round nobody
    voted in counts as empty)."""
    main: list[list[str]] = []
    rounds: dict[int, list[list[str]]] = {}
    for form, answers in ballots:
        picks = brand_picks(form, answers)
        found = runoff_round(form, answers)
        if found is None:
            main.append(picks)
        else:
            rounds.setdefault(found, []).append(picks)
    last = max(rounds, default=0)
    return main, [rounds.get(number, []) for number in range(1, last + 1)]


def brand_picks(form: Form | None, answers: Mapping[str, AnswerValue]) -> list[str]:
    """The brand ids one ballot picked: its campaign-wide `answers` to a vote form's brand items, in order."""
    if form is None or form.scope != "vote":
        return []
    picks: list[str] = []
    for item in form.items():
        if item.choices_from != "brands":
            continue
        value = answers.get(item.id)
        if isinstance(value, list):
            picks.extend(value)
        elif isinstance(value, str) and value:
            picks.append(value)
    return picks


def _count(votes: Iterable[Sequence[str]]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for picked in votes:
        for brand_id in set(picked):
            counts[brand_id] = counts.get(brand_id, 0) + 1
    return counts


def tally_brands(
    votes: Iterable[Sequence[str]],
    brands: Iterable[tuple[str, str, str, str]],
    runoffs: Sequence[Iterable[Sequence[str]]] = (),
) -> tuple[BrandTally, ...]:
    """The brand vote counted: `votes` are each ballot's picked brand ids, `brands` (id, name, unit id, unit
    name); places by votes (ties share a place), then by id for a stable order. The 十佳 follow the tie
    rule (`top_places`): a tie at the tenth place is decided by the run-off rounds' picks (`runoffs`, 加票)
    or, until then, marked "runoff" (需加票决定)."""
    counts = _count(votes)
    known = {brand[0]: brand for brand in brands}
    rounds = [_count(picks) for picks in runoffs]
    places = rank({brand_id: float(counts.get(brand_id, 0)) for brand_id in known})
    decided = top_places({brand_id: counts.get(brand_id, 0) for brand_id in known}, TOP_PLACES, rounds)
    status: dict[str, BrandStatus] = {brand_id: "top" for brand_id in decided.decided}
    status.update({brand_id: "runoff" for brand_id in decided.runoff})
    tallies = [
        BrandTally(
            brand_id,
            name,
            unit_id,
            unit_name,
            counts.get(brand_id, 0),
            places[brand_id],
            status.get(brand_id, ""),
            sum(counted.get(brand_id, 0) for counted in rounds) if rounds else None,
        )
        for brand_id, (_, name, unit_id, unit_name) in known.items()
    ]
    tallies.sort(key=lambda tally: (tally.place, tally.brand_id))
    return tuple(tallies)
