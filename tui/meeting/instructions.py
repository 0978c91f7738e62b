"""The short instruction screen between the code and the first unit: what the ratings mean, the keys."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Center, Vertical
from textual.screen import Screen
from textual.widgets import Button, Footer, Static

from tui.i18n import t
from tui.meeting.model import BallotDraft

if TYPE_CHECKING:
    from tui.meeting.app import MeetingApp


class InstructionScreen(Screen[None]):
    """Explains the scale and the keys; Enter starts (or resumes) the ballot."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "start", t("meeting.key.start")),
    ]

    def __init__(self, draft: BallotDraft) -> None:
        super().__init__()
        self.draft = draft
        self.started = False

    @property
    def kiosk(self) -> MeetingApp:
        return cast("MeetingApp", self.app)

    def compose(self) -> ComposeResult:
        backend = self.kiosk.backend
        spec = backend.ballot_spec
        resumed = self.draft.position > 0 or bool(self.draft.answers)
        with Center(), Vertical(id="instructions-card"):
            yield Static(spec.title, id="instructions-title", markup=False)
            if resumed:
                yield Static(t("meeting.instructions.resumed"), id="instructions-resumed", markup=False)
            if self.kiosk.mode == "brands":
                yield Static(t("meeting.instructions.brands", most=backend.brand_max_picks), markup=False)
            else:
                scale = Text("  ").join(
                    Text.assemble((choice.key, "bold"), " ", choice.label)
                    for choice in backend.rating_choices()
                )
                yield Static(t("meeting.instructions.units", count=len(spec.units)), markup=False)
                yield Static(scale, id="instructions-scale", markup=False)
                yield Static(t("meeting.instructions.keys"), markup=False)
            yield Static(
                t("meeting.instructions.seal_brands")
                if self.kiosk.mode == "brands"
                else t("meeting.instructions.secret"),
                markup=False,
            )
            yield Button(t("meeting.instructions.start"), id="start", variant="primary")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#start", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_start()

    def action_start(self) -> None:
        if not self.started:
            self.started = True
            self.kiosk.open_unit(self.draft.position)
