"""A modal list of the data directory's campaigns, to switch the one the home screen works on."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from store.api import CampaignInfo
from tui.i18n import t


def campaign_line(info: CampaignInfo, current: bool) -> str:
    """One campaign as the list shows it: name, year, id, and a mark on the current one."""
    mark = "● " if current else "  "
    demo = t("selfyear.home.demo_mark") if info.demo else ""
    return mark + t("selfyear.home.campaign_line", name=info.name, year=info.year, id=info.id) + demo


class CampaignPicker(ModalScreen[str | None]):
    """Pick a campaign (Enter) or keep the current one (Escape); dismisses with the chosen id."""

    DEFAULT_CSS = """
    CampaignPicker { align: center middle; }
    CampaignPicker > Vertical { width: 80%; max-width: 90; height: auto; max-height: 80%;
        border: round $accent; background: $surface; padding: 1 2; }
    CampaignPicker OptionList { height: auto; max-height: 20; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", t("self.key.cancel"))]

    def __init__(self, campaigns: Sequence[CampaignInfo], current: str | None) -> None:
        super().__init__()
        self.campaigns = list(campaigns)
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(t("selfyear.home.pick"), markup=False)
            # The prompts hold campaign names (data): never read as markup.
            yield OptionList(
                *(
                    Option(Text(campaign_line(info, info.id == self.current)), id=info.id)
                    for info in self.campaigns
                ),
                id="campaign-list",
                markup=False,
            )

    def on_mount(self) -> None:
        listing = self.query_one("#campaign-list", OptionList)
        ids = [info.id for info in self.campaigns]
        listing.highlighted = ids.index(self.current) if self.current in ids else len(ids) - 1
        listing.focus()

    @on(OptionList.OptionSelected, "#campaign-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
