"""Typed messages the self-assessment workers post back to the fill-in screen."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message


@dataclass
class AnswersSaved(Message):
    """The autosave worker wrote `count` queued answers to the store."""

    count: int


@dataclass
class SaveFailed(Message):
    """A store write failed; `reason` is the sentence to show. The answers stay queued for the next try."""

    reason: str


@dataclass
class Submitted(Message):
    """The self-assessment was submitted and is now read-only for the unit."""


@dataclass
class SubmitRefused(Message):
    """The store or the checks refused the submission; `reason` says why."""

    reason: str
