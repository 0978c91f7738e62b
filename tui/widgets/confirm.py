"""The one yes/no dialog of every mode, asked before a step that cannot be undone; "no" has the focus."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button
from textual.widgets.button import ButtonVariant

from tui.i18n import t
from tui.wrapped import WrappedText


class ConfirmDialog(ModalScreen[bool]):
    """Asks `question`; returns True for the yes button or Y, False for the other button, N or Escape."""

    DEFAULT_CSS = """
    ConfirmDialog {
        align: center middle;
    }
    ConfirmDialog #confirm-box {
        width: 70;
        max-width: 95%;
        height: auto;
        padding: 1 2;
        border: thick $primary;
        background: $surface;
    }
    ConfirmDialog #confirm-question {
        text-style: bold;
        margin-bottom: 1;
    }
    ConfirmDialog #confirm-invalid {
        color: $error;
    }
    ConfirmDialog #confirm-buttons {
        height: auto;
        align: center middle;
    }
    ConfirmDialog #confirm-buttons Button {
        margin: 0 1;
    }
    """
    """The box the question and the two buttons sit in, centred over the screen it asks about."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", t("meeting.seal.yes_key")),
        Binding("escape,n", "answer(False)", t("meeting.seal.no_key")),
    ]
    """Y says yes, N and Escape say no, whichever button has the focus."""

    def __init__(
        self,
        question: str,
        yes_label: str | None = None,
        yes_variant: ButtonVariant = "primary",
        *,
        no_label: str | None = None,
        warning: str | None = None,
        default_yes: bool = False,
        classes: str | None = None,
    ) -> None:
        super().__init__(classes=classes)
        self.question = question
        self.yes_label = yes_label or t("self.key.yes")
        self.no_label = no_label or t("self.key.cancel")
        self.yes_variant: ButtonVariant = yes_variant
        self.warning = warning
        self.default_yes = default_yes
        """Enter says yes (the focus starts on the yes button): only for a dialog that itself shows what is
        confirmed (the submit summary), so Enter never closes it silently."""

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box"):
            yield WrappedText(self.question, id="confirm-question")
            if self.warning is not None:
                yield WrappedText(self.warning, id="confirm-invalid", classes="-error")
            with Horizontal(id="confirm-buttons"):
                yield Button(self.yes_label, id="yes", variant=self.yes_variant)
                yield Button(self.no_label, id="no")

    def on_mount(self) -> None:
        # The safe answer has the focus: a stray Enter must not seal, close or delete anything.
        self.query_one("#yes" if self.default_yes else "#no", Button).focus()

    @on(Button.Pressed, "#yes")
    def _yes(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(True)

    @on(Button.Pressed, "#no")
    def _no(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(False)

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
