"""The branches' star ratings (星级党支部): score, star within the quota, last year's star and the change."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from forms.model import Form
from forms.rules import Rules
from forms.scoring import StarChange, assign_stars, quota_limit, score_response, star_change
from store.api import CampaignStore, SelfAssessment, Unit

from .compute import score_on_hundred


@dataclass(frozen=True)
class BranchStar:
    """One branch's star this year against last year's.

    `state` is the self-assessment's state ("new" when nothing was entered); the verified score counts once
    the liaison group reviewed the form, a submitted but unreviewed form counts provisionally (`verified`
    False); `reason` says what held the star below its band ("veto", "satisfaction", "quota").
    """

    unit_id: str
    name: str
    parent_id: str
    parent_name: str
    liaison_group: str
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
    """Every branch's star, with the five-star quota check."""

    form_id: str
    rows: tuple[BranchStar, ...]
    five_star: int
    five_star_allowed: int | None
    held_by_quota: int
    provisional: bool = False
    """Rating is still under way (some branch not yet reviewed) and the results are not final: the stars
    are provisional, by band, vetoes and satisfaction only, NOT cut by the five-star quota."""

    @property
    def rated(self) -> int:
        """How many branches have a result (the rest are still to be rated)."""
        return sum(1 for row in self.rows if row.star is not None)

    @property
    def within_quota(self) -> bool:
        """Whether the five-star branches stay within the quota."""
        return self.five_star_allowed is None or self.five_star <= self.five_star_allowed

    def count(self, stars: int) -> int:
        """How many branches have `stars` stars this year (0 = rated, no star)."""
        return sum(1 for row in self.rows if row.star == stars)


@dataclass(frozen=True)
class _Counted:
    score: float
    verified: bool
    vetoes: tuple[str, ...]
    star_cap: int | None
    satisfaction: float | None


def is_star_form(form: Form) -> bool:
    """Whether a unit form rates branches' stars: its file says `kind = "star"`."""
    return form.scope == "unit" and form.kind == "star"


def fills_star_form(unit: Unit) -> bool:
    """Whether a unit is rated for stars: a branch, or an organization that is a branch (机关党支部)."""
    return unit.parent_id is not None or unit.kind.endswith("支部")


def _counted(form: Form, record: SelfAssessment) -> _Counted | None:
    if record.state == "reviewed":
        answers, verified = record.verified_answers(), True
    elif record.state == "submitted":
        answers, verified = dict(record.answers), False
    else:
        return None
    scored = score_response(form, answers, record.notes)
    if scored.max_total <= 0:
        return None
    labels = []
    for hit in scored.vetoes:
        item = form.item(hit.item)
        labels.append(item.label.zh if item else hit.item)
    return _Counted(
        score_on_hundred(scored.total, scored.max_total),
        verified,
        tuple(labels),
        scored.star_cap,
        getattr(scored, "satisfaction", None),
    )


def compute_branch_stars(
    form: Form,
    units: Sequence[Unit],
    records: Sequence[SelfAssessment],
    rules: Rules,
    final: bool = False,
) -> BranchStars:
    """Stars for every unit rated by `form`, the quota applied by the scoring engine's `assign_stars`.

    The quota counts the whole set of units to be rated (floor(share x all), not x those rated so far).
    While any of them is not yet reviewed and the results are not `final`, the stars are provisional and
    not cut by the quota (a quota over a partial set would cut nearly every branch).
    """
    by_id = {unit.id: unit for unit in units}
    rated = [unit for unit in units if fills_star_form(unit)]
    record_of = {record.unit_id: record for record in records if record.form_id == form.id}
    counted: dict[str, _Counted] = {}
    for unit in rated:
        record = record_of.get(unit.id)
        found = _counted(form, record) if record is not None else None
        if found is not None:
            counted[unit.id] = found
    under_way = any(unit.id not in record_of or record_of[unit.id].state != "reviewed" for unit in rated)
    provisional = under_way and not final
    awards = assign_stars(
        {unit_id: entry.score for unit_id, entry in counted.items()},
        rules,
        {unit_id: entry.star_cap for unit_id, entry in counted.items()},
        {unit_id: entry.satisfaction for unit_id, entry in counted.items()},
        quota_over=len(rated),
        apply_quota=not provisional,
    )
    rows: list[BranchStar] = []
    for unit in rated:
        record = record_of.get(unit.id)
        state = record.state if record is not None else "new"
        if state == "draft" and record is not None and not record.answers:
            state = "new"
        entry = counted.get(unit.id)
        award = awards.get(unit.id)
        parent = by_id.get(unit.parent_id or "")
        rows.append(
            BranchStar(
                unit_id=unit.id,
                name=unit.name,
                parent_id=unit.parent_id or "",
                parent_name=parent.name if parent else "",
                liaison_group=unit.group or (parent.group if parent else ""),
                state=state,
                score=entry.score if entry else None,
                verified=entry.verified if entry else False,
                band_stars=award.band_stars if award else None,
                star=award.stars if award else None,
                last_star=unit.last_star,
                change=star_change(award.stars, unit.last_star) if award else None,
                reason=award.reason if award else None,
                vetoes=entry.vetoes if entry else (),
            )
        )
    top = max((band.stars for band in rules.stars), default=5)
    five = sum(1 for row in rows if row.star == top)
    allowed = quota_limit(rules.five_star_max_share, None, len(rated)) if rated else None
    held = sum(1 for row in rows if row.reason == "quota")
    return BranchStars(form.id, tuple(rows), five, allowed, held, provisional)


def branch_stars(
    campaign_store: CampaignStore, rules: Rules | None = None, final: bool | None = None
) -> BranchStars | None:
    """The branches' stars from the store (blocking: call it from a worker); None without a star form.

    `final` (default: whether the campaign's results were finalised) applies the quota even though some
    branches were never rated."""
    forms = [form for form in campaign_store.forms_of_scope("unit") if is_star_form(form)]
    if not forms:
        return None
    form = forms[0]
    return compute_branch_stars(
        form,
        campaign_store.roster.units(),
        campaign_store.self_assessments.self_assessments(form_id=form.id),
        rules or campaign_store.rules(),
        final=campaign_store.meeting.final_results() is not None if final is None else final,
    )
