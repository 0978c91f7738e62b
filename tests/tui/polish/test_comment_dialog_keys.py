"""Issue 13, the grid ballot's comment dialog: every key it offers does what it says (Enter saves, Esc
closes without saving), and inside it the grid's keys are text: digits type digits, letters type
letters, arrows, Home/End and Backspace edit the text."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import Input
from textual.widgets._footer import FooterKey

from tests.tui.meeting.conftest import Meeting
from tests.tui.meeting.drive import grid_text, message, open_grid, settle, wait_for_screen
from tui.meeting.app import MeetingApp


async def open_comment(pilot: Pilot[object]) -> Input:
    await pilot.press("c")
    await wait_for_screen(pilot, "CommentBox")
    await settle(pilot)
    field = pilot.app.screen.query_one("#comment-input", Input)
    assert pilot.app.focused is field
    return field


def comment(app: MeetingApp, unit: str = "U01") -> object:
    assert app.ballot is not None
    return app.ballot.answer(unit, "comment")


async def test_the_dialog_offers_enter_and_esc_and_shows_no_grid_keys(small_meeting: Meeting) -> None:
    app = small_meeting.app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_grid(pilot, small_meeting.codes["members"][0])
        await open_comment(pilot)
        title = message(app, "#comment-title")
        assert "回车保存" in title and "Esc 取消" in title
        offered = [key for key in app.screen.query(FooterKey) if key.display]
        assert offered == [], "no footer on the dialog promises the grid's keys (1-4, j, r...)"
        app.wait_for_saves()


async def test_digits_and_the_grids_letters_are_typed_as_text_and_enter_saves(small_meeting: Meeting) -> None:
    app = small_meeting.app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_grid(pilot, small_meeting.codes["members"][0])
        before = grid_text(app)
        field = await open_comment(pilot)
        await pilot.press(*"第1234点jrdhc np[]")
        assert field.value == "第1234点jrdhc np[]"
        assert type(app.screen).__name__ == "CommentBox", "no grid key left the dialog"
        await pilot.press("enter")
        await wait_for_screen(pilot, "GridScreen")
        await settle(pilot)
        assert comment(app) == "第1234点jrdhc np[]"
        assert app.ballot is not None and app.ballot.answer("U01", "overall") is None, "1 rated nothing"
        assert grid_text(app)[1:] != before[1:] and "✎" in grid_text(app)[1], "the row shows its comment"
        app.wait_for_saves()
    draft = small_meeting.reopen().ballots.load_draft(small_meeting.codes["members"][0])
    assert draft is not None and draft.answers["U01"]["comment"] == "第1234点jrdhc np[]"


async def test_arrows_home_end_and_backspace_edit_the_text(small_meeting: Meeting) -> None:
    app = small_meeting.app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_grid(pilot, small_meeting.codes["members"][0])
        await pilot.press("2")  # U01 rated; the cursor moves down to U02
        await pilot.press("up")
        field = await open_comment(pilot)
        await pilot.press(*"抓实", "left", "得")
        assert field.value == "抓得实"
        await pilot.press("home", "要")
        await pilot.press("end", "好")
        assert field.value == "要抓得实好"
        await pilot.press("up", "down", "pageup", "pagedown")  # nothing to move to: the text stays
        await pilot.press("backspace")
        assert field.value == "要抓得实" and type(app.screen).__name__ == "CommentBox"
        await pilot.press("enter")
        await wait_for_screen(pilot, "GridScreen")
        await settle(pilot)
        assert comment(app) == "要抓得实"
        assert app.ballot is not None and app.ballot.answer("U01", "overall") == "fairly_good", (
            "Backspace in the dialog edits the text, never clears the row's rating"
        )
        app.wait_for_saves()


async def test_esc_closes_without_saving_and_an_emptied_comment_clears_it(small_meeting: Meeting) -> None:
    app = small_meeting.app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_grid(pilot, small_meeting.codes["members"][0])
        await open_comment(pilot)
        await pilot.press(*"第一稿", "enter")
        await wait_for_screen(pilot, "GridScreen")
        field = await open_comment(pilot)
        assert field.value == "第一稿", "the dialog opens with the comment as saved"
        await pilot.press(*"改了", "escape")
        await wait_for_screen(pilot, "GridScreen")
        await settle(pilot)
        assert comment(app) == "第一稿", "Esc keeps the comment as it was"
        field = await open_comment(pilot)
        await pilot.press("end", *["backspace"] * 5, "enter")
        await wait_for_screen(pilot, "GridScreen")
        await settle(pilot)
        assert comment(app) is None, "an empty comment is no comment"
        app.wait_for_saves()
