"""One evaluator's ballot about every unit: quotas and invalid-ballot rules (`check_ballot`)."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from operator import methodcaller
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


class BallotValidity:
    """`check_ballot(form, answers).valid` for many ballots of one form, without building flags: each
    item's answers counted once per ballot, each level code's points worked out once per form.

    `valid_of(rows)` takes the answer rows of one ballot (one per unit, any order) and returns None when a
    value is not a level code or empty (a number, a list): the caller then asks `check_ballot` itself.
    """

    def __init__(self, form: Form) -> None:
        self.form = form
        self.quotas = [quota for quota in form.quotas if quota.action == "invalid"]
        self.rules = [rule for rule in form.invalid_rules if rule.action == "invalid"]
        self._full: dict[str, float] = {}
        self._points: dict[tuple[str, str], float | None] = {}

    def valid_of(
        self,
        rows: Sequence[Mapping[str, AnswerValue]],
        known: Mapping[str, Counter[AnswerValue]] | None = None,
    ) -> bool | None:
        """Whether the ballot is valid; None when its values need `check_ballot`. `known` holds the
        counts of some items' values over these rows, already made by the caller."""
        counted: dict[str, Counter[AnswerValue]] = dict(known or {})
        units = len(rows)

        def values(item_id: str) -> Counter[AnswerValue] | None:
            if item_id not in counted:
                try:
                    counted[item_id] = Counter(map(methodcaller("get", item_id), rows))
                except TypeError:  # a list answer: not countable by value
                    return None
            found = counted[item_id]
            # Only level codes and empty answers are counted as keys: 1, 1.0 and True would merge.
            return found if all(key is None or type(key) is str for key in found) else None

        for quota in self.quotas:
            limit = quota_limit(quota.max_share, quota.max_count, units)
            if limit is None:
                continue
            found = values(quota.item)
            if found is None:
                return None
            hits = sum(
                count for value, count in found.items() if isinstance(value, str) and value in quota.levels
            )
            if hits > limit:
                return False
        for rule in self.rules:
            item = self.form.item(rule.item)
            found = values(rule.item)
            if found is None:
                return None
            unanswered = found.get(None, 0) + found.get("", 0)
            if item is None or units - unanswered < 2 or unanswered:
                continue
            if rule.kind == "all_identical":
                fired = len(found) == 1
            else:
                fired = self._full_of(item.id) > 0 and all(
                    (earned := self._points_of(item.id, str(value))) is not None
                    and earned >= self._full_of(item.id) - EPSILON
                    for value in found
                )
            if fired:
                return False
        return True

    def _full_of(self, item_id: str) -> float:
        if item_id not in self._full:
            item = self.form.item(item_id)
            self._full[item_id] = item_full_points(self.form, item) if item is not None else 0.0
        return self._full[item_id]

    def _points_of(self, item_id: str, value: str) -> float | None:
        key = (item_id, value)
        if key not in self._points:
            item = self.form.item(item_id)
            self._points[key] = item_points(self.form, item, value) if item is not None else None
        return self._points[key]
