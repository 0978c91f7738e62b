"""`ResultsApp` (admin): branch stars with the quota, organizations' composites, the chart, reopen."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static, TabbedContent, TabPane

from exports.model import CampaignResults
from exports.official import compare_stars
from exports.stars import BranchStars
from forms.errors import InputError, KaopingError
from forms.rounding import format_score
from store.api import CampaignStore, open_store
from store.selfassess import REASON_MAX_LENGTH
from tui.base import KaopingApp
from tui.context import AppContext
from tui.i18n import error_text, language, t
from tui.plain import cells
from tui.results.loading import load_results
from tui.results.strengths import strength_chart
from tui.widgets import SignInScreen, StarChart, TextPromptScreen, star_label

CHANGE_MARKS = {"up": "↑", "down": "↓", "same": "=", "new": "新", "none": "—"}


def _score(value: float | None) -> str:
    return format_score(value)


def _star(value: int | None) -> str:
    return "—" if value is None else star_label(value)


def change_text(change: str | None) -> str:
    """A star change as the tables show it: an arrow and a word."""
    if change is None:
        return "—"
    return f"{CHANGE_MARKS.get(change, '')} {t(f'results.change.{change}')}"


@dataclass
class ResultsLoaded(Message):
    """The branch stars and the organizations' results (either may be missing; `problem` says why)."""

    branches: BranchStars | None
    organizations: CampaignResults | None
    weights: dict[str, float]
    problem: str
    status: str = ""
    """The results' state and what is still missing (one or two lines)."""


@dataclass
class Reopened(Message):
    """A self-assessment was reopened by the admin; `text` says which."""

    text: str


@dataclass
class ReopenRefused(Message):
    """The store refused the reopen; `reason` says why."""

    reason: str


class ResultsScreen(Screen[None]):
    """The results: branches' stars, organizations' composites, the distribution chart."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("e", "export", t("polish.export.key")),
        Binding("o", "reopen", t("results.key.reopen")),
        Binding("t", "next_tab", t("review.key.next_tab")),
        Binding("f5", "reload", t("review.key.reload")),
        Binding("escape", "app.quit", t("key.quit")),
    ]

    def __init__(self, store: CampaignStore) -> None:
        super().__init__(classes="sa-results")
        self.store = store
        self.branches: BranchStars | None = None
        self.organizations: CampaignResults | None = None
        self.weights: dict[str, float] = {}
        self.status = ""
        """The results' state and what is still missing, shown at the top of each tab."""

    def compose(self) -> ComposeResult:
        yield Header()
        with TabbedContent(id="sa-results-tabs"):
            with TabPane(t("results.tab.branches"), id="tab-branches"):
                yield Static("", id="sa-quota", classes="sa-counts", markup=False)
                yield DataTable(id="sa-branches", cursor_type="row", zebra_stripes=True, classes="sa-table")
            with TabPane(t("results.tab.organizations"), id="tab-organizations"):
                yield Static("", id="sa-weights", classes="sa-counts", markup=False)
                yield Static("", id="sa-ties", classes="sa-counts", markup=False)
                yield DataTable(
                    id="sa-organizations", cursor_type="row", zebra_stripes=True, classes="sa-table"
                )
            with TabPane(t("results.tab.chart"), id="tab-chart"):
                yield Static(t("results.chart.title"), classes="sa-section-title", markup=False)
                yield StarChart(id="sa-chart")
        yield Footer()

    def on_mount(self) -> None:
        self.title = t("results.title", name=self.store.info.name)
        branches = self.query_one("#sa-branches", DataTable)
        # Names get fixed widths: ~700 rows are added at once and must not wait for measuring.
        widths = {"branch": 22, "parent": 14}
        for key in ("branch", "parent", "state", "score", "star", "last", "change", "why"):
            branches.add_column(t(f"results.col.{key}"), key=key, width=widths.get(key))
        organizations = self.query_one("#sa-organizations", DataTable)
        for key in (
            "unit",
            "review",
            "five",
            "self_own",
            "self_verified",
            "supervision",
            "composite",
            "grade",
            "star",
            "last",
            "change",
            "vetoes",
        ):
            organizations.add_column(t(f"results.col.{key}"), key=key)
        branches.focus()
        self.load()

    def action_export(self) -> None:
        """结果与导出: the exports the home screen's label promises."""
        from tui.results.export import ExportDialog

        context = getattr(self.app, "context", None)
        folder = context.data_dir / "exports" if context is not None else Path("exports")
        lang = context.lang if context is not None else "zh"
        self.app.push_screen(ExportDialog(self.store, folder, lang))

    def action_reload(self) -> None:
        self.load()

    def action_next_tab(self) -> None:
        tabs = self.query_one("#sa-results-tabs", TabbedContent)
        order = ["tab-branches", "tab-organizations", "tab-chart"]
        tabs.active = order[(order.index(tabs.active) + 1) % len(order)] if tabs.active in order else order[0]

    @work(thread=True, exclusive=True, group="results")
    def load(self) -> None:
        """Compute the branch stars and the organizations' results from the store."""
        found = load_results(self.store)
        self.post_message(
            ResultsLoaded(found.branches, found.organizations, found.weights, found.problem, found.status)
        )

    def on_results_loaded(self, message: ResultsLoaded) -> None:
        self.branches = message.branches
        self.organizations = message.organizations
        self.weights = message.weights
        self.status = message.status
        if message.problem:
            self.notify(message.problem, severity="warning", timeout=8, markup=False)
        self._fill_branches()
        self._fill_organizations()
        if message.branches is None and message.organizations is None and message.problem:
            # Nothing to show (voting still open, or both failed): say why where the results would be.
            self.query_one("#sa-quota", Static).update(message.problem)

    def _fill_branches(self) -> None:
        table = self.query_one("#sa-branches", DataTable)
        table.clear()
        found = self.branches
        quota = self.query_one("#sa-quota", Static)
        chart = self.query_one("#sa-chart", StarChart)
        if found is None:
            quota.update(Text("\n".join(filter(None, [self.status, t("results.no_star_form")]))))
            chart.show([], None)
            return
        for row in found.rows:
            why = []
            if row.vetoes:
                why.append(t("results.why.veto", items="；".join(row.vetoes)))
            if row.reason == "quota":
                why.append(t("results.why.quota"))
            if row.reason == "satisfaction":
                why.append(t("results.why.satisfaction"))
            if row.score is not None and not row.verified:
                why.append(t("results.why.provisional"))
            table.add_row(
                *cells(
                    row.name,
                    row.parent_name,
                    t(f"self.state.{row.state}"),
                    _score(row.score),
                    _star(row.star),
                    _star(row.last_star),
                    change_text(row.change),
                    "；".join(why),
                ),
                key=row.unit_id,
            )
        allowed = "—" if found.five_star_allowed is None else str(found.five_star_allowed)
        verdict = t("results.quota.ok") if found.within_quota else t("results.quota.over")
        if found.provisional:
            verdict = t("selfyear.results.quota_provisional")
        line = t(
            "results.quota",
            five=found.five_star,
            allowed=allowed,
            verdict=verdict,
            held=found.held_by_quota,
            rated=found.rated,
            total=len(found.rows),
        )
        if found.provisional:
            line += "\n" + t("selfyear.results.provisional", total=len(found.rows), allowed=allowed)
        # Unit names (data) can be in the status: plain Text, never markup.
        quota.update(Text("\n".join(filter(None, [self.status, line]))))
        compared = compare_stars(found)
        note = t("selfyear.chart.same_set", rated=len(compared.this_year))
        if compared.last_year is not None and compared.no_last:
            note += t("selfyear.chart.no_last", count=compared.no_last)
        note += t("selfyear.chart.unrated", count=compared.unrated) if compared.unrated else "。"
        chart.show(compared.this_year, compared.last_year, note)

    def _fill_organizations(self) -> None:
        table = self.query_one("#sa-organizations", DataTable)
        table.clear()
        found = self.organizations
        if found is None:
            return
        weights = self.weights
        line = t(
            "results.weights",
            review=f"{weights.get('review', 0):.0%}",
            own=f"{weights.get('self', 0):.0%}",
            supervision=f"{weights.get('supervision', 0):.0%}",
        )
        self.query_one("#sa-ties", Static).update(Text("\n".join(tie_lines(found))))
        order = [dimension for dimension, _, _ in found.dimensions]
        if any(unit.star_from_branch for unit in found.units):
            line += "\n" + t("selfyear.results.branch_orgs")
        self.query_one("#sa-weights", Static).update(Text("\n".join(filter(None, [self.status, line]))))
        for unit in found.units:
            over = unit.grade_tied_over
            grade = unit.grade_label(language()) or "—"
            table.add_row(
                *cells(
                    unit.name,
                    _score(unit.review_score),
                    strength_chart(unit.dimension_means, order, unit.strongest, unit.weakest),
                    _score(unit.self_own),
                    _score(unit.self_verified),
                    _score(unit.supervision),
                    _score(unit.composite),
                    f"{grade}（{t('results.tie.short', over=over)}）" if over else grade,
                    _star(unit.star) + ("*" if unit.star_from_branch else ""),
                    _star(unit.last_star),
                    change_text(unit.change),
                    "；".join(unit.vetoes),
                ),
                key=unit.unit_id,
            )

    # ------------------------------------------------------------------ reopen

    def _selected_unit(self) -> str | None:
        tabs = self.query_one("#sa-results-tabs", TabbedContent)
        table_id = "#sa-organizations" if tabs.active == "tab-organizations" else "#sa-branches"
        table = self.query_one(table_id, DataTable)
        if not table.row_count:
            return None
        return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    def _unit_name(self, unit_id: str) -> str:
        """The name shown for a unit of either table (read from the loaded results, not the store)."""
        for row in self.branches.rows if self.branches else ():
            if row.unit_id == unit_id:
                return row.name
        found = self.organizations.unit(unit_id) if self.organizations else None
        return found.name if found else unit_id

    def action_reopen(self) -> None:
        unit_id = self._selected_unit()
        if unit_id is None:
            return
        name = self._unit_name(unit_id)

        def reasoned(reason: str | None) -> None:
            if reason:
                self.reopen(unit_id, reason)

        prompt = TextPromptScreen(t("results.reopen_prompt", unit=name), max_length=REASON_MAX_LENGTH)
        self.app.push_screen(prompt, reasoned)

    @work(thread=True, exclusive=True, group="store")
    def reopen(self, unit_id: str, reason: str) -> None:
        """Reopen the unit's submitted forms with the logged reason."""
        try:
            forms = self.store.self_assessments.reopen_unit(unit_id, None, reason)
        except KaopingError as error:
            self.post_message(ReopenRefused(error_text(error)))
            return
        titles = "、".join(form.title.get(language()) for form in forms)
        self.post_message(Reopened(t("self.cli.reopened", unit=self._unit_name(unit_id), forms=titles)))

    def on_reopened(self, message: Reopened) -> None:
        self.notify(message.text, markup=False)
        self.load()

    def on_reopen_refused(self, message: ReopenRefused) -> None:
        self.notify(message.reason, severity="error", timeout=8, markup=False)

    @on(TabbedContent.TabActivated)
    def _tab_changed(self, event: TabbedContent.TabActivated) -> None:
        tables = event.pane.query(DataTable)
        if tables:
            tables.first().focus()


def check_admin_passphrase(store: CampaignStore, passphrase: str) -> bool:
    """True for the admin passphrase; refused otherwise (and when none was ever set)."""
    if not store.meeting.has_passphrase():
        raise InputError("self.cli.no_passphrase_set")
    if not store.meeting.check_passphrase(passphrase):
        raise InputError("self.cli.bad_passphrase")
    return True


class ResultsApp(KaopingApp):
    """The admin's results: the passphrase first, then the results screen."""

    STYLESHEETS = ("selfassess.tcss",)

    def __init__(self, context: AppContext, store: CampaignStore) -> None:
        super().__init__(context)
        self.store = store

    def on_mount(self) -> None:
        self.sub_title = t("results.app.subtitle")
        screen: SignInScreen[bool] = SignInScreen(
            t("results.signin.title"),
            t("results.signin.prompt"),
            lambda passphrase: check_admin_passphrase(self.store, passphrase),
        )
        self.push_screen(screen, self._signed_in)

    def _signed_in(self, ok: bool | None) -> None:
        if not ok:
            self.exit()
            return
        self.push_screen(ResultsScreen(self.store))


def create_results_app(context: AppContext, store: CampaignStore | None = None) -> ResultsApp:
    """The results app for the context's data directory and campaign (or the given store)."""
    campaign = store or open_store(context.data_dir).campaign(context.campaign_id)
    return ResultsApp(context, campaign)


def tie_lines(results: CampaignResults) -> list[str]:
    """The surviving ties and the 五力 legend, as lines above the organizations' table."""
    lines = []
    for note in results.ties:
        if note.kind == "grade":
            label = next(
                (u.grade_label(language()) for u in results.units if u.grade == note.code), note.code
            )
            lines.append(t("results.tie.grade", grade=label, units="、".join(note.names), over=note.over))
        elif note.kind == "brands":
            lines.append(t("results.tie.brands", brands="、".join(note.names), left=note.over))
    if results.dimensions:
        names = "·".join(results.dimension_label(ident, language()) for ident, _, _ in results.dimensions)
        lines.append(t("results.five.legend", names=names))
    return lines
