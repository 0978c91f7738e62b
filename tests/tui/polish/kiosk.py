"""Pilot helpers of the polish kiosk tests: wait for a condition, never a fixed time."""

from __future__ import annotations

from collections.abc import Callable

from textual.pilot import Pilot


async def until(pilot: Pilot[object], condition: Callable[[], bool], what: str, tries: int = 200) -> None:
    """Pause until `condition()` holds (fails the test saying `what` did not happen)."""
    for _ in range(tries):
        if condition():
            return
        await pilot.pause(0.02)
    raise AssertionError(f"{what} did not happen")
