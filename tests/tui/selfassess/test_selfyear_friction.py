"""Issue 14, why 10: Enter submits from the summary, Chinese group names, rounding on the screens."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from textual.coordinate import Coordinate

from store.api import open_store
from tests.tui.selfassess.conftest import Campaign, fill_and_submit, settle, sign_in
from tui.cli import cli
from tui.selfassess.app import SelfAssessApp
from tui.selfassess.fill import FillScreen, _number
from tui.widgets import ConfirmDialog


async def test_enter_on_the_submit_summary_submits(campaign: Campaign) -> None:
    fill_and_submit(campaign.store, "B012", "star_branch", submit=False)
    app = SelfAssessApp(campaign.context, campaign.store)
    async with app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, campaign.unit_codes["B012"])
        assert isinstance(app.screen, FillScreen)
        await pilot.press("f9")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        assert "合计" in app.screen.question  # the summary is what the unit sees before Enter
        await pilot.press("enter")
        await settle(pilot)
    assert campaign.store.self_assessments.self_assessment("B012", "star_branch").state == "submitted"


def test_init_takes_chinese_rater_group_names(tmp_path: Path) -> None:
    data = tmp_path / "data"
    result = CliRunner().invoke(
        cli,
        [
            "--data",
            str(data),
            "init",
            "--name",
            "2026年度考核",
            "--year",
            "2026",
            "--forms",
            "review_ballot",
            "--codes",
            "党员代表=5",
            "--codes",
            "heads=2",
            "--passphrase",
            "口令一二三四五六七八",
        ],
    )
    assert result.exit_code == 0, result.output + result.stderr
    participation = {
        entry.rater_group: entry.issued for entry in open_store(data).campaign().meeting.participation()
    }
    assert participation.get("members") == 5 and participation.get("heads") == 2
    bad = CliRunner().invoke(
        cli,
        [
            "--data",
            str(tmp_path / "d2"),
            "init",
            "--name",
            "x",
            "--codes",
            "路人=5",
            "--passphrase",
            "口令一二三四五六七八",
        ],
    )
    assert bad.exit_code == 2 and "党员代表" in bad.stderr and "Traceback" not in bad.output


def test_the_fill_screen_rounds_half_up() -> None:
    assert _number(0.7 * 38.5) == "27" and _number(43.75) == "43.8"


def test_one_form_order_whatever_the_order_given(tmp_path: Path) -> None:
    from forms.builtin import form_order

    orders = []
    for index, forms in enumerate(
        ("duty_list,star_branch,review_ballot", "review_ballot,star_branch,duty_list")
    ):
        data = tmp_path / f"d{index}"
        args = ["--data", str(data), "init", "--name", "考核", "--year", "2026", "--forms", forms]
        result = CliRunner().invoke(cli, [*args, "--passphrase", "口令一二三四五六七八"])
        assert result.exit_code == 0, result.output + result.stderr
        orders.append(open_store(data).campaign().info.form_ids)
    assert orders[0] == orders[1] == ("review_ballot", "star_branch", "duty_list")
    assert form_order(["mine", "duty_list", "review_ballot"]) == ("review_ballot", "duty_list", "mine")


async def test_the_board_sorts_by_action_with_a_deadline_and_who_is_late(campaign: Campaign) -> None:
    from textual.widgets import DataTable

    from tui.review.app import ReviewApp
    from tui.review.board import BoardScreen

    store = campaign.store
    fill_and_submit(store, "B011", "star_branch")  # to review
    fill_and_submit(store, "B012", "star_branch", submit=False)  # still filling in
    result = CliRunner().invoke(
        cli,
        ["--data", str(campaign.context.data_dir), "self-assess", "--deadline", "2026-12-15"],
        env={"KAOPING_PASSPHRASE": campaign.passphrase},
    )
    assert result.exit_code == 0, result.output + result.stderr
    assert store.self_assessments.self_deadline() == "2026-12-15"
    app = ReviewApp(campaign.context, store)
    async with app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, campaign.group_codes["第一联络组"])
        board = app.screen
        assert isinstance(board, BoardScreen)
        board.today = "2026-12-20"
        board._fill_board()
        await pilot.pause()
        table = board.query_one("#sa-board", DataTable)
        order = [
            str(table.coordinate_to_cell_key(Coordinate(row, 0)).row_key.value)
            for row in range(table.row_count)
        ]
        assert order[0] == "B011|star_branch"  # to review first
        assert order[1] == "B012|star_branch"  # late and being filled next
        counts = str(board.query_one("#sa-counts").render())
        assert (
            "截止日期：2026-12-15" in counts
            and "逾期未提交 4 份" in counts
            and "市委办公室第二党支部" in counts
        )
        assert "逾期" in str(table.get_row("B012|star_branch")[1])
        assert "逾期" not in str(table.get_row("B011|star_branch")[1])


async def test_long_answers_get_a_multi_line_field(campaign: Campaign) -> None:
    from textual.widgets import TextArea

    from tui.widgets import ItemEditor

    app = SelfAssessApp(campaign.context, campaign.store)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, campaign.unit_codes["U01"])
        screen = app.screen
        assert isinstance(screen, FillScreen) and screen.session.form.id == "duty_list"
        last = len(screen.session.form.sections) - 1
        await screen.show_section(last)
        await settle(pilot)
        editor = screen.query_one("#item-problems", ItemEditor)
        area = editor.query_one("#answer", TextArea)
        assert area.size.height >= 3  # several lines visible, not a 16-character slit
        long_answer = "理论学习与业务工作结合不够紧密，" * 20
        area.load_text(long_answer)
        await settle(pilot)
    assert (
        campaign.store.self_assessments.self_assessment("U01", "duty_list").answers["problems"] == long_answer
    )
