"""The grid ballot (issue 9): a whole ballot in few keys, the quota live, the 五力 modes, contrast, the mouse."""

from __future__ import annotations

from textual.pilot import Pilot

from tests.tui.meeting.conftest import Meeting
from tests.tui.meeting.drive import grid_text, message, open_grid, settle, type_code, wait_for_screen
from tui.meeting.grid import GridScreen
from tui.meeting.gridview import GridView

LEVEL = {"1": "good", "2": "fairly_good", "3": "average", "4": "poor"}


def _grid(pilot: Pilot[object]) -> GridScreen:
    screen = pilot.app.screen
    assert isinstance(screen, GridScreen), type(screen).__name__
    return screen


class CountingKeys:
    """Presses keys through Pilot and counts every one, the way the evaluator's fingers would."""

    def __init__(self, pilot: Pilot[object]) -> None:
        self.pilot = pilot
        self.count = 0

    async def press(self, *keys: str) -> None:
        self.count += len(keys)
        await self.pilot.press(*keys)


async def test_a_whole_66_unit_ballot_takes_at_most_80_keys(demo_meeting: Meeting) -> None:
    code = demo_meeting.codes["members"][0]
    units = [unit.id for unit in demo_meeting.campaign.roster.meeting_units()]
    assert len(units) == 66
    overall = ("1234" * 17)[: len(units)]  # 17 好 of 66: under the cap of 19, and not all the same
    app = demo_meeting.app()
    async with app.run_test(size=(120, 40)) as pilot:
        keys = CountingKeys(pilot)
        await settle(pilot)
        await wait_for_screen(pilot, "WelcomeScreen")
        await keys.press(*code, "enter")
        await wait_for_screen(pilot, "InstructionScreen")
        await keys.press("enter")
        await wait_for_screen(pilot, "GridScreen")
        await keys.press(*overall)
        await keys.press("r")
        await wait_for_screen(pilot, "ReviewScreen")
        await settle(pilot)
        assert "符合全部计票规则" in message(app, "#review-rules")
        await keys.press("s")
        await wait_for_screen(pilot, "ConfirmSeal")
        await keys.press("y")
        await wait_for_screen(pilot, "ThanksScreen")
        assert keys.count <= 80, f"{keys.count} keys for one ballot"
        assert keys.count == len(code) + 1 + 1 + 66 + 3
    (ballot,) = demo_meeting.reopen().ballots.sealed_ballots("review_ballot")
    assert ballot.valid
    assert {unit: ballot.answers[unit] for unit in units} == {
        unit: {"overall": LEVEL[key]} for unit, key in zip(units, overall, strict=True)
    }


async def test_the_cap_refuses_the_20th_good_as_it_is_typed(demo_meeting: Meeting) -> None:
    app = demo_meeting.app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_grid(pilot, demo_meeting.codes["members"][1])
        screen = _grid(pilot)
        await pilot.press(*"1" * 19)
        assert "好 19 / 上限 19" in message(app, "#grid-tally")
        assert "不能再评" not in message(app, "#grid-message")
        await pilot.press("1")  # the 20th 好
        shown = message(app, "#grid-message")
        assert "不能再评“好”" in shown and "上限 19" in shown and "30%" in shown
        assert screen.grid.cursor == 19, "the refused key does not move on"
        assert app.ballot is not None
        twentieth = screen.kiosk.backend.ballot_spec.units[19].unit_id
        assert app.ballot.answer(twentieth, "overall") is None, "the row stays unrated"
        assert "好 19 / 上限 19" in message(app, "#grid-tally")
        # a row that already has a level keeps it when 好 is refused
        await pilot.press("2", "up", "1")
        assert app.ballot.answer(twentieth, "overall") == "fairly_good"
        assert "不能再评“好”" in message(app, "#grid-message")
        # lowering another unit makes room; the refusal message goes with the next answer
        await pilot.press("home", "3", "down", "down", "down")
        await pilot.press(*["down"] * 15, "1")
        assert app.ballot.answer(twentieth, "overall") == "good"
        assert "不能再评" not in message(app, "#grid-message")
        app.wait_for_saves()


async def test_optional_dimensions_open_on_request_and_the_ballot_seals_without_them(
    small_meeting: Meeting,
) -> None:
    app = small_meeting.app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_grid(pilot, small_meeting.codes["members"][0])
        screen = _grid(pilot)
        assert len(screen.grid.lines) == 4, "optional: no dimension lines until asked"
        assert "d 展开" in message(app, "#grid-mode")
        await pilot.press("2", "up", "d")
        assert len(screen.grid.lines) == 4 + 5
        assert screen.grid.current.dimension and screen.grid.current.unit == 0
        assert any("政治引领力" in line for line in grid_text(app))
        await pilot.press(*"12341")  # the five strengths of the first unit, then on to the second unit
        assert not screen.grid.current.dimension and screen.grid.current.unit == 1
        await pilot.press(*"341", "r")
        await wait_for_screen(pilot, "ReviewScreen")
        await settle(pilot)
        await pilot.press("s")
        await wait_for_screen(pilot, "ConfirmSeal")
        await pilot.press("y")
        await wait_for_screen(pilot, "ThanksScreen")
    (ballot,) = small_meeting.reopen().ballots.sealed_ballots("review_ballot")
    assert ballot.answers["U01"] == {
        "overall": "fairly_good",
        "political_leadership": "good",
        "execution": "fairly_good",
        "cohesion": "average",
        "member_vanguard": "poor",
        "service": "good",
    }
    assert ballot.answers["U04"] == {"overall": "good"}


async def test_required_dimensions_refuse_to_seal_and_name_what_is_missing(required_meeting: Meeting) -> None:
    app = required_meeting.app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_grid(pilot, required_meeting.codes["members"][0])
        screen = _grid(pilot)
        assert len(screen.grid.lines) == 4 * 6, "required: every unit's five lines are always there"
        assert "五力分项必填" in message(app, "#grid-mode")
        # the first unit in full; the others only their overall rating (5 lines down to the next unit)
        await pilot.press(*"212341", "3", *["down"] * 5, "4", *["down"] * 5, "1")
        await pilot.press("r")
        await wait_for_screen(pilot, "ReviewScreen")
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)
        assert type(app.screen).__name__ == "ReviewScreen", "a required gap holds the ballot back"
        shown = message(app, "#review-summary")
        assert "还不能投出" in shown and "15 项未答" in shown
        assert "市人大常委会办公室·政治引领力" in shown
    assert list(required_meeting.reopen().ballots.sealed_ballots("review_ballot")) == []


async def test_dimensions_off_shows_none(no_dimensions_meeting: Meeting) -> None:
    app = no_dimensions_meeting.app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_grid(pilot, no_dimensions_meeting.codes["members"][0])
        screen = _grid(pilot)
        assert "五力" not in grid_text(app)[0]
        assert "五力" not in message(app, "#grid-mode")
        bindings = app.screen.active_bindings
        assert "d" not in bindings or not bindings["d"].enabled, "the footer does not offer 五力"
        await pilot.press("d")
        assert len(screen.grid.lines) == 4
        assert all(item.item_id in ("overall", "comment") for item in screen.kiosk.backend.ballot_spec.items)


async def test_an_all_identical_ballot_is_pointed_out_while_it_is_filled(full_meeting: Meeting) -> None:
    app = full_meeting.app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_grid(pilot, full_meeting.codes["members"][0])
        await pilot.press(*"2222")
        assert message(app, "#grid-message") == "", "four alike is not yet a pattern"
        await pilot.press("2")
        shown = message(app, "#grid-message")
        assert "所有单位的总体评价完全相同" in shown and "5 个单位" in shown
        await pilot.press("3")
        assert message(app, "#grid-message") == ""
        app.wait_for_saves()


async def test_high_contrast_is_kept_for_the_ballot_and_reset_after_the_seal(small_meeting: Meeting) -> None:
    app = small_meeting.app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_grid(pilot, small_meeting.codes["members"][0])
        await pilot.press("h")
        assert app.high_contrast
        assert app.screen.has_class("-high-contrast")
        assert app.screen.query_one("#grid", GridView).has_class("-high-contrast")
        assert "高对比度" in message(app, "#grid-mode")
        await pilot.press(*"1234", "r")
        await wait_for_screen(pilot, "ReviewScreen")
        assert app.screen.has_class("-high-contrast"), "kept on the evaluator's next screen"
        await pilot.press("p")  # back to the grid
        await wait_for_screen(pilot, "GridScreen")
        assert app.screen.has_class("-high-contrast")
        await pilot.press("r")
        await wait_for_screen(pilot, "ReviewScreen")
        await settle(pilot)
        await pilot.press("s")
        await wait_for_screen(pilot, "ConfirmSeal")
        await pilot.press("y")
        await wait_for_screen(pilot, "ThanksScreen")
        assert not app.high_contrast
        await pilot.press("enter")
        await type_code(pilot, small_meeting.codes["members"][1])
        await pilot.press("enter")
        await wait_for_screen(pilot, "GridScreen")
        assert not app.screen.has_class("-high-contrast"), "the next evaluator starts in the normal look"


async def test_a_mouse_click_rates_a_cell_and_opens_the_dimensions(small_meeting: Meeting) -> None:
    app = small_meeting.app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_grid(pilot, small_meeting.codes["members"][0])
        grid = _grid(pilot).grid
        layout = grid.layout_for(grid.scrollable_content_region.width)
        poor = layout.levels_start + 3 * layout.level + 1
        await pilot.click("#grid", offset=(poor, 2))  # the second unit's 差
        await settle(pilot)
        assert app.ballot is not None and app.ballot.answer("U02", "overall") == "poor"
        assert "● 差" in grid_text(app)[2]
        dims = layout.levels_start + 4 * layout.level + 1
        await pilot.click("#grid", offset=(dims, 2))
        await settle(pilot)
        assert len(grid.lines) == 4 + 5 and grid.current.unit == 1
        app.wait_for_saves()


async def test_the_instructions_say_what_the_grid_keys_do(small_meeting: Meeting) -> None:
    app = small_meeting.app()
    async with app.run_test(size=(120, 40)) as pilot:
        await type_code(pilot, small_meeting.codes["members"][0])
        await wait_for_screen(pilot, "InstructionScreen")
        shown = message(app, "#instructions-keys")
        for phrase in (
            "数字键评定当前行",
            "移到下一行",
            "PgUp/PgDn",
            "Home 或 [",
            "End 或 ]",
            "j 打开单位列表",
        ):
            assert phrase in shown
        assert "最多 1 个" in shown and "d 展开" in shown and "h 切换高对比度" in shown and "r 检查" in shown
        await pilot.press("enter")
        await wait_for_screen(pilot, "GridScreen")
        # and the keys do it: [ and ] are the first and last row where Home/End do not arrive (tmux)
        await pilot.press("right_square_bracket")
        assert _grid(pilot).grid.cursor == 3
        await pilot.press("left_square_bracket")
        assert _grid(pilot).grid.cursor == 0
        await pilot.press("end", "4", "pageup")
        assert _grid(pilot).grid.cursor == 0
        assert app.ballot is not None and app.ballot.answer("U04", "overall") == "poor"
        await pilot.press("home", "1")
        assert app.ballot.answer("U01", "overall") == "good"
        await pilot.press("up", "backspace")
        assert app.ballot.answer("U01", "overall") is None, "Delete or Backspace takes the answer back"
        app.wait_for_saves()


async def test_keys_typed_right_after_enter_reach_the_grid(small_meeting: Meeting) -> None:
    app = small_meeting.app()
    async with app.run_test(size=(80, 24)) as pilot:
        await type_code(pilot, small_meeting.codes["members"][0])
        await wait_for_screen(pilot, "InstructionScreen")
        from textual import events

        driver = app._driver
        assert driver is not None
        for key in ("enter", "2", "3"):  # all at once: the hand is faster than the screen switch
            driver.send_message(events.Key(key, "\r" if key == "enter" else key))
        await wait_for_screen(pilot, "GridScreen")
        await settle(pilot)
        assert app.ballot is not None
        assert [app.ballot.answer(unit, "overall") for unit in ("U01", "U02")] == ["fairly_good", "average"]
        assert _grid(pilot).grid.cursor == 2
        app.wait_for_saves()


async def test_the_chosen_level_is_a_mark_and_a_colour_not_reverse_video(small_meeting: Meeting) -> None:
    app = small_meeting.app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_grid(pilot, small_meeting.codes["members"][0])
        await pilot.press("4")
        for contrast in (False, True):
            grid = _grid(pilot).grid
            chosen = [seg for seg in grid.render_line(1) if "●" in seg.text]
            assert len(chosen) == 1 and "差" in chosen[0].text
            style = chosen[0].style
            assert style is not None and style.color is not None and not style.reverse
            others = [seg for seg in grid.render_line(1) if "○" in seg.text]
            assert len(others) == 3 and all(seg.style is None or not seg.style.reverse for seg in others)
            if not contrast:
                await pilot.press("h")
                await settle(pilot)
        app.wait_for_saves()


async def test_c_writes_the_units_optional_comment_as_plain_text(small_meeting: Meeting) -> None:
    app = small_meeting.app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_grid(pilot, small_meeting.codes["members"][0])
        await pilot.press("down", "c")
        await wait_for_screen(pilot, "CommentBox")
        assert "市人大常委会办公室" in message(app, "#comment-title")
        await pilot.press(*"抓得实[b]", "enter")
        await wait_for_screen(pilot, "GridScreen")
        assert app.ballot is not None and app.ballot.answer("U02", "comment") == "抓得实[b]"
        assert "✎" in grid_text(app)[2] and "✎" not in grid_text(app)[1]
        await pilot.press("c")
        await wait_for_screen(pilot, "CommentBox")
        await pilot.press("escape")  # Escape keeps the comment as it was
        await wait_for_screen(pilot, "GridScreen")
        assert app.ballot.answer("U02", "comment") == "抓得实[b]"
        app.wait_for_saves()
    draft = small_meeting.reopen().ballots.load_draft(small_meeting.codes["members"][0])
    assert draft is not None and draft.answers["U02"]["comment"] == "抓得实[b]"


async def test_a_form_that_is_not_a_rating_grid_keeps_the_unit_by_unit_page(small_meeting: Meeting) -> None:
    from dataclasses import replace

    app = small_meeting.app()
    # a ballot whose score is not a rating (here: the review ballot without its score item) is no grid
    app.backend.ballot_spec = replace(app.backend.ballot_spec, score_item=None)
    assert not app.backend.ballot_spec.is_grid
    async with app.run_test(size=(120, 40)) as pilot:
        await type_code(pilot, small_meeting.codes["members"][0])
        await wait_for_screen(pilot, "InstructionScreen")
        assert not app.screen.query("#instructions-keys"), "the grid's keys are not promised here"
        await pilot.press("enter")
        await wait_for_screen(pilot, "UnitScreen")
        await pilot.press("2")
        assert app.ballot is not None and app.ballot.answer("U01", "overall") == "fairly_good"
        app.wait_for_saves()
