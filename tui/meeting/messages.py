"""Typed messages the meeting's store workers post back to its screens."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from tui.meeting.model import BallotDraft, CloseReceipt, CodeState, MeetingInfo, RuleBreak


@dataclass
class InfoLoaded(Message):
    """The welcome screen's facts were read from the store."""

    info: MeetingInfo


@dataclass
class CodeChecked(Message):
    """A typed code was looked up: its state and, when it may vote, its draft."""

    code: str
    state: CodeState
    draft: BallotDraft | None


@dataclass
class SaveFailed(Message):
    """An autosave did not reach the disk; the text says why."""

    text: str


@dataclass
class RulesChecked(Message):
    """The ballot rules were checked against the draft for the review page."""

    breaks: list[RuleBreak]


@dataclass
class BallotSealed(Message):
    """The ballot was sealed (or `error` says why not)."""

    error: str | None


@dataclass
class VotingClosed(Message):
    """Voting was closed: the count and digest for the minutes."""

    receipt: CloseReceipt
