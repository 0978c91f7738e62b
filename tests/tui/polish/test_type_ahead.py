"""No key is lost between evaluators: what is typed on the thank-you screen reaches the next welcome."""

from __future__ import annotations

from textual.widgets import Input

from tests.tui.meeting.conftest import Meeting
from tests.tui.meeting.drive import settle, wait_for_screen
from tests.tui.polish.kiosk import until


async def test_a_code_typed_on_the_thank_you_screen_opens_that_ballot(small_meeting: Meeting) -> None:
    app = small_meeting.app()
    code = small_meeting.codes["members"][1]
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.show_thanks()
        await wait_for_screen(pilot, "ThanksScreen")
        await pilot.press(*code.lower(), "enter")
        await until(pilot, lambda: app.ballot is not None, "the next evaluator's ballot opening")
        assert app.ballot is not None
        assert app.ballot.code == small_meeting.campaign.codes.normalise(code)


async def test_keys_typed_without_enter_wait_in_the_code_field(small_meeting: Meeting) -> None:
    app = small_meeting.app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.show_thanks()
        await wait_for_screen(pilot, "ThanksScreen")
        await pilot.press("a", "b", "c", "backspace", "d")
        await wait_for_screen(pilot, "WelcomeScreen")
        await until(pilot, lambda: app.screen.query_one("#code", Input).value == "abd", "the typed keys")


async def test_a_welcome_after_an_abandoned_ballot_starts_empty(small_meeting: Meeting) -> None:
    app = small_meeting.app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.type_ahead = "stale"
        app.show_welcome()
        await settle(pilot)
        await wait_for_screen(pilot, "WelcomeScreen")
        assert app.screen.query_one("#code", Input).value == ""
