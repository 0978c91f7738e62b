"""The service-brand vote (filter, at most ten picks) and paper entry with blind double entry."""

from __future__ import annotations

from textual.widgets import Input, OptionList

from tests.tui.meeting.conftest import Meeting
from tests.tui.meeting.drive import message, settle, type_code, wait_for_screen
from tui.meeting.brands import BrandScreen
from tui.meeting.paper import PaperScreen
from tui.meeting.pinyin import initials, matches


async def test_the_brand_vote_filters_and_allows_at_most_ten(demo_meeting: Meeting) -> None:
    app = demo_meeting.app(mode="brands")
    code = demo_meeting.codes["served"][0]
    async with app.run_test(size=(120, 40)) as pilot:
        await type_code(pilot, code)
        await wait_for_screen(pilot, "InstructionScreen")
        await pilot.press("enter")
        await wait_for_screen(pilot, "BrandScreen")
        await settle(pilot)
        screen = app.screen
        options = screen.query_one("#brands-list", OptionList)
        assert options.option_count == 293
        assert "共 293 个" in message(app, "#brands-count")
        await pilot.press(*"阳光")
        await settle(pilot)
        shown = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert 0 < len(shown) < 293 and all("阳光" in label for label in shown)
        # pick eleven brands from the whole list: the eleventh is refused
        screen.query_one("#brands-filter", Input).value = ""
        await settle(pilot)
        for _ in range(11):
            await pilot.press("enter", "down")
        await settle(pilot)
        assert isinstance(screen, BrandScreen)
        picked = screen.picks
        assert len(picked) == 10
        assert "已选 10 / 10" in message(app, "#brands-picked-title")
        # Enter on a picked one drops it again
        await pilot.press("up", "up", "enter")
        assert len(screen.picks) == 9
        await pilot.press("f2")
        await wait_for_screen(pilot, "ConfirmSeal")
        await pilot.press("y")
        await wait_for_screen(pilot, "ThanksScreen")
    ballots = list(demo_meeting.reopen().ballots.sealed_ballots("brand_vote"))
    assert len(ballots) == 1
    assert ballots[0].answers["*"]["brands"] == picked[:9], "the tenth pick was dropped again"
    assert demo_meeting.reopen().codes.code_status(code).state == "used"


def test_pinyin_initials_filter_chinese_names_without_a_dictionary() -> None:
    assert initials("阳光政务") == ["y", "g", "z", "w"]
    assert matches("市委办公室“阳光政务”服务站", "ygzw")
    assert matches("市委办公室“阳光政务”服务站", "FWZ")
    assert matches("市委办公室“阳光政务”服务站", "政务")
    assert not matches("市委办公室“阳光政务”服务站", "xyz")
    assert matches("中国银行", "yh"), "polyphones match every reading"


async def test_paper_double_entry_shows_the_mismatch_and_seals_the_resolved_ballot(
    small_meeting: Meeting,
) -> None:
    small_meeting.campaign.ballots.issue_paper_slips("members", 2)
    app = small_meeting.app(mode="paper", double_entry=True)
    rows = ["123412", "234123", "341234", "412341"]
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_screen(pilot, "PaperScreen")
        await settle(pilot)
        from textual.widgets import Select

        app.screen.query_one("#paper-group", Select).value = "members"
        await settle(pilot)
        assert "还可录入 2 张" in message(app, "#paper-left")
        assert "第一人" in message(app, "#paper-stage")
        for row in rows:
            await pilot.press(*row)
        await pilot.press("f2")
        await pilot.pause()
        assert "第二人" in message(app, "#paper-stage")
        paper = app.screen
        assert isinstance(paper, PaperScreen) and paper.grid == {}
        # the second operator misreads unit 3's overall rating (一般 -> 较好)
        for row in ["123412", "234123", "241234", "412341"]:
            await pilot.press(*row)
        await pilot.press("f2")
        await wait_for_screen(pilot, "DifferenceScreen")
        assert "1 处不一致" in message(app, "#diff-title")
        await pilot.press("f2")
        assert "还有 1 处未确定" in message(app, "#diff-message")
        await pilot.press("3", "f2")
        await wait_for_screen(pilot, "ConfirmSeal")
        await pilot.press("y")
        await settle(pilot)
        await wait_for_screen(pilot, "PaperScreen")
        await settle(pilot)
        assert "已封存一张党员代表的纸质票" in message(app, "#paper-message")
    campaign = small_meeting.reopen()
    ballots = list(campaign.ballots.sealed_ballots("review_ballot"))
    assert len(ballots) == 1
    assert ballots[0].answers["U03"]["overall"] == "average"
    assert ballots[0].answers["U02"]["execution"] == "poor"
    assert ballots[0].rater_group == "members"
    assert campaign.ballots.paper_slips_left("members") == 1


async def test_paper_entry_refuses_a_grid_with_an_empty_cell(small_meeting: Meeting) -> None:
    small_meeting.campaign.ballots.issue_paper_slips("leaders", 1)
    app = small_meeting.app(mode="paper")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_screen(pilot, "PaperScreen")
        await settle(pilot)
        await pilot.press(*"123412", *"2341")
        await pilot.press("f2")
        await pilot.pause()
        # row 2 lacks two 五力 cells, which the default rules make optional; row 3 lacks its overall rating
        assert "第 3 行（市政府办公室）还有未录入的格子" in message(app, "#paper-message")
        assert type(app.screen).__name__ == "PaperScreen"
    assert list(small_meeting.reopen().ballots.sealed_ballots()) == []
