"""The answer rows on their own: a score row takes numbers within bounds, a comment row keeps the text."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Input, Static

from tui.meeting.model import ItemSpec
from tui.meeting.rows import AnswerGiven, CommentRow, ScoreRow

SCORE = ItemSpec("dues", "党费收缴得分", "score", minimum=0, maximum=10)
COMMENT = ItemSpec("comment", "意见建议", "text", required=False, max_length=20)


class RowHost(App[None]):
    """Hosts one row and records what it reports."""

    def __init__(self, row: ScoreRow | CommentRow) -> None:
        super().__init__()
        self.row = row
        self.given: list[object] = []

    def compose(self) -> ComposeResult:
        yield self.row

    def on_answer_given(self, message: AnswerGiven) -> None:
        self.given.append(message.value)


async def test_a_score_row_saves_numbers_within_bounds_and_says_what_is_wrong() -> None:
    app = RowHost(ScoreRow(SCORE, None))
    async with app.run_test(size=(80, 6)) as pilot:
        app.row.query_one(Input).focus()
        await pilot.press("8", ".", "5")
        await pilot.pause()
        assert app.given[-1] == 8.5
        await pilot.press("backspace", "backspace", "backspace", "1", "2")
        await pilot.pause()
        assert "应在 0 到 10 之间" in str(app.row.query_one(".score-error", Static).render())
        assert app.given[-1] == 1.0, "12 is out of bounds and never reported"
        await pilot.press("backspace", "backspace")
        await pilot.pause()
        assert app.given[-1] is None


async def test_a_comment_row_reports_chinese_text_and_caps_its_length() -> None:
    app = RowHost(CommentRow(COMMENT, "已有意见"))
    async with app.run_test(size=(80, 6)) as pilot:
        field = app.row.query_one(Input)
        assert field.value == "已有意见"
        field.focus()
        field.value = ""
        await pilot.press(*"支部活动形式单一建议加强")
        await pilot.pause()
        assert app.given[-1] == "支部活动形式单一建议加强"
        await pilot.press(*("很长" * 10))
        await pilot.pause()
        assert field.value == "支部活动形式单一建议加强" + "很长" * 4  # 20 characters
        assert app.given[-1] == field.value, "typing stops at the form's max length"
