"""Issue 14, why 6, 7, 8: what the unit sees on its own screens, visit dates, the responsibility list."""

from __future__ import annotations

import pytest
from textual.pilot import Pilot
from textual.widgets import Select

from forms.errors import InputError
from tests.tui.selfassess.conftest import Campaign, fill_and_submit, full_marks, settle, sign_in
from tui.review.submission import SubmissionScreen
from tui.selfassess.app import SelfAssessApp
from tui.selfassess.fill import FillScreen
from tui.selfassess.history import history_text
from tui.widgets import ItemEditor, value_to_text


async def _fill_screen(pilot: Pilot[object], code: str) -> FillScreen:
    await sign_in(pilot, code)
    for _ in range(10):
        if isinstance(pilot.app.screen, FillScreen):
            break
        await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, FillScreen)
    return screen


async def test_the_unit_sees_the_adjustment_and_the_reopen_reason_in_chinese(campaign: Campaign) -> None:
    """Why 6: adjustments with reasons and the reopen reason reach the unit; no `admin` in the history."""
    store = campaign.store
    fill_and_submit(store, "B011", "star_branch")
    store.self_assessments.adjust_item(
        "B011", "star_branch", "committee", 4, "纪检委员空缺未补", "第一联络组"
    )
    store.self_assessments.mark_reviewed("B011", "star_branch", "第一联络组")
    app = SelfAssessApp(campaign.context, store)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _fill_screen(pilot, campaign.unit_codes["B011"])
        banner = screen.banner_text()
        assert "纪检委员空缺未补" in banner and "第一联络组" in banner and "核定 4" in banner
    store.self_assessments.reopen_unit("B011", None, "单位申请更正组织生活记录")
    record = store.self_assessments.self_assessment("B011", "star_branch")
    line = history_text(record.history)
    assert "admin" not in line and "管理员重新打开（单位申请更正组织生活记录）" in line
    app = SelfAssessApp(campaign.context, store)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _fill_screen(pilot, campaign.unit_codes["B011"])
        banner = screen.banner_text()
        assert "单位申请更正组织生活记录" in banner and "管理员" in banner
        assert "纪检委员空缺未补" in banner
        shown = str(screen.query_one("#sa-banner").render())
        assert "单位申请更正组织生活记录" in shown


def test_a_visit_outside_the_campaign_year_is_refused(campaign: Campaign) -> None:
    """Why 7: a 2027 date is not counted into the 2026 campaign."""
    store = campaign.store
    with pytest.raises(InputError) as refused:
        store.visits.add_visit("U01", "第一联络组", "2027-06-20", "supervision_visit", {}, "走访")
    assert refused.value.key == "selfyear.day_outside_year"
    assert store.visits.visits() == []
    store.visits.add_visit("U01", "第一联络组", "2026-06-20", "supervision_visit", {}, "走访")
    assert len(store.visits.visits()) == 1


async def test_the_responsibility_list_has_no_stars_its_labels_and_keys(campaign: Campaign) -> None:
    """Why 8: no 可评 星 on the list, 落实/部分落实 instead of codes, 1/2/3 answer a duty."""
    store = campaign.store
    app = SelfAssessApp(campaign.context, store)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _fill_screen(pilot, campaign.unit_codes["U01"])
        assert screen.session.form.id == "duty_list"
        totals = str(screen.query_one("#sa-totals").render())
        assert "可评" not in totals and "星" not in totals
        first = next(iter(screen.query(ItemEditor)))
        first.focus_answer()
        await pilot.pause()
        await pilot.press("2")
        await settle(pilot)
        assert first.query_one("#answer", Select).value == "partly"
        await pilot.press("1")
        await settle(pilot)
        assert first.query_one("#answer", Select).value == "done"
        assert store.self_assessments.self_assessment("U01", "duty_list").answers[first.item.id] == "done"
    form = store.form("duty_list")
    item = next(item for item in form.items() if item.type == "rating")
    assert value_to_text(item, "partly", form) == "部分落实"
    assert value_to_text(item, "not_done", form) == "未落实"


async def test_the_review_of_a_responsibility_list_shows_labels_and_no_star(campaign: Campaign) -> None:
    """Why 8: the liaison group's review screen reads 落实, never `done`, and gives no star."""
    from tui.review.app import ReviewApp

    store = campaign.store
    answers = full_marks(store.form("duty_list"))
    for item_id, value in answers.items():
        store.self_assessments.save_self_answer("U01", "duty_list", item_id, value, None)
    store.self_assessments.submit_self("U01", "duty_list", actor="U01")
    app = ReviewApp(campaign.context, store)
    async with app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, campaign.group_codes["第一联络组"])
        board = app.screen
        from textual.widgets import DataTable

        table = board.query_one("#sa-board", DataTable)
        table.move_cursor(row=table.get_row_index("U01|duty_list"))
        table.focus()
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SubmissionScreen)
        answers_table = screen.query_one("#sa-answers", DataTable)
        cells = {str(answers_table.get_row_at(i)[1]) for i in range(answers_table.row_count)}
        assert "落实" in cells and "done" not in cells
        summary = str(screen.query_one("#sa-summary").render())
        assert "星" not in summary
        assert "U01提交" not in summary and "市委办公室" in summary


async def test_the_results_screen_says_its_state_and_that_stars_are_provisional(campaign: Campaign) -> None:
    """Why 2, 3: the state and what is missing on the screen; provisional stars are not cut, and say so."""
    from textual.widgets import Static

    from tui.results.app import ResultsApp, ResultsScreen

    store = campaign.store
    for unit_id in ("B011", "B012"):
        fill_and_submit(store, unit_id, "star_branch")
        store.self_assessments.mark_reviewed(unit_id, "star_branch", "第一联络组")
    app = ResultsApp(campaign.context, store)
    async with app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, campaign.passphrase)
        screen = app.screen
        assert isinstance(screen, ResultsScreen)
        await settle(pilot)
        quota = str(screen.query_one("#sa-quota", Static).render())
        assert "结果状态：进行中" in quota and "尚缺" in quota
        assert "暂定" in quota and "五星 2 个" in quota  # both full marks keep 五星 while rating goes on
        weights = str(screen.query_one("#sa-weights", Static).render())
        assert "结果状态：进行中" in weights
