"""Paper mode: an operator types paper ballots into a grid (one row per unit, keys 1-4), optionally twice.

With double entry a second operator types the same slip blind; the cells where the two disagree are
shown side by side and must be resolved before the ballot is sealed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, cast

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.coordinate import Coordinate
from textual.events import Key
from textual.screen import ModalScreen
from textual.widgets import DataTable, Footer, Select, Static

from tui.i18n import t
from tui.meeting.model import AnswerValue, ItemSpec
from tui.meeting.screen import MeetingScreen

Grid = dict[str, dict[str, str]]
"""Answers typed so far: unit id -> item id -> level code."""

FIRST_COLUMN = 2  # "#" and the unit name come before the items
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
"""Column headers of the grid; the legend above names each item."""


@dataclass(frozen=True)
class Difference:
    """One cell where the two operators typed different things."""

    unit_id: str
    unit_name: str
    item: ItemSpec
    first: str | None
    second: str | None


def differences(
    first: Grid, second: Grid, units: list[tuple[str, str]], items: list[ItemSpec]
) -> list[Difference]:
    """Every cell, in grid order, where the two entries of one slip disagree."""
    found = []
    for unit_id, name in units:
        for item in items:
            a = first.get(unit_id, {}).get(item.item_id)
            b = second.get(unit_id, {}).get(item.item_id)
            if a != b:
                found.append(Difference(unit_id, name, item, a, b))
    return found


class PaperScreen(MeetingScreen):
    """The entry grid for one paper slip of one rater group."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "next_row", t("meeting.paper.key_next_row")),
        Binding("backspace,delete", "clear_cell", t("meeting.paper.key_clear"), show=False),
        Binding("f2", "finish", t("meeting.paper.key_finish"), key_display="F2"),
    ]

    def __init__(self, double_entry: bool = False, group: str | None = None, notice: str = "") -> None:
        super().__init__(classes="operator")
        self.double_entry = double_entry
        self.group = group
        self.notice = notice
        self.stage = 1
        self.first: Grid = {}
        self.grid: Grid = {}
        self.sealing = False

    @property
    def items(self) -> list[ItemSpec]:
        return [item for item in self.backend.ballot_spec.items if item.kind == "rating"]

    @property
    def units(self) -> list[tuple[str, str]]:
        return [(unit.unit_id, unit.name) for unit in self.backend.ballot_spec.units]

    def compose(self) -> ComposeResult:
        groups = self.backend.rater_groups()
        with Horizontal(id="paper-top"):
            yield Static(t("meeting.paper.title"), id="paper-title", markup=False)
            yield Select(
                [(Text(self.backend.group_label(group)), group) for group in groups],
                value=self.group if self.group in groups else groups[0],
                allow_blank=False,
                id="paper-group",
            )
            yield Static("", id="paper-left", markup=False)
        yield Static("", id="paper-stage", markup=False)
        legend = "  ".join(f"{CIRCLED[n]} {item.label}" for n, item in enumerate(self.items))
        yield Static(legend, id="paper-legend", markup=False)
        table: DataTable[Text] = DataTable(id="paper-grid", cursor_type="cell", zebra_stripes=True)
        yield table
        yield Static(self.notice, id="paper-message", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.group = str(self.query_one("#paper-group", Select).value)
        table = cast("DataTable[Text]", self.query_one("#paper-grid", DataTable))
        table.add_column(Text("#"), key="n")
        table.add_column(Text(t("meeting.review.unit")), key="unit")
        for number, item in enumerate(self.items):  # numbered columns keep the grid narrow at 80 columns
            table.add_column(Text(CIRCLED[number], justify="center"), key=item.item_id, width=4)
        for number, (unit_id, name) in enumerate(self.units):
            table.add_row(
                Text(str(number + 1), style="dim"),
                Text(name),
                *(self._cell(None) for _ in self.items),
                key=unit_id,
            )
        table.move_cursor(row=0, column=FIRST_COLUMN)
        table.focus()
        self._show_stage()
        self.load_slips()

    @on(Select.Changed, "#paper-group")
    def group_changed(self, event: Select.Changed) -> None:
        self.group = str(event.value)
        self.load_slips()

    @work(thread=True, exclusive=True, group="store", exit_on_error=False)
    def load_slips(self) -> None:
        group = self.group or ""
        try:
            left = self.backend.paper_slips_left(group)
            state = self.backend.voting_state()
        except Exception as error:  # shown to the operator
            text = self.backend.describe(error)
            self.app.call_from_thread(self.query_one("#paper-left", Static).update, text)
            return
        self.app.call_from_thread(self._show_slips, left, state)

    def _show_slips(self, left: int, state: str) -> None:
        text = t("meeting.paper.left", group=self.backend.group_label(self.group or ""), left=left)
        if state != "open":
            text += "  " + t("meeting.welcome.not_open")
        self.query_one("#paper-left", Static).update(text)

    def _show_stage(self) -> None:
        if not self.double_entry:
            text = t("meeting.paper.single")
        elif self.stage == 1:
            text = t("meeting.paper.stage_first")
        else:
            text = t("meeting.paper.stage_second")
        self.query_one("#paper-stage", Static).update(text)

    def _cell(self, value: str | None, item: ItemSpec | None = None) -> Text:
        if value is None or item is None:
            return Text("·", style="dim", justify="center")
        return Text(item.label_of(value), style="bold", justify="center")

    def _table(self) -> DataTable[Text]:
        return cast("DataTable[Text]", self.query_one("#paper-grid", DataTable))

    def on_key(self, event: Key) -> None:
        table = self._table()
        if self.focused is not table:
            return
        column = table.cursor_column - FIRST_COLUMN
        if not 0 <= column < len(self.items):
            return
        item = self.items[column]
        choice = item.choice_for_key(event.key)
        if choice is None:
            return
        event.stop()
        unit_id = self.units[table.cursor_row][0]
        self.grid.setdefault(unit_id, {})[item.item_id] = choice.value
        table.update_cell_at(table.cursor_coordinate, self._cell(choice.value, item))
        if column + 1 < len(self.items):
            table.move_cursor(column=table.cursor_column + 1)
        else:
            self.action_next_row()

    @on(DataTable.CellSelected, "#paper-grid")
    def enter_pressed(self, event: DataTable.CellSelected) -> None:
        event.stop()
        self.action_next_row()

    def action_next_row(self) -> None:
        table = self._table()
        if table.cursor_row + 1 < len(self.units):
            table.move_cursor(row=table.cursor_row + 1, column=FIRST_COLUMN)

    def action_clear_cell(self) -> None:
        table = self._table()
        column = table.cursor_column - FIRST_COLUMN
        if 0 <= column < len(self.items):
            unit_id = self.units[table.cursor_row][0]
            self.grid.get(unit_id, {}).pop(self.items[column].item_id, None)
            table.update_cell_at(table.cursor_coordinate, self._cell(None))

    def _first_gap(self) -> Coordinate | None:
        for row, (unit_id, _name) in enumerate(self.units):
            for column, item in enumerate(self.items):
                if item.required and item.item_id not in self.grid.get(unit_id, {}):
                    return Coordinate(row, column + FIRST_COLUMN)
        return None

    def action_finish(self) -> None:
        gap = self._first_gap()
        if gap is not None:
            table = self._table()
            table.move_cursor(row=gap.row, column=gap.column)
            table.focus()
            self._say(t("meeting.paper.gap", n=gap.row + 1, unit=self.units[gap.row][1]), error=True)
            return
        if self.double_entry and self.stage == 1:
            self.first = self.grid
            self.grid = {}
            self.stage = 2
            table = self._table()
            for row in range(len(self.units)):
                for column in range(len(self.items)):
                    table.update_cell_at(Coordinate(row, column + FIRST_COLUMN), self._cell(None))
            table.move_cursor(row=0, column=FIRST_COLUMN)
            table.focus()
            self._show_stage()
            self._say(t("meeting.paper.handover"), error=False)
            return
        if self.double_entry:
            found = differences(self.first, self.grid, self.units, self.items)
            if found:

                def resolved(answers: Grid | None) -> None:
                    if answers is not None:
                        self._confirm(answers)

                self.app.push_screen(DifferenceScreen(found, self.grid), resolved)
                return
        self._confirm(self.grid)

    def _confirm(self, grid: Grid) -> None:
        from tui.meeting.seal_step import ConfirmSeal

        def confirmed(yes: bool | None) -> None:
            if yes and not self.sealing:
                self.sealing = True
                self.seal({unit: dict(answers) for unit, answers in grid.items()})

        self.app.push_screen(ConfirmSeal(), confirmed)

    @work(thread=True, exclusive=True, group="store", exit_on_error=False)
    def seal(self, grid: Grid) -> None:
        backend = self.backend
        group = self.group or ""
        answers: dict[str, dict[str, AnswerValue]] = {unit: dict(values) for unit, values in grid.items()}
        try:
            backend.seal_paper(group, answers)
            left = backend.paper_slips_left(group)
        except Exception as error:  # shown to the operator; the grid stays as typed
            self.app.call_from_thread(self._seal_failed, backend.describe(error))
            return
        self.app.call_from_thread(self._sealed, group, left)

    def _seal_failed(self, text: str) -> None:
        self.sealing = False
        self._say(text, error=True)

    def _sealed(self, group: str, left: int) -> None:
        notice = t("meeting.paper.sealed", group=self.backend.group_label(group), left=left)
        self.kiosk.go(PaperScreen(self.double_entry, group=group, notice=notice))

    def _say(self, text: str, error: bool) -> None:
        message = self.query_one("#paper-message", Static)
        message.update(text)
        message.set_class(error, "-error")


class DifferenceScreen(ModalScreen[Grid | None]):
    """The cells where the two entries differ; keys 1-4 set the value read off the slip, F2 accepts."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f2", "accept", t("meeting.paper.key_accept"), key_display="F2"),
        Binding("escape", "cancel", t("key.back")),
    ]

    def __init__(self, found: list[Difference], second: Grid) -> None:
        super().__init__(classes="operator")
        self.found = found
        self.second = second
        self.chosen: dict[int, str] = {}

    def compose(self) -> ComposeResult:
        with Vertical(id="diff-box"):
            yield Static(t("meeting.paper.diff_title", count=len(self.found)), id="diff-title", markup=False)
            table: DataTable[Text] = DataTable(id="diff-table", cursor_type="row")
            yield table
            yield Static("", id="diff-message", classes="-error", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        table = cast("DataTable[Text]", self.query_one("#diff-table", DataTable))
        table.add_column(Text(t("meeting.review.unit")), key="unit")
        table.add_column(Text(t("meeting.paper.item")), key="item")
        table.add_column(Text(t("meeting.paper.first")), key="first")
        table.add_column(Text(t("meeting.paper.second")), key="second")
        table.add_column(Text(t("meeting.paper.final")), key="final")
        for number, diff in enumerate(self.found):
            table.add_row(
                Text(diff.unit_name),
                Text(diff.item.label),
                Text(diff.item.label_of(diff.first) or "·"),
                Text(diff.item.label_of(diff.second) or "·"),
                Text("?", style="bold red"),
                key=str(number),
            )
        table.focus()

    def on_key(self, event: Key) -> None:
        table = cast("DataTable[Text]", self.query_one("#diff-table", DataTable))
        row = table.cursor_row
        if not 0 <= row < len(self.found):
            return
        choice = self.found[row].item.choice_for_key(event.key)
        if choice is None:
            return
        event.stop()
        self.chosen[row] = choice.value
        table.update_cell_at(Coordinate(row, 4), Text(choice.label, style="bold green"))
        if row + 1 < len(self.found):
            table.move_cursor(row=row + 1)

    def action_accept(self) -> None:
        open_rows = [row for row in range(len(self.found)) if row not in self.chosen]
        if open_rows:
            self.query_one("#diff-message", Static).update(
                t("meeting.paper.unresolved", count=len(open_rows))
            )
            self.query_one("#diff-table", DataTable).move_cursor(row=open_rows[0])
            return
        final: Grid = {unit: dict(values) for unit, values in self.second.items()}
        for row, value in self.chosen.items():
            diff = self.found[row]
            final.setdefault(diff.unit_id, {})[diff.item.item_id] = value
        self.dismiss(final)

    def action_cancel(self) -> None:
        self.dismiss(None)
