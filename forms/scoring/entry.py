"""A ballot as it is being filled: quota tallies, the answer a quota refuses, early invalid-rule warnings,
which items the campaign asks for (the 五力 `dimensions` mode) and what is still missing before sealing.

The kiosk grid and the hall's web page both call these, so a ballot rule exists once, here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from forms.model import Answers, AnswerValue, Form, Item, RuleAction, Text
from forms.scoring.answers import is_answered
from forms.scoring.ballot import BallotFlag, quota_limit, same_answer, value_in
from forms.scoring.response import item_full_points, item_points

DimensionsMode = str  # "required" | "optional" | "off" (forms.rules.DIMENSION_MODES)

# Invalid-ballot rules are pointed out once this many units are answered and all agree: early enough to
# change course, late enough not to nag after the first two rows.
EARLY_FLAG_MIN_ANSWERED = 5


@dataclass(frozen=True)
class QuotaTally:
    """One quota on the ballot so far: how many units hold one of its levels, and its limit."""

    rule: str
    item: str
    levels: tuple[str, ...]
    text: Text
    count: int
    limit: int
    action: RuleAction

    @property
    def full(self) -> bool:
        """No further unit may take one of the quota's levels."""
        return self.count >= self.limit

    @property
    def exceeded(self) -> bool:
        """More units hold the levels than the quota allows."""
        return self.count > self.limit


@dataclass(frozen=True)
class MissingAnswer:
    """A required answer still missing: the unit (or "*" for a campaign-wide form) and the item."""

    unit_id: str
    item_id: str


def dimension_items(form: Form) -> tuple[Item, ...]:
    """The ballot's items other than the score item: the 五力 dimensions of the review ballot."""
    if form.score_item is None:
        return ()
    return tuple(item for item in form.items() if item.id != form.score_item and item.type != "text")


def asked_items(form: Form, dimensions: DimensionsMode) -> tuple[Item, ...]:
    """The items the evaluator is shown for each unit under the campaign's dimensions mode."""
    if dimensions == "off" and form.score_item is not None:
        return tuple(item for item in form.items() if item.id == form.score_item or item.type == "text")
    return tuple(form.items())


def required_items(form: Form, dimensions: DimensionsMode) -> tuple[Item, ...]:
    """The items that must be answered for every unit before the ballot seals."""
    dims = {item.id for item in dimension_items(form)}
    required = []
    for item in asked_items(form, dimensions):
        if item.id in dims and dimensions != "required":
            continue
        if item.required or (item.id == form.score_item):
            required.append(item)
    return tuple(required)


def missing_answers(
    form: Form, answers_by_unit: Mapping[str, Answers], unit_ids: Sequence[str], dimensions: DimensionsMode
) -> tuple[MissingAnswer, ...]:
    """Every required (unit, item) without an answer, in unit then form order."""
    items = required_items(form, dimensions)
    return tuple(
        MissingAnswer(unit_id, item.id)
        for unit_id in unit_ids
        for item in items
        if not is_answered(answers_by_unit.get(unit_id, {}).get(item.id))
    )


def quota_tallies(
    form: Form, answers_by_unit: Mapping[str, Answers], unit_count: int
) -> tuple[QuotaTally, ...]:
    """Each quota of the form with its count so far and its limit on a ballot of `unit_count` units."""
    tallies = []
    for quota in form.quotas:
        limit = quota_limit(quota.max_share, quota.max_count, unit_count)
        if limit is None:
            continue
        count = sum(
            1 for answers in answers_by_unit.values() if value_in(answers.get(quota.item), quota.levels)
        )
        tallies.append(QuotaTally(quota.id, quota.item, quota.levels, quota.text, count, limit, quota.action))
    return tuple(tallies)


def refused_by(
    form: Form,
    answers_by_unit: Mapping[str, Answers],
    unit_count: int,
    unit_id: str,
    item_id: str,
    value: AnswerValue,
) -> QuotaTally | None:
    """The quota that this answer would break, when breaking it voids the ballot; None when allowed.

    A quota whose action only warns never refuses: its tally is shown and the review page warns. Only
    this unit's answer changes, so each quota's count moves by at most one from its count before.
    """
    previous_value = answers_by_unit.get(unit_id, {}).get(item_id)
    for quota in form.quotas:
        if quota.action != "invalid" or quota.item != item_id:
            continue
        limit = quota_limit(quota.max_share, quota.max_count, unit_count)
        if limit is None:
            continue
        before = sum(
            1 for answers in answers_by_unit.values() if value_in(answers.get(quota.item), quota.levels)
        )
        after = before - value_in(previous_value, quota.levels) + value_in(value, quota.levels)
        tally = QuotaTally(quota.id, quota.item, quota.levels, quota.text, after, limit, quota.action)
        if tally.exceeded and after > before:
            return tally
    return None


def count_missing(
    form: Form, answers_by_unit: Mapping[str, Answers], unit_ids: Sequence[str], dimensions: DimensionsMode
) -> int:
    """How many required (unit, item) answers are still missing (`len(missing_answers(...))`, cheaper)."""
    item_ids = [item.id for item in required_items(form, dimensions)]
    empty: Answers = {}
    return sum(
        1
        for unit_id in unit_ids
        for answers in (answers_by_unit.get(unit_id, empty),)
        for item_id in item_ids
        if not is_answered(answers.get(item_id))
    )


def early_flags(
    form: Form, answers_by_unit: Mapping[str, Answers], min_answered: int = EARLY_FLAG_MIN_ANSWERED
) -> tuple[BallotFlag, ...]:
    """Invalid-ballot rules that already hold over every unit answered so far (at least `min_answered`):
    "all the same rating so far" is said while the evaluator can still change course."""
    flags = []
    for rule in form.invalid_rules:
        item = form.item(rule.item)
        if item is None:
            continue
        answered_units = sorted(
            unit for unit, answers in answers_by_unit.items() if is_answered(answers.get(rule.item))
        )
        if len(answered_units) < max(2, min_answered):
            continue
        values = [answers_by_unit[unit][rule.item] for unit in answered_units]
        if rule.kind == "all_identical":
            fired = all(same_answer(value, values[0]) for value in values)
        else:
            full = item_full_points(form, item)
            # Lazily: a ballot stops at its first answer below full marks, not after every unit.
            earned = (item_points(form, item, value) for value in values)
            fired = full > 0 and all(e is not None and e >= full for e in earned)
        if fired:
            flags.append(
                BallotFlag(rule.id, rule.kind, rule.text, rule.action, tuple(answered_units), len(values), 0)
            )
    return tuple(flags)
