"""`count_ballots`: the review ballots counted in one pass of C-level counters, no object per answer."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import repeat
from operator import methodcaller
from typing import cast

from forms.model import AnswerValue, Form, Item
from forms.rules import Rules
from forms.scoring import is_answered
from forms.scoring.aggregate import UnitAggregate, UnitRatings, aggregate_ratings, rating_points, score_points
from forms.scoring.ballot import BallotValidity


@dataclass
class Counted:
    """What one pass over the ballots counts (values are level codes or None: see `count_ballots`)."""

    rated: Counter[str]
    valid_rated: Counter[str]
    scores: Counter[tuple[str, str, AnswerValue]]
    """(unit, group, score item's value) of the valid ballots."""
    dimensions: dict[str, Counter[tuple[str, AnswerValue]]]
    """Each dimension item's (unit, value) of the valid ballots."""
    first: dict[tuple[str, AnswerValue], int]
    last: dict[tuple[str, AnswerValue], int]
    """The first and last valid ballot (its place in `valid_groups`, in id order) giving a unit a score
    value: kept only for `trim = "overall"`, which drops a unit's lowest and highest rating, ties broken by
    ballot id."""
    group_at: list[str]
    validity: list[bool]
    valid_groups: list[str]
    straight_lined: int


class _Absent:
    """The value of every item of a unit the ballot does not rate (never a level code, never empty)."""


_ABSENT = _Absent()


def count_ballots(
    form: Form,
    rules: Rules,
    unit_ids: Sequence[str],
    ballots: Sequence[tuple[str, str, Mapping[str, Mapping[str, AnswerValue]]]],
    group_of: Callable[[str], str],
) -> Counted | None:
    """Count the ballots (id, rater group, answers by unit) by unit, group and value; None when a value
    is anything but a level code or empty (a number, a list, a flag), when two ballots share an id or a
    unit is listed twice: the caller then tallies ballot by ballot, as the rules define.

    Each valid ballot's answers are laid out as one column per item, a value per meeting unit in the
    meeting's order; the columns are counted per unit at the end (C-level `Counter`s over tuples, never
    an object per answer). Validity is `check_ballot`'s, asked of `BallotValidity`; the ballots are taken
    in (id, group) order, the order `aggregate_unit` breaks ties in.
    """
    if len({ballot[0] for ballot in ballots}) != len(ballots) or len(set(unit_ids)) != len(unit_ids):
        return None
    meeting = set(unit_ids)
    unit_count = len(unit_ids)
    score_id = form.score_item or ""
    dimension_ids = [item.id for item in _dimension_items(form)]
    # A unit the ballot does not rate: every item absent (a dict like any row, so one C-level `get` serves).
    missing = cast("Mapping[str, AnswerValue]", dict.fromkeys([score_id, *dimension_ids], _ABSENT))
    judge = BallotValidity(form)
    keyed = sorted(((ballot[0], group_of(ballot[1])), ballot[2]) for ballot in ballots)
    counted = Counted(Counter(), Counter(), Counter(), {}, {}, {}, [], [], [], 0)
    get_score = methodcaller("get", score_id)
    # Each level code as one shared string: counting then compares pointers and touches a few hot
    # objects, not a parsed copy per answer scattered over memory (about 3x faster at 2,000 ballots).
    same = {code: code for code in _codes(form)}.get
    getters = [methodcaller("get", item_id) for item_id in dimension_ids]
    score_columns: dict[str, list[list[AnswerValue]]] = {}
    dimension_columns: list[list[list[AnswerValue]]] = [[] for _ in dimension_ids]
    try:
        for (_, group), answers in keyed:
            rows = list(map(answers.get, unit_ids, repeat(missing)))
            if len(answers) == unit_count and meeting.issuperset(answers):
                rated_rows = rows
            else:
                rated_rows = [answers[unit] for unit in answers if unit in meeting]
            rated_scores = list(map(get_score, rated_rows))
            distinct = Counter(rated_scores)
            if not _plain_codes(distinct):
                return None
            if len(rated_scores) > 1 and len(distinct) == 1 and None not in distinct:
                counted.straight_lined += 1
            valid = judge.valid_of(rated_rows, {score_id: distinct})
            if valid is None:
                return None
            counted.group_at.append(group)
            counted.validity.append(valid)
            if not valid:
                counted.rated.update(unit for unit in answers if unit in meeting)
                continue
            counted.valid_groups.append(group)
            scores = rated_scores if rated_rows is rows else list(map(get_score, rows))
            score_columns.setdefault(group, []).append(list(map(same, scores, scores)))
            for getter, columns in zip(getters, dimension_columns, strict=True):
                values = list(map(getter, rows))
                columns.append(list(map(same, values, values)))
        _count_columns(counted, unit_ids, score_columns, dimension_ids, dimension_columns)
    except (TypeError, AttributeError):  # a list answer, or a unit's answers that are not a mapping
        return None
    if not all(_plain_codes(key[1] for key in counter) for counter in counted.dimensions.values()):
        return None
    if rules.trim == "overall":
        _ends(counted, unit_ids, counted.valid_groups, score_columns)
    return counted


def _count_columns(
    counted: Counted,
    unit_ids: Sequence[str],
    score_columns: Mapping[str, list[list[AnswerValue]]],
    dimension_ids: Sequence[str],
    dimension_columns: Sequence[list[list[AnswerValue]]],
) -> None:
    """Each unit's values counted from the ballots' columns (the absent ones left out)."""
    for group, columns in score_columns.items():
        for unit, values in zip(unit_ids, zip(*columns, strict=True), strict=True):
            for value, count in Counter(values).items():
                if value is not _ABSENT:
                    counted.scores[(unit, group, value)] = count
                    counted.valid_rated[unit] += count
    for item_id, columns in zip(dimension_ids, dimension_columns, strict=True):
        counter: Counter[tuple[str, AnswerValue]] = Counter()
        counted.dimensions[item_id] = counter
        if not columns:  # no valid ballot
            continue
        for unit, values in zip(unit_ids, zip(*columns, strict=True), strict=True):
            for value, count in Counter(values).items():
                if value is not _ABSENT:
                    counter[(unit, value)] = count
    counted.rated.update(counted.valid_rated)


def _ends(
    counted: Counted,
    unit_ids: Sequence[str],
    valid_groups: Sequence[str],
    score_columns: Mapping[str, list[list[AnswerValue]]],
) -> None:
    """For `trim = "overall"`: where each unit's every score value is first and last given, in id order."""
    rows: list[list[AnswerValue]] = []
    seen = dict.fromkeys(score_columns, 0)
    for group in valid_groups:  # the valid ballots' score columns back in id order
        rows.append(score_columns[group][seen[group]])
        seen[group] += 1
    if not rows:
        return
    for unit, values in zip(unit_ids, zip(*rows, strict=True), strict=True):
        backwards = values[::-1]
        for value in set(values):
            if value is not _ABSENT:
                counted.first[(unit, value)] = values.index(value)
                counted.last[(unit, value)] = len(values) - 1 - backwards.index(value)


def _codes(form: Form) -> set[str]:
    """Every level code of the form's scales."""
    return {level.code for scale in form.scales for level in scale.levels}


def _plain_codes(values: Iterable[AnswerValue]) -> bool:
    """Only level codes and empty answers: as counter keys, 1, 1.0 and True would merge."""
    return all(value is None or type(value) is str for value in values)


def _dimension_items(form: Form) -> list[Item]:
    score_id = form.score_item or None
    return [item for item in form.items() if item.type == "rating" and item.id != score_id]


def aggregates_from_counts(
    form: Form, rules: Rules, unit_ids: Sequence[str], counted: Counted
) -> dict[str, UnitAggregate]:
    """Each meeting unit's aggregate from the counts: the same `UnitRatings` `aggregate_unit` gathers."""
    score_item = form.item(form.score_item) if form.score_item else None
    scale = form.scale_of(score_item) if score_item else None
    codes = scale.codes if scale else ()
    points_of = _memo(lambda value: _aggregate_points(form, score_item, value, rules))
    # By unit: (group, value, count) of the valid ballots' score answers.
    by_unit: dict[str, list[tuple[str, AnswerValue, int]]] = {unit_id: [] for unit_id in unit_ids}
    for (unit, group, value), count in counted.scores.items():
        by_unit[unit].append((group, value, count))
    dimension_values: dict[str, dict[str, list[tuple[AnswerValue, int]]]] = {}
    for item_id, counter in counted.dimensions.items():
        per_unit: dict[str, list[tuple[AnswerValue, int]]] = {}
        for (unit, value), count in counter.items():
            per_unit.setdefault(unit, []).append((value, count))
        dimension_values[item_id] = per_unit
    dimension_points = {
        item.id: _memo(_rating_points_of(form, item, rules)) for item in _dimension_items(form)
    }
    aggregates: dict[str, UnitAggregate] = {}
    for unit_id in unit_ids:
        scores: list[float] = []
        by_group: dict[str, list[float]] = {}
        level_counts = dict.fromkeys(codes, 0)
        ungrouped = 0
        for group, value, count in by_unit[unit_id]:
            points = points_of(value)
            if points is None:
                continue
            scores.extend(repeat(points, count))
            if group:
                by_group.setdefault(group, []).extend(repeat(points, count))
            else:
                ungrouped += count
            if isinstance(value, str) and value in level_counts:
                level_counts[value] += count
        if rules.trim == "overall" and len(scores) > max(rules.trim_above, 2):
            _drop_ends(unit_id, by_unit[unit_id], points_of, counted, by_group)
        dimensions: dict[str, float] = {}
        for item_id, per_unit in dimension_values.items():
            values: list[float] = []
            for value, count in per_unit.get(unit_id, ()):
                earned = dimension_points[item_id](value)
                if earned is not None:
                    values.extend(repeat(earned, count))
            if values:
                dimensions[item_id] = math.fsum(values) / len(values)
        ratings = UnitRatings(
            counted.rated[unit_id],
            counted.valid_rated[unit_id],
            scores,
            by_group,
            level_counts,
            ungrouped,
            dimensions,
        )
        aggregates[unit_id] = aggregate_ratings(unit_id, form, rules, ratings)
    return aggregates


def _drop_ends(
    unit_id: str,
    entries: Sequence[tuple[str, AnswerValue, int]],
    points_of: Callable[[AnswerValue], float | None],
    counted: Counted,
    by_group: dict[str, list[float]],
) -> None:
    """`trim = "overall"`: one lowest and one highest rating of the unit left out of its group's scores,
    the lowest of the earliest ballot in id order and the highest of the latest (`_overall_trimmed`)."""
    scored = [(points, value) for _, value, _ in entries if (points := points_of(value)) is not None]
    low = min(points for points, _ in scored)
    high = max(points for points, _ in scored)
    first = min(counted.first[(unit_id, value)] for points, value in scored if points == low)
    last = max(counted.last[(unit_id, value)] for points, value in scored if points == high)
    for position, points in ((first, low), (last, high)):
        group = counted.valid_groups[position]
        if group:
            by_group[group].remove(points)
            if not by_group[group]:  # a group whose one rating was dropped has none: it is missing
                del by_group[group]


def _rating_points_of(form: Form, item: Item, rules: Rules) -> Callable[[AnswerValue], float | None]:
    return lambda value: rating_points(form, item, value, rules)


def _aggregate_points(form: Form, item: Item | None, value: AnswerValue, rules: Rules) -> float | None:
    if item is None or not is_answered(value):
        return None
    return score_points(form, item, value, rules)


def _memo(compute: Callable[[AnswerValue], float | None]) -> Callable[[AnswerValue], float | None]:
    """`compute` worked out once per value (the values are level codes or None: hashable)."""
    known: dict[AnswerValue, float | None] = {}

    def points(value: AnswerValue) -> float | None:
        if value not in known:
            known[value] = compute(value)
        return known[value]

    return points
