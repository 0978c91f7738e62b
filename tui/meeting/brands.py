"""The service-brand vote: type to filter the registered brands, pick at most ten, see the picks beside."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from tui.i18n import t
from tui.meeting.model import BallotDraft
from tui.meeting.pinyin import matches
from tui.meeting.seal_step import SealingScreen

if TYPE_CHECKING:
    from store.api import Brand

CAMPAIGN_WIDE = "*"
"""The pseudo unit under which the store keeps a campaign-wide vote's answers (store.records)."""


class BrandScreen(SealingScreen):
    """One evaluator's brand ballot: filter box and list on the left, the picks on the right."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "cursor(1)", show=False),
        Binding("up", "cursor(-1)", show=False),
        Binding("pagedown", "cursor(10)", show=False),
        Binding("pageup", "cursor(-10)", show=False),
        Binding("f2", "seal", t("meeting.key.seal"), key_display="F2"),
    ]

    def __init__(self, draft: BallotDraft) -> None:
        super().__init__(draft)
        self.all_brands: tuple[Brand, ...] = ()
        self.shown: list[Brand] = []

    @property
    def item_id(self) -> str:
        item = self.kiosk.backend.brand_item
        return item.id if item is not None else "brands"

    @property
    def picks(self) -> list[str]:
        value = self.draft.answer(CAMPAIGN_WIDE, self.item_id)
        return list(value) if isinstance(value, list) else []

    def compose(self) -> ComposeResult:
        most = self.kiosk.backend.brand_max_picks
        yield Static(t("meeting.brands.title", most=most), id="brands-title", markup=False)
        with Horizontal(id="brands-body"):
            with Vertical(id="brands-left"):
                field = Input(placeholder=t("meeting.brands.filter"), id="brands-filter", max_length=30)
                field.cursor_blink = False
                yield field
                yield Static("", id="brands-count", markup=False)
                yield OptionList(id="brands-list", markup=False)
            with Vertical(id="brands-right"):
                yield Static("", id="brands-picked-title", markup=False)
                yield Static("", id="brands-picked", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#brands-filter", Input).focus()
        self.load()

    @work(thread=True, exclusive=True, group="store", exit_on_error=False)
    def load(self) -> None:
        try:
            brands = self.kiosk.backend.brands()
        except Exception as error:  # shown where the count would be
            text = self.kiosk.backend.describe(error)
            self.app.call_from_thread(self.query_one("#brands-count", Static).update, text)
            return
        self.app.call_from_thread(self._loaded, tuple(brands))

    def _loaded(self, brands: tuple[Brand, ...]) -> None:
        self.all_brands = brands
        self._filter(self.query_one("#brands-filter", Input).value)
        self._show_picks()

    @on(Input.Changed, "#brands-filter")
    def filter_changed(self, event: Input.Changed) -> None:
        self._filter(event.value)

    def _filter(self, query: str) -> None:
        self.shown = [brand for brand in self.all_brands if matches(brand.name, query)]
        option_list = self.query_one("#brands-list", OptionList)
        option_list.set_options(self._option(brand) for brand in self.shown)
        if self.shown:
            option_list.highlighted = 0
        self.query_one("#brands-count", Static).update(
            t("meeting.brands.count", shown=len(self.shown), total=len(self.all_brands))
        )

    def _option(self, brand: Brand) -> Option:
        picked = brand.id in self.picks
        mark = ("✔ ", "bold green") if picked else ("  ", "")
        return Option(Text.assemble(mark, (brand.name, "bold" if picked else "")), id=brand.id)

    def action_cursor(self, step: int) -> None:
        option_list = self.query_one("#brands-list", OptionList)
        if not self.shown:
            return
        current = option_list.highlighted or 0
        option_list.highlighted = max(0, min(len(self.shown) - 1, current + step))

    @on(Input.Submitted, "#brands-filter")
    def toggle_highlighted(self, event: Input.Submitted) -> None:
        event.stop()
        option_list = self.query_one("#brands-list", OptionList)
        if option_list.highlighted is not None and self.shown:
            self.toggle(self.shown[option_list.highlighted].id)

    @on(OptionList.OptionSelected, "#brands-list")
    def selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.toggle(event.option.id)

    def toggle(self, brand_id: str) -> None:
        """Pick or drop a brand; an eleventh pick is refused with the reason."""
        picks = self.picks
        most = self.kiosk.backend.brand_max_picks
        if brand_id in picks:
            picks.remove(brand_id)
        elif len(picks) >= most:
            self.notify(t("meeting.brands.too_many", most=most), severity="warning", markup=False)
            return
        else:
            picks.append(brand_id)
        self.draft.set_answer(CAMPAIGN_WIDE, self.item_id, picks or None)
        self.kiosk.queue_answer(self.draft.code, CAMPAIGN_WIDE, self.item_id, picks or None)
        option_list = self.query_one("#brands-list", OptionList)
        for index, brand in enumerate(self.shown):
            if brand.id == brand_id:
                option_list.replace_option_prompt_at_index(index, self._option(brand).prompt)
        self._show_picks()

    def _show_picks(self) -> None:
        names = {brand.id: brand.name for brand in self.all_brands}
        picks = self.picks
        most = self.kiosk.backend.brand_max_picks
        self.query_one("#brands-picked-title", Static).update(
            t("meeting.brands.picked", count=len(picks), most=most)
        )
        lines = [f"{number}. {names.get(brand_id, brand_id)}" for number, brand_id in enumerate(picks, 1)]
        self.query_one("#brands-picked", Static).update("\n".join(lines) or t("meeting.brands.none"))

    def action_seal(self) -> None:
        if not self.picks:
            self.notify(t("meeting.brands.pick_one"), severity="warning", markup=False)
            return
        self.confirm_seal()
