"""A yes/no question the meeting asks before a step that cannot be undone; "no" has the focus."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button
from textual.widgets.button import ButtonVariant

from tui.i18n import t
from tui.wrapped import WrappedText


class ConfirmDialog(ModalScreen[bool]):
    """Asks `question`; returns True for the yes button or Y, False for no, N or Escape."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", t("meeting.seal.yes_key")),
        Binding("escape,n", "answer(False)", t("meeting.seal.no_key")),
    ]

    def __init__(
        self,
        question: str,
        yes_label: str,
        yes_variant: ButtonVariant,
        warning: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(classes=classes)
        self.question = question
        self.yes_label = yes_label
        self.yes_variant: ButtonVariant = yes_variant
        self.warning = warning

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box"):
            yield WrappedText(self.question, id="confirm-question")
            if self.warning is not None:
                yield WrappedText(self.warning, id="confirm-invalid", classes="-error")
            with Horizontal(id="confirm-buttons"):
                yield Button(self.yes_label, id="yes", variant=self.yes_variant)
                yield Button(t("meeting.seal.no"), id="no")

    def on_mount(self) -> None:
        # The safe answer has the focus: a stray Enter must not seal or close anything.
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
