"""Snapshots of the results screen's star chart: this year's stars beside last year's, at 80x24 and 120x40."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, TabbedContent

from tests.tui.selfassess.conftest import Campaign
from tests.tui.selfassess.test_results import _rate_the_branches
from tui.results.app import ResultsApp, ResultsScreen
from tui.widgets import StarChart


async def until(pilot: Pilot[object], condition: Callable[[], bool], tries: int = 500) -> None:
    """Pause until `condition` holds (fails the test when it never does)."""
    for _ in range(tries):
        if condition():
            return
        await pilot.pause(0.02)
    raise AssertionError("the results screen never showed what was waited for")


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
def test_results_chart(snap_compare: Any, campaign: Campaign, size: tuple[int, int]) -> None:
    _rate_the_branches(campaign)
    app = ResultsApp(campaign.context, campaign.store)

    async def chart(pilot: Pilot[object]) -> None:
        # Waits on what the screen shows, not on the workers: the sign-in's worker may be cancelled by
        # the results screen's first load (same exclusive group), which `wait_for_complete` would raise.
        await pilot.pause()
        pilot.app.screen.query_one("#code", Input).value = campaign.passphrase
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(pilot.app.screen, ResultsScreen))
        screen = pilot.app.screen
        await until(pilot, lambda: screen.query_one(StarChart).this_year[5] == 1)
        screen.query_one(TabbedContent).active = "tab-chart"
        await pilot.pause()
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=chart)
