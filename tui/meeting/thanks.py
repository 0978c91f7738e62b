"""The thank-you screen after a seal: any key, a click or a few seconds bring the next welcome."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from tui.i18n import t
from tui.meeting.screen import MeetingScreen

TYPE_AHEAD_MAX = 40
"""As long as the welcome screen's code field takes."""


def _code_character(character: str | None) -> bool:
    """A key that can be part of a ballot code (Space, Esc and the like only dismiss the screen)."""
    return character is not None and len(character) == 1 and (character.isalnum() or character == "-")


class ThanksScreen(MeetingScreen):
    """Thanks the evaluator; any key, a click or a few seconds bring the next welcome screen."""

    def __init__(self) -> None:
        super().__init__(classes="evaluator")
        self._done = False

    def compose(self) -> ComposeResult:
        seconds = round(self.kiosk.thanks_seconds)
        with Vertical(id="thanks-card"):
            yield Static(t("meeting.thanks.title"), id="thanks-title", markup=False)
            yield Static(t("meeting.thanks.body", seconds=seconds), id="thanks-body", markup=False)

    def on_mount(self) -> None:
        self.set_timer(self.kiosk.thanks_seconds, self._next)

    def on_key(self, event: events.Key) -> None:
        """Any key brings the next welcome; what the next evaluator types is kept for its code field."""
        event.stop()
        kiosk = self.kiosk
        if event.key == "enter":
            kiosk.type_ahead_enter = bool(kiosk.type_ahead)
        elif event.key == "backspace":
            kiosk.type_ahead = kiosk.type_ahead[:-1]
        elif _code_character(event.character) and len(kiosk.type_ahead) < TYPE_AHEAD_MAX:
            kiosk.type_ahead += str(event.character)
        self._next()

    def on_click(self) -> None:
        self._next()

    def _next(self) -> None:
        if not self._done:
            self._done = True
            self.kiosk.show_welcome()
