"""The form dataclasses: a TOML form file loads into one frozen `Form` (sections, items, scales, rules).

Scopes (who answers a form, and how often):

- ``ballot``: answered once per unit by each evaluator at the review meeting (述职评议测评表); the
  ``score_item`` gives the unit's review score, and the ballot rules (quotas, invalid rules) look at one
  evaluator's answers about all units together.
- ``vote``: answered once per evaluator about the whole campaign, e.g. the service-brand vote (品牌评选票).
- ``unit``: a unit's self-assessment about itself (自评), later reviewed and verified by its liaison group.
- ``visit``: one supervision visit of a liaison group to a unit (日常督导记录); a unit has several a year.

Item types and what their answer value is:

- ``rating``: a level code of a named scale (str), e.g. "good"; points from the scale.
- ``score``: a number within ``min``..``max`` on ``step``; its points are the number.
- ``check``: yes/no (bool); ``points`` when yes.
- ``choice``: one choice code (str); ``multi``: a list of choice codes (list[str]).
- ``text``: free text (str) up to ``max_length`` characters; never scored.
- ``deduct``: a count of occurrences (int) times ``points`` each, or, without ``points``, the points taken
  off directly; the deduction of one item never exceeds ``cap``.
- ``veto`` (一票否决): yes/no (bool); when yes the grade and/or star are capped (``veto_grade``,
  ``veto_stars``).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Literal

AnswerValue = str | float | int | bool | list[str] | None
"""One answer: a level or choice code, a number, yes/no, picked codes, free text, or nothing yet."""

Answers = Mapping[str, AnswerValue]
"""The answers of one response, by item id (missing key = not answered)."""

Scope = Literal["ballot", "vote", "unit", "visit"]
ItemType = Literal["rating", "score", "check", "choice", "multi", "text", "deduct", "veto"]
RuleAction = Literal["invalid", "warn"]
InvalidKind = Literal["all_identical", "all_full_marks"]
FormKind = Literal["", "star"]
"""What a form is for beyond its scope: "star" is the star-rating self-assessment (星级党支部评定) that
branches fill and the star rules rate; "" is any other form."""

SCOPES: tuple[str, ...] = ("ballot", "vote", "unit", "visit")
ITEM_TYPES: tuple[str, ...] = ("rating", "score", "check", "choice", "multi", "text", "deduct", "veto")
RULE_ACTIONS: tuple[str, ...] = ("invalid", "warn")
INVALID_KINDS: tuple[str, ...] = ("all_identical", "all_full_marks")
FORM_KINDS: tuple[str, ...] = ("star",)

SCORED_TYPES: frozenset[str] = frozenset({"rating", "score", "check", "choice", "multi"})
"""Item types whose answer earns points (deductions subtract; text and veto items earn none)."""


@dataclass(frozen=True)
class Text:
    """A user-visible text in Chinese, with an optional English version."""

    zh: str
    en: str = ""

    def get(self, lang: str) -> str:
        """The text in `lang` ("zh" or "en"); Chinese when no English version was written."""
        return self.en if lang == "en" and self.en else self.zh

    def __bool__(self) -> bool:
        return bool(self.zh or self.en)


EMPTY_TEXT = Text("")


@dataclass(frozen=True)
class Level:
    """One level of a rating scale: `code` is an ASCII id ("good"), `key` the keyboard key ("1")."""

    code: str
    label: Text
    points: float
    key: str = ""
    line: int = 0


@dataclass(frozen=True)
class Scale:
    """A named rating scale such as 好/较好/一般/差, best level first."""

    id: str
    label: Text
    levels: tuple[Level, ...]
    line: int = 0

    def level(self, code: str) -> Level | None:
        """The level with this code, or None."""
        for level in self.levels:
            if level.code == code:
                return level
        return None

    def level_for_key(self, key: str) -> Level | None:
        """The level bound to a keyboard key, or None."""
        for level in self.levels:
            if level.key == key:
                return level
        return None

    @property
    def codes(self) -> tuple[str, ...]:
        """Every level code, in order."""
        return tuple(level.code for level in self.levels)

    @property
    def full_points(self) -> float:
        """The points of the best level (full marks on this scale)."""
        return max((level.points for level in self.levels), default=0.0)


@dataclass(frozen=True)
class Choice:
    """One option of a `choice` or `multi` item."""

    code: str
    label: Text
    points: float = 0.0
    line: int = 0


@dataclass(frozen=True)
class Condition:
    """`show_if`: the item is shown (and required, and scored) only when this holds on another item.

    Exactly one test is used, in this order: `equals`, `any_of` (TOML key ``in``), `min`/`max` (both
    may be set: a range), `answered`.
    """

    item: str
    equals: str | float | int | bool | None = None
    any_of: tuple[str, ...] = ()
    min: float | None = None
    max: float | None = None
    answered: bool | None = None
    line: int = 0

    def holds(self, answers: Answers) -> bool:
        """Whether the condition is true for these answers (an unanswered item fails every test but
        ``answered = false``)."""
        value = answers.get(self.item)
        present = value is not None and value != "" and value != []
        if self.equals is not None:
            if not present:
                return False
            if isinstance(value, list):
                return str(self.equals) in value
            if isinstance(self.equals, bool) or isinstance(value, bool):
                return value is self.equals
            if isinstance(self.equals, (int, float)) and isinstance(value, (int, float)):
                return float(value) == float(self.equals)
            return str(value) == str(self.equals)
        if self.any_of:
            if isinstance(value, list):
                return any(code in self.any_of for code in value)
            return present and str(value) in self.any_of
        if self.min is not None or self.max is not None:
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                return False
            if self.min is not None and value < self.min:
                return False
            return not (self.max is not None and value > self.max)
        if self.answered is not None:
            return present == self.answered
        return present


@dataclass(frozen=True)
class Item:
    """One question of a form, with its scoring.

    `help` is the scoring criteria shown to the user (评分标准). `points` is the item's full marks where
    the type needs one (check: points when yes; rating: scale points rescaled to `points` when set;
    deduct: points per occurrence). `weight` multiplies the item's points in its section subtotal.
    `note_below_full` demands an evidence note (说明/佐证) when the item earns less than full marks.
    `choices_from` names a run-time list (e.g. "brands") that the store supplies instead of `choices`.
    """

    id: str
    type: ItemType
    label: Text
    help: Text = EMPTY_TEXT
    required: bool = False
    weight: float = 1.0
    scale: str | None = None
    min: float | None = None
    max: float | None = None
    step: float | None = None
    points: float | None = None
    choices: tuple[Choice, ...] = ()
    choices_from: str | None = None
    min_picks: int = 0
    max_picks: int | None = None
    max_length: int | None = None
    cap: float | None = None
    veto_grade: str | None = None
    veto_stars: int | None = None
    note_below_full: bool = False
    show_if: Condition | None = None
    line: int = 0

    def choice(self, code: str) -> Choice | None:
        """The choice with this code, or None (run-time choices are not known here)."""
        for choice in self.choices:
            if choice.code == code:
                return choice
        return None

    @property
    def is_scored(self) -> bool:
        """Whether this item adds points (deductions and vetoes are handled apart)."""
        return self.type in SCORED_TYPES


@dataclass(frozen=True)
class Section:
    """A titled group of items (基础项 · 组织建设 ...); `part` names the scoring part it counts in."""

    id: str
    title: Text
    items: tuple[Item, ...]
    help: Text = EMPTY_TEXT
    part: str | None = None
    line: int = 0


@dataclass(frozen=True)
class Part:
    """A scoring part: total = sum over parts of weight x max(0, sum of its sections' subtotals).

    The star form says total = (基础 − 减分) × 70% + 评议 × 30% with two parts: "base" (weight 0.7, its
    sections hold the basic items and the deductions) and "review" (weight 0.3).
    """

    id: str
    label: Text
    weight: float
    line: int = 0


@dataclass(frozen=True)
class Quota:
    """A per-ballot quota: on `item`, at most `max_share` (0..1) and/or `max_count` of the units may be
    rated one of `levels`; breaking it makes the ballot invalid or only warns (`action`)."""

    id: str
    item: str
    levels: tuple[str, ...]
    text: Text
    max_share: float | None = None
    max_count: int | None = None
    action: RuleAction = "invalid"
    line: int = 0


@dataclass(frozen=True)
class InvalidRule:
    """A ballot-level invalidity rule on `item`: every unit given the same answer (`all_identical`) or
    every unit given full marks (`all_full_marks`)."""

    id: str
    kind: InvalidKind
    item: str
    text: Text
    action: RuleAction = "invalid"
    line: int = 0


@dataclass(frozen=True)
class Form:
    """One versioned form definition, as loaded from its TOML file (`source`).

    `satisfaction_item` (unit forms) names the score item holding the satisfaction (0..100) that the
    star rules compare with their no-star threshold. `kind` "star" marks the star-rating form.
    """

    id: str
    version: str
    scope: Scope
    title: Text
    sections: tuple[Section, ...]
    description: Text = EMPTY_TEXT
    scales: tuple[Scale, ...] = ()
    parts: tuple[Part, ...] = ()
    score_item: str | None = None
    quotas: tuple[Quota, ...] = ()
    invalid_rules: tuple[InvalidRule, ...] = ()
    max_total: float | None = None
    source: str = ""
    satisfaction_item: str | None = None
    kind: FormKind = ""
    _items: Mapping[str, Item] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        index = {item.id: item for section in self.sections for item in section.items}
        object.__setattr__(self, "_items", index)

    def items(self) -> Iterator[Item]:
        """Every item, in form order."""
        for section in self.sections:
            yield from section.items

    def item(self, item_id: str) -> Item | None:
        """The item with this id, or None."""
        return self._items.get(item_id)

    def section_of(self, item_id: str) -> Section | None:
        """The section holding this item, or None."""
        for section in self.sections:
            if any(item.id == item_id for item in section.items):
                return section
        return None

    def scale(self, scale_id: str) -> Scale | None:
        """The scale with this id, or None."""
        for scale in self.scales:
            if scale.id == scale_id:
                return scale
        return None

    def scale_of(self, item: Item) -> Scale | None:
        """The scale of a rating item, or None."""
        return self.scale(item.scale) if item.scale else None

    def part(self, part_id: str) -> Part | None:
        """The scoring part with this id, or None."""
        for part in self.parts:
            if part.id == part_id:
                return part
        return None
