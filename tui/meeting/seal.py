"""Sealing: the last question before a ballot is final, and the thank-you screen after it."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Static

from tui.i18n import t

if TYPE_CHECKING:
    from tui.meeting.app import MeetingApp


class ConfirmSeal(ModalScreen[bool]):
    """Asks once more: a sealed ballot cannot be changed. Returns True to seal."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", t("meeting.seal.yes_key")),
        Binding("escape,n", "answer(False)", t("meeting.seal.no_key")),
    ]

    def __init__(self, invalid: bool = False) -> None:
        super().__init__(classes="evaluator")
        self.invalid = invalid

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box"):
            yield Static(t("meeting.seal.question"), id="confirm-question")
            if self.invalid:
                yield Static(t("meeting.seal.will_be_invalid"), id="confirm-invalid", classes="-error")
            with Horizontal(id="confirm-buttons"):
                yield Button(t("meeting.seal.yes"), id="yes", variant="primary")
                yield Button(t("meeting.seal.no"), id="no")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


class ThanksScreen(Screen[None]):
    """Thanks the evaluator; any key, a click or a few seconds bring the next welcome screen."""

    def __init__(self) -> None:
        super().__init__(classes="evaluator")
        self._done = False

    def compose(self) -> ComposeResult:
        seconds = round(cast("MeetingApp", self.app).thanks_seconds)
        with Vertical(id="thanks-card"):
            yield Static(t("meeting.thanks.title"), id="thanks-title")
            yield Static(t("meeting.thanks.body", seconds=seconds), id="thanks-body")

    def on_mount(self) -> None:
        self.set_timer(cast("MeetingApp", self.app).thanks_seconds, self._next)

    def on_key(self, event: events.Key) -> None:
        event.stop()
        self._next()

    def on_click(self) -> None:
        self._next()

    def _next(self) -> None:
        if not self._done:
            self._done = True
            cast("MeetingApp", self.app).show_welcome()
