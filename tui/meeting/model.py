"""The meeting's view of a ballot: units, items, answers and their states, free of Textual and the store."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class CodeState(Enum):
    """What the welcome screen learned about a typed code."""

    FRESH = "fresh"
    DRAFT = "draft"
    USED = "used"
    UNKNOWN = "unknown"
    CLOSED = "closed"


AnswerValue = str | float | int | bool | list[str] | None
"""One stored answer, as forms/model.py defines it."""


@dataclass(frozen=True)
class Choice:
    """One level of a rating item: the stored code, its label (好, 较好, ...) and its key ("1")."""

    value: str
    label: str
    key: str


@dataclass(frozen=True)
class ItemSpec:
    """One question asked about every unit: a rating (keys 1-4), a number within bounds, or a comment."""

    item_id: str
    label: str
    kind: str  # "rating", "score" or "text"
    choices: tuple[Choice, ...] = ()
    minimum: float = 0.0
    maximum: float = 100.0
    hint: str = ""  # the scoring criteria (评分标准), shown under the items for the current one
    required: bool = True
    max_length: int = 200

    def choice_for_key(self, key: str) -> Choice | None:
        for choice in self.choices:
            if choice.key == key:
                return choice
        return None

    def label_of(self, value: AnswerValue) -> str:
        """The answer as the evaluator knows it: the level label, or the number or text itself."""
        if value is None:
            return ""
        for choice in self.choices:
            if choice.value == value:
                return choice.label
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        return str(value)


@dataclass(frozen=True)
class UnitSpec:
    """A unit as the evaluator sees it, in report order."""

    unit_id: str
    name: str
    secretary: str
    liaison_group: str


@dataclass(frozen=True)
class BallotSpec:
    """What one meeting ballot asks: the form's items about each unit, in report order."""

    form_id: str
    title: str
    items: tuple[ItemSpec, ...]
    units: tuple[UnitSpec, ...]
    score_item: str | None = None
    """The item that gives the unit's score (the overall rating of the review ballot)."""
    dimension_ids: tuple[str, ...] = ()
    """The 五力 dimensions asked under the campaign's mode (empty when the mode is "off")."""
    dimensions: str = "optional"
    """The campaign's dimensions mode: "required", "optional" or "off" (forms.rules)."""

    def item(self, item_id: str) -> ItemSpec | None:
        for item in self.items:
            if item.item_id == item_id:
                return item
        return None

    @property
    def is_grid(self) -> bool:
        """The ballot fits the grid: a rating score item, the other items ratings (dimensions) or comments."""
        score = self.item(self.score_item) if self.score_item else None
        return (
            bool(self.units)
            and score is not None
            and score.kind == "rating"
            and all(item.kind in ("rating", "text") for item in self.items)
        )

    @property
    def questions(self) -> tuple[ItemSpec, ...]:
        """The items that must be answered (comments are optional)."""
        return tuple(item for item in self.items if item.kind != "text" and item.required)


@dataclass(frozen=True)
class MeetingInfo:
    """The facts the welcome screen shows: campaign, meeting, voted and expected counts, voting state."""

    campaign_name: str
    meeting_name: str
    voted: int
    expected: int
    voting_open: bool
    voting_state: str = "not_open"
    """The store's state now: "not_open", "open" or "closed"."""


@dataclass
class BallotDraft:
    """An evaluator's answers so far, keyed by unit then item, with comments and the last unit seen."""

    code: str
    rater_group: str
    answers: dict[str, dict[str, AnswerValue]] = field(default_factory=dict)
    position: int = 0

    def answer(self, unit_id: str, item_id: str) -> AnswerValue:
        return self.answers.get(unit_id, {}).get(item_id)

    def set_answer(self, unit_id: str, item_id: str, value: AnswerValue) -> None:
        unit_answers = self.answers.setdefault(unit_id, {})
        if value is None or value == "":
            unit_answers.pop(item_id, None)
        else:
            unit_answers[item_id] = value

    def unit_state(self, spec: BallotSpec, unit_id: str) -> str:
        """ "done", "partial" or "empty" for the jump list and the review page."""
        questions = spec.questions
        given = sum(1 for item in questions if self.answer(unit_id, item.item_id) is not None)
        if given == 0:
            return "empty"
        return "done" if given == len(questions) else "partial"

    def first_gap(self, spec: BallotSpec) -> int | None:
        """The index of the first unit with a required answer missing (None when none is)."""
        return next(
            (n for n, unit in enumerate(spec.units) if self.unit_state(spec, unit.unit_id) != "done"), None
        )

    def missing_count(self, spec: BallotSpec) -> int:
        return sum(
            1
            for unit in spec.units
            for item in spec.questions
            if self.answer(unit.unit_id, item.item_id) is None
        )


@dataclass(frozen=True)
class RuleBreak:
    """A ballot rule the draft breaks, in user words, and whether it blocks sealing."""

    text: str
    blocking: bool


@dataclass(frozen=True)
class GroupParticipation:
    """Codes issued and used for one rater group."""

    group: str
    issued: int
    used: int


@dataclass(frozen=True)
class CloseReceipt:
    """What the minutes need when voting closes: the sealed count and the digest, and per form the valid
    and invalid ballots (`lines`, the same sentences as `verify` and the 通报)."""

    count: int
    digest: str
    lines: tuple[str, ...] = ()
