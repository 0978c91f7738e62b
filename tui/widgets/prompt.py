"""A dialog that asks for one line of text (a reason, a note), shared by the review and results apps."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from tui.i18n import t


class TextPromptScreen(ModalScreen[str | None]):
    """Asks for one line of text (a reason, a note); refuses an empty or over-long answer in place."""

    DEFAULT_CSS = """
    TextPromptScreen {
        align: center middle;
    }
    TextPromptScreen #prompt-box {
        width: 64;
        max-width: 95%;
        height: auto;
        border: thick $primary;
        background: $panel;
        padding: 1 2;
    }
    TextPromptScreen #prompt-question {
        margin-bottom: 1;
    }
    TextPromptScreen #problem {
        color: $error;
        height: auto;
        width: 100%;
    }
    TextPromptScreen #prompt-buttons {
        height: auto;
        margin-top: 1;
        align-horizontal: right;
    }
    TextPromptScreen #prompt-buttons Button {
        margin-left: 1;
    }
    """
    """The question, the field, the refusal under it and the buttons, in a box centred over the screen."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", t("self.key.cancel"))]
    """Escape gives up: nothing is asked any more."""

    def __init__(
        self,
        question: str,
        *,
        max_length: int = 200,
        required: bool = True,
        password: bool = False,
        initial: str = "",
    ) -> None:
        super().__init__()
        self.question = question
        self.max_length = max_length
        self.required = required
        self.password = password
        self.initial = initial

    def compose(self) -> ComposeResult:
        with Vertical(id="prompt-box"):
            yield Static(self.question, id="prompt-question", markup=False)
            yield Input(self.initial, password=self.password, id="answer")
            yield Label("", id="problem", markup=False)
            with Horizontal(id="prompt-buttons"):
                yield Button(t("self.key.ok"), variant="primary", id="ok")
                yield Button(t("self.key.cancel"), id="cancel")

    def on_mount(self) -> None:
        self.query_one("#answer", Input).focus()

    def _problem(self, text: str) -> str | None:
        if self.required and not text:
            return t("self.dialog.required")
        if len(text) > self.max_length:
            return t("self.dialog.too_long", limit=self.max_length, length=len(text))
        return None

    def _submit(self) -> None:
        text = self.query_one("#answer", Input).value.strip()
        problem = self._problem(text)
        if problem is not None:
            self.query_one("#problem", Label).update(problem)
            self.query_one("#answer", Input).focus()
            return
        self.dismiss(text)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._submit()

    @on(Button.Pressed, "#ok")
    def _ok(self, event: Button.Pressed) -> None:
        event.stop()
        self._submit()

    @on(Button.Pressed, "#cancel")
    def _cancel(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)
