"""The evaluator's way through the kiosk: codes, units, review, sealing, and a clean screen for the next."""

from __future__ import annotations

import pytest
from textual.widgets import Input

from tests.tui.meeting.conftest import Meeting
from tests.tui.meeting.drive import (
    grid_text,
    message,
    open_grid,
    rate_all,
    settle,
    type_code,
    wait_for_screen,
)
from tui.meeting.app import MeetingApp
from tui.meeting.grid import GridScreen

# One overall rating per unit on the grid (好 较好 一般 差 ...): one 好 in four keeps the 30% quota.
VARIED = ["1234", "2341", "3412", "4123"]
CODE_OF = {"good": "1", "fairly_good": "2", "average": "3", "poor": "4"}


def _grid(app: MeetingApp) -> GridScreen:
    screen = app.screen
    assert isinstance(screen, GridScreen)
    return screen


async def test_three_evaluators_in_a_row_each_see_a_clean_welcome(small_meeting: Meeting) -> None:
    app = small_meeting.app()
    codes = small_meeting.codes["members"][:3]
    async with app.run_test(size=(120, 40)) as pilot:
        for turn, code in enumerate(codes):
            await wait_for_screen(pilot, "WelcomeScreen")
            await settle(pilot)
            welcome = app.screen
            field = welcome.query_one("#code", Input)
            assert field.value == ""
            assert "测评码" in message(app, "#welcome-prompt")
            assert f"已投 {turn} / 应投 8" in message(app, "#welcome-count")
            assert app.ballot is None
            assert len(app.screen_stack) == 2
            await type_code(pilot, code)
            await rate_all(pilot, VARIED[turn])
            await pilot.press("s")
            await wait_for_screen(pilot, "ConfirmSeal")
            await pilot.press("y")
            await wait_for_screen(pilot, "ThanksScreen")
            await pilot.press("space")
            await settle(pilot)
            await wait_for_screen(pilot, "WelcomeScreen")
            assert app.screen is not welcome, "every evaluator gets a new welcome screen"
            assert app.clipboard == ""
    ballots = list(small_meeting.reopen().ballots.sealed_ballots("review_ballot"))
    assert len(ballots) == 3
    first_units = sorted(str(ballot.answers["U01"]["overall"]) for ballot in ballots)
    assert first_units == sorted(["good", "fairly_good", "average"])
    assert all(ballot.rater_group == "members" for ballot in ballots)


async def test_answers_are_autosaved_and_a_restart_resumes_the_draft(small_meeting: Meeting) -> None:
    code = small_meeting.codes["leaders"][0]
    app = small_meeting.app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_grid(pilot, code)
        # U01 好, U02 较好, then U03's 五力 row opened and its first dimension rated 一般
        await pilot.press("1", "2", "d", "3")
        await settle(pilot)
        app.wait_for_saves()
    # the app is gone (battery died); a new one on a new store handle resumes the same code
    campaign = small_meeting.reopen()
    assert campaign.codes.code_status(code).state == "draft"
    app = small_meeting.app(campaign)
    async with app.run_test(size=(120, 40)) as pilot:
        await type_code(pilot, code)
        await wait_for_screen(pilot, "InstructionScreen")
        assert "恢复" in message(app, "#instructions-resumed")
        await pilot.press("enter")
        await wait_for_screen(pilot, "GridScreen")
        screen = _grid(app)
        assert screen.grid.current.unit == 2, "the grid resumes at the first unit with a gap"
        assert app.ballot is not None
        assert app.ballot.answers["U01"] == {"overall": "good"}
        assert app.ballot.answers["U02"] == {"overall": "fairly_good"}
        assert app.ballot.answers["U03"] == {"political_leadership": "average"}
        lines = grid_text(app)
        assert "● 好" in lines[1] and "● 较好" in lines[2] and "●" not in lines[3]


async def test_a_used_code_is_refused_and_a_wrong_code_says_so(small_meeting: Meeting) -> None:
    code = small_meeting.codes["members"][0]
    answers = {
        unit.id: {
            item: value
            for item, value in zip(
                ["overall", "political_leadership", "execution", "cohesion", "member_vanguard", "service"],
                ["good", "average", "average", "poor", "good", "average"],
                strict=True,
            )
        }
        for unit in small_meeting.campaign.roster.meeting_units()
    }
    answers["U02"]["overall"] = "average"
    small_meeting.campaign.ballots.seal_ballot(code, "review_ballot", answers)
    app = small_meeting.app()
    async with app.run_test(size=(120, 40)) as pilot:
        await type_code(pilot, code.lower())
        assert type(app.screen).__name__ == "WelcomeScreen"
        assert "已经投过票" in message(app, "#welcome-message")
        await type_code(pilot, "ZZZZ-ZZZZ")
        assert "测评码不正确" in message(app, "#welcome-message")
        assert app.screen.query_one("#code", Input).value == ""


async def test_several_wrong_codes_in_a_row_make_the_terminal_wait(small_meeting: Meeting) -> None:
    app = small_meeting.app(wait_seconds=0.6)
    good = small_meeting.codes["members"][1]
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(5):
            await type_code(pilot, "ZZZZ-ZZZZ")
        field = app.screen.query_one("#code", Input)
        assert field.disabled
        assert "请等待" in message(app, "#welcome-message")
        await pilot.pause(0.8)
        assert not field.disabled
        await type_code(pilot, good)
        await wait_for_screen(pilot, "InstructionScreen")


async def test_voting_not_open_refuses_every_code(closed_small_meeting: Meeting) -> None:
    app = closed_small_meeting.app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert "投票尚未开始" in message(app, "#welcome-count")
        await type_code(pilot, closed_small_meeting.codes["members"][0])
        assert "不在投票时间内" in message(app, "#welcome-message")


async def test_the_quota_rule_is_shown_on_review_with_the_units_that_break_it(small_meeting: Meeting) -> None:
    # The grid refuses a second 好 (tests/tui/meeting/test_grid.py); a draft saved elsewhere may still
    # break the quota, and the review page names the rule and the units before the ballot is sealed.
    code = small_meeting.codes["members"][0]
    for unit, level in zip(["U01", "U02", "U03", "U04"], ["good", "good", "average", "poor"], strict=True):
        small_meeting.campaign.ballots.save_answer(code, unit, "overall", level)
    app = small_meeting.app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_grid(pilot, code)
        await pilot.press("r")
        await wait_for_screen(pilot, "ReviewScreen")
        await settle(pilot)
        rules = message(app, "#review-rules")
        assert "30%" in rules
        assert "现有 2 个，最多 1 个" in rules
        assert "市委办公室" in rules
        await pilot.press("s")
        await wait_for_screen(pilot, "ConfirmSeal")
        assert "无效票" in message(app, "#confirm-invalid")
        await pilot.press("n")
        await wait_for_screen(pilot, "ReviewScreen")


async def test_review_marks_gaps_refuses_to_seal_and_enter_goes_back_to_the_unit(
    small_meeting: Meeting,
) -> None:
    app = small_meeting.app()
    async with app.run_test(size=(120, 40)) as pilot:
        await type_code(pilot, small_meeting.codes["members"][0])
        await rate_all(pilot, "12")
        assert "还有 2 项未答" in message(app, "#review-summary")
        await pilot.press("s")
        await settle(pilot)
        assert type(app.screen).__name__ == "ReviewScreen", "an incomplete ballot cannot be sealed"
        # the cursor starts on the first unit with a gap; Enter goes there on the grid
        await pilot.press("enter")
        await wait_for_screen(pilot, "GridScreen")
        assert _grid(app).grid.current.unit == 2
        assert not _grid(app).grid.current.dimension


async def test_the_jump_list_shows_each_units_state_and_goes_there(small_meeting: Meeting) -> None:
    app = small_meeting.app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_grid(pilot, small_meeting.codes["members"][0])
        await pilot.press("1", "up")
        await pilot.press("j")
        await wait_for_screen(pilot, "JumpList")
        from textual.widgets import OptionList

        options = app.screen.query_one(OptionList)
        labels = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert "已完成" in labels[0] and "未答" in labels[3]
        assert "市委办公室" in labels[0]
        await pilot.press("down", "down", "down", "enter")
        await wait_for_screen(pilot, "GridScreen")
        await settle(pilot)
        assert _grid(app).grid.current.unit == 3
        assert grid_text(app)[4].startswith("▶"), "the fourth unit's row carries the cursor mark"


async def test_an_idle_ballot_returns_to_the_welcome_and_keeps_its_draft(small_meeting: Meeting) -> None:
    code = small_meeting.codes["members"][2]
    app = small_meeting.app(idle_timeout=3.0)  # long enough for a loaded machine to reach the grid
    async with app.run_test(size=(120, 40)) as pilot:
        await open_grid(pilot, code)
        await pilot.press("1")
        await settle(pilot)
        await wait_for_screen(pilot, "WelcomeScreen", tries=500)
        assert app.ballot is None
        assert "凭同一测评码可继续" in message(app, "#welcome-message")
        app.wait_for_saves()
    draft = small_meeting.reopen().ballots.load_draft(code)
    assert draft is not None and draft.answers["U01"]["overall"] == "good"


async def test_english_on_request(small_meeting: Meeting) -> None:
    from tui.context import AppContext
    from tui.meeting import create_meeting_app

    context = AppContext(data_dir=small_meeting.data_dir, lang="en", campaign_id=small_meeting.campaign.id)
    app = create_meeting_app(context, small_meeting.campaign)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "Type the code printed on your slip" in message(app, "#welcome-prompt")
        assert "Voted 0 of 8" in message(app, "#welcome-count")
        await open_grid(pilot, small_meeting.codes["members"][0])
        assert "0 of 4 units rated" in message(app, "#grid-progress")
        assert "Good 0 / limit 1" in message(app, "#grid-tally")
        header = grid_text(app)[0]
        assert "Unit" in header and "Good" in header and "单位" not in header


async def test_keys_typed_in_a_burst_land_on_consecutive_rows(small_meeting: Meeting) -> None:
    from textual import events

    app = small_meeting.app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_grid(pilot, small_meeting.codes["members"][0])
        # all at once, as a fast typist or a paste does (see tests/e2e/test_meeting_tmux.py)
        driver = app._driver
        assert driver is not None
        for key in "4321":
            driver.send_message(events.Key(key, key))
        await settle(pilot)
        assert app.ballot is not None
        values = [app.ballot.answer(unit, "overall") for unit in ["U01", "U02", "U03", "U04"]]
        assert values == ["poor", "average", "fairly_good", "good"]
        app.wait_for_saves()
    draft = small_meeting.reopen().ballots.load_draft(small_meeting.codes["members"][0])
    assert draft is not None and draft.answers["U04"]["overall"] == "good"


async def test_a_click_on_a_level_answers_and_the_thanks_screen_leaves_by_itself(
    small_meeting: Meeting,
) -> None:
    app = small_meeting.app(thanks_seconds=0.3)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_grid(pilot, small_meeting.codes["members"][0])
        screen = _grid(app)
        layout = screen.grid.layout_for(screen.grid.scrollable_content_region.width)
        # the 较好 cell (second level column) of the fourth unit's row (grid line 4, under the header)
        x = layout.levels_start + layout.level + layout.level // 2
        await pilot.click("#grid", offset=(x, 4))
        await settle(pilot)
        assert app.ballot is not None and app.ballot.answer("U04", "overall") == "fairly_good"
        assert screen.grid.cursor == 3
        await pilot.press("3")
        assert app.ballot.answer("U04", "overall") == "average", "keys follow the clicked row"
        # finish quickly and let the thank-you screen time out
        await pilot.press("home", "1", "2", "4", "r")
        await wait_for_screen(pilot, "ReviewScreen")
        await settle(pilot)
        await pilot.press("s")
        await wait_for_screen(pilot, "ConfirmSeal")
        await pilot.press("y")
        await wait_for_screen(pilot, "ThanksScreen")
        await pilot.pause(0.6)
        await wait_for_screen(pilot, "WelcomeScreen")


async def test_a_store_failure_is_one_sentence_and_the_kiosk_stays_up(
    small_meeting: Meeting, monkeypatch: pytest.MonkeyPatch
) -> None:

    from pathlib import Path

    from store.errors import StoreLockedError

    app = small_meeting.app()

    def locked(typed: str) -> None:
        raise StoreLockedError(Path("/数据/kaoping.lock"), 5)

    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        monkeypatch.setattr(app.backend, "check_code", locked)
        await type_code(pilot, small_meeting.codes["members"][0])
        assert app.is_running and type(app.screen).__name__ == "WelcomeScreen"
        shown = message(app, "#welcome-message")
        assert "Traceback" not in shown and shown.strip()
        assert app.wrong_tries == 0, "a store failure is not a wrong code"
        assert not app.screen.query_one("#code", Input).disabled
