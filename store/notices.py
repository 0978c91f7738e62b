"""Things the store did on its own (a restore finished after a crash, a file healed from the mirror):
kept here until the command or screen running tells the admin."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Notice:
    """One catalogue key and its parameters, for the admin."""

    key: str
    params: dict[str, str] = field(default_factory=dict)


_pending: list[Notice] = []
_guard = threading.Lock()


def notify(key: str, **params: object) -> None:
    """Queue a notice for the admin."""
    with _guard:
        _pending.append(Notice(key, {name: str(value) for name, value in params.items()}))


def take() -> list[Notice]:
    """Every queued notice, oldest first; the queue is left empty."""
    with _guard:
        taken = list(_pending)
        _pending.clear()
    return taken
