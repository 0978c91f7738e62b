"""The list of the forms a signed-in unit fills, with the state of each; choosing one opens it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from forms.model import Form
from tui.i18n import language, t


@dataclass(frozen=True)
class FormEntry:
    """One assigned form and its state for the unit ("new" when nothing is saved yet)."""

    form: Form
    state: str


class FormListScreen(Screen[None]):
    """Shows the unit's forms; Enter opens one (posted as `FormListScreen.Chosen`)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "app.quit", t("key.quit"))]

    @dataclass
    class Chosen(Message):
        """The unit chose a form to open."""

        form_id: str

    def __init__(self, unit_name: str, entries: list[FormEntry]) -> None:
        super().__init__()
        self.unit_name = unit_name
        self.entries = entries

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(t("self.forms.heading", unit=self.unit_name), classes="sa-section-title", markup=False)
        yield OptionList(
            *[
                Option(
                    f"{entry.form.title.get(language())}  ·  {t(f'self.state.{entry.state}')}",
                    id=entry.form.id,
                )
                for entry in self.entries
            ],
            id="sa-form-list",
            markup=False,
        )
        yield Footer()

    def on_mount(self) -> None:
        self.title = t("self.app.subtitle")  # the unit's name is the sub-title already
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(self.Chosen(event.option.id))

    def update_state(self, form_id: str, state: str) -> None:
        """Show a form's new state after the unit comes back from it."""
        listing = self.query_one(OptionList)
        for index, entry in enumerate(self.entries):
            if entry.form.id == form_id:
                self.entries[index] = FormEntry(entry.form, state)
                listing.replace_option_prompt_at_index(
                    index, f"{entry.form.title.get(language())}  ·  {t(f'self.state.{state}')}"
                )
