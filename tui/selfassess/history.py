"""A self-assessment's history in words: who did what, when and why (no ids, no English in Chinese)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from store.api import SelfEvent
from tui.i18n import t

ADMIN_ACTORS = frozenset({"admin", "管理员"})
"""Actors written by the admin's commands and screens (shown as 管理员 / the admin)."""


def actor_text(actor: str, names: Mapping[str, str] | None = None) -> str:
    """Who did it, as a unit reads it: the admin is 管理员, a liaison group or unit by its own name."""
    if actor in ADMIN_ACTORS:
        return t("selfyear.actor.admin")
    return (names or {}).get(actor, actor)


def event_text(event: SelfEvent, names: Mapping[str, str] | None = None) -> str:
    """One step: the day, who, what, and the reason or note when there is one."""
    step = t(
        "review.history.step",
        day=event.day,
        action=t(f"review.history.{event.action}"),
        actor=actor_text(event.actor, names),
    )
    if event.note.strip():
        step += t("selfyear.history.note", note=event.note)
    return step


def history_text(events: Sequence[SelfEvent], names: Mapping[str, str] | None = None) -> str:
    """The history line of the review and of the unit's own screen (`names`: unit id -> name)."""
    return t("review.history", steps="；".join(event_text(event, names) for event in events))
