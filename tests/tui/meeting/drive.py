"""Helpers that drive the meeting app with Pilot the way an evaluator does."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import Input, Static

from tui.meeting.app import MeetingApp


async def settle(pilot: Pilot[object], rounds: int = 3) -> None:
    """Let workers post back and screens switch."""
    app = pilot.app
    for _ in range(rounds):
        await pilot.pause()
        busy = [worker for worker in app.workers if worker.group != "saver" and worker.is_running]
        if busy:  # an empty list would mean "every worker", the never-ending saver included
            await app.workers.wait_for_complete(busy)
    await pilot.pause()


async def wait_for_screen(pilot: Pilot[object], name: str, tries: int = 250) -> None:
    """Pause until the top screen is of class `name` and mounted, its widgets composed (fails the test
    with the screen it got): a screen is on top a moment before its widgets are there to query."""
    for _ in range(tries):
        screen = pilot.app.screen
        if type(screen).__name__ == name and screen.is_mounted:
            return
        await pilot.pause(0.02)
    raise AssertionError(f"expected {name}, still on {type(pilot.app.screen).__name__}")


async def type_code(pilot: Pilot[object], code: str) -> None:
    """Type a code on the welcome screen and press Enter."""
    await wait_for_screen(pilot, "WelcomeScreen")
    field = pilot.app.screen.query_one("#code", Input)
    field.focus()
    await pilot.press(*code, "enter")
    await settle(pilot)


async def open_grid(pilot: Pilot[object], code: str) -> None:
    """Sign in with an evaluator code and go past the instructions to the grid ballot."""
    await type_code(pilot, code)
    await wait_for_screen(pilot, "InstructionScreen")
    await pilot.press("enter")
    await wait_for_screen(pilot, "GridScreen")


def message(app: MeetingApp, selector: str) -> str:
    """The plain text shown by a Static."""
    return str(app.screen.query_one(selector, Static).render())


async def rate_all(pilot: Pilot[object], overall: str) -> None:
    """From the instruction screen: rate each unit's overall rating on the grid, one key per unit in
    `overall` (the cursor moves down by itself), then open the review page."""
    await wait_for_screen(pilot, "InstructionScreen")
    await pilot.press("enter")
    await wait_for_screen(pilot, "GridScreen")
    await pilot.press(*overall)
    await pilot.press("r")
    await wait_for_screen(pilot, "ReviewScreen")
    await settle(pilot)


def grid_text(app: MeetingApp) -> list[str]:
    """The grid's lines as plain text, header first (what the evaluator sees, scrolled as it is)."""
    grid = app.screen.query_one("#grid")
    return [grid.render_line(y).text for y in range(grid.size.height)]
