"""The one Chinese line-breaking helper: closing marks never start a line, codes are never split."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tests.tui.meeting.conftest import Meeting
from tui.linebreak import NO_LINE_END, NO_LINE_START, cell_width, wrap

CLOSE_QUESTION = "结束投票后，本场不能再投票；将显示票数与校验摘要，请记入会议记录。确定结束吗？"
DEMO_TOAST = "演示活动已创建。测评码、单位登录码和联络组登录码的打印单在 /tmp/data/campaigns/c1/codes；演示管理口令：kaoping-demo"


def test_no_line_of_the_close_question_starts_with_a_closing_mark() -> None:
    for width in range(8, 60):
        lines = wrap(CLOSE_QUESTION, width)
        assert "".join(lines) == CLOSE_QUESTION
        assert all(line[0] not in NO_LINE_START for line in lines if line), (width, lines)
        assert all(cell_width(line) <= width for line in lines)


def test_the_passphrase_and_paths_are_never_split() -> None:
    for width in range(30, 80):
        lines = wrap(DEMO_TOAST, width)
        assert any("kaoping-demo" in line for line in lines), (width, lines)
        assert all(line[0] not in NO_LINE_START for line in lines if line)


def test_a_path_wider_than_the_toast_is_cut_yet_its_closing_mark_never_starts_a_line() -> None:
    # Seen in a real terminal at 120 columns: the demo's sheet folder is one 57-cell word, and the "；"
    # after it started a line of its own.
    folder = "/tmp/qshome2/.local/share/kaoping-code-sheets/2026-12dab0"
    toast = f"演示活动已创建。打印单在 {folder}；演示管理口令：kaoping-demo"
    for width in range(20, 70):
        lines = wrap(toast, width)
        assert all(line[0] not in NO_LINE_START for line in lines if line), (width, lines)
        assert "".join(lines).replace(" ", "") == toast.replace(" ", "")
        assert all(cell_width(line) <= width for line in lines)
        assert any("kaoping-demo" in line for line in lines)


def test_an_opening_mark_stays_with_what_it_opens() -> None:
    lines = wrap("请联系会务工作人员（会场门口）。", 20)
    assert all(line[-1] not in NO_LINE_END for line in lines if line)


@given(st.text(alphabet="测评码投票。，；：！？）（「」ABCD-12/. ", max_size=80), st.integers(4, 40))
def test_any_text_keeps_its_characters_and_fits(text: str, width: int) -> None:
    lines = wrap(text, width)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    for line in lines:
        assert cell_width(line) <= width


async def test_the_close_dialog_and_toasts_break_lines_by_the_rules(small_meeting: Meeting) -> None:
    from tests.tui.meeting.drive import settle
    from tui.i18n import t
    from tui.meeting.admin import ConfirmClose

    app = small_meeting.app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.push_screen(ConfirmClose())
        await pilot.pause()
        question = app.screen.query_one("#confirm-question")
        shown = str(question.render()).split("\n")
        assert len(shown) > 1
        assert all(line and line[0] not in NO_LINE_START for line in shown), shown
        assert "".join(shown) == t("meeting.admin.close_question")
        app.notify(DEMO_TOAST)
        await pilot.pause()
        sent = [note.message for note in app._notifications]  # run_test shows no toasts; what was sent
        rendered = sent[-1].split("\n")
        assert len(rendered) > 1 and all(cell_width(line) <= 37 for line in rendered), rendered
        assert any("kaoping-demo" in line for line in rendered), rendered
        assert all(not line or line[0] not in NO_LINE_START for line in rendered), rendered
