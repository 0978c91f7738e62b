"""Single answers: whether a value counts as answered, and why an entry is refused (`validate_answer`)."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from forms.model import AnswerValue, Form, Item

EPSILON = 1e-9


@dataclass(frozen=True)
class AnswerProblem:
    """Why an answer is refused: the item, a catalogue key (`forms.answer.*`) and its parameters."""

    item: str
    key: str
    params: Mapping[str, object] = field(default_factory=dict)


def is_answered(value: AnswerValue) -> bool:
    """Whether a value counts as an answer (False is an answer to a yes/no item; "" and [] are not)."""
    return value is not None and value != "" and value != []


def is_number(value: AnswerValue) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _on_step(value: float, start: float, step: float) -> bool:
    ratio = (value - start) / step
    return abs(ratio - round(ratio)) <= 1e-6


def _fmt(number: float) -> str:
    """A number for a message: no trailing ".0"."""
    return f"{number:g}"


def validate_answer(
    form: Form, item_id: str, value: AnswerValue, choices: Sequence[str] | None = None
) -> AnswerProblem | None:
    """Whether `value` may be entered for the item; the reason when it may not.

    `choices` is the run-time list of codes for an item with `choices_from` (e.g. the brand ids);
    without it such codes are not checked. An empty value is accepted here (required-ness is checked by
    `score_response` when the response is submitted).
    """
    item = form.item(item_id)
    if item is None:
        return AnswerProblem(item_id, "forms.answer.unknown_item", {"item": item_id})
    if not is_answered(value):
        return None
    kind = item.type
    if kind == "rating":
        scale = form.scale_of(item)
        if not isinstance(value, str) or scale is None or scale.level(value) is None:
            codes = "/".join(level.code for level in scale.levels) if scale else ""
            return AnswerProblem(item.id, "forms.answer.unknown_level", {"value": value, "levels": codes})
        return None
    if kind in ("score", "deduct"):
        if not is_number(value):
            return AnswerProblem(item.id, "forms.answer.not_a_number", {"value": value})
        assert isinstance(value, (int, float))
        low = item.min if item.min is not None else 0.0
        high = item.max
        if kind == "deduct" and item.points is None and item.cap is not None and high is None:
            high = item.cap
        if value < low or (high is not None and value > high):
            return AnswerProblem(
                item.id,
                "forms.answer.out_of_range",
                {"value": _fmt(value), "min": _fmt(low), "max": _fmt(high) if high is not None else "∞"},
            )
        if kind == "deduct" and item.points is not None and value != int(value):
            return AnswerProblem(item.id, "forms.answer.not_whole", {"value": _fmt(value)})
        if item.step and not _on_step(float(value), low, item.step):
            return AnswerProblem(
                item.id, "forms.answer.off_step", {"value": _fmt(value), "step": _fmt(item.step)}
            )
        return None
    if kind in ("check", "veto"):
        if not isinstance(value, bool):
            return AnswerProblem(item.id, "forms.answer.not_yes_no", {"value": value})
        return None
    if kind == "text":
        if not isinstance(value, str):
            return AnswerProblem(item.id, "forms.answer.not_text", {"value": value})
        if item.max_length is not None and len(value) > item.max_length:
            return AnswerProblem(
                item.id, "forms.answer.too_long", {"length": len(value), "max": item.max_length}
            )
        return None
    known = _known_codes(item, choices)
    if kind == "choice":
        if not isinstance(value, str):
            return AnswerProblem(item.id, "forms.answer.not_a_choice", {"value": value})
        if known is not None and value not in known:
            return AnswerProblem(item.id, "forms.answer.unknown_choice", {"value": value})
        return None
    # multi
    if not isinstance(value, list) or not all(isinstance(code, str) for code in value):
        return AnswerProblem(item.id, "forms.answer.not_a_choice", {"value": value})
    if len(set(value)) != len(value):
        return AnswerProblem(item.id, "forms.answer.picked_twice", {})
    if known is not None:
        for code in value:
            if code not in known:
                return AnswerProblem(item.id, "forms.answer.unknown_choice", {"value": code})
    if item.max_picks is not None and len(value) > item.max_picks:
        return AnswerProblem(item.id, "forms.answer.too_many", {"count": len(value), "max": item.max_picks})
    return None


def _known_codes(item: Item, choices: Sequence[str] | None) -> set[str] | None:
    if item.choices_from:
        return set(choices) if choices is not None else None
    return {choice.code for choice in item.choices}
