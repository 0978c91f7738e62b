"""The adjust dialog's Enter: in the answer it moves on to the reason; in the reason it submits."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import DataTable, Input

from tests.tui.selfassess.conftest import Campaign, fill_and_submit, settle, sign_in
from tui.review.adjust import AdjustScreen
from tui.review.app import ReviewApp
from tui.review.board import BoardScreen
from tui.review.submission import SubmissionScreen
from tui.widgets import ItemEditor


async def _adjust_dialog(pilot: Pilot[object]) -> AdjustScreen:
    board = pilot.app.screen
    assert isinstance(board, BoardScreen)
    table = board.query_one("#sa-board", DataTable)
    table.move_cursor(row=table.get_row_index("B011|star_branch"))
    table.focus()
    await pilot.press("enter")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, SubmissionScreen)
    answers = screen.query_one("#sa-answers", DataTable)
    answers.move_cursor(row=answers.get_row_index("committee"))
    await pilot.press("a")
    await pilot.pause()
    dialog = pilot.app.screen
    assert isinstance(dialog, AdjustScreen)
    return dialog


async def test_enter_in_the_answer_moves_to_the_reason_and_enter_there_submits(campaign: Campaign) -> None:
    store = campaign.store
    fill_and_submit(store, "B011", "star_branch")
    app = ReviewApp(campaign.context, store)
    async with app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, campaign.group_codes["第一联络组"])
        dialog = await _adjust_dialog(pilot)
        answer = dialog.query_one(ItemEditor).query_one("#answer", Input)
        answer.focus()
        answer.value = "4"
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is dialog, "Enter in the answer does not submit"
        assert str(dialog.query_one("#reason-problem").render()) == "", "nor asks for the reason yet"
        reason = dialog.query_one("#reason", Input)
        assert reason.has_focus
        reason.value = "换届逾期两个月"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, SubmissionScreen)
    (adjustment,) = store.self_assessments.self_assessment("B011", "star_branch").adjustments
    assert (adjustment.value, adjustment.reason) == (4, "换届逾期两个月")
