"""The long ballot table: one row per sealed ballot x unit x item, built from vocabulary guarded once."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from forms.model import AnswerValue, Form
from forms.rules import Rules
from forms.scoring import item_points

from .answer_cells import answer_label, encode_answer
from .csvio import cell

BALLOT_COLUMNS: tuple[str, ...] = (
    "campaign",
    "form_id",
    "form_version",
    "terminal_id",
    "ballot_id",
    "day",
    "rater_group",
    "unit_id",
    "unit_name",
    "item_id",
    "item_label",
    "answer",
    "answer_label",
    "points",
    "valid",
)
"""Column ids of the ballots export, in order (the header with `--plain`, and the manifest's `columns`)."""

CAMPAIGN_WIDE = "*"  # the pseudo unit of a campaign-wide vote (store.records.CAMPAIGN_WIDE)


@dataclass(frozen=True)
class BallotData:
    """A sealed ballot as exported: no code, no evaluator, no time finer than the day."""

    ballot_id: str
    terminal_id: str
    form_id: str
    form_version: str
    rater_group: str
    day: str
    answers: Mapping[str, Mapping[str, AnswerValue]]
    valid: bool


def ballot_rows(
    campaign_id: str,
    forms: Mapping[str, Form],
    unit_names: Mapping[str, str],
    unit_order: Sequence[str],
    ballots: Iterable[BallotData],
    rules: Rules,
    *,
    lang: str = "zh",
    excel_safe: bool = True,
) -> Iterator[tuple[object, ...]]:
    """Rows of the ballots export, streamed ballot by ballot (units in report order, items in form order).

    Everything that repeats (campaign, form, unit and item labels, answer labels and points) is guarded and
    computed once and reused, so the cost per row is little more than building the tuple.
    """
    campaign = cell(campaign_id, excel_safe)
    order = {unit_id: index for index, unit_id in enumerate(unit_order)}
    unit_cells: dict[str, tuple[object, object]] = {}

    def unit_cell(unit_id: str) -> tuple[object, object]:
        found = unit_cells.get(unit_id)
        if found is None:
            found = (cell(unit_id, excel_safe), cell(unit_names.get(unit_id, ""), excel_safe))
            unit_cells[unit_id] = found
        return found

    @lru_cache(maxsize=65536)
    def answer_cells(form_id: str, item_id: str, code: str) -> tuple[object, object, object]:
        form = forms[form_id]
        item = form.item(item_id)
        if item is None:
            return cell(code, excel_safe), "", ""
        value: AnswerValue = _decoded(item.type, code)
        if item.type == "rating" and code in rules.rating_points:
            points: float | None = rules.rating_points[code]
        else:
            points = item_points(form, item, value)
        label = answer_label(form, item, value, lang)
        return cell(code, excel_safe), cell(label, excel_safe), "" if points is None else _number(points)

    item_cells: dict[str, list[tuple[str, object, object, bool]]] = {}

    def items_of(form_id: str) -> list[tuple[str, object, object, bool]]:
        found = item_cells.get(form_id)
        if found is None:
            form = forms[form_id]
            found = [
                (
                    item.id,
                    cell(item.id, excel_safe),
                    cell(item.label.get(lang), excel_safe),
                    item.type == "text",
                )
                for item in form.items()
            ]
            item_cells[form_id] = found
        return found

    # The last six cells of a row (item, label, answer, answer label, points, valid) for a coded answer, by
    # (form, item, code, valid): every ballot repeats them, so a row costs one dictionary lookup and one
    # tuple concatenation.
    tails: dict[tuple[str, str, str, int], tuple[object, ...]] = {}

    for ballot in ballots:
        form_id = ballot.form_id
        head = (
            campaign,
            cell(form_id, excel_safe),
            cell(ballot.form_version, excel_safe),
            cell(ballot.terminal_id, excel_safe),
            cell(ballot.ballot_id, excel_safe),
            cell(ballot.day, excel_safe),
            cell(ballot.rater_group, excel_safe),
        )
        valid = 1 if ballot.valid else 0
        known_form = form_id in forms
        for unit_id in sorted(ballot.answers, key=lambda unit: (order.get(unit, len(order)), unit)):
            answers = ballot.answers[unit_id]
            prefix = head + unit_cell(unit_id)
            if known_form:
                listed = items_of(form_id)
            else:  # a form the campaign does not pin: keep the data, without labels
                listed = [(item_id, cell(item_id, excel_safe), "", True) for item_id in sorted(answers)]
            for item_id, item_id_cell, item_label_cell, free_text in listed:
                value = answers.get(item_id)
                if value is None:
                    continue
                if value.__class__ is str and not free_text:
                    key = (form_id, item_id, value, valid)
                    tail = tails.get(key)
                    if tail is None:
                        if not value:
                            continue
                        tail = tails[key] = (
                            item_id_cell,
                            item_label_cell,
                            *answer_cells(form_id, item_id, value),
                            valid,
                        )
                    yield prefix + tail
                    continue
                if value == "" or value == []:
                    continue
                if free_text:
                    yield (
                        *prefix,
                        item_id_cell,
                        item_label_cell,
                        cell(encode_answer(value), excel_safe),
                        "",
                        "",
                        valid,
                    )
                else:
                    yield (
                        *prefix,
                        item_id_cell,
                        item_label_cell,
                        *answer_cells(form_id, item_id, encode_answer(value)),
                        valid,
                    )


def _decoded(item_type: str, code: str) -> AnswerValue:
    """An answer value back from its code, for computing labels and points (never fails: codes are ours)."""
    if item_type in ("check", "veto"):
        return code == "true"
    if item_type in ("score", "deduct"):
        try:
            number = float(code)
        except ValueError:
            return code
        return int(number) if number.is_integer() else number
    if item_type == "multi":
        return [part for part in code.split("|") if part]
    return code


def _number(value: float) -> float | int:
    """Points as a number cell: whole numbers without a decimal point, others rounded to 4 places."""
    return int(value) if float(value).is_integer() else round(value, 4)
