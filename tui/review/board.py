"""The liaison group's board: its units' self-assessments by state (sortable, counted) and its visits."""

from __future__ import annotations

import datetime
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static, TabbedContent, TabPane

from exports.official import ACTION_ORDER, is_late
from forms.errors import KaopingError
from forms.rounding import format_score
from forms.rules import Rules
from store.api import CampaignStore
from tui.i18n import error_text, language, t
from tui.plain import cells
from tui.review.messages import ActionDone, BoardLoaded, StoreRefused, VisitsLoaded
from tui.review.model import BoardRow, SupervisionRow, VisitRow, counts, load_board, load_visits
from tui.widgets import ConfirmDialog
from tui.widgets.breakpoints import preset_breakpoints

SORTS = ("state", "unit", "own")
"""The board's sort orders, in the order the sort key cycles through them."""


def _score(value: float | None) -> str:
    return format_score(value)


class BoardScreen(Screen[None]):
    """The group's units and their self-assessments; Enter opens one; the other tabs hold the visits."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s", "cycle_sort", t("review.key.sort")),
        Binding("t", "next_tab", t("review.key.next_tab")),
        Binding("n", "new_visit", t("review.key.new_visit")),
        Binding("e", "edit_visit", t("review.key.edit_visit")),
        Binding("d", "delete_visit", t("review.key.delete_visit")),
        Binding("f5", "reload", t("review.key.reload")),
        Binding("escape", "app.quit", t("key.quit")),
    ]

    def __init__(self, store: CampaignStore, group: str) -> None:
        super().__init__(classes="sa-board")
        self.store = store
        self.group = group
        self.rows: list[BoardRow] = []
        self.visit_rows: list[VisitRow] = []
        self.score_rows: list[SupervisionRow] = []
        self.sort_by = "state"
        self.sort_reverse = False
        self.rules: Rules | None = None
        self.deadline: str | None = None
        self.today = datetime.date.today().isoformat()
        """Today as YYYY-MM-DD, against the deadline (tests set another day)."""
        self._stale_tabs: set[str] = set()
        """Tabs whose table holds older rows than `visit_rows` / `score_rows` (filled when next shown)."""

    def compose(self) -> ComposeResult:
        preset_breakpoints(self)  # the tables are styled once, for the width they are shown at
        yield Header()
        with TabbedContent(id="sa-tabs"):
            with TabPane(t("review.tab.board"), id="tab-board"):
                yield Static("", id="sa-counts", classes="sa-counts", markup=False)
                yield DataTable(id="sa-board", cursor_type="row", zebra_stripes=True, classes="sa-table")
            with TabPane(t("review.tab.visits"), id="tab-visits"):
                yield DataTable(id="sa-visits", cursor_type="row", zebra_stripes=True, classes="sa-table")
            with TabPane(t("review.tab.supervision"), id="tab-supervision"):
                yield Static("", id="sa-method", classes="sa-counts", markup=False)
                yield DataTable(
                    id="sa-supervision", cursor_type="row", zebra_stripes=True, classes="sa-table"
                )
        yield Footer()

    def on_mount(self) -> None:
        self.title = t("review.tab.board")  # the group is the header's sub-title already
        board = self.query_one("#sa-board", DataTable)
        # The form's long title goes last: at 80 columns the state and the scores stay in view.
        board.add_column(t("review.col.unit"), key="unit")
        board.add_column(t("review.col.state"), key="state")
        board.add_column(t("review.col.own"), key="own")
        board.add_column(t("review.col.verified"), key="verified")
        board.add_column(t("review.col.adjustments"), key="adjustments")
        board.add_column(t("review.col.form"), key="form")
        visits = self.query_one("#sa-visits", DataTable)
        visits.add_column(t("review.col.day"), key="day")
        visits.add_column(t("review.col.unit"), key="unit")
        visits.add_column(t("review.col.visit_total"), key="total")
        visits.add_column(t("review.col.note"), key="note")
        scores = self.query_one("#sa-supervision", DataTable)
        scores.add_column(t("review.col.unit"), key="unit")
        scores.add_column(t("review.col.visits"), key="visits")
        scores.add_column(t("review.col.supervision"), key="score")
        board.focus()
        self.reload()

    # ------------------------------------------------------------------ loading

    def action_reload(self) -> None:
        self.reload()

    def action_next_tab(self) -> None:
        tabs = self.query_one("#sa-tabs", TabbedContent)
        order = ["tab-board", "tab-visits", "tab-supervision"]
        tabs.active = order[(order.index(tabs.active) + 1) % len(order)] if tabs.active in order else order[0]
        self._fill_if_stale(tabs.active)
        tables = self.query_one(f"#{tabs.active}").query(DataTable)
        if tables:
            tables.first().focus()

    @work(thread=True, exclusive=True, group="board")
    def reload(self) -> None:
        """Read the board, then the visits (after an action, or on F5).

        One worker, board first: the board is what the group sees first, and two workers would only
        take turns at the store's lock while competing with the screen for the interpreter.
        """
        try:
            rows = load_board(self.store, self.group)
            rules = self.store.rules()
            deadline = self.store.self_assessments.self_deadline()
        except KaopingError as error:
            self.post_message(StoreRefused(error_text(error)))
            return
        self.post_message(BoardLoaded(rows, rules, deadline))
        try:
            visits, scores = load_visits(self.store, self.group)
        except KaopingError as error:
            self.post_message(StoreRefused(error_text(error)))
            return
        self.post_message(VisitsLoaded(visits, scores))

    def _came_back(self, _: None) -> None:
        """Back from a submission or a visit: show what changed."""
        self.reload()

    def on_board_loaded(self, message: BoardLoaded) -> None:
        self.rows = message.rows
        self.rules = message.rules
        self.deadline = message.deadline
        method = t(f"review.method.{message.rules.supervision_method}")
        self.query_one("#sa-method", Static).update(t("review.supervision.method", method=method))
        self._fill_board()

    def _sorted(self) -> list[BoardRow]:
        return sorted(self.rows, key=self._sort_key, reverse=self.sort_reverse)

    def _sort_key(self, row: BoardRow) -> tuple[object, ...]:
        if self.sort_by == "unit":
            return (row.unit.order, row.unit.id, row.form.id)
        if self.sort_by == "own":
            return (row.own is None, -(row.own or 0.0), row.unit.order)
        # What needs action first: to review, then late units, then the rest; reviewed last.
        return (ACTION_ORDER.get(row.state, 9), not self.late(row), row.unit.order, row.form.id)

    def late(self, row: BoardRow) -> bool:
        """Whether the row's unit has not submitted by the deadline."""
        return is_late(row.state, self.deadline, self.today)

    def _fill_board(self) -> None:
        board = self.query_one("#sa-board", DataTable)
        keep = board.cursor_row
        board.clear()
        lang = language()
        late_mark = t("selfyear.board.late_mark")
        states = {state: t(f"self.state.{state}") for state in dict.fromkeys(row.state for row in self.rows)}
        for row in self._sorted():
            state = states[row.state]
            board.add_row(
                *cells(
                    row.unit.name,
                    state + late_mark if self.late(row) else state,
                    _score(row.own),
                    _score(row.verified),
                    str(row.adjustments) if row.adjustments else "",
                    row.form.title.get(lang),
                ),
                key=row.key,
            )
        if board.row_count:
            board.move_cursor(row=min(keep, board.row_count - 1))
        found = counts(self.rows)
        parts = [f"{t(f'self.state.{state}')} {count}" for state, count in found.items()]
        sort_name = t(f"review.sort.{self.sort_by}")
        line = t("review.counts", total=len(self.rows), detail="  ".join(parts), sort=sort_name)
        if self.deadline:
            late = [row for row in self.rows if self.late(row)]
            names = "、".join(dict.fromkeys(row.unit.name for row in late))
            line += "\n" + t("selfyear.board.deadline", day=self.deadline)
            line += t("selfyear.board.late", count=len(late), names=names) if late else ""
        else:
            line += "\n" + t("selfyear.board.no_deadline")
        self.query_one("#sa-counts", Static).update(Text(line))

    def on_visits_loaded(self, message: VisitsLoaded) -> None:
        self.visit_rows = message.visits
        self.score_rows = message.scores
        # The board is what shows first: the other tabs' tables are filled when they are shown, so the
        # board's first frame does not wait for a table of every unit hidden behind it.
        self._stale_tabs = {"tab-visits", "tab-supervision"}
        self._fill_if_stale(self.query_one("#sa-tabs", TabbedContent).active)

    @on(TabbedContent.TabActivated, "#sa-tabs")
    def _tab_shown(self, event: TabbedContent.TabActivated) -> None:
        if event.pane.id:
            self._fill_if_stale(event.pane.id)

    def _fill_if_stale(self, tab: str) -> None:
        """Fill the table of `tab` (visits or supervision) when it holds older rows than the screen."""
        if tab not in self._stale_tabs:
            return
        self._stale_tabs.discard(tab)
        if tab == "tab-visits":
            self._fill_visits()
        elif tab == "tab-supervision":
            self._fill_supervision()

    def _fill_visits(self) -> None:
        visits = self.query_one("#sa-visits", DataTable)
        keep = visits.cursor_row
        visits.clear()
        for row in self.visit_rows:
            note = row.visit.note if len(row.visit.note) <= 30 else row.visit.note[:29] + "…"
            visits.add_row(*cells(row.visit.day, row.unit_name, _score(row.total), note), key=row.visit.id)
        if visits.row_count:
            visits.move_cursor(row=min(keep, visits.row_count - 1))

    def _fill_supervision(self) -> None:
        scores = self.query_one("#sa-supervision", DataTable)
        scores.clear()
        for score in self.score_rows:
            scores.add_row(*cells(score.unit.name, str(score.visits), _score(score.score)), key=score.unit.id)

    def on_store_refused(self, message: StoreRefused) -> None:
        self.notify(message.reason, severity="error", timeout=8, markup=False)

    def on_action_done(self, message: ActionDone) -> None:
        self.notify(message.text, markup=False)
        self.reload()

    # ------------------------------------------------------------------ board actions

    def action_cycle_sort(self) -> None:
        index = SORTS.index(self.sort_by)
        self.sort_by = SORTS[(index + 1) % len(SORTS)]
        self.sort_reverse = False
        self._fill_board()

    @on(DataTable.HeaderSelected, "#sa-board")
    def _header_clicked(self, event: DataTable.HeaderSelected) -> None:
        wanted = {"unit": "unit", "own": "own", "state": "state"}.get(str(event.column_key.value))
        if wanted is None:
            return
        self.sort_reverse = not self.sort_reverse if wanted == self.sort_by else False
        self.sort_by = wanted
        self._fill_board()

    @on(DataTable.RowSelected, "#sa-board")
    def _open_submission(self, event: DataTable.RowSelected) -> None:
        key = str(event.row_key.value)
        row = next((row for row in self.rows if row.key == key), None)
        if row is None:
            return
        if row.state in ("new", "draft") or self.rules is None:
            self.notify(t("review.not_submitted", unit=row.unit.name), severity="warning", markup=False)
            return
        from tui.review.submission import SubmissionScreen

        self.app.push_screen(SubmissionScreen(self.store, self.group, row, self.rules), self._came_back)

    # ------------------------------------------------------------------ visits

    def _in_visits_tab(self) -> bool:
        return self.query_one("#sa-tabs", TabbedContent).active == "tab-visits"

    def _current_visit(self) -> VisitRow | None:
        self._fill_if_stale("tab-visits")
        table = self.query_one("#sa-visits", DataTable)
        if not self.visit_rows or table.cursor_row < 0:
            return None
        key = str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)
        return next((row for row in self.visit_rows if row.visit.id == key), None)

    def action_new_visit(self) -> None:
        from tui.review.visit import VisitScreen

        self.query_one("#sa-tabs", TabbedContent).active = "tab-visits"
        self.app.push_screen(VisitScreen(self.store, self.group, None), self._came_back)

    def action_edit_visit(self) -> None:
        from tui.review.visit import VisitScreen

        if not self._in_visits_tab():
            self.query_one("#sa-tabs", TabbedContent).active = "tab-visits"
            return
        row = self._current_visit()
        if row is None:
            self.notify(t("review.visit.none_selected"), severity="warning", markup=False)
            return
        self.app.push_screen(VisitScreen(self.store, self.group, row.visit), self._came_back)

    @on(DataTable.RowSelected, "#sa-visits")
    def _visit_chosen(self, event: DataTable.RowSelected) -> None:
        self.action_edit_visit()

    def action_delete_visit(self) -> None:
        if not self._in_visits_tab():
            return
        row = self._current_visit()
        if row is None:
            self.notify(t("review.visit.none_selected"), severity="warning", markup=False)
            return
        question = t("review.visit.delete_confirm", day=row.visit.day, unit=row.unit_name)

        def confirmed(yes: bool | None) -> None:
            if yes:
                self.delete_visit(row.visit.id)

        self.app.push_screen(ConfirmDialog(question, t("review.key.delete_visit")), confirmed)

    @work(thread=True, exclusive=True, group="store")
    def delete_visit(self, visit_id: str) -> None:
        """Remove a visit record from the store."""
        try:
            self.store.visits.delete_visit(visit_id)
        except KaopingError as error:
            self.post_message(StoreRefused(error_text(error)))
            return
        self.post_message(ActionDone(t("review.visit.deleted")))
