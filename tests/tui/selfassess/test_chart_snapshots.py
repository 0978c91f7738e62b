"""Snapshots of the results screen's star chart: this year's stars beside last year's, at 80x24 and 120x40."""

from __future__ import annotations

from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import TabbedContent

from tests.tui.selfassess.conftest import Campaign, settle, sign_in
from tests.tui.selfassess.test_results import _rate_the_branches
from tui.results.app import ResultsApp, ResultsScreen
from tui.widgets import StarChart


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
def test_results_chart(snap_compare: Any, campaign: Campaign, size: tuple[int, int]) -> None:
    _rate_the_branches(campaign)
    app = ResultsApp(campaign.context, campaign.store)

    async def chart(pilot: Pilot[object]) -> None:
        await sign_in(pilot, campaign.passphrase)
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, ResultsScreen)
        screen.query_one(TabbedContent).active = "tab-chart"
        await settle(pilot)
        assert screen.query_one(StarChart).this_year[5] == 1
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=chart)
