"""The welcome screen shows the store's voting state now, and every lock-out says why and for how long."""

from __future__ import annotations

import re

from textual.widgets import Input

from tests.tui.meeting.conftest import Meeting
from tests.tui.meeting.drive import message, settle, type_code
from tests.tui.polish.kiosk import shows, until


async def test_after_closing_the_welcome_says_closed_not_not_started(small_meeting: Meeting) -> None:
    small_meeting.campaign.meeting.close_voting("test")
    app = small_meeting.app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await until(pilot, lambda: "已投" in message(app, "#welcome-count"), "the count")
        shown = message(app, "#welcome-count")
        assert "投票已结束" in shown and "尚未开始" not in shown


async def test_the_welcome_follows_the_store_when_voting_opens_and_closes(
    closed_small_meeting: Meeting,
) -> None:
    app = closed_small_meeting.app()
    app.state_poll_seconds = 0.05
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: "尚未开始" in message(app, "#welcome-count"), "not started shown")
        other = closed_small_meeting.reopen()  # another terminal, or the admin's command line
        other.meeting.open_voting("test")
        await until(pilot, lambda: "尚未开始" not in message(app, "#welcome-count"), "open shown")
        assert "投票已结束" not in message(app, "#welcome-count")
        other.meeting.close_voting("test")
        await until(pilot, lambda: "投票已结束" in message(app, "#welcome-count"), "closed shown")


async def test_a_right_code_after_five_wrong_passphrases_says_locked_and_for_how_long(
    small_meeting: Meeting,
) -> None:
    app = small_meeting.app(wait_seconds=30.0)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f12")
        await until(pilot, shows(pilot, "PassphraseScreen", "#passphrase"), "the passphrase box")
        for _ in range(5):
            field = app.screen.query_one("#passphrase", Input)
            await until(pilot, lambda: not field.disabled, "the passphrase box free")  # noqa: B023
            field.focus()
            await pilot.press(*"错的", "enter")
            await settle(pilot)
        await pilot.press("escape")
        await until(pilot, lambda: "锁定" in message(app, "#welcome-message"), "the lock said")
        shown = message(app, "#welcome-message")
        assert re.search(r"\d+ 秒", shown), shown
        app.screen.query_one("#code", Input).disabled = False  # even if the box were typed into
        await type_code(pilot, small_meeting.codes["members"][0])
        assert type(app.screen).__name__ == "WelcomeScreen"
        assert "锁定" in message(app, "#welcome-message")


async def test_the_passphrase_box_says_wrong_codes_locked_the_terminal(small_meeting: Meeting) -> None:
    app = small_meeting.app(wait_seconds=30.0)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        for _ in range(5):
            app.record_wrong_code("code")
        await pilot.press("f12")
        await until(pilot, shows(pilot, "PassphraseScreen", "#passphrase-message"), "the passphrase box")
        await until(pilot, lambda: "测评码" in message(app, "#passphrase-message"), "the reason")
        assert re.search(r"\d+ 秒", message(app, "#passphrase-message"))
