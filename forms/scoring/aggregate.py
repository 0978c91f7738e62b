"""Many ballots about one unit: counts, mean, trimmed mean, level shares, satisfaction, rater groups."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from forms.model import Answers, AnswerValue, Form, Item
from forms.rules import Rules
from forms.scoring.answers import is_answered
from forms.scoring.response import item_points


@dataclass(frozen=True)
class UnitBallot:
    """One evaluator's answers about one unit: the ballot's id (for a stable order), its rater group,
    and whether the whole ballot was valid (`check_ballot`)."""

    ballot_id: str
    answers: Answers
    group: str | None = None
    valid: bool = True


@dataclass(frozen=True)
class GroupScore:
    """One rater group's valid ballots about a unit, their plain mean, the group's weight, and the mean
    that counts (`trimmed_mean`: highest and lowest dropped when the rules trim per group and the group has
    more than `trim_above` ratings, else the plain mean; `trimmed` says which)."""

    group: str
    count: int
    mean: float | None
    weight: float
    trimmed_mean: float | None = None
    trimmed: bool = False


@dataclass(frozen=True)
class UnitAggregate:
    """A unit's result from many ballots.

    `score` is the review score: the group-weighted score when the rules weight groups and at least
    one group has scores (weights of the groups present renormalized; `groups_missing` names the
    others), else the trimmed mean. `trimmed` says whether the highest and lowest were dropped.
    `ungrouped` counts valid scores whose ballot has no rater group: they are in the mean and the
    trimmed mean but cannot be weighted, so a group-weighted score leaves them out.
    `group_weighted` weights the groups' trimmed means (per the rules' `trim`), `group_weighted_plain`
    their plain means, so that exports can show both. `good_and_fairly_good` counts the valid ratings in
    the two best levels (the second tie-break).
    """

    unit: str
    ballots: int
    valid: int
    invalid: int
    scored: int
    mean: float | None
    trimmed_mean: float | None
    trimmed: bool
    level_counts: Mapping[str, int]
    level_shares: Mapping[str, float]
    good_rate: float | None
    satisfaction: float | None
    by_group: tuple[GroupScore, ...]
    group_weighted: float | None
    groups_missing: tuple[str, ...]
    dimension_means: Mapping[str, float]
    score: float | None
    ungrouped: int = 0
    group_weighted_plain: float | None = None
    good_and_fairly_good: int = 0


def trimmed_mean(values: Sequence[float], trim_above: int) -> tuple[float | None, bool]:
    """(mean, trimmed): with more than `trim_above` values drop one highest and one lowest first."""
    if not values:
        return None, False
    ordered = sorted(values)
    if len(ordered) > trim_above and len(ordered) > 2:
        kept = ordered[1:-1]
        return math.fsum(kept) / len(kept), True
    return math.fsum(ordered) / len(ordered), False


def _mean(values: Sequence[float]) -> float | None:
    return math.fsum(sorted(values)) / len(values) if values else None


def aggregate_unit(unit: str, form: Form, ballots: Iterable[UnitBallot], rules: Rules) -> UnitAggregate:
    """Aggregate the ballots about one unit (order-independent: they are sorted by id first).

    The score item's points come from `rules.rating_points` for its level codes (the campaign may
    change 好/较好/一般/差 = 100/80/60/40), falling back to the form's scale.
    """
    ordered = sorted(ballots, key=lambda ballot: (ballot.ballot_id, ballot.group or ""))
    valid = [ballot for ballot in ordered if ballot.valid]
    score_item = form.item(form.score_item) if form.score_item else None
    scale = form.scale_of(score_item) if score_item else None
    scores: list[float] = []
    rated: list[tuple[float, str, str | None]] = []  # (points, ballot id, group) of each valid rating
    ungrouped = 0
    level_counts: dict[str, int] = {code: 0 for code in (scale.codes if scale else ())}
    # Thousands of ballots repeat a handful of level codes: each code's points are worked out once.
    known_points: dict[str, float | None] = {}
    for ballot in valid:
        value = ballot.answers.get(score_item.id) if score_item else None
        if score_item is None or not is_answered(value):
            continue
        points: float | None
        if isinstance(value, str):
            if value not in known_points:
                known_points[value] = score_points(form, score_item, value, rules)
            points = known_points[value]
        else:
            points = score_points(form, score_item, value, rules)
        if points is None:
            continue
        scores.append(points)
        rated.append((points, ballot.ballot_id, ballot.group))
        if isinstance(value, str) and value in level_counts:
            level_counts[value] += 1
        if not ballot.group:
            ungrouped += 1
    scores_by_group: dict[str, list[float]] = {}
    for points, _, group_id in _overall_trimmed(rated, rules):
        if group_id:
            scores_by_group.setdefault(group_id, []).append(points)
    dimensions: dict[str, float] = {}
    for item in form.items():
        if item.type != "rating" or (score_item and item.id == score_item.id):
            continue
        known: dict[str, float | None] = {}
        values: list[float] = []
        for ballot in valid:
            value = ballot.answers.get(item.id)
            if isinstance(value, str):
                if value not in known:
                    known[value] = rating_points(form, item, value, rules)
                earned = known[value]
            else:
                earned = rating_points(form, item, value, rules)
            if earned is not None:
                values.append(earned)
        if values:
            dimensions[item.id] = math.fsum(sorted(values)) / len(values)
    return aggregate_ratings(
        unit,
        form,
        rules,
        UnitRatings(len(ordered), len(valid), scores, scores_by_group, level_counts, ungrouped, dimensions),
    )


@dataclass(frozen=True)
class UnitRatings:
    """A unit's ballots boiled down to what its aggregate is computed from: counts of ballots, the valid
    score points (each group's after the overall trim), the score levels counted, the valid scores without a
    rater group, and each dimension's mean. `aggregate_unit` gathers them ballot by ballot; a tally pass
    over many units may count them (order never matters: every mean sorts or sums exactly)."""

    ballots: int
    valid: int
    scores: Sequence[float]
    scores_by_group: Mapping[str, Sequence[float]]
    level_counts: Mapping[str, int]
    ungrouped: int
    dimension_means: Mapping[str, float]


def aggregate_ratings(unit: str, form: Form, rules: Rules, ratings: UnitRatings) -> UnitAggregate:
    """A unit's aggregate from its gathered ratings (see `aggregate_unit`)."""
    score_item = form.item(form.score_item) if form.score_item else None
    scale = form.scale_of(score_item) if score_item else None
    scores = ratings.scores
    scores_by_group = ratings.scores_by_group
    level_counts = dict(ratings.level_counts)
    counted = sum(level_counts.values())
    shares = {code: (count / counted if counted else 0.0) for code, count in level_counts.items()}
    best = scale.levels[0].code if scale and scale.levels else None
    good_rate = shares[best] if best is not None and counted else None
    satisfaction = (
        math.fsum(shares[code] * rules.satisfaction_points.get(code, 0.0) for code in sorted(shares))
        if counted
        else None
    )
    two_best = scale.codes[:2] if scale else ()
    good_and_fairly_good = sum(level_counts.get(code, 0) for code in two_best)
    mean = _mean(scores)
    trimmed, was_trimmed = trimmed_mean(scores, rules.trim_above)
    if rules.trim == "none":
        trimmed, was_trimmed = mean, False
    by_group: list[GroupScore] = []
    weighted_sum = 0.0
    plain_sum = 0.0
    weight_present = 0.0
    for group in rules.rater_groups:
        group_scores = scores_by_group.get(group.id, [])
        group_mean = _mean(group_scores)
        counted_mean, group_trimmed = _group_mean(group_scores, rules)
        by_group.append(
            GroupScore(group.id, len(group_scores), group_mean, group.weight, counted_mean, group_trimmed)
        )
        if group_mean is not None and counted_mean is not None:
            weighted_sum += group.weight * counted_mean
            plain_sum += group.weight * group_mean
            weight_present += group.weight
    known_groups = {group.id for group in rules.rater_groups}
    for group_id in sorted(set(scores_by_group) - known_groups):
        group_scores = scores_by_group[group_id]
        counted_mean, group_trimmed = _group_mean(group_scores, rules)
        by_group.append(
            GroupScore(group_id, len(group_scores), _mean(group_scores), 0.0, counted_mean, group_trimmed)
        )
    group_weighted = weighted_sum / weight_present if weight_present > 0 else None
    group_weighted_plain = plain_sum / weight_present if weight_present > 0 else None
    groups_missing = (
        tuple(group.id for group in rules.rater_groups if group.id not in scores_by_group)
        if group_weighted is not None
        else ()
    )
    score = group_weighted if rules.group_weighting and group_weighted is not None else trimmed
    return UnitAggregate(
        unit=unit,
        ballots=ratings.ballots,
        valid=ratings.valid,
        invalid=ratings.ballots - ratings.valid,
        scored=len(scores),
        mean=mean,
        trimmed_mean=trimmed,
        trimmed=was_trimmed,
        level_counts=level_counts,
        level_shares=shares,
        good_rate=good_rate,
        satisfaction=satisfaction,
        by_group=tuple(by_group),
        group_weighted=group_weighted,
        groups_missing=groups_missing,
        dimension_means=ratings.dimension_means,
        score=score,
        ungrouped=ratings.ungrouped,
        group_weighted_plain=group_weighted_plain,
        good_and_fairly_good=good_and_fairly_good,
    )


def _group_mean(values: Sequence[float], rules: Rules) -> tuple[float | None, bool]:
    """The mean that counts for one rater group: trimmed within the group when the rules say per_group."""
    if rules.trim == "per_group":
        return trimmed_mean(values, rules.trim_above)
    return _mean(values), False


def _overall_trimmed(
    rated: list[tuple[float, str, str | None]], rules: Rules
) -> list[tuple[float, str, str | None]]:
    """The valid ratings the groups are averaged over: with `trim = "overall"` and more than `trim_above`
    of them, the unit's single highest and lowest rating (ties broken by ballot id, so the result does not
    depend on input order) are left out before grouping; otherwise all of them."""
    if rules.trim != "overall" or len(rated) <= max(rules.trim_above, 2):
        return rated
    ordered = sorted(rated, key=lambda entry: (entry[0], entry[1]))
    return ordered[1:-1]


def score_points(form: Form, item: Item, value: AnswerValue, rules: Rules) -> float | None:
    """The score item's points: the rules' points for a rating item's level code, else the form's."""
    if isinstance(value, str) and value in rules.rating_points and item.type == "rating":
        return rules.rating_points[value]
    return item_points(form, item, value)


def rating_points(form: Form, item: Item, value: AnswerValue, rules: Rules) -> float | None:
    """A dimension item's points: the rules' points for a level code, else the form's."""
    if isinstance(value, str) and value in rules.rating_points:
        return rules.rating_points[value]
    return item_points(form, item, value)
