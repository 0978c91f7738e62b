"""Kiosk safety (no way out for evaluators) and the admin door: passphrase, voting, closing digest, results."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Button, DataTable, Input, TabbedContent

from store.ballot_snapshot import KEPT_TALLIES
from tests.tui.meeting.conftest import Meeting
from tests.tui.meeting.drive import message, rate_all, settle, type_code, wait_for_screen
from tui.meeting.results import bar

KIOSK_KEYS = [
    "ctrl+c",
    "ctrl+q",
    "ctrl+z",
    "ctrl+p",
    "ctrl+s",
    "ctrl+backslash",
    "escape",
    "escape",
    "escape",
]


async def _open_passphrase_box(pilot: Pilot[object]) -> None:
    """F12 is the staff's door on every evaluator screen: it asks for the passphrase first."""
    await pilot.press("f12")
    await wait_for_screen(pilot, "PassphraseScreen")


@pytest.mark.parametrize("where", ["welcome", "grid", "review"])
async def test_every_kiosk_key_is_ignored_on_evaluator_screens(small_meeting: Meeting, where: str) -> None:
    app = small_meeting.app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        if where != "welcome":
            await type_code(pilot, small_meeting.codes["members"][0])
            if where == "grid":
                await pilot.press("enter")
                await wait_for_screen(pilot, "GridScreen")
            else:
                await rate_all(pilot, "1234")
        screen = app.screen
        stack = list(app.screen_stack)
        for key in KIOSK_KEYS:
            await pilot.press(key)
            await pilot.pause()
        assert app.is_running and app.return_code is None
        assert app.screen is screen and list(app.screen_stack) == stack
        assert app.clipboard == ""


async def test_no_screenshot_reaches_the_disk(
    small_meeting: Meeting, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = small_meeting.app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.action_screenshot()
        assert app.deliver_screenshot() is None
        await pilot.press("ctrl+s")
    assert list(tmp_path.glob("*.svg")) == []


async def test_the_admin_passphrase_wrong_then_right(small_meeting: Meeting) -> None:
    app = small_meeting.app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await _open_passphrase_box(pilot)
        await pilot.press(*"猜一个", "enter")
        await settle(pilot)
        assert type(app.screen).__name__ == "PassphraseScreen"
        assert "口令不正确" in message(app, "#passphrase-message")
        assert app.screen.query_one("#passphrase", Input).value == ""
        app.screen.query_one("#passphrase", Input).value = small_meeting.passphrase
        await pilot.press("enter")
        await settle(pilot)
        await wait_for_screen(pilot, "AdminScreen")
        await settle(pilot)
        table = app.screen.query_one("#admin-participation", DataTable)
        rows = [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]
        assert rows[0] == ["工委领导", "4", "0", "4"]
        assert rows[-1] == ["合计", "8", "0", "8"]
        await pilot.press("escape")
        await wait_for_screen(pilot, "WelcomeScreen")


async def test_escape_leaves_the_passphrase_box_without_opening_anything(small_meeting: Meeting) -> None:
    app = small_meeting.app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await _open_passphrase_box(pilot)
        await pilot.press("escape")
        await wait_for_screen(pilot, "WelcomeScreen")


async def _open_admin(pilot: Pilot[object], meeting: Meeting) -> None:
    await _open_passphrase_box(pilot)
    pilot.app.screen.query_one("#passphrase", Input).value = meeting.passphrase
    await pilot.press("enter")
    await wait_for_screen(pilot, "AdminScreen")
    await settle(pilot)


async def test_results_are_hidden_until_voting_closes_then_shown_with_the_digest(
    small_meeting: Meeting, tmp_path: Path
) -> None:
    app = small_meeting.app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        for turn, code in enumerate(small_meeting.codes["members"][:2]):
            await type_code(pilot, code)
            await rate_all(pilot, ["1234", "2341"][turn])
            await pilot.press("s")
            await wait_for_screen(pilot, "ConfirmSeal")
            await pilot.press("y")
            await wait_for_screen(pilot, "ThanksScreen")
            await pilot.press("enter")
            await wait_for_screen(pilot, "WelcomeScreen")
        await _open_admin(pilot, small_meeting)
        screen = app.screen
        assert "投票结束前不显示结果" in message(app, "#results-note")
        assert not screen.query_one("#results-table", DataTable).display
        assert not screen.query_one("#admin-digest").display
        await pilot.click("#close-voting")
        await wait_for_screen(pilot, "ConfirmClose")
        await pilot.press("y")
        await wait_for_screen(pilot, "AdminScreen")
        await settle(pilot)
        await settle(pilot)
        closing = small_meeting.reopen().meeting.closings()[-1]
        assert closing.count == 2
        digest = message(app, "#admin-digest")
        assert closing.digest[:8] in digest and closing.digest[-8:] in digest
        assert "封存票数：2" in digest
        table = screen.query_one("#results-table", DataTable)
        assert table.display and table.row_count == 4
        units = {str(table.get_row_at(i)[1]) for i in range(table.row_count)}
        assert "市委办公室" in units
        # the export tab writes the ballots for the USB stick
        screen.query_one(TabbedContent).active = "tab-export"
        await pilot.pause()
        screen.query_one("#export-folder", Input).value = str(tmp_path / "导出")
        screen.query_one("#export-write", Button).press()
        await settle(pilot)
        await settle(pilot)
        exported = tmp_path / "导出" / f"ballots-{small_meeting.campaign.id}.csv"
        assert exported.is_file(), message(app, "#export-message")
        assert "已导出" in message(app, "#export-message")
        # The close counted the vote once in the background: the results app will open without counting.
        kept = small_meeting.campaign.files.dir / KEPT_TALLIES
        for _ in range(500):  # a bounded wait for the file, not for a time
            if kept.is_file():
                break
            await pilot.pause(0.02)
        assert kept.is_file()
    assert small_meeting.reopen().meeting.voting_state() == "closed"


async def test_quit_from_the_admin_panel_ends_the_app(small_meeting: Meeting) -> None:
    app = small_meeting.app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await _open_admin(pilot, small_meeting)
        app.screen.query_one("#quit-app", Button).press()
        for _ in range(50):
            if app._exit:
                break
            await asyncio.sleep(0.02)
        assert app._exit, "the quit button asked the app to exit"
    assert not app.is_running
    assert app.return_code == 0


def test_the_bar_chart_grows_in_eighths() -> None:
    assert bar(100.0, width=10) == "█" * 10
    assert bar(0.0, width=10) == ""
    assert bar(55.0, width=10) == "█████▌"
    assert bar(None) == ""


async def test_the_admin_opens_voting_and_the_next_code_is_taken(closed_small_meeting: Meeting) -> None:
    app = closed_small_meeting.app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await _open_admin(pilot, closed_small_meeting)
        assert "投票尚未开始" in message(app, "#admin-state")
        assert app.focused is app.screen.query_one("#open-voting", Button)  # the action is one Enter away
        await pilot.press("enter")
        await settle(pilot)
        await settle(pilot)
        assert "投票进行中" in message(app, "#admin-state")
        assert not app.screen.query_one("#open-voting", Button).display
        await pilot.press("escape")
        await wait_for_screen(pilot, "WelcomeScreen")
        await type_code(pilot, closed_small_meeting.codes["leaders"][0])
        await wait_for_screen(pilot, "InstructionScreen")
    assert closed_small_meeting.reopen().meeting.voting_state() == "open"


async def test_guessing_the_passphrase_gets_slow(small_meeting: Meeting) -> None:
    app = small_meeting.app(wait_seconds=0.5)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await _open_passphrase_box(pilot)
        for guess in ["口令一", "口令二", "口令三", "口令四", "口令五"]:
            app.screen.query_one("#passphrase", Input).value = guess
            await pilot.press("enter")
            await settle(pilot)
        field = app.screen.query_one("#passphrase", Input)
        assert field.disabled
        assert "连续多次输错" in message(app, "#passphrase-message")
        await pilot.pause(0.7)
        assert not field.disabled
        field.value = small_meeting.passphrase
        await pilot.press("enter")
        await wait_for_screen(pilot, "AdminScreen")
