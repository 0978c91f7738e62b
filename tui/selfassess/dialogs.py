"""Modal dialogs shared by the self-assessment, review and results apps: confirm, and ask for a text."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from tui.i18n import t


class ConfirmScreen(ModalScreen[bool]):
    """Asks a yes/no question; dismisses with True only when the user confirms."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", t("self.key.cancel")),
        Binding("y", "confirm", t("self.key.yes"), show=False),
    ]

    def __init__(
        self, question: str, confirm_label: str | None = None, *, default_confirm: bool = False
    ) -> None:
        super().__init__(classes="sa-dialog")
        self.question = question
        self.confirm_label = confirm_label or t("self.key.yes")
        self.default_confirm = default_confirm
        """Enter confirms (the focus starts on the confirm button): for a dialog that itself shows what is
        confirmed (the submit summary), so Enter never closes it silently."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="sa-dialog-box"):
            yield Static(self.question, classes="sa-dialog-question", markup=False)
            with Horizontal(classes="sa-dialog-buttons"):
                yield Button(self.confirm_label, variant="primary", id="confirm")
                yield Button(t("self.key.cancel"), id="cancel")

    def on_mount(self) -> None:
        self.query_one("#confirm" if self.default_confirm else "#cancel", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "confirm")

    def action_confirm(self) -> None:
        self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(False)


class TextPromptScreen(ModalScreen[str | None]):
    """Asks for one line of text (a reason, a note); refuses an empty or over-long answer in place."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", t("self.key.cancel"))]

    def __init__(
        self,
        question: str,
        *,
        max_length: int = 200,
        required: bool = True,
        password: bool = False,
        initial: str = "",
    ) -> None:
        super().__init__(classes="sa-dialog")
        self.question = question
        self.max_length = max_length
        self.required = required
        self.password = password
        self.initial = initial

    def compose(self) -> ComposeResult:
        with Vertical(classes="sa-dialog-box"):
            yield Static(self.question, classes="sa-dialog-question", markup=False)
            yield Input(self.initial, password=self.password, id="answer")
            yield Label("", id="problem", classes="sa-problem", markup=False)
            with Horizontal(classes="sa-dialog-buttons"):
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

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "ok":
            self._submit()
        else:
            self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)
