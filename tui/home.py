"""The home screen that `kaoping` opens with no command: the campaign, its state, and one entry per mode."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Button, Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from forms.errors import KaopingError
from tui.base import KaopingApp
from tui.context import AppContext
from tui.i18n import error_text, language, t

MODES = ("meeting", "selfassess", "review", "results")


@dataclass(frozen=True)
class CampaignSummary:
    """What the home screen shows of the newest (or chosen) campaign."""

    name: str
    year: int
    voting_state: str
    ballots: int
    units: int
    demo: bool


@dataclass
class SummaryLoaded(Message):
    """The store was read: `summary` is None when the data directory holds no campaign yet."""

    summary: CampaignSummary | None
    error: str | None = None


class HomeApp(KaopingApp):
    """Shows the campaign and lets the user pick a mode; exits with the chosen mode's name."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", t("key.quit")),
        Binding("c", "switch_campaign", t("selfyear.home.switch")),
        Binding("escape", "quit", t("key.quit"), show=False),  # as the README says: q or Esc
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="home"):
            yield Static(t("home.data_dir", path=str(self.context.data_dir)), id="home-data", markup=False)
            yield Static("", id="home-campaign", markup=False)
            yield OptionList(
                *(Option(t(f"home.mode.{mode}"), id=mode) for mode in MODES), id="home-modes", markup=False
            )
            yield Static(t("home.demo.offer"), id="home-demo-offer", markup=False)
            yield Button(t("home.demo.create"), id="home-demo", variant="primary")
            yield Static(t("home.init.hint"), id="home-init-hint", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self._show_empty(False)
        self.load_summary()

    def _show_empty(self, empty: bool) -> None:
        self.query_one("#home-modes").display = not empty
        for widget_id in ("#home-demo-offer", "#home-demo", "#home-init-hint"):
            self.query_one(widget_id).display = empty
        if empty:
            self.query_one("#home-demo", Button).focus()
        else:
            self.query_one("#home-modes", OptionList).focus()

    @work(thread=True, exclusive=True, group="store")
    def load_summary(self) -> None:
        from store.api import open_store

        try:
            store = open_store(self.context.data_dir)
            if not store.campaigns():
                self.post_message(SummaryLoaded(None))
                return
            campaign = store.campaign(self.context.campaign_id)
            summary = CampaignSummary(
                name=campaign.info.name,
                year=campaign.info.year,
                voting_state=campaign.meeting.voting_state(),
                ballots=campaign.ballots.ballot_count(),
                units=len(campaign.roster.meeting_units()),
                demo=campaign.info.demo,
            )
        except KaopingError as error:
            self.post_message(SummaryLoaded(None, error=error_text(error)))
            return
        self.post_message(SummaryLoaded(summary))

    @on(SummaryLoaded)
    def show_summary(self, message: SummaryLoaded) -> None:
        line = self.query_one("#home-campaign", Static)
        if message.error is not None:
            line.update(t("error.prefix") + message.error)
            self.query_one("#home-modes").display = False
            return
        summary = message.summary
        if summary is None:
            line.update(t("home.no_campaign"))
            self._show_empty(True)
            return
        line.update(
            (
                t("home.campaign_named", name=summary.name)
                if str(summary.year) in summary.name
                else t("home.campaign", name=summary.name, year=summary.year)
            )
            + "\n"
            + t(
                "home.state",
                state=t(f"home.voting.{summary.voting_state}"),
            )
            + "  "
            + t("home.counts", units=summary.units, ballots=summary.ballots)
        )
        self._show_empty(False)

    @on(Button.Pressed, "#home-demo")
    def create_demo(self) -> None:
        self.query_one("#home-demo", Button).disabled = True
        self.notify(t("home.demo.creating"), markup=False)
        self.build_demo()

    # Its own group: it ends by reloading the summary, and an exclusive worker of the same group would
    # cancel the very worker asking for it (a WorkerCancelled race on a busy machine).
    @work(thread=True, exclusive=True, group="demo")
    def build_demo(self) -> None:
        from exports.code_sheets import write_demo_sheets
        from store.api import open_store
        from store.demo import create_demo

        try:
            result = create_demo(open_store(self.context.data_dir), seed=2026)
            sheets = write_demo_sheets(self.context.data_dir, result, t, language())
        except KaopingError as error:
            self.post_message(SummaryLoaded(None, error=error_text(error)))
            return
        folder = str(sheets[0].parent) if sheets else str(self.context.data_dir)
        self.call_from_thread(
            self.notify,
            t("home.demo.created", folder=folder, passphrase=result.passphrase),
            timeout=30,
            markup=False,  # a folder name may hold [ ]
        )
        self.load_summary()

    @work(thread=True, exclusive=True, group="switch")
    def action_switch_campaign(self) -> None:
        """List the data directory's campaigns (a worker: it reads the store) and offer them."""
        from store.api import open_store

        try:
            store = open_store(self.context.data_dir)
            campaigns = store.campaigns()
            current = store.campaign(self.context.campaign_id).id if campaigns else None
        except KaopingError as error:
            self.post_message(SummaryLoaded(None, error=error_text(error)))
            return
        if not campaigns:
            self.call_from_thread(self.notify, t("home.no_campaign"), severity="warning", markup=False)
            return
        from tui.campaign_picker import CampaignPicker

        self.call_from_thread(self.push_screen, CampaignPicker(campaigns, current), self._campaign_chosen)

    def _campaign_chosen(self, campaign_id: str | None) -> None:
        if campaign_id is None:
            return
        # Every mode opened from here on works on this campaign (run_home takes the context back).
        self.context = replace(self.context, campaign_id=campaign_id)
        self.load_summary()

    @on(OptionList.OptionSelected, "#home-modes")
    def choose_mode(self, event: OptionList.OptionSelected) -> None:
        self.exit(result=event.option.id)


def mode_app(mode: str, context: AppContext) -> KaopingApp:
    """The app of one mode, as the home screen and the mode's own command both build it."""
    if mode == "meeting":
        from tui.meeting import create_meeting_app

        return create_meeting_app(context)
    if mode == "selfassess":
        from tui.selfassess.app import create_selfassess_app

        return create_selfassess_app(context)
    if mode == "review":
        from tui.review.app import create_review_app

        return create_review_app(context)
    from tui.results.app import create_results_app

    return create_results_app(context)


def run_home(context: AppContext) -> None:
    """Open the home screen; run the chosen mode's app, then come back home until the user quits.

    The store is opened first, so a damaged data directory stops with one sentence instead of a screen.
    """
    from store.api import open_store
    from tui.terminal import require_terminal

    require_terminal("kaoping")
    store = open_store(context.data_dir)
    if store.campaigns():
        store.campaign(context.campaign_id)
    while True:
        home = HomeApp(context)
        chosen = home.run()
        context = home.context  # the campaign may have been switched on the home screen
        if chosen not in MODES:
            return
        mode_app(str(chosen), context).run()
