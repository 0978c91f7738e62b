"""The liaison group's review: board and counts, adjust with and without a reason, send back, re-submit, reviewed."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import Button, DataTable, Input, Select, SelectionList, TextArea

from tests.tui.selfassess.conftest import Campaign, fill_and_submit, settle, sign_in
from tui.review.adjust import AdjustScreen
from tui.review.app import ReviewApp
from tui.review.board import BoardScreen
from tui.review.submission import SubmissionScreen
from tui.selfassess.app import SelfAssessApp
from tui.selfassess.fill import FillScreen
from tui.widgets import ConfirmDialog, ItemEditor, SignInScreen, TextPromptScreen


def _cursor_to(table: DataTable[object], key: str) -> None:
    table.move_cursor(row=table.get_row_index(key))


async def _open(pilot: Pilot[object], board: BoardScreen, key: str) -> SubmissionScreen:
    table = board.query_one("#sa-board", DataTable)
    _cursor_to(table, key)
    table.focus()
    await pilot.press("enter")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, SubmissionScreen)
    return screen


async def test_board_lists_only_the_groups_units_with_counts(campaign: Campaign) -> None:
    fill_and_submit(campaign.store, "B011", "star_branch")
    fill_and_submit(campaign.store, "B012", "star_branch", submit=False)
    app = ReviewApp(campaign.context, campaign.store)
    async with app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, campaign.group_codes["第一联络组"])
        board = app.screen
        assert isinstance(board, BoardScreen)
        keys = {row.key for row in board.rows}
        assert keys == {
            "U01|duty_list",
            "U02|duty_list",
            "B011|star_branch",
            "B012|star_branch",
            "B021|star_branch",
        }
        states = {row.key: row.state for row in board.rows}
        assert states["B011|star_branch"] == "submitted"
        assert states["B012|star_branch"] == "draft"
        assert states["B021|star_branch"] == "new"
        counts = str(board.query_one("#sa-counts").render())
        assert "已提交 1" in counts and "填写中 1" in counts and "未开始 3" in counts
        table = board.query_one("#sa-board", DataTable)
        first = str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)
        assert first == "B011|star_branch"  # what needs the group's action (to review) sorts first
        await pilot.press("s")  # by unit
        await pilot.press("s")  # by own score: the submitted full-marks branch first
        await pilot.pause()
        table.move_cursor(row=0)
        top = str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)
        assert top in {"B011|star_branch", "B012|star_branch"}
        assert board.sort_by == "own"


async def test_a_group_code_of_another_group_cannot_act_on_its_units(campaign: Campaign) -> None:
    from forms.errors import InputError
    from tui.review.model import check_in_group

    try:
        check_in_group(campaign.store, "第二联络组", "B011")
    except InputError as error:
        assert error.key == "review.other_group"
    else:
        raise AssertionError("another group's unit was accepted")
    assert check_in_group(campaign.store, "第二联络组", "B031").id == "B031"


async def test_wrong_group_code_is_refused(campaign: Campaign) -> None:
    app = ReviewApp(campaign.context, campaign.store)
    async with app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, campaign.unit_codes["U01"])  # a unit code is not a group code
        assert isinstance(app.screen, SignInScreen)
        assert "联络组登录码不正确" in str(app.screen.query_one("#problem").render())


async def test_adjust_send_back_resubmit_and_review(campaign: Campaign) -> None:
    store = campaign.store
    fill_and_submit(store, "B011", "star_branch")
    group_code = campaign.group_codes["第一联络组"]
    app = ReviewApp(campaign.context, store)
    async with app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, group_code)
        board = app.screen
        assert isinstance(board, BoardScreen)
        screen = await _open(pilot, board, "B011|star_branch")
        table = screen.query_one("#sa-answers", DataTable)
        _cursor_to(table, "committee")
        await pilot.press("a")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, AdjustScreen)
        dialog.query_one(ItemEditor).query_one("#answer", Input).value = "4"
        await pilot.pause()
        dialog.query_one("#ok", Button).press()
        await pilot.pause()
        # No reason: refused in place, nothing stored.
        assert app.screen is dialog
        assert "理由" in str(dialog.query_one("#reason-problem").render())
        assert store.self_assessments.self_assessment("B011", "star_branch").adjustments == ()
        dialog.query_one("#reason", Input).value = "换届逾期两个月，按标准扣2分"
        dialog.query_one("#ok", Button).press()
        await settle(pilot)
        assert isinstance(app.screen, SubmissionScreen)
        record = store.self_assessments.self_assessment("B011", "star_branch")
        (adjustment,) = record.adjustments
        assert (adjustment.original, adjustment.value, adjustment.group) == (6, 4, "第一联络组")
        assert adjustment.reason == "换届逾期两个月，按标准扣2分"
        assert record.answers["committee"] == 6  # the unit's own answer stays
        assert "换届逾期" in str(screen.query_one("#sa-answers", DataTable).get_row("committee"))
        # Send back with a note.
        await pilot.press("b")
        await pilot.pause()
        prompt = app.screen
        assert isinstance(prompt, TextPromptScreen)
        prompt.query_one("#answer", Input).value = "请补充第三季度组织生活会记录"
        await pilot.press("enter")
        await settle(pilot)
        record = store.self_assessments.self_assessment("B011", "star_branch")
        assert record.state == "returned"
        assert record.return_note == "请补充第三季度组织生活会记录"

    # The unit sees the note, edits again and re-submits.
    unit_app = SelfAssessApp(campaign.context, store)
    async with unit_app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, campaign.unit_codes["B011"])
        fill = unit_app.screen
        assert isinstance(fill, FillScreen)
        assert "请补充第三季度组织生活会记录" in str(fill.query_one("#sa-banner").render())
        assert fill.session.editable
        await pilot.press("f9")
        await pilot.pause()
        assert isinstance(unit_app.screen, ConfirmDialog)
        await pilot.press("y")
        await settle(pilot)
        assert store.self_assessments.self_assessment("B011", "star_branch").state == "submitted"

    app = ReviewApp(campaign.context, store)
    async with app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, group_code)
        board = app.screen
        assert isinstance(board, BoardScreen)
        screen = await _open(pilot, board, "B011|star_branch")
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await settle(pilot)
        assert store.self_assessments.self_assessment("B011", "star_branch").state == "reviewed"
        summary = str(app.screen.query_one("#sa-summary").render())
        assert "提交" in summary and "退回" in summary and "审核通过" in summary
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, BoardScreen)
        assert {row.key: row.state for row in app.screen.rows}["B011|star_branch"] == "reviewed"
        assert "已审核 1" in str(app.screen.query_one("#sa-counts").render())


async def test_record_edit_and_delete_a_visit(campaign: Campaign) -> None:
    store = campaign.store
    app = ReviewApp(campaign.context, store)
    async with app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, campaign.group_codes["第一联络组"])
        await pilot.press("n")
        await settle(pilot)
        from tui.review.visit import VisitScreen

        screen = app.screen
        assert isinstance(screen, VisitScreen)
        visit_screen = screen  # typed as the visit screen, whatever `app.screen is visit_screen` says
        visit_screen.query_one("#day", Input).value = "2026-02-30"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is visit_screen  # a bad day and missing answers: nothing saved
        assert "日期不对" in str(visit_screen.query_one("#day-problem").render())
        assert store.visits.visits() == []
        visit_screen.query_one("#day", Input).value = "2026-05-20"
        visit_screen.query_one("#unit", Select).value = "B021"
        form = visit_screen.form
        assert form is not None
        for item in form.items():
            editor = visit_screen.query_one(f"#item-{item.id}", ItemEditor)
            field = editor.query_one("#answer")
            if item.type == "score":
                editor.query_one("#answer", Input).value = str(int(item.max or 0) - 2)
            elif item.type == "check":
                editor.query_one("#answer", Select).value = True
            elif item.type == "multi":
                editor.query_one("#answer", SelectionList).select(item.choices[0].code)
            elif item.type == "text" and isinstance(field, TextArea):  # a long answer: several lines
                field.load_text("组织生活会记录不全，限一个月内补齐")
            elif item.type == "text":
                editor.query_one("#answer", Input).value = "组织生活会记录不全，限一个月内补齐"
        await pilot.pause()
        visit_screen.query_one("#visit-note", Input).value = "查阅台账，个别谈话三人"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, BoardScreen)
        (visit,) = store.visits.visits(group="第一联络组")
        assert (visit.unit_id, visit.day, visit.note) == ("B021", "2026-05-20", "查阅台账，个别谈话三人")
        board = app.screen
        assert len(board.visit_rows) == 1
        scores = {row.unit.id: row for row in board.score_rows}
        assert scores["B021"].visits == 1
        assert scores["B021"].score is not None and scores["B021"].score < 100
        assert scores["B011"].score is None
        # Edit: change the day.
        await pilot.press("e")
        await settle(pilot)
        edit = app.screen
        assert isinstance(edit, VisitScreen)
        edit.query_one("#day", Input).value = "2026/6/1"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert store.visits.visits()[0].day == "2026-06-01"
        # Delete with confirmation.
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await settle(pilot)
        assert store.visits.visits() == []


async def test_the_unit_sees_the_groups_adjustment_beside_its_answer(campaign: Campaign) -> None:
    store = campaign.store
    fill_and_submit(store, "B011", "star_branch")
    store.self_assessments.adjust_item("B011", "star_branch", "committee", 4, "换届逾期两个月", "第一联络组")
    store.self_assessments.mark_reviewed("B011", "star_branch", "第一联络组")
    app = SelfAssessApp(campaign.context, store)
    async with app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, campaign.unit_codes["B011"])
        fill = app.screen
        assert isinstance(fill, FillScreen)
        assert not fill.session.editable
        criteria = str(fill.query_one("#sa-criteria-text").render())
        assert "联络组核定为：4" in criteria and "换届逾期两个月" in criteria and "第一联络组" in criteria
