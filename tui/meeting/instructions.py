"""The short instruction screen between the code and the first unit: what the ratings mean, the keys."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Center, Vertical
from textual.widgets import Button, Footer, Static

from tui.i18n import t
from tui.meeting.model import BallotDraft
from tui.meeting.screen import MeetingScreen


class InstructionScreen(MeetingScreen):
    """Explains the scale and the keys; Enter starts (or resumes) the ballot."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # A priority binding starts the ballot as Enter arrives, so rating keys typed right after it
        # reach the grid instead of waiting behind the button's own message (and getting lost).
        Binding("enter", "start", t("meeting.key.start"), priority=True),
    ]

    def __init__(self, draft: BallotDraft) -> None:
        super().__init__()
        self.draft = draft
        self.started = False

    def compose(self) -> ComposeResult:
        backend = self.backend
        spec = backend.ballot_spec
        resumed = self.draft.position > 0 or bool(self.draft.answers)
        with Center(), Vertical(id="instructions-card"):
            yield Static(spec.title, id="instructions-title", markup=False)
            if resumed:
                yield Static(t("meeting.instructions.resumed"), id="instructions-resumed", markup=False)
            if self.kiosk.mode == "brands":
                yield Static(t("meeting.instructions.brands", most=backend.brand_max_picks), markup=False)
            else:
                choices = backend.rating_choices()
                scale = Text("  ").join(Text.assemble((c.key, "bold"), " ", c.label) for c in choices)
                if spec.is_grid:
                    yield from self._grid_texts(scale)
                else:
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

    def _grid_texts(self, scale: Text) -> ComposeResult:
        """What the grid's keys do, exactly as tui/meeting/grid.py binds them."""
        backend = self.backend
        spec = backend.ballot_spec
        yield Static(t("grid.instructions.units", count=len(spec.units)), markup=False)
        yield Static(scale, id="instructions-scale", markup=False)
        keys = [t("grid.instructions.keys")]
        empty = BallotDraft(code="", rater_group="")
        for tally in backend.entry.tallies(empty):
            levels = backend.entry.level_labels(tally.item, tally.levels)
            keys.append(t("grid.instructions.quota", levels=levels, limit=tally.limit))
        if spec.dimension_ids:
            keys.append(
                t(
                    "grid.instructions.dims_required"
                    if spec.dimensions == "required"
                    else "grid.instructions.dims_optional"
                )
            )
        has_comment = any(item.kind == "text" for item in spec.items)
        keys.append(t("grid.instructions.extras" if has_comment else "grid.instructions.extras_no_comment"))
        yield Static(Text("\n".join(keys)), id="instructions-keys")

    def on_mount(self) -> None:
        self.query_one("#start", Button).focus()

    @on(Button.Pressed, "#start")
    def _start_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_start()

    def action_start(self) -> None:
        if not self.started:
            self.started = True
            start = self.draft.position
            if self.backend.ballot_spec.is_grid and self.draft.answers:
                # a resumed grid starts where work is left: its first unit with a gap
                gap = self.draft.first_gap(self.backend.ballot_spec)
                start = start if gap is None else gap
            self.kiosk.open_unit(start)
