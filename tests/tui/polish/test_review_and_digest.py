"""The review page and the closing digest at 80x24: every column and the whole digest on screen."""

from __future__ import annotations

import pytest
from textual.containers import VerticalScroll
from textual.pilot import Pilot
from textual.widgets import DataTable, Input

from tests.snapshot_type import SnapCompare
from tests.tui.meeting.conftest import Meeting
from tests.tui.meeting.drive import settle, wait_for_screen
from tests.tui.polish.ballots import open_review
from tests.tui.polish.kiosk import until

SIZES = [(80, 24), (120, 40)]


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
async def test_every_review_column_is_on_screen(full_meeting: Meeting, size: tuple[int, int]) -> None:
    app = full_meeting.app()
    async with app.run_test(size=size) as pilot:
        await open_review(pilot, full_meeting, full_meeting.codes["members"][0], "述职实在，问题找得准。")
        table = app.screen.query_one("#review-table", DataTable)
        used = sum(column.get_render_width(table) for column in table.columns.values())
        assert len(table.columns) == 9
        assert used <= table.scrollable_content_region.width, (used, table.size)
        assert table.max_scroll_x == 0, "nothing to the right of the screen"
        headers = [str(column.label) for column in table.columns.values()]
        assert "".join(headers[2].split("\n")) == "抓基层党建工作总体评价", "the header is wrapped, not cut"


async def test_pgup_on_the_review_page_goes_to_the_previous_unit(small_meeting: Meeting) -> None:
    app = small_meeting.app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_review(pilot, small_meeting, small_meeting.codes["members"][0])
        await pilot.press("pageup")
        await until(pilot, lambda: type(app.screen).__name__ != "ReviewScreen", "leaving the review page")
        assert app.ballot is not None and app.ballot.position == 3, "the last unit, as 上一个 says"


async def open_admin(pilot: Pilot[object], meeting: Meeting) -> None:
    app = pilot.app
    await settle(pilot)
    await pilot.press("f12")
    await wait_for_screen(pilot, "PassphraseScreen")
    app.screen.query_one("#passphrase", Input).value = meeting.passphrase
    await pilot.press("enter")
    await wait_for_screen(pilot, "AdminScreen")
    await settle(pilot)
    await settle(pilot)


async def test_the_admin_panel_opens_at_its_top_with_the_whole_digest(small_meeting: Meeting) -> None:
    small_meeting.campaign.meeting.close_voting("test")
    app = small_meeting.app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_admin(pilot, small_meeting)
        screen = app.screen
        assert screen.scroll_y == 0
        assert screen.query_one("#admin-title").region.y == 0, "the title line is not scrolled away"
        scroll = screen.query_one("#tab-voting VerticalScroll", VerticalScroll)
        assert scroll.scroll_y == 0
        digest = screen.query_one("#admin-digest")
        assert digest.display
        visible = scroll.content_region
        assert digest.region.y >= visible.y and digest.region.bottom <= visible.bottom, (
            digest.region,
            visible,
        )
        assert digest.region.right <= 80


@pytest.mark.parametrize("size", [(80, 24)], ids=["80x24"])
def test_review_snapshot(snap_compare: SnapCompare, small_meeting: Meeting, size: tuple[int, int]) -> None:
    async def on_review(pilot: Pilot[object]) -> None:
        await open_review(pilot, small_meeting, small_meeting.codes["members"][0], "述职实在，问题找得准。")

    assert snap_compare(small_meeting.app(), terminal_size=size, run_before=on_review)


@pytest.mark.parametrize("size", [(80, 24)], ids=["80x24"])
def test_closing_digest_snapshot(
    snap_compare: SnapCompare, small_meeting: Meeting, size: tuple[int, int]
) -> None:
    small_meeting.campaign.meeting.close_voting("test")

    async def on_admin(pilot: Pilot[object]) -> None:
        await open_admin(pilot, small_meeting)

    assert snap_compare(small_meeting.app(), terminal_size=size, run_before=on_admin)
