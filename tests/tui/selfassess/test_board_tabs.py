"""The board's visits and supervision tabs: their tables hold the store's rows whenever they are shown."""

from __future__ import annotations

from textual.widgets import DataTable, TabbedContent

from tests.tui.selfassess.conftest import Campaign, settle, sign_in
from tui.review.app import ReviewApp
from tui.review.board import BoardScreen
from tui.review.visit import VisitScreen


def _column(table: DataTable[object], index: int) -> list[str]:
    return [str(table.get_row_at(row)[index]) for row in range(table.row_count)]


async def test_the_visit_and_supervision_tables_are_filled_when_shown(campaign: Campaign) -> None:
    store = campaign.store
    store.visits.add_visit("B021", "第一联络组", "2026-05-20", "supervision_visit", {}, "查阅台账")
    app = ReviewApp(campaign.context, store)
    async with app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, campaign.group_codes["第一联络组"])
        board = app.screen
        assert isinstance(board, BoardScreen)
        assert len(board.visit_rows) == 1
        tabs = board.query_one("#sa-tabs", TabbedContent)
        await pilot.press("t")
        await pilot.pause()
        assert tabs.active == "tab-visits"
        visits = board.query_one("#sa-visits", DataTable)
        assert _column(visits, 1) == ["市教育局机关党支部"]
        assert board.focused is visits
        await pilot.press("t")
        await pilot.pause()
        assert tabs.active == "tab-supervision"
        scores = board.query_one("#sa-supervision", DataTable)
        assert set(_column(scores, 0)) == {unit.name for unit in (row.unit for row in board.score_rows)}
        assert len(_column(scores, 0)) == 5  # two organizations and their three branches
        assert dict(zip(_column(scores, 0), _column(scores, 1), strict=True))["市教育局机关党支部"] == "1"
        # A visit added meanwhile shows after a reload, in the tab on screen and in the one behind it.
        store.visits.add_visit("B011", "第一联络组", "2026-06-01", "supervision_visit", {}, "个别谈话")
        await pilot.press("f5")
        await settle(pilot)
        assert dict(zip(_column(scores, 0), _column(scores, 1), strict=True))["市委办公室第一党支部"] == "1"
        tabs.active = "tab-visits"
        await settle(pilot)
        assert sorted(_column(visits, 1)) == ["市委办公室第一党支部", "市教育局机关党支部"]


async def test_editing_a_visit_right_after_switching_to_its_tab(campaign: Campaign) -> None:
    store = campaign.store
    store.visits.add_visit("B021", "第一联络组", "2026-05-20", "supervision_visit", {}, "查阅台账")
    app = ReviewApp(campaign.context, store)
    async with app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, campaign.group_codes["第一联络组"])
        board = app.screen
        assert isinstance(board, BoardScreen)
        board.query_one("#sa-tabs", TabbedContent).active = "tab-visits"
        board.action_edit_visit()  # at once, before the tab's activation has been handled
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, VisitScreen)
        assert screen.visit is not None and screen.visit.unit_id == "B021"
