"""Small groups stay secret in the admin panel's results: a group of fewer than five ballots shows no mean."""

from __future__ import annotations

import random

from textual.widgets import DataTable, TabbedContent

from store.simulate import random_ballot
from tests.tui.meeting.conftest import Meeting
from tests.tui.meeting.drive import settle
from tests.tui.meeting.test_kiosk_and_admin import _open_admin
from tests.tui.screen_text import screen_text


async def test_the_admin_results_withhold_a_group_of_two(small_meeting: Meeting) -> None:
    campaign = small_meeting.campaign
    form = campaign.form("review_ballot")
    units = [unit.id for unit in campaign.roster.meeting_units()]
    rng = random.Random(5)
    for code in small_meeting.codes["members"][:2]:
        campaign.ballots.seal_ballot(code, "review_ballot", random_ballot(form, units, rng))
    campaign.meeting.close_voting("test")
    app = small_meeting.app()
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(pilot)
        await _open_admin(pilot, small_meeting)
        app.screen.query_one("#admin-tabs", TabbedContent).active = "tab-results"
        await settle(pilot)
        table = app.screen.query_one("#results-table", DataTable)
        assert table.display and table.row_count == 4
        cells = [str(cell) for row in range(table.row_count) for cell in table.get_row_at(row)]
        assert "少于5票，不单列" in cells
        assert "少于5票，不单列" in screen_text(app)
