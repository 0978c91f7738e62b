"""The star rating of the branches (星级党支部): score, star with the quota, last year's, the change.

Pure computation over the store's records (no Textual): the verified score counts once the liaison group
reviewed the form; a submitted but unreviewed form counts provisionally; nothing submitted, no star.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from forms.model import Form
from forms.rules import Rules
from forms.scoring import StarChange, assign_stars, quota_limit, score_response, star_change
from store.api import CampaignStore, SelfAssessment, Unit
from tui.selfassess.assigned import applies

STAR_FORM = "star_branch"
"""The form whose total rates a branch's stars."""


@dataclass(frozen=True)
class BranchStar:
    """One branch's star this year against last year's."""

    unit: Unit
    parent_name: str
    state: str
    score: float | None
    verified: bool
    band_stars: int | None
    star: int | None
    last_star: int | None
    change: StarChange | None
    reason: str | None
    vetoes: tuple[str, ...]


@dataclass(frozen=True)
class BranchStars:
    """Every branch's star and the five-star quota check."""

    rows: tuple[BranchStar, ...]
    five_star: int
    five_star_allowed: int | None
    held_by_quota: int

    @property
    def within_quota(self) -> bool:
        """Whether the five-star branches stay within the quota (always, after `assign_stars`)."""
        return self.five_star_allowed is None or self.five_star <= self.five_star_allowed


def _counted(form: Form, record: SelfAssessment) -> tuple[float, bool, tuple[str, ...], int | None] | None:
    """(score 0..100, verified?, veto labels, star cap) of a submitted record; None if it does not count."""
    if record.state == "reviewed":
        answers, verified = record.verified_answers(), True
    elif record.state == "submitted":
        answers, verified = dict(record.answers), False
    else:
        return None
    score = score_response(form, answers, record.notes)
    if score.max_total <= 0:
        return None
    labels = []
    for hit in score.vetoes:
        item = form.item(hit.item)
        labels.append(item.label.zh if item else hit.item)
    return score.total / score.max_total * 100.0, verified, tuple(labels), score.star_cap


def compute_branch_stars(
    form: Form, units: Sequence[Unit], records: Sequence[SelfAssessment], rules: Rules
) -> BranchStars:
    """Stars for every branch that fills `form`, the quota applied by the scoring engine's `assign_stars`."""
    by_id = {unit.id: unit for unit in units}
    branches = [unit for unit in units if applies(form, unit)]
    record_of = {record.unit_id: record for record in records if record.form_id == form.id}
    counted: dict[str, tuple[float, bool, tuple[str, ...], int | None]] = {}
    for unit in branches:
        record = record_of.get(unit.id)
        found = _counted(form, record) if record is not None else None
        if found is not None:
            counted[unit.id] = found
    awards = assign_stars(
        {unit_id: entry[0] for unit_id, entry in counted.items()},
        rules,
        {unit_id: entry[3] for unit_id, entry in counted.items()},
    )
    rows = []
    for unit in branches:
        record = record_of.get(unit.id)
        state = record.state if record is not None else "new"
        if state == "draft" and record is not None and not record.answers:
            state = "new"
        entry = counted.get(unit.id)
        award = awards.get(unit.id)
        parent = by_id.get(unit.parent_id or "")
        rows.append(
            BranchStar(
                unit=unit,
                parent_name=parent.name if parent else "",
                state=state,
                score=entry[0] if entry else None,
                verified=entry[1] if entry else False,
                band_stars=award.band_stars if award else None,
                star=award.stars if award else None,
                last_star=unit.last_star,
                change=star_change(award.stars, unit.last_star) if award else None,
                reason=award.reason if award else None,
                vetoes=entry[2] if entry else (),
            )
        )
    top = max((band.stars for band in rules.stars), default=5)
    five = sum(1 for row in rows if row.star == top)
    allowed = quota_limit(rules.five_star_max_share, None, len(awards)) if awards else None
    held = sum(1 for row in rows if row.reason == "quota")
    return BranchStars(tuple(rows), five, allowed, held)


def load_branch_stars(store: CampaignStore) -> BranchStars | None:
    """The branches' stars from the store (blocking: use a worker); None without a star form."""
    if STAR_FORM not in store.info.form_ids:
        return None
    form = store.form(STAR_FORM)
    return compute_branch_stars(form, store.units(), store.self_assessments(form_id=STAR_FORM), store.rules())
