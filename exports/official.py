"""The results' state (进行中 / 已核定 / 已公布), finalising them, and each unit's one official star."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from forms.errors import InputError
from store.api import CampaignStore, FinalResults, SelfAssessment, Unit

from .stars import BranchStars, branch_stars, fills_star_form, is_star_form

ResultState = Literal["in_progress", "verified", "published"]
"""进行中: rating or voting still under way; 已核定: everything closed and reviewed, not yet finalised;
已公布: finalised by the admin (`results finalize`), the only state next year's stars come from."""

Translate = Callable[..., str]

NAMES_SHOWN = 3
"""How many unit names a missing piece names before "…" (the count says the rest)."""


@dataclass(frozen=True)
class Missing:
    """One thing keeping the results from final: a catalogue key with its count and the first names."""

    key: str
    count: int
    names: tuple[str, ...] = ()

    def params(self) -> dict[str, object]:
        """The catalogue parameters: count and the names joined (with … when more than shown)."""
        shown = "、".join(self.names[:NAMES_SHOWN]) + ("…" if len(self.names) > NAMES_SHOWN else "")
        return {"count": self.count, "names": shown}

    def rendered(self) -> tuple[str, dict[str, object]]:
        """(key, params), the nested form `tui.i18n.error_text` turns into words."""
        return (self.key, self.params())


@dataclass(frozen=True)
class ResultsStatus:
    """Where the campaign's results stand.

    `blockers` stop finalising (voting open, self-assessments not reviewed); `gaps` are units with no result
    (never rated), reported on every view and finalised as unrated; `final` is the finalised record.
    """

    state: ResultState
    blockers: tuple[Missing, ...]
    gaps: tuple[Missing, ...]
    final: FinalResults | None

    @property
    def missing(self) -> tuple[Missing, ...]:
        """Everything not yet there, blockers first."""
        return self.blockers + self.gaps


def _names(units: dict[str, Unit], records: list[SelfAssessment]) -> tuple[str, ...]:
    return tuple(units[r.unit_id].name if r.unit_id in units else r.unit_id for r in records)


def results_status(campaign: CampaignStore) -> ResultsStatus:
    """The state of the results, what stops finalising them and which units have none (blocking reads)."""
    final = campaign.meeting.final_results()
    units = {unit.id: unit for unit in campaign.roster.units()}
    blockers: list[Missing] = []
    if campaign.forms_of_scope("ballot"):
        voting = campaign.meeting.voting_state()
        if voting != "closed":
            blockers.append(Missing(f"selfyear.missing.voting_{voting}", 1))
    unit_forms = [form for form in campaign.forms_of_scope("unit") if form.sections]
    records = campaign.self_assessments.self_assessments()
    by_state: dict[str, list[SelfAssessment]] = {"submitted": [], "returned": [], "draft": []}
    for record in records:
        if record.form_id not in {form.id for form in unit_forms}:
            continue
        if record.state == "draft" and not record.answers and not record.typed:
            continue  # opened, nothing entered: counted with the units not rated
        if record.state in by_state:
            by_state[record.state].append(record)
    for kind in ("submitted", "returned", "draft"):
        if by_state[kind]:
            blockers.append(
                Missing(f"selfyear.missing.{kind}", len(by_state[kind]), _names(units, by_state[kind]))
            )
    gaps: list[Missing] = []
    star_forms = [form for form in unit_forms if is_star_form(form)]
    if star_forms:
        started = {
            r.unit_id
            for r in records
            if r.form_id == star_forms[0].id and (r.state != "draft" or r.answers or r.typed)
        }
        unrated = [unit for unit in units.values() if fills_star_form(unit) and unit.id not in started]
        if unrated:
            gaps.append(Missing("selfyear.missing.unrated", len(unrated), tuple(u.name for u in unrated)))
    state: ResultState
    if final is not None:
        state = "published"
    elif blockers or gaps:
        state = "in_progress"
    else:
        state = "verified"
    return ResultsStatus(state, tuple(blockers), tuple(gaps), final)


def official_stars(campaign: CampaignStore, stars: BranchStars | None = None) -> dict[str, int]:
    """Each rated unit's one official star (0 = none): a unit that fills the star form (a branch, or an
    organisation that is itself a branch) by its 星级党支部 rating, else (never rated as a branch) by its
    composite result of the review meeting, like any other organisation. Unrated units are left out."""
    official: dict[str, int] = {}
    if campaign.forms_of_scope("ballot") and campaign.meeting.voting_state() == "closed":
        from .results import campaign_results

        for result in campaign_results(campaign).units:
            if result.star is not None:
                official[result.unit_id] = result.star
    rows = stars if stars is not None else branch_stars(campaign)
    if rows is not None:
        for row in rows.rows:
            if row.star is not None:
                official[row.unit_id] = row.star  # the branch rating wins: one star per organisation
    return official


def finalize(campaign: CampaignStore, actor: str) -> FinalResults:
    """Finalise the results (公布) after voting closed and every started self-assessment was reviewed.

    InputError naming what is missing otherwise; units never rated are finalised as unrated, never guessed.
    """
    status = results_status(campaign)
    if status.final is not None:
        raise InputError("selfyear.already_final", campaign=campaign.info.name)
    if status.blockers:
        raise InputError(
            "selfyear.finalize_blocked",
            campaign=campaign.info.name,
            missing=[missing.rendered() for missing in status.blockers],
        )
    stars = branch_stars(campaign, final=True)
    official = official_stars(campaign, stars)
    unrated = [
        unit.id for unit in campaign.roster.units() if fills_star_form(unit) and unit.id not in official
    ]
    return campaign.meeting.finalize_results(official, unrated, actor)


def final_stars(source: CampaignStore) -> FinalResults:
    """The finalised stars of an earlier campaign; InputError naming what is missing when not finalised."""
    final = source.meeting.final_results()
    if final is not None:
        return final
    status = results_status(source)
    missing = [m.rendered() for m in status.missing] or [("selfyear.missing.finalize", {})]
    raise InputError("selfyear.not_final", campaign=source.info.name, id=source.info.id, missing=missing)


def star_word(stars: int, text: Translate) -> str:
    """A star count as people write it: 一星 … 五星, 无星级 for 0."""
    return text(f"selfyear.star.{max(0, min(stars, 5))}")


@dataclass(frozen=True)
class StarComparison:
    """This year's stars against last year's over one set of units: those rated this year.

    `last_year` is None when no unit has a last-year star (nothing to compare with); `no_last` counts the
    rated units without one (new), `unrated` the units still without a result (on neither side).
    """

    this_year: tuple[int, ...]
    last_year: tuple[int, ...] | None
    no_last: int
    unrated: int


def compare_stars(stars: BranchStars) -> StarComparison:
    """The star distribution of this year beside last year's, counting the same units on both sides."""
    rated = [row for row in stars.rows if row.star is not None]
    this_year = tuple(row.star or 0 for row in rated)
    if not any(row.last_star is not None for row in stars.rows):
        return StarComparison(this_year, None, len(rated), len(stars.rows) - len(rated))
    last_year = tuple(row.last_star for row in rated if row.last_star is not None)
    return StarComparison(this_year, last_year, len(rated) - len(last_year), len(stars.rows) - len(rated))


ACTION_ORDER = {"submitted": 0, "returned": 1, "draft": 2, "new": 3, "reviewed": 4}
"""A liaison group's board, what needs action first: to review, back with the unit, being filled, not
started, done."""


def is_late(state: str, deadline: str | None, today: str) -> bool:
    """Whether a self-assessment is late: not submitted (new, draft, sent back) after the deadline day."""
    return deadline is not None and today > deadline and state in ("new", "draft", "returned")
