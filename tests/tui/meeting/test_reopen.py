"""After the close, the admin panel offers no way back under Enter: reopening is its own dialog that names
the count and digest in the minutes, asks the passphrase and a reason, and leaves an audit line."""

from __future__ import annotations

from textual.widgets import Button, Input

from tests.tui.meeting.conftest import Meeting
from tests.tui.meeting.drive import message, settle, wait_for_screen
from tests.tui.meeting.test_kiosk_and_admin import _open_admin


async def test_enter_after_the_close_reopens_nothing(small_meeting: Meeting) -> None:
    closing = small_meeting.campaign.meeting.close_voting("test")
    app = small_meeting.app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await _open_admin(pilot, small_meeting)
        assert "已结束" in message(app, "#admin-state")
        screen = app.screen
        assert not screen.query_one("#open-voting", Button).display
        assert screen.query_one("#reopen-voting", Button).display
        assert not isinstance(app.focused, Button), f"a button is one Enter away: {app.focused}"
        for _ in range(3):
            await pilot.press("enter")
            await settle(pilot)
        assert type(app.screen).__name__ == "AdminScreen"
        assert small_meeting.reopen().meeting.voting_state() == "closed"
        # Its own action: the dialog names what the minutes hold; Cancel has the focus.
        screen.query_one("#reopen-voting", Button).press()
        await wait_for_screen(pilot, "ReopenDialog")
        await settle(pilot)
        question = message(app, "#reopen-question")
        assert str(closing.count) in question and closing.digest[:8] in question
        assert app.focused is app.screen.query_one("#reopen-no", Button)
        await pilot.press("enter")
        await wait_for_screen(pilot, "AdminScreen")
        assert small_meeting.reopen().meeting.voting_state() == "closed"


async def test_reopen_with_passphrase_and_reason_is_logged(small_meeting: Meeting) -> None:
    small_meeting.campaign.meeting.close_voting("test")
    app = small_meeting.app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await _open_admin(pilot, small_meeting)
        app.screen.query_one("#reopen-voting", Button).press()
        await wait_for_screen(pilot, "ReopenDialog")
        await settle(pilot)
        dialog = app.screen
        dialog.query_one("#reopen-passphrase", Input).value = "不对的口令很长很长"
        dialog.query_one("#reopen-reason", Input).value = "补投"
        dialog.query_one("#reopen-yes", Button).press()
        await wait_for_screen(pilot, "AdminScreen")
        await settle(pilot)
        assert small_meeting.reopen().meeting.voting_state() == "closed"
        app.screen.query_one("#reopen-voting", Button).press()
        await wait_for_screen(pilot, "ReopenDialog")
        await settle(pilot)
        dialog = app.screen
        dialog.query_one("#reopen-passphrase", Input).value = small_meeting.passphrase
        dialog.query_one("#reopen-reason", Input).value = "一位评议人因停电未能投票"
        dialog.query_one("#reopen-yes", Button).press()
        await wait_for_screen(pilot, "AdminScreen")
        await settle(pilot)
        await settle(pilot)
        assert "进行中" in message(app, "#admin-state")
    campaign = small_meeting.reopen()
    assert campaign.meeting.voting_state() == "open"
    assert campaign.audit_trail.audit_log()[-1].action == "voting.reopen"
    assert "停电" in campaign.audit_trail.audit_log()[-1].detail
