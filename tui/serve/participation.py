"""Live participation in the serving terminal: a line when counts change, per rater group only."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from typing import TYPE_CHECKING

from tui.i18n import t

if TYPE_CHECKING:
    from tui.serve.handlers import Hall

POLL_SECONDS = 2.0


def participation_line(groups: list[tuple[str, int, int, int]]) -> str:
    """`(label, sealed, issued, on the page now)` per group as one line, never anything per person."""
    parts = [
        t("serve.participation.group", group=label, sealed=sealed, issued=issued, active=active)
        for label, sealed, issued, active in groups
    ]
    total = sum(group[1] for group in groups)
    issued = sum(group[2] for group in groups)
    return t("serve.participation.line", sealed=total, issued=issued, groups="；".join(parts))


class ParticipationPrinter:
    """Polls the store (sealed per group, from the kiosk too) and the page's sessions; prints on change.

    The lines carry no clock time: a time beside a count could be matched to who just left the hall.
    """

    def __init__(self, hall: Hall, echo: Callable[[str], None]) -> None:
        self.hall = hall
        self.echo = echo
        self.last = ""
        self.task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self.task = asyncio.get_running_loop().create_task(self._loop())

    async def stop(self) -> None:
        if self.task is not None:
            self.task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self.task

    async def snapshot(self) -> str:
        backend = self.hall.service.backend
        groups = await self.hall.store(backend.participation)
        active = self.hall.sessions.in_progress()
        return participation_line(
            [
                (backend.group_label(group.group), group.used, group.issued, active.get(group.group, 0))
                for group in groups
            ]
        )

    async def _loop(self) -> None:
        while True:
            try:
                line = await self.snapshot()
            except Exception as error:
                line = t("serve.log.unexpected", kind=type(error).__name__)
            if line != self.last:
                self.last = line
                self.echo(line)
            await asyncio.sleep(POLL_SECONDS)
