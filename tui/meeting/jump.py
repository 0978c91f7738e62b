"""The jump list: every unit of the ballot with its state; Enter goes there."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from tui.i18n import t
from tui.meeting.model import BallotDraft
from tui.meeting.screen import MeetingModal

STATE_STYLE = {"done": "green", "partial": "yellow", "empty": "red"}


class JumpList(MeetingModal[int | None]):
    """Pick a unit to go to; returns its index, or None to stay."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,j", "stay", t("key.back")),
    ]

    def __init__(self, draft: BallotDraft, current: int) -> None:
        super().__init__(classes="evaluator")
        self.draft = draft
        self.current = current

    def compose(self) -> ComposeResult:
        spec = self.backend.ballot_spec
        options = []
        for number, unit in enumerate(spec.units):
            state = self.draft.unit_state(spec, unit.unit_id)
            label = Text.assemble(
                (f"{number + 1:>3}  ", "dim"),
                unit.name,
                "  ",
                (t(f"meeting.state.{state}"), STATE_STYLE[state]),
            )
            options.append(Option(label, id=str(number)))
        with Vertical(id="jump-box"):
            yield Static(t("meeting.jump.title"), id="jump-title", markup=False)
            yield OptionList(*options, id="jump-list", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        jump_list = self.query_one(OptionList)
        jump_list.highlighted = self.current
        jump_list.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option_index)

    def action_stay(self) -> None:
        self.dismiss(None)
