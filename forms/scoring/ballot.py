"""One evaluator's ballot about every unit: quotas and invalid-ballot rules (`check_ballot`)."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from forms.model import Answers, AnswerValue, Form, RuleAction, Text
from forms.scoring.answers import EPSILON, is_answered
from forms.scoring.response import item_full_points, item_points


@dataclass(frozen=True)
class BallotFlag:
    """A ballot rule that fired: its id, kind, text, action, the units concerned, count and limit."""

    rule: str
    kind: Literal["quota", "all_identical", "all_full_marks"]
    text: Text
    action: RuleAction
    units: tuple[str, ...]
    count: int = 0
    limit: int = 0


@dataclass(frozen=True)
class BallotCheck:
    """The verdict on one evaluator's ballot (answers about every unit)."""

    flags: tuple[BallotFlag, ...]

    @property
    def valid(self) -> bool:
        """False when any flag's action is "invalid"."""
        return not any(flag.action == "invalid" for flag in self.flags)

    @property
    def warnings(self) -> tuple[BallotFlag, ...]:
        """The flags that only warn."""
        return tuple(flag for flag in self.flags if flag.action == "warn")


def quota_limit(max_share: float | None, max_count: int | None, units: int) -> int | None:
    """How many units a quota allows on a ballot of `units` units: floor(share x units) (30% of 66 is
    19, never rounded up), and at most `max_count`; None when unlimited."""
    limits = []
    if max_share is not None:
        limits.append(math.floor(max_share * units + EPSILON))
    if max_count is not None:
        limits.append(max_count)
    return min(limits) if limits else None


def check_ballot(form: Form, answers_by_unit: Mapping[str, Answers]) -> BallotCheck:
    """Apply the form's quotas and invalid rules to one ballot; flags in rule order, units sorted."""
    units = sorted(answers_by_unit)
    flags: list[BallotFlag] = []
    for quota in form.quotas:
        limit = quota_limit(quota.max_share, quota.max_count, len(units))
        if limit is None:
            continue
        hits = tuple(unit for unit in units if value_in(answers_by_unit[unit].get(quota.item), quota.levels))
        if len(hits) > limit:
            flags.append(BallotFlag(quota.id, "quota", quota.text, quota.action, hits, len(hits), limit))
    for rule in form.invalid_rules:
        item = form.item(rule.item)
        values = [answers_by_unit[unit].get(rule.item) for unit in units]
        answered = [value for value in values if is_answered(value)]
        # Rules only judge a ballot where the item was answered for at least two units, all of them.
        if item is None or len(answered) < 2 or len(answered) != len(values):
            continue
        if rule.kind == "all_identical":
            fired = all(same_answer(value, answered[0]) for value in answered)
        else:
            full = item_full_points(form, item)
            # Lazily: a real ballot stops at its first answer below full marks, not after every unit.
            earned = (item_points(form, item, value) for value in answered)
            fired = full > 0 and all(e is not None and e >= full - EPSILON for e in earned)
        if fired:
            flags.append(BallotFlag(rule.id, rule.kind, rule.text, rule.action, tuple(units), len(units), 0))
    return BallotCheck(tuple(flags))


def value_in(value: AnswerValue, codes: Sequence[str]) -> bool:
    if isinstance(value, list):
        return any(code in codes for code in value)
    return isinstance(value, str) and value in codes


def same_answer(a: AnswerValue, b: AnswerValue) -> bool:
    if isinstance(a, list) and isinstance(b, list):
        return sorted(a) == sorted(b)
    return a == b
