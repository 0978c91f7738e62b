"""`tally_ballots`: what the sealed review ballots add up to (validity, aggregates, bias), in one pass."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import repeat
from typing import TypeVar, cast

from forms.model import AnswerValue, Form
from forms.rules import Rules
from forms.scoring import (
    UnitAggregate,
    UnitBallot,
    aggregate_unit,
    check_ballot,
    item_points,
    rank,
    trimmed_mean,
)

from .model import BiasDiagnostics, GroupLeniency, GroupScore, RankShift
from .tally_pass import Counted, aggregates_from_counts, count_ballots

UnitAnswers = Mapping[str, AnswerValue]


@dataclass(frozen=True)
class UnitInfo:
    """What the results need to know of a unit besides its scores."""

    unit_id: str
    name: str
    liaison_group: str = ""
    last_star: int | None = None


@dataclass(frozen=True)
class BallotRecord:
    """One sealed ballot as the results see it: id, rater group and answers (unit id -> item id -> value)."""

    ballot_id: str
    rater_group: str
    answers: Mapping[str, UnitAnswers]


def group_id_for(rules: Rules, rater_group: str) -> str:
    """The rules' id of a rater group named by id or by its Chinese or English label (stores keep labels)."""
    for group in rules.rater_groups:
        if rater_group in (group.id, group.zh, group.en):
            return group.id
    return rater_group


def _mean(values: Sequence[float]) -> float | None:
    return math.fsum(values) / len(values) if values else None


def _score_item_points(form: Form, rules: Rules, value: AnswerValue) -> float | None:
    item = form.item(form.score_item) if form.score_item else None
    if item is None:
        return None
    if isinstance(value, str) and item.type == "rating" and value in rules.rating_points:
        return rules.rating_points[value]
    return item_points(form, item, value)


@dataclass(frozen=True)
class BallotTallies:
    """Everything the results take from the review ballots: each meeting unit's aggregate, the counts of
    sealed and valid ballots, ballots by rater group, straight-lined ballots and the rater-bias diagnostics.

    Derived from the ballots alone (no code, no time, no order), so it may be kept between runs
    (`exports.tally_cache`) and stands for the ballots until any of them changes.
    """

    aggregates: Mapping[str, UnitAggregate]
    sealed: int
    valid: int
    by_group: Mapping[str, int]
    bias: BiasDiagnostics


def tally_ballots(
    form: Form, rules: Rules, units: Sequence[UnitInfo], ballots: Sequence[BallotRecord]
) -> BallotTallies:
    """The ballots' tallies: each ballot checked once, each unit aggregated once, the bias diagnostics.

    Counted in one pass (`tally_pass`) when every answer is a level code or empty, as a sealed review
    ballot's are; else ballot by ballot (`tally_each_ballot`, the definition both must agree with)."""
    unit_ids = [unit.unit_id for unit in units]
    groups: dict[str, str] = {}

    def group_of(rater_group: str) -> str:
        if rater_group not in groups:
            groups[rater_group] = group_id_for(rules, rater_group)
        return groups[rater_group]

    counted = count_ballots(
        form, rules, unit_ids, [(b.ballot_id, b.rater_group, b.answers) for b in ballots], group_of
    )
    if counted is None:
        return tally_each_ballot(form, rules, units, ballots)
    by_group = Counter(counted.group_at)
    return BallotTallies(
        aggregates=aggregates_from_counts(form, rules, unit_ids, counted),
        sealed=len(ballots),
        valid=sum(counted.validity),
        by_group=dict(sorted(by_group.items())),
        bias=bias_from_points(
            rules, units, _bias_points(form, rules, unit_ids, counted), counted.straight_lined, len(ballots)
        ),
    )


def _bias_points(form: Form, rules: Rules, unit_ids: Sequence[str], counted: Counted) -> BiasPoints:
    """The bias diagnostics' points from the counts (as `bias_diagnostics` gathers them ballot by ballot)."""
    per_unit: dict[str, list[float]] = {unit_id: [] for unit_id in unit_ids}
    per_group_unit: dict[tuple[str, str], list[float]] = {}
    given: dict[str, list[float]] = {}
    known: dict[AnswerValue, float | None] = {}
    for (unit, group, value), count in counted.scores.items():
        if value not in known:
            known[value] = _score_item_points(form, rules, value)
        points = known[value]
        if points is None:
            continue
        per_unit[unit].extend(repeat(points, count))
        per_group_unit.setdefault((group, unit), []).extend(repeat(points, count))
        given.setdefault(group, []).extend(repeat(points, count))
    ballots_of: dict[str, int] = {}
    invalid_of: dict[str, int] = {}
    for group, valid in zip(counted.group_at, counted.validity, strict=True):
        if valid:
            ballots_of[group] = ballots_of.get(group, 0) + 1
        else:
            invalid_of[group] = invalid_of.get(group, 0) + 1
            ballots_of.setdefault(group, 0)
    return BiasPoints(per_unit, per_group_unit, given, ballots_of, invalid_of)


def tally_each_ballot(
    form: Form, rules: Rules, units: Sequence[UnitInfo], ballots: Sequence[BallotRecord]
) -> BallotTallies:
    """The ballots' tallies as the rules define them, ballot by ballot: any answers at all."""
    unit_ids = [unit.unit_id for unit in units]
    meeting_units = set(unit_ids)
    score_item = form.score_item or ""
    validity: dict[str, bool] = {}
    straight_lined = 0
    by_unit: dict[str, list[UnitBallot]] = {unit_id: [] for unit_id in unit_ids}
    by_group: dict[str, int] = {}
    for ballot in ballots:
        rated = {unit: answers for unit, answers in ballot.answers.items() if unit in meeting_units}
        valid = check_ballot(form, rated).valid
        validity[ballot.ballot_id] = valid
        values = [answers.get(score_item) for answers in rated.values()]
        if len(values) > 1 and all(value is not None and value == values[0] for value in values):
            straight_lined += 1
        group = group_id_for(rules, ballot.rater_group)
        by_group[group] = by_group.get(group, 0) + 1
        for unit_id, answers in rated.items():
            by_unit[unit_id].append(UnitBallot(ballot.ballot_id, answers, group, valid))
    return BallotTallies(
        aggregates={unit_id: aggregate_unit(unit_id, form, by_unit[unit_id], rules) for unit_id in unit_ids},
        sealed=len(ballots),
        valid=sum(1 for valid in validity.values() if valid),
        by_group=dict(sorted(by_group.items())),
        bias=bias_diagnostics(form, rules, units, ballots, validity, straight_lined),
    )


def bias_diagnostics(
    form: Form,
    rules: Rules,
    units: Sequence[UnitInfo],
    ballots: Sequence[BallotRecord],
    validity: Mapping[str, bool],
    straight_lined: int,
) -> BiasDiagnostics:
    """Each group's leniency, straight-lined ballots, and the units whose rank trimming changes.

    Leniency compares like with like: for every unit, the group's mean minus the whole panel's mean about that
    unit, averaged over the units the group rated; so a group that happened to rate only strong units does not
    look lenient.
    """
    score_item = form.score_item or ""
    unit_ids = [unit.unit_id for unit in units]
    meeting_units = set(unit_ids)
    per_unit_all: dict[str, list[float]] = {unit_id: [] for unit_id in unit_ids}
    per_unit_group: dict[tuple[str, str], list[float]] = {}
    given: dict[str, list[float]] = {}
    ballots_of: dict[str, int] = {}
    invalid_of: dict[str, int] = {}
    level_points: dict[str, float | None] = {}
    for ballot in ballots:
        group = group_id_for(rules, ballot.rater_group)
        if not validity.get(ballot.ballot_id, True):
            invalid_of[group] = invalid_of.get(group, 0) + 1
            ballots_of.setdefault(group, 0)
            continue
        ballots_of[group] = ballots_of.get(group, 0) + 1
        for unit, answers in ballot.answers.items():
            if unit not in meeting_units:
                continue
            value = answers.get(score_item)
            if isinstance(value, str):  # a level code: its points worked out once, not once per rating
                if value not in level_points:
                    level_points[value] = _score_item_points(form, rules, value)
                points = level_points[value]
            else:
                points = _score_item_points(form, rules, value)
            if points is None:
                continue
            per_unit_all[unit].append(points)
            per_unit_group.setdefault((group, unit), []).append(points)
            given.setdefault(group, []).append(points)
    return bias_from_points(
        rules,
        units,
        BiasPoints(per_unit_all, per_unit_group, given, ballots_of, invalid_of),
        straight_lined,
        len(ballots),
    )


@dataclass(frozen=True)
class BiasPoints:
    """The valid ballots' score points the bias diagnostics are worked out from: by unit, by (group,
    unit) and by group, with each group's count of valid and invalid ballots (a group whose ballots were
    all invalid is there with 0 valid)."""

    per_unit: Mapping[str, Sequence[float]]
    per_group_unit: Mapping[tuple[str, str], Sequence[float]]
    given: Mapping[str, Sequence[float]]
    ballots_of: Mapping[str, int]
    invalid_of: Mapping[str, int]


def bias_from_points(
    rules: Rules, units: Sequence[UnitInfo], points: BiasPoints, straight_lined: int, ballots: int
) -> BiasDiagnostics:
    """The bias diagnostics from the gathered points (order never matters: sums are exact)."""
    unit_ids = [unit.unit_id for unit in units]
    per_unit_all = points.per_unit
    per_unit_group = points.per_group_unit
    given = points.given
    ballots_of = points.ballots_of
    invalid_of = points.invalid_of
    panel = [value for values in per_unit_all.values() for value in values]
    panel_mean = _mean(panel)
    known = {group.id: group for group in rules.rater_groups}
    order = [group.id for group in rules.rater_groups] + sorted(set(ballots_of) - set(known))
    leniencies: list[GroupLeniency] = []
    for group_id in order:
        if group_id not in ballots_of:
            continue
        differences = [
            math.fsum(values) / len(values) - math.fsum(per_unit_all[unit]) / len(per_unit_all[unit])
            for (group, unit), values in per_unit_group.items()
            if group == group_id and values and per_unit_all[unit]
        ]
        info = known.get(group_id)
        leniencies.append(
            GroupLeniency(
                group_id=group_id,
                label_zh=info.zh if info else group_id,
                label_en=info.en if info else group_id,
                ballots=ballots_of[group_id],
                mean_given=_mean(given.get(group_id, [])),
                panel_mean=panel_mean,
                leniency=_mean(differences),
                invalid=invalid_of.get(group_id, 0),
            )
        )
    leniencies = list(_withheld(tuple(leniencies), rules.min_group_ballots, ballots_of))
    names = {unit.unit_id: unit.name for unit in units}
    means = {unit_id: _mean(per_unit_all[unit_id]) for unit_id in unit_ids}
    trimmed = {unit_id: _trimmed(per_unit_all[unit_id], rules.trim_above) for unit_id in unit_ids}
    rank_mean = rank(means)
    rank_trimmed = rank(trimmed)
    shifts = tuple(
        RankShift(unit_id, names[unit_id], rank_mean[unit_id], rank_trimmed[unit_id])
        for unit_id in unit_ids
        if unit_id in rank_mean and unit_id in rank_trimmed and rank_mean[unit_id] != rank_trimmed[unit_id]
    )
    return BiasDiagnostics(
        groups=tuple(leniencies),
        straight_lined=straight_lined,
        ballots=ballots,
        rank_shifts=shifts,
    )


def _trimmed(values: Sequence[float], trim_above: int) -> float | None:
    return trimmed_mean(values, trim_above)[0]


_Grouped = TypeVar("_Grouped", GroupScore, GroupLeniency)


def _withheld(
    groups: tuple[_Grouped, ...], minimum: int, valid: Mapping[str, int] | None = None
) -> tuple[_Grouped, ...]:
    """The groups with the figures of every group of fewer than `minimum` valid ballots withheld (and,
    when only one is, also the next smallest: else the whole panel's figure minus the others would give
    it back), so no result is ever broken down by a group small enough to read people off it."""

    def count(group: _Grouped) -> int:
        return valid.get(group.group_id, 0) if valid is not None else group.ballots

    small = {group.group_id for group in groups if 0 < count(group) < minimum}
    complement: set[str] = set()
    if len(small) == 1:
        others = sorted((count(g), g.group_id) for g in groups if g.group_id not in small and count(g) > 0)
        if others:
            complement.add(others[0][1])
    if not small:
        return groups
    withheld: list[_Grouped] = []
    for group in groups:
        if group.group_id not in small | complement:
            withheld.append(group)
            continue
        extra = group.group_id in complement
        item: GroupScore | GroupLeniency = group
        if isinstance(item, GroupScore):
            item = replace(item, mean=None, hidden_below=minimum, complement=extra)
        else:
            item = replace(item, mean_given=None, leniency=None, hidden_below=minimum, complement=extra)
        withheld.append(cast(_Grouped, item))
    return tuple(withheld)
