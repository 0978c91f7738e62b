"""`CommentBox`: the optional comment on one unit of the grid ballot, typed in a small dialog."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from tui.i18n import t


class CommentBox(ModalScreen[str | None]):
    """Returns the typed comment on Enter (an empty one clears it), or None on Escape."""

    DEFAULT_CSS = """
    CommentBox { align: center middle; }
    #comment-box {
        width: 90%; max-width: 90; height: auto; border: round $primary; background: $surface; padding: 0 1;
    }
    #comment-title { margin-bottom: 1; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", t("key.back"))]

    def __init__(self, unit_name: str, text: str, max_length: int) -> None:
        super().__init__(classes="evaluator")
        self.unit_name = unit_name
        self.text = text
        self.max_length = max_length

    def compose(self) -> ComposeResult:
        with Vertical(id="comment-box"):
            yield Static(Text(t("grid.comment.title", unit=self.unit_name)), id="comment-title")
            field = Input(self.text, max_length=self.max_length, id="comment-input", select_on_focus=False)
            field.cursor_blink = False
            yield field

    def on_mount(self) -> None:
        self.query_one("#comment-input", Input).focus()

    @on(Input.Submitted)
    def submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)
