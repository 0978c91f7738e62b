"""`campaign_results(campaign_store)`: the results screens and exports read, gathered from the store."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence

from forms.errors import InputError
from forms.model import Form
from forms.rules import Rules
from forms.scoring import score_response
from store.api import CAMPAIGN_WIDE, CampaignStore, SealedBallot, SelfAssessment, Unit
from store.ballot_snapshot import ballot_snapshot, check_health

from .compute import (
    BallotRecord,
    ResultSources,
    SelfScore,
    UnitInfo,
    compute_results,
    score_on_hundred,
    split_runoffs,
    tally_brands,
)
from .counts import form_counts
from .model import (
    BiasDiagnostics,
    BrandTally,
    CampaignResults,
    GroupLeniency,
    GroupScore,
    Participation,
    RankShift,
    StarQuota,
    UnitResult,
)
from .tallies import tally_ballots
from .tally_cache import StoreTallies, cached_tallies, tallies_key

__all__ = [
    "BiasDiagnostics",
    "BrandTally",
    "CampaignResults",
    "GroupLeniency",
    "GroupScore",
    "Participation",
    "RankShift",
    "StarQuota",
    "UnitResult",
    "campaign_results",
]


def unit_infos(units: Iterable[Unit]) -> list[UnitInfo]:
    """The result-relevant facts of the store's units."""
    return [UnitInfo(unit.id, unit.name, unit.group, unit.last_star) for unit in units]


def ballot_form_of(campaign_store: CampaignStore) -> Form:
    """The campaign's review-meeting ballot form; InputError when the campaign pinned none."""
    forms = campaign_store.forms_of_scope("ballot")
    if not forms:
        raise InputError("export.no_ballot_form", campaign=campaign_store.info.name)
    return forms[0]


def self_scores(assessments: Iterable[SelfAssessment], form_of: Mapping[str, Form]) -> dict[str, SelfScore]:
    """Each unit's self-assessment scores on 0..100, averaged over its scored unit forms.

    The verified score exists only once the liaison group marked the assessment reviewed; vetoes and caps come
    from the verified answers when there are any, else from the unit's own.
    """
    own: dict[str, list[float]] = {}
    verified: dict[str, list[float]] = {}
    vetoes: dict[str, list[str]] = {}
    star_caps: dict[str, list[int]] = {}
    grade_caps: dict[str, list[str]] = {}
    for assessment in assessments:
        form = form_of.get(assessment.form_id)
        if form is None or assessment.state == "draft":
            continue
        mine = score_response(form, assessment.answers, assessment.notes)
        if mine.max_total <= 0:
            continue
        own.setdefault(assessment.unit_id, []).append(score_on_hundred(mine.total, mine.max_total))
        checked = mine
        if assessment.state == "reviewed":
            checked = score_response(form, assessment.verified_answers(), assessment.notes)
            verified.setdefault(assessment.unit_id, []).append(
                score_on_hundred(checked.total, checked.max_total)
            )
        for hit in checked.vetoes:
            item = form.item(hit.item)
            vetoes.setdefault(assessment.unit_id, []).append(item.label.zh if item else hit.item)
            if hit.star_cap is not None:
                star_caps.setdefault(assessment.unit_id, []).append(hit.star_cap)
            if hit.grade_cap is not None:
                grade_caps.setdefault(assessment.unit_id, []).append(hit.grade_cap)
    scores: dict[str, SelfScore] = {}
    for unit_id in sorted(set(own) | set(verified)):
        mine_list = own.get(unit_id, [])
        checked_list = verified.get(unit_id, [])
        scores[unit_id] = SelfScore(
            own=math.fsum(mine_list) / len(mine_list) if mine_list else None,
            verified=math.fsum(checked_list) / len(checked_list) if checked_list else None,
            vetoes=tuple(vetoes.get(unit_id, ())),
            star_cap=min(star_caps[unit_id]) if unit_id in star_caps else None,
            grade_caps=tuple(grade_caps.get(unit_id, ())),
        )
    return scores


def visit_totals(campaign_store: CampaignStore, form_of: Mapping[str, Form]) -> dict[str, list[float]]:
    """Every unit's supervision visit totals on 0..100, in visit order."""
    totals: dict[str, list[float]] = {}
    for visit in campaign_store.visits.visits():
        form = form_of.get(visit.form_id)
        if form is None:
            continue
        scored = score_response(form, visit.answers)
        if scored.max_total <= 0:
            continue
        totals.setdefault(visit.unit_id, []).append(score_on_hundred(scored.total, scored.max_total))
    return totals


def count_brands(
    brands: Sequence[tuple[str, str, str, str]], ballots: Sequence[SealedBallot], form_of: Mapping[str, Form]
) -> tuple[BrandTally, ...]:
    """The brand vote counted over `ballots` for the registered `brands` (id, name, unit id, unit name)."""
    if not brands:
        return ()
    # A ballot of another form picks nothing, and an empty pick counts for no brand; run-off ballots (加票)
    # count only in their round.
    picks, rounds = split_runoffs(
        (form_of.get(ballot.form_id), ballot.answers.get(CAMPAIGN_WIDE, {})) for ballot in ballots
    )
    return tally_brands(picks, brands, rounds)


def registered_brands(campaign_store: CampaignStore) -> list[tuple[str, str, str, str]]:
    """The campaign's service brands as the tally lists them: (id, name, unit id, unit name)."""
    brands = campaign_store.roster.brands()
    if not brands:
        return []
    names = {unit.id: unit.name for unit in campaign_store.roster.units()}
    return [(b.id, b.name, b.unit_id, names.get(b.unit_id, "")) for b in brands]


def prepare_results(campaign_store: CampaignStore) -> bool:
    """Count the ballots once, right after voting closed, and keep the tallies, so that the first opening
    of the results reads them instead of counting (seconds at 300 units x 2,000 ballots). True when they
    are kept; False when there is nothing to keep yet (voting not closed, or the rules cannot count now:
    the results screen says why when it is opened). Reads the store: call it off the UI thread."""
    if campaign_store.meeting.voting_state() != "closed":
        return False
    try:
        campaign_results(campaign_store)
    except InputError:
        return False
    return True


def campaign_results(campaign_store: CampaignStore, rules: Rules | None = None) -> CampaignResults:
    """The campaign's results with its own rules (or `rules`): scores, grades, ranks, stars, diagnostics.

    Reads the store (call it from a worker thread, never the UI thread).
    """
    chosen_rules = rules or campaign_store.rules()
    form = ballot_form_of(campaign_store)
    form_of = {pinned.id: pinned for pinned in campaign_store.forms()}
    units = unit_infos(campaign_store.roster.meeting_units())
    brands = registered_brands(campaign_store)
    # Read once under the lock; the tallies are computed from these very bytes or kept for their digest.
    snapshot = ballot_snapshot(campaign_store.files)

    def tally() -> StoreTallies:
        check_health(campaign_store.files)  # never count ballots beside a damaged file
        sealed = list(snapshot.ballots())
        ballots = [
            BallotRecord(ballot.ballot_id, ballot.rater_group, ballot.answers)
            for ballot in sealed
            if ballot.form_id == form.id
        ]
        ballots.sort(key=lambda record: record.ballot_id)
        return StoreTallies(
            tally_ballots(form, chosen_rules, units, ballots),
            count_brands(brands, sealed, form_of),
            form_counts(sealed, form_of),
        )

    key = tallies_key(snapshot, form, chosen_rules, units, list(form_of.values()), brands)
    closed = campaign_store.meeting.voting_state() == "closed"
    kept = cached_tallies(campaign_store, key, tally, keep=closed)
    issued = snapshot.codes_issued
    sources = ResultSources(
        campaign_id=campaign_store.info.id,
        campaign_name=campaign_store.info.name,
        rules=chosen_rules,
        ballot_form=form,
        units=units,
        ballots=(),
        year=campaign_store.info.year,
        closed=closed,
        # This terminal's minutes first, then those of the rooms whose ballots were imported.
        closing_digests=tuple(
            dict.fromkeys(
                [closing.digest for closing in campaign_store.meeting.closings()]
                + campaign_store.meeting.imported_closings()
            )
        ),
        self_scores=self_scores(campaign_store.self_assessments.self_assessments(), form_of),
        visit_totals=visit_totals(campaign_store, form_of),
        codes_issued=issued or None,
        brands=kept.brands,
        form_counts=kept.form_counts,
        tallies=kept.tallies,
    )
    from .official_stars import with_official_stars
    from .stars import branch_stars

    # One star per organisation: one that is itself a branch keeps its 星级党支部 rating.
    return with_official_stars(compute_results(sources), branch_stars(campaign_store, chosen_rules))
