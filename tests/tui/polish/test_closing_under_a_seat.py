"""Closing while a ballot is open: the admin is warned first, and the evaluator is told kindly."""

from __future__ import annotations

from textual.widgets import Button

from tests.tui.meeting.conftest import Meeting
from tests.tui.meeting.drive import message, settle
from tests.tui.polish.ballots import fill_draft
from tests.tui.polish.kiosk import shows, until
from tests.tui.polish.test_review_and_digest import open_admin
from tui.meeting.admin import ConfirmClose


async def test_the_admin_is_warned_when_ballots_are_begun_and_not_sealed(small_meeting: Meeting) -> None:
    small_meeting.campaign.ballots.save_answer(small_meeting.codes["members"][3], "U01", "overall", "good")
    app = small_meeting.app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_admin(pilot, small_meeting)
        app.screen.query_one("#close-voting", Button).press()
        await until(pilot, shows(pilot, "ConfirmClose", "#no"), "the close question")
        dialog = app.screen
        assert isinstance(dialog, ConfirmClose) and dialog.open_ballots == 1
        warning = message(app, "#confirm-invalid")
        assert "1 张测评票" in warning and "尚未投出" in warning
        await pilot.press("n")
        await until(pilot, lambda: type(app.screen).__name__ == "AdminScreen", "the question answered")
        await settle(pilot)
    assert small_meeting.reopen().meeting.voting_state() == "open", "no is the default"


async def test_no_warning_when_no_ballot_is_begun(small_meeting: Meeting) -> None:
    app = small_meeting.app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_admin(pilot, small_meeting)
        app.screen.query_one("#close-voting", Button).press()
        await until(pilot, shows(pilot, "ConfirmClose", "#no"), "the close question")
        assert not app.screen.query("#confirm-invalid")
        await pilot.press("n")
        await until(pilot, lambda: type(app.screen).__name__ == "AdminScreen", "the question answered")


async def test_the_seat_is_told_kindly_when_voting_closes_under_it(small_meeting: Meeting) -> None:
    app = small_meeting.app()
    app.state_poll_seconds = 0.05
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        fill_draft(app, small_meeting, small_meeting.codes["members"][0])
        app.open_review()
        await until(pilot, shows(pilot, "ReviewScreen", "#review-table"), "the review page")
        small_meeting.reopen().meeting.close_voting("another terminal")
        await until(pilot, shows(pilot, "WelcomeScreen", "#welcome-message"), "back to the welcome")
        assert app.ballot is None
        shown = message(app, "#welcome-message")
        assert "已结束本场投票" in shown and "感谢您的参与" in shown
