"""The results in the admin panel: per unit score, 好-rate, grade, rank, rater groups and a bar chart."""

from __future__ import annotations

from typing import Any, cast

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import DataTable, Static

from tui.i18n import language, t
from tui.meeting.screen import kiosk_of

BAR_WIDTH = 20
EIGHTHS = " ▏▎▍▌▋▊▉"


def bar(score: float | None, width: int = BAR_WIDTH, top: float = 100.0) -> str:
    """A horizontal bar of `width` cells for `score` out of `top`, in eighths of a cell."""
    if score is None or top <= 0:
        return ""
    eighths = round(max(0.0, min(score, top)) / top * width * 8)
    full, rest = divmod(eighths, 8)
    return "█" * full + (EIGHTHS[rest] if rest else "")


def _num(value: float | None, digits: int = 2) -> str:
    return "—" if value is None else f"{value:.{digits}f}"


class ResultsView(Vertical):
    """Hidden (with the reason) until the results may be shown; then one row per unit, best first."""

    def compose(self) -> ComposeResult:
        yield Static(t("meeting.results.loading"), id="results-note", markup=False)
        table: DataTable[Text] = DataTable(id="results-table", cursor_type="row", zebra_stripes=True)
        table.display = False
        yield table

    def refresh_results(self) -> None:
        self.load()

    @work(thread=True, exclusive=True, group="results", exit_on_error=False)
    def load(self) -> None:
        backend = kiosk_of(self).backend
        try:
            if not backend.results_visible():
                self.app.call_from_thread(self._hidden)
                return
            results = backend.results()
        except Exception as error:  # one sentence in the panel, never a traceback
            self.app.call_from_thread(self._note, backend.describe(error))
            return
        self.app.call_from_thread(self._show, results)

    def _note(self, text: str) -> None:
        self.query_one("#results-note", Static).update(text)
        self.query_one("#results-note", Static).display = True
        self.query_one("#results-table", DataTable).display = False

    def _hidden(self) -> None:
        self._note(t("meeting.results.hidden"))

    def _show(self, results: Any) -> None:
        lang = language()
        units = list(results.units)
        groups = [(group.group_id, group.label(lang)) for group in units[0].groups] if units else []
        table = cast("DataTable[Text]", self.query_one("#results-table", DataTable))
        table.clear(columns=True)
        table.add_column(Text(t("meeting.results.rank")), key="rank")
        table.add_column(Text(t("meeting.results.unit")), key="unit")
        table.add_column(Text(t("meeting.results.score")), key="score")
        table.add_column(Text(t("meeting.results.good_rate")), key="good")
        table.add_column(Text(t("meeting.results.grade")), key="grade")
        table.add_column(Text(t("meeting.results.ballots")), key="ballots")
        for group_id, label in groups:
            table.add_column(Text(label), key=f"g-{group_id}")
        table.add_column(Text(t("meeting.results.chart")), key="chart")
        for unit in sorted(units, key=lambda u: (u.review_score is None, -(u.review_score or 0.0), u.name)):
            by_group = {group.group_id: group for group in unit.groups}
            cells = [
                Text(str(self._review_rank(units, unit)), style="bold"),
                Text(unit.name),
                Text(_num(unit.review_score), justify="right"),
                Text("—" if unit.good_rate is None else f"{unit.good_rate * 100:.1f}%", justify="right"),
                Text(unit.grade_label(lang) or "—"),
                Text(str(unit.valid_ballots), justify="right"),
                *(_group_cell(by_group.get(group_id)) for group_id, _ in groups),
                Text(bar(unit.review_score), style="green"),
            ]
            table.add_row(*cells, key=unit.unit_id)
        note = t("meeting.results.summary", units=len(units), ballots=results.participation.ballots_sealed)
        self.query_one("#results-note", Static).update(note)
        table.display = True

    @staticmethod
    def _review_rank(units: list[Any], unit: Any) -> str:
        """Rank by review score (ties share a rank); the composite rank lives in the full results."""
        if unit.review_score is None:
            return "—"
        better = sum(
            1
            for other in units
            if other.review_score is not None and other.review_score > unit.review_score + 1e-9
        )
        return str(better + 1)


def _group_cell(group: Any) -> Text:
    """A rater group's mean, or where it is withheld (too few ballots to stay secret) the reason."""
    if group is None:
        return Text("—", justify="right")
    if group.hidden_below:
        key = "trust.group_withheld" if group.complement else "trust.group_hidden"
        return Text(t(key, min=group.hidden_below), style="dim")
    return Text(_num(group.mean, 1), justify="right")
