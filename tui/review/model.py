"""What the review screens show, computed in workers: a group's board rows, visits and supervision scores."""

from __future__ import annotations

from dataclasses import dataclass

from forms.model import Form
from forms.rules import Rules
from forms.scoring import score_response, supervision_score
from store.api import CampaignStore, SelfAssessment, Unit, Visit, forms_for_unit
from tui.selfassess.app import display_state
from tui.selfassess.assigned import group_of

STATE_ORDER = {"new": 0, "draft": 1, "returned": 2, "submitted": 3, "reviewed": 4}
"""Board order of the states: what still needs the unit first, what needs the group next."""


def percent(total: float, max_total: float) -> float:
    """A total on the 0..100 scale."""
    return total / max_total * 100.0 if max_total > 0 else 0.0


@dataclass(frozen=True)
class BoardRow:
    """One unit's self-assessment of one form, as the group's board lists it."""

    unit: Unit
    form: Form
    state: str
    own: float | None
    verified: float | None
    adjustments: int
    record: SelfAssessment | None

    @property
    def key(self) -> str:
        """The row's id in the board table."""
        return f"{self.unit.id}|{self.form.id}"


def group_units(store: CampaignStore, group: str) -> list[Unit]:
    """The units (organizations and their branches) of a liaison group, in roster order."""
    units = store.roster.units()
    by_id = {unit.id: unit for unit in units}
    return [unit for unit in units if group_of(unit, by_id) == group]


def board_row(unit: Unit, form: Form, record: SelfAssessment | None) -> BoardRow:
    """The board row of one unit and form (scores from the scoring engine, as percentages)."""
    state = display_state(record)
    own = verified = None
    if record is not None and state != "new":
        own_score = score_response(form, record.answers, record.notes)
        own = percent(own_score.total, own_score.max_total)
        verified = own
        if record.adjustments:  # without adjustments the verified answers are the unit's own
            verified_score = score_response(form, record.verified_answers(), record.notes)
            verified = percent(verified_score.total, verified_score.max_total)
    adjustments = len(record.adjustments) if record is not None else 0
    return BoardRow(unit, form, state, own, verified, adjustments, record)


def load_board(store: CampaignStore, group: str) -> list[BoardRow]:
    """Every unit of the group with each form it fills, and the state of each (blocking: use a worker)."""
    records = {
        (record.unit_id, record.form_id): record
        for record in store.self_assessments.self_assessments(group=group)
    }
    # The campaign's unit forms are read once, not once per unit (250 reads of the same forms).
    unit_scope = store.forms_of_scope("unit")
    rows: list[BoardRow] = []
    for unit in group_units(store, group):
        for form in forms_for_unit(unit, unit_scope):
            rows.append(board_row(unit, form, records.get((unit.id, form.id))))
    return rows


def counts(rows: list[BoardRow]) -> dict[str, int]:
    """How many rows are in each state, in board order."""
    found = dict.fromkeys(STATE_ORDER, 0)
    for row in rows:
        found[row.state] = found.get(row.state, 0) + 1
    return found


@dataclass(frozen=True)
class VisitRow:
    """One visit with its unit's name and its total on the visit form."""

    visit: Visit
    unit_name: str
    total: float | None


@dataclass(frozen=True)
class SupervisionRow:
    """A unit's visits this year and the supervision score the rules make of them."""

    unit: Unit
    visits: int
    score: float | None


def visit_total(form: Form, visit: Visit) -> float | None:
    """A visit's total on its form (0..100), None when the form has no scored answers."""
    score = score_response(form, visit.answers)
    if not score.item_points:
        return None
    return percent(score.total, score.max_total)


def load_visits(store: CampaignStore, group: str) -> tuple[list[VisitRow], list[SupervisionRow]]:
    """The group's visits (newest first) and each unit's supervision score (blocking: use a worker)."""
    units = group_units(store, group)
    names = {unit.id: unit.name for unit in units}
    forms: dict[str, Form] = {}
    rows: list[VisitRow] = []
    totals: dict[str, list[float]] = {}
    visits_per_unit: dict[str, int] = {}
    for visit in store.visits.visits(group=group):
        form = forms.get(visit.form_id)
        if form is None:
            form = forms[visit.form_id] = store.form(visit.form_id)
        total = visit_total(form, visit)
        rows.append(VisitRow(visit, names.get(visit.unit_id, visit.unit_id), total))
        visits_per_unit[visit.unit_id] = visits_per_unit.get(visit.unit_id, 0) + 1
        if total is not None:
            totals.setdefault(visit.unit_id, []).append(total)
    rows.sort(key=lambda row: (row.visit.day, row.visit.id), reverse=True)
    rules: Rules = store.rules()
    scores = [
        SupervisionRow(
            unit, visits_per_unit.get(unit.id, 0), supervision_score(totals.get(unit.id, []), rules)
        )
        for unit in units
    ]
    return rows, scores


def check_in_group(store: CampaignStore, group: str, unit_id: str) -> Unit:
    """The unit, refused when it is not one of the group's units (a group code only acts on its own units)."""
    for unit in group_units(store, group):
        if unit.id == unit_id:
            return unit
    from forms.errors import InputError

    raise InputError("review.other_group", unit=unit_id, group=group)
