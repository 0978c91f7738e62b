"""`EntryTally`: a ballot being filled, whose quota counts, early warnings and missing count follow each
answer in constant time (the same verdicts as `forms.scoring.entry`'s full recounts)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass

from forms.model import AnswerValue, Form, InvalidRule, Quota, Text
from forms.scoring.answers import is_answered
from forms.scoring.ballot import quota_limit, value_in
from forms.scoring.entry import EARLY_FLAG_MIN_ANSWERED, DimensionsMode, QuotaTally, required_items
from forms.scoring.response import item_full_points, item_points

Answers = dict[str, dict[str, AnswerValue]]


@dataclass(frozen=True)
class EarlyWarning:
    """An invalid-ballot rule that holds over every unit answered so far: its rule, text and unit count."""

    rule: str
    text: Text
    count: int


def _sameness_key(value: AnswerValue) -> Hashable:
    """Equal keys exactly when `forms.scoring.ballot.same_answer` holds (lists compare as sorted)."""
    if isinstance(value, list):
        return ("list", tuple(sorted(value)))
    return value


class _RuleCount:
    """One invalid rule's running counts over the answered units of its item."""

    def __init__(self, form: Form, rule: InvalidRule) -> None:
        self.rule = rule
        item = form.item(rule.item)
        assert item is not None
        self._form = form
        self._item = item
        self.full = item_full_points(form, item)
        self.answered = 0
        self.kinds: Counter[Hashable] = Counter()  # all_identical: units per distinct answer
        self.below_full = 0  # all_full_marks: answered units earning less than full marks (or nothing)
        self._below_full_of: dict[str, bool] = {}  # per level code: its points worked out once

    def move(self, value: AnswerValue, step: int) -> None:
        if not is_answered(value):
            return
        self.answered += step
        if self.rule.kind == "all_identical":
            key = _sameness_key(value)
            self.kinds[key] += step
            if not self.kinds[key]:
                del self.kinds[key]
        else:
            self.below_full += step * self._is_below_full(value)

    def _is_below_full(self, value: AnswerValue) -> bool:
        if isinstance(value, str):
            known = self._below_full_of.get(value)
            if known is not None:
                return known
        earned = item_points(self._form, self._item, value)
        below = earned is None or earned < self.full
        if isinstance(value, str):
            self._below_full_of[value] = below
        return below

    def fired(self, min_answered: int) -> bool:
        if self.answered < max(2, min_answered):
            return False
        if self.rule.kind == "all_identical":
            return len(self.kinds) == 1
        return self.full > 0 and self.below_full == 0


class EntryTally:
    """One ballot's answers by unit with their running counts: `set` an answer, then read `quotas`,
    `refusal`, `warnings`, `missing` and `answered` without a pass over the units.

    Quotas and warnings count every unit in the answers (as `quota_tallies` and `early_flags` do); the
    missing count covers `unit_ids` only (as `count_missing` does). The tally owns its answers: change
    them only through `set`.
    """

    def __init__(
        self,
        form: Form,
        unit_ids: Iterable[str],
        dimensions: DimensionsMode,
        answers: Mapping[str, Mapping[str, AnswerValue]] | None = None,
        min_answered: int = EARLY_FLAG_MIN_ANSWERED,
    ) -> None:
        self.form = form
        self.unit_ids = tuple(unit_ids)
        self._in_ballot = frozenset(self.unit_ids)
        self._min_answered = min_answered
        self._quotas: list[tuple[Quota, int]] = []
        for quota in form.quotas:
            limit = quota_limit(quota.max_share, quota.max_count, len(self.unit_ids))
            if limit is not None:
                self._quotas.append((quota, limit))
        self._quota_counts = [0] * len(self._quotas)
        self._rules = [_RuleCount(form, rule) for rule in form.invalid_rules if form.item(rule.item)]
        # What one item's answer moves, found once: a tap touches only its own item's counts.
        self._quotas_of: dict[str, list[int]] = {}
        for index, (quota, _limit) in enumerate(self._quotas):
            self._quotas_of.setdefault(quota.item, []).append(index)
        self._rules_of: dict[str, list[_RuleCount]] = {}
        for rule in self._rules:
            self._rules_of.setdefault(rule.rule.item, []).append(rule)
        self._required = frozenset(item.id for item in required_items(form, dimensions))
        self._answered_by_item: Counter[str] = Counter()  # units of the ballot answering each item
        self.answers: Answers = {}
        for unit_id, row in (answers or {}).items():
            self.answers.setdefault(unit_id, {})
            for item_id, value in row.items():
                self.set(unit_id, item_id, value)

    def set(self, unit_id: str, item_id: str, value: AnswerValue) -> None:
        """Record one answer (None clears it) and move every count it touches."""
        row = self.answers.setdefault(unit_id, {})
        previous = row.get(item_id)
        self._move(unit_id, item_id, previous, -1)
        if value is None:
            row.pop(item_id, None)
        else:
            row[item_id] = value
        self._move(unit_id, item_id, value, 1)

    def _move(self, unit_id: str, item_id: str, value: AnswerValue, step: int) -> None:
        if value is None:
            return
        for index in self._quotas_of.get(item_id, ()):
            if value_in(value, self._quotas[index][0].levels):
                self._quota_counts[index] += step
        for rule in self._rules_of.get(item_id, ()):
            rule.move(value, step)
        if unit_id in self._in_ballot and is_answered(value):
            self._answered_by_item[item_id] += step

    def quotas(self) -> tuple[QuotaTally, ...]:
        """Each quota with its count so far and its limit (`quota_tallies`)."""
        return tuple(
            QuotaTally(quota.id, quota.item, quota.levels, quota.text, count, limit, quota.action)
            for (quota, limit), count in zip(self._quotas, self._quota_counts, strict=True)
        )

    def refusal(self, unit_id: str, item_id: str, value: AnswerValue) -> QuotaTally | None:
        """The quota this answer would break when breaking it voids the ballot (`refused_by`)."""
        previous = self.answers.get(unit_id, {}).get(item_id)
        for (quota, limit), before in zip(self._quotas, self._quota_counts, strict=True):
            if quota.action != "invalid" or quota.item != item_id:
                continue
            after = before - value_in(previous, quota.levels) + value_in(value, quota.levels)
            if after > limit and after > before:
                return QuotaTally(quota.id, quota.item, quota.levels, quota.text, after, limit, quota.action)
        return None

    def warnings(self) -> tuple[EarlyWarning, ...]:
        """The invalid-ballot rules that already hold over every unit answered (`early_flags`)."""
        return tuple(
            EarlyWarning(rule.rule.id, rule.rule.text, rule.answered)
            for rule in self._rules
            if rule.fired(self._min_answered)
        )

    @property
    def missing(self) -> int:
        """Required answers still missing over the ballot's units (`count_missing`)."""
        units = len(self.unit_ids)
        return sum(units - self._answered_by_item[item_id] for item_id in self._required)

    def answered(self, item_id: str) -> int:
        """How many of the ballot's units answer `item_id`."""
        return self._answered_by_item[item_id]

    def snapshot(self) -> Answers:
        """A copy of the answers, safe to read while this tally goes on changing."""
        return {unit_id: dict(row) for unit_id, row in self.answers.items()}
