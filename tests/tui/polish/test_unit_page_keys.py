"""Issue 13, kiosk: the unit page's footer offers PgDn/PgUp only, n and p typed into the comment box stay
letters, and PgUp does what the footer says on the unit page, in the comment box and on the review page."""

from __future__ import annotations

from dataclasses import replace

from textual.pilot import Pilot
from textual.widgets import Input
from textual.widgets._footer import FooterKey

from tests.tui.meeting.conftest import Meeting
from tests.tui.meeting.drive import settle, type_code, wait_for_screen
from tests.tui.polish.kiosk import until
from tui.meeting.app import MeetingApp
from tui.meeting.unit import UnitScreen


def unit_page_app(meeting: Meeting) -> MeetingApp:
    """The kiosk with a ballot that is not a rating grid, so each unit has its own page."""
    app = meeting.app()
    app.backend.ballot_spec = replace(app.backend.ballot_spec, score_item=None)
    assert not app.backend.ballot_spec.is_grid
    return app


async def open_unit_page(pilot: Pilot[object], meeting: Meeting) -> UnitScreen:
    await type_code(pilot, meeting.codes["members"][0])
    await wait_for_screen(pilot, "InstructionScreen")
    await pilot.press("enter")
    await wait_for_screen(pilot, "UnitScreen")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, UnitScreen)
    return screen


def index_of(app: MeetingApp) -> int:
    screen = app.screen
    return screen.index if isinstance(screen, UnitScreen) else -1


async def go_to_comment(pilot: Pilot[object], screen: UnitScreen) -> Input:
    """Move the cursor down to the comment box (the last stop of the page)."""
    box = screen.stops[-1]
    assert isinstance(box, Input) and "comment-input" in box.classes
    for _ in range(len(screen.stops)):
        await pilot.press("down")
    await until(pilot, lambda: pilot.app.focused is box, "the comment box takes the focus")
    return box


async def test_the_unit_page_footer_offers_pgdn_and_pgup_only(small_meeting: Meeting) -> None:
    app = unit_page_app(small_meeting)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_unit_page(pilot, small_meeting)
        shown = {key.key_display: key.description for key in app.screen.query(FooterKey)}
        assert shown.get("PgDn") == "下一个" and shown.get("PgUp") == "上一个", shown
        assert not any(display in ("n", "p") or "/n" in display or "/p" in display for display in shown)
        app.wait_for_saves()


async def test_n_and_p_typed_into_the_comment_box_stay_letters(small_meeting: Meeting) -> None:
    app = unit_page_app(small_meeting)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_unit_page(pilot, small_meeting)
        await pilot.press("pagedown")
        await until(pilot, lambda: index_of(app) == 1, "PgDn goes to the next unit")
        screen = app.screen
        assert isinstance(screen, UnitScreen)
        await settle(pilot)
        box = await go_to_comment(pilot, screen)
        await pilot.press(*"pnp 建议np")
        await settle(pilot)
        assert box.value == "pnp 建议np"
        assert app.screen is screen and index_of(app) == 1, "n and p moved nowhere"
        # PgUp works in the comment box too, as the footer says
        await pilot.press("pageup")
        await until(pilot, lambda: index_of(app) == 0, "PgUp goes to the previous unit")
        assert app.ballot is not None and app.ballot.answer("U02", "comment") == "pnp 建议np"
        app.wait_for_saves()


async def test_pgup_on_the_review_page_goes_back_to_the_last_unit_page(small_meeting: Meeting) -> None:
    app = unit_page_app(small_meeting)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_unit_page(pilot, small_meeting)
        await pilot.press("r")
        await wait_for_screen(pilot, "ReviewScreen")
        await settle(pilot)
        await pilot.press("pageup")
        await until(
            pilot, lambda: index_of(app) == len(app.backend.ballot_spec.units) - 1, "back to the last unit"
        )
        app.wait_for_saves()


def footer(app: MeetingApp) -> dict[str, bool]:
    """The keys the footer shows, and whether each is shown as working (not dimmed)."""
    return {key.key_display: not key.has_class("-disabled") for key in app.screen.query(FooterKey)}


async def test_in_the_comment_box_j_and_r_are_letters_and_the_footer_leaves_them_out(
    small_meeting: Meeting,
) -> None:
    app = unit_page_app(small_meeting)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_unit_page(pilot, small_meeting)
        assert footer(app) == {"PgDn": True, "PgUp": True, "j": True, "r": True}
        box = await go_to_comment(pilot, screen)
        # Textual leaves out the bindings of the letters a focused text box takes as typing
        await until(pilot, lambda: "j" not in footer(app), "j left out in the comment box")
        assert footer(app) == {"PgDn": True, "PgUp": True}
        await pilot.press(*"jr 都对")
        await settle(pilot)
        assert box.value == "jr 都对" and app.screen is screen
        await pilot.press("up")
        await until(pilot, lambda: footer(app).get("j") is True, "j offered again on a rating row")
        app.wait_for_saves()


async def test_the_unit_page_instructions_say_a_digit_moves_on_and_promise_no_n_or_p(
    small_meeting: Meeting,
) -> None:
    from textual.widgets import Static

    app = unit_page_app(small_meeting)
    async with app.run_test(size=(120, 40)) as pilot:
        await type_code(pilot, small_meeting.codes["members"][0])
        await wait_for_screen(pilot, "InstructionScreen")
        await settle(pilot)
        shown = " ".join(str(static.render()) for static in app.screen.query(Static))
        assert "随即移到下一项" in shown and "PgDn 下一个单位" in shown and "PgUp 上一个" in shown, shown
        assert "/n" not in shown and "/p" not in shown, "n and p type letters in the comment box"
        app.wait_for_saves()
