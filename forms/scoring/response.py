"""One response: item points, subtotals, parts, total, missing answers and notes, vetoes."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from forms.model import Answers, AnswerValue, Form, Item
from forms.scoring.answers import EPSILON, AnswerProblem, is_answered, is_number, validate_answer


@dataclass(frozen=True)
class VetoHit:
    """A veto item answered yes, and the caps it imposes (grade code, star count; 0 = no star)."""

    item: str
    grade_cap: str | None
    star_cap: int | None


@dataclass(frozen=True)
class ResponseScore:
    """The score of one response.

    `item_points` holds every shown item that earns or loses points (weighted; deductions negative);
    `section_points` the subtotals; `part_points` each part's sum floored at 0 before its weight;
    `total` lies in 0..`max_total`. For a form with a `score_item` (ballots) the total is that item's
    points. `missing` lists required shown items (and every shown veto item) without an answer,
    `notes_missing` the items below full marks whose evidence note is empty, `problems` the answers
    `validate_answer` refuses;
    `hidden` the items whose `show_if` does not hold (neither required nor scored). `satisfaction`
    is the answer to the form's `satisfaction_item` (0..100), for `star_for`/`assign_stars`.
    """

    item_points: Mapping[str, float]
    section_points: Mapping[str, float]
    part_points: Mapping[str, float]
    total: float
    max_total: float
    deductions: float
    missing: tuple[str, ...]
    notes_missing: tuple[str, ...]
    problems: tuple[AnswerProblem, ...]
    hidden: tuple[str, ...]
    vetoes: tuple[VetoHit, ...]
    satisfaction: float | None = None

    @property
    def complete(self) -> bool:
        """Whether the response can be submitted: nothing missing, no note missing, no bad answer."""
        return not self.missing and not self.notes_missing and not self.problems

    @property
    def star_cap(self) -> int | None:
        """The tightest star cap of the vetoes hit (0 = no star), or None."""
        caps = [hit.star_cap for hit in self.vetoes if hit.star_cap is not None]
        return min(caps) if caps else None

    @property
    def grade_caps(self) -> tuple[str, ...]:
        """The grade codes the vetoes hit cap the grade to (`grade_for` picks the worst)."""
        return tuple(hit.grade_cap for hit in self.vetoes if hit.grade_cap is not None)


def visible_items(form: Form, answers: Answers) -> tuple[set[str], set[str]]:
    """(shown, hidden) item ids: an item is hidden when its `show_if` fails or names a hidden item."""
    shown: set[str] = set()
    hidden: set[str] = set()
    # show_if may only point at items the validator proved acyclic; resolve by repeated passes.
    pending = list(form.items())
    while pending:
        progress = False
        rest = []
        for item in pending:
            condition = item.show_if
            if condition is None:
                shown.add(item.id)
                progress = True
            elif condition.item in hidden:
                hidden.add(item.id)
                progress = True
            elif condition.item in shown or form.item(condition.item) is None:
                (shown if condition.holds(answers) else hidden).add(item.id)
                progress = True
            else:
                rest.append(item)
        if not progress:  # a cycle (refused by validation): treat the rest as hidden
            hidden.update(item.id for item in rest)
            break
        pending = rest
    return shown, hidden


def item_full_points(form: Form, item: Item) -> float:
    """An item's full marks, weighted (0 for text, veto and deduct items)."""
    return _raw_full(form, item) * item.weight


def _raw_full(form: Form, item: Item) -> float:
    kind = item.type
    if kind == "rating":
        scale = form.scale_of(item)
        if item.points is not None:
            return item.points
        return scale.full_points if scale else 0.0
    if kind == "score":
        return item.max if item.max is not None else 0.0
    if kind == "check":
        return item.points or 0.0
    if kind == "choice":
        return max((choice.points for choice in item.choices), default=0.0)
    if kind == "multi":
        best = sorted((choice.points for choice in item.choices), reverse=True)
        if item.max_picks is not None:
            best = best[: item.max_picks]
        total = sum(point for point in best if point > 0)
        return min(total, item.cap) if item.cap is not None else total
    return 0.0


def item_points(form: Form, item: Item, value: AnswerValue) -> float | None:
    """The weighted points an answer earns (negative for a deduction), or None when it earns none."""
    if not is_answered(value):
        return None
    kind = item.type
    raw: float
    if kind == "rating":
        scale = form.scale_of(item)
        level = scale.level(value) if scale and isinstance(value, str) else None
        if scale is None or level is None:
            return None
        raw = level.points
        if item.points is not None and scale.full_points:
            raw = level.points / scale.full_points * item.points
    elif kind == "score":
        if not is_number(value):
            return None
        assert isinstance(value, (int, float))
        raw = float(value)
    elif kind == "check":
        if not isinstance(value, bool):
            return None
        raw = (item.points or 0.0) if value else 0.0
    elif kind == "choice":
        choice = item.choice(value) if isinstance(value, str) else None
        raw = choice.points if choice else 0.0
    elif kind == "multi":
        if not isinstance(value, list):
            return None
        raw = sum(choice.points for code in set(value) if (choice := item.choice(code)) is not None)
        if item.cap is not None:
            raw = min(raw, item.cap)
    elif kind == "deduct":
        if not is_number(value):
            return None
        assert isinstance(value, (int, float))
        taken = float(value) * item.points if item.points is not None else float(value)
        if item.cap is not None:
            taken = min(taken, item.cap)
        return -max(0.0, taken) * item.weight
    else:
        return None
    return raw * item.weight


def below_full(form: Form, item: Item, value: AnswerValue) -> bool:
    """Whether an answer earns less than the item's full marks (a deduction taken counts as below):
    where `note_below_full` demands an evidence note."""
    earned = item_points(form, item, value)
    if earned is None:
        return False
    if item.type == "deduct":
        return earned < 0
    return earned < item_full_points(form, item) - EPSILON


def form_max_total(form: Form) -> float:
    """The form's full marks: `max_total` when declared, else computed from its items and parts."""
    if form.max_total is not None:
        return form.max_total
    if form.score_item:
        item = form.item(form.score_item)
        return item_full_points(form, item) if item else 0.0
    return _weighted_total({section.id: _section_full(form, section.id) for section in form.sections}, form)


def _section_full(form: Form, section_id: str) -> float:
    for section in form.sections:
        if section.id == section_id:
            return sum(item_full_points(form, item) for item in section.items)
    return 0.0


def _weighted_total(section_points: Mapping[str, float], form: Form) -> float:
    if not form.parts:
        return max(0.0, sum(section_points.values()))
    total = 0.0
    for part_id, part_sum in _part_sums(section_points, form).items():
        part = form.part(part_id)
        total += (part.weight if part else 0.0) * part_sum
    return total


def _part_sums(section_points: Mapping[str, float], form: Form) -> dict[str, float]:
    sums = {part.id: 0.0 for part in form.parts}
    for section in form.sections:
        if section.part in sums:
            sums[section.part] += section_points.get(section.id, 0.0)
    return {part_id: max(0.0, value) for part_id, value in sums.items()}


def _too_few_picks(item: Item, value: AnswerValue) -> AnswerProblem | None:
    """Fewer picks than `min_picks` (checked on submission, not while the user is still picking)."""
    if item.type == "multi" and isinstance(value, list) and len(value) < item.min_picks:
        return AnswerProblem(item.id, "forms.answer.too_few", {"count": len(value), "min": item.min_picks})
    return None


def score_response(form: Form, answers: Answers, notes: Mapping[str, str] | None = None) -> ResponseScore:
    """Score one response: item points, subtotals, parts, total, missing answers and notes, vetoes."""
    notes = notes or {}
    shown, hidden = visible_items(form, answers)
    points: dict[str, float] = {}
    missing: list[str] = []
    notes_missing: list[str] = []
    problems: list[AnswerProblem] = []
    vetoes: list[VetoHit] = []
    section_points: dict[str, float] = {}
    deductions = 0.0
    for section in form.sections:
        subtotal = 0.0
        for item in section.items:
            if item.id not in shown:
                continue
            value = answers.get(item.id)
            if not is_answered(value):
                # A veto item left unanswered is never taken as "no": it must be answered.
                if item.required or item.type == "veto":
                    missing.append(item.id)
                continue
            problem = validate_answer(form, item.id, value) or _too_few_picks(item, value)
            if problem is not None:
                problems.append(problem)
                continue
            if item.type == "veto":
                if value is True:
                    vetoes.append(VetoHit(item.id, item.veto_grade, item.veto_stars))
                continue
            earned = item_points(form, item, value)
            if earned is None:
                continue
            points[item.id] = earned
            subtotal += earned
            if earned < 0:
                deductions -= earned
            if (
                item.note_below_full
                and not (notes.get(item.id) or "").strip()
                and below_full(form, item, value)
            ):
                notes_missing.append(item.id)
        section_points[section.id] = subtotal
    max_total = form_max_total(form)
    total = points.get(form.score_item, 0.0) if form.score_item else _weighted_total(section_points, form)
    total = min(max(total, 0.0), max_total) if max_total > 0 else max(total, 0.0)
    return ResponseScore(
        item_points=points,
        section_points=section_points,
        part_points=_part_sums(section_points, form),
        total=total,
        max_total=max_total,
        deductions=deductions,
        missing=tuple(missing),
        notes_missing=tuple(notes_missing),
        problems=tuple(problems),
        hidden=tuple(item.id for item in form.items() if item.id in hidden),
        vetoes=tuple(vetoes),
        satisfaction=_satisfaction(form, answers, shown),
    )


def _satisfaction(form: Form, answers: Answers, shown: set[str]) -> float | None:
    item_id = form.satisfaction_item
    value = answers.get(item_id) if item_id and item_id in shown else None
    if isinstance(value, (int, float)) and is_number(value):
        return float(value)
    return None
