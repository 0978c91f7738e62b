"""Pilot helpers of the polish kiosk tests: wait for a condition, never a fixed time."""

from __future__ import annotations

from collections.abc import Callable

from textual.css.query import NoMatches
from textual.pilot import Pilot


async def until(pilot: Pilot[object], condition: Callable[[], bool], what: str, tries: int = 200) -> None:
    """Pause until `condition()` holds (fails the test saying `what` did not happen)."""
    for _ in range(tries):
        try:
            if condition():
                return
        except NoMatches:  # the screen is mounted but not yet composed: not there yet
            pass
        await pilot.pause(0.02)
    raise AssertionError(f"{what} did not happen")


def shows(pilot: Pilot[object], screen_name: str, selector: str) -> Callable[[], bool]:
    """A condition: the top screen is `screen_name` and has composed `selector` (not only mounted)."""

    def condition() -> bool:
        screen = pilot.app.screen
        return type(screen).__name__ == screen_name and bool(screen.query(selector))

    return condition
