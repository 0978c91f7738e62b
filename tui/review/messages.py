"""Typed messages the review workers post back to the board and submission screens."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from forms.rules import Rules
from tui.review.model import BoardRow, SupervisionRow, VisitRow


@dataclass
class BoardLoaded(Message):
    """The group's board rows (and the campaign's rules) were read from the store."""

    rows: list[BoardRow]
    rules: Rules
    deadline: str | None = None
    """The day units must submit by (None: no deadline set)."""


@dataclass
class VisitsLoaded(Message):
    """The group's visits and each unit's supervision score were read from the store."""

    visits: list[VisitRow]
    scores: list[SupervisionRow]


@dataclass
class StoreRefused(Message):
    """The store refused an action (or failed); `reason` is the sentence to show."""

    reason: str


@dataclass
class ActionDone(Message):
    """An action on the store succeeded; `text` says what happened."""

    text: str
