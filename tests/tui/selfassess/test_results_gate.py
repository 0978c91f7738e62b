"""Results only after close: the results screen shows no score, rank or star while voting is open."""

from __future__ import annotations

from collections.abc import Callable

from textual.pilot import Pilot
from textual.widgets import DataTable

from tests.tui.screen_text import screen_text
from tests.tui.selfassess.conftest import Campaign
from tests.tui.selfassess.test_results import _rate_the_branches
from tui.results.app import ResultsApp, ResultsScreen


async def wait_until(pilot: Pilot[object], done: Callable[[], bool], tries: int = 200) -> None:
    for _ in range(tries):
        if done():
            return
        await pilot.pause(0.05)
    raise AssertionError("the condition never held")


async def sign_in(pilot: Pilot[object], passphrase: str) -> None:
    """The passphrase typed and Enter pressed; waits for the results screen, not for workers (the
    screen's exclusive loader may be cancelled and restarted, which `wait_for_complete` reports)."""
    from textual.widgets import Input

    await wait_until(pilot, lambda: bool(pilot.app.screen.query("#code")))
    pilot.app.screen.query_one("#code", Input).value = passphrase
    await pilot.press("enter")
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, ResultsScreen))


async def test_the_results_screen_shows_nothing_while_voting_is_open(campaign: Campaign) -> None:
    _rate_the_branches(campaign)
    campaign.store.meeting.open_voting("test")
    app = ResultsApp(campaign.context, campaign.store)
    async with app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, campaign.passphrase)
        await wait_until(pilot, lambda: "投票仍在进行中" in screen_text(app))
        screen = app.screen
        assert isinstance(screen, ResultsScreen)
        assert screen.query_one("#sa-branches", DataTable).row_count == 0
        assert screen.query_one("#sa-organizations", DataTable).row_count == 0
    campaign.store.meeting.close_voting("test")
    app = ResultsApp(campaign.context, campaign.store)
    async with app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, campaign.passphrase)
        await wait_until(pilot, lambda: app.screen.query_one("#sa-branches", DataTable).row_count == 4)
