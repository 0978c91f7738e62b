"""`GridView`: the ballot drawn like the paper 测评表, a line per unit (and its 五力 lines when open)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.i18n import t
from tui.meeting.model import BallotDraft, BallotSpec, ItemSpec

CHOSEN_MARK = "●"
EMPTY_MARK = "○"
CURSOR_MARK = "▶"
NAME_WIDEST = 30
"""Cells the unit name needs at most (the longest demo name is 24); more width goes to the levels."""
LEVEL_WIDEN = 6
LEVEL_STYLES = 4
"""Component classes grid--level-0..3: one colour per level, the mark says the same without colour."""


@dataclass(frozen=True)
class GridLine:
    """One line of the grid: a unit's score item (its overall rating) or one of its dimensions."""

    unit: int
    item_id: str
    dimension: bool


def grid_lines(spec: BallotSpec, expanded: set[int]) -> list[GridLine]:
    """The grid's lines: each unit's overall rating, then its dimensions when they are asked of it
    (always under "required", on request under "optional", never under "off")."""
    assert spec.score_item is not None
    lines: list[GridLine] = []
    for number in range(len(spec.units)):
        lines.append(GridLine(number, spec.score_item, False))
        if spec.dimensions == "required" or number in expanded:
            lines.extend(GridLine(number, item_id, True) for item_id in spec.dimension_ids)
    return lines


@dataclass(frozen=True)
class Layout:
    """Column widths in cells for one width of the grid."""

    name: int
    secretary: int
    level: int
    dims: int
    comment: int

    @property
    def levels_start(self) -> int:
        return 2 + 4 + self.name + 1 + (self.secretary + 1 if self.secretary else 0)


def fit(text: str, width: int) -> str:
    """`text` in exactly `width` cells: padded, or cut with an ellipsis (wide characters kept whole)."""
    if width <= 0:
        return ""
    if cell_len(text) <= width:
        return set_cell_size(text, width)
    return set_cell_size(set_cell_size(text, width - 1).rstrip() + "…", width)


def centre(text: str, width: int) -> str:
    left = max(0, (width - cell_len(text)) // 2)
    return fit(" " * left + text, width)


class GridView(ScrollView, can_focus=True, inherit_bindings=False):
    """Draws the grid and its cursor; the screen owns the keys and the answers (this only shows them).

    The first line is the column header and stays put while the rows scroll under it.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "grid--header",
        "grid--cursor",
        "grid--empty",
        "grid--dimension",
        "grid--muted",
        *(f"grid--level-{n}" for n in range(LEVEL_STYLES)),
    }

    DEFAULT_CSS = """
    GridView {
        height: 1fr;
        background: $surface;
        color: $text;
    }
    GridView > .grid--header { text-style: bold; background: $panel; color: $text; }
    GridView > .grid--cursor { background: $boost; text-style: bold; }
    GridView:focus > .grid--cursor { background: $primary 40%; }
    GridView > .grid--empty { color: $text-muted; }
    GridView > .grid--dimension { color: $text-muted; }
    GridView > .grid--muted { color: $text-muted; }
    GridView > .grid--level-0 { color: $success; text-style: bold; }
    GridView > .grid--level-1 { color: $accent; text-style: bold; }
    GridView > .grid--level-2 { color: $warning; text-style: bold; }
    GridView > .grid--level-3 { color: $error; text-style: bold; }
    GridView.-high-contrast { background: black; color: white; }
    GridView.-high-contrast > .grid--header { background: white; color: black; text-style: bold; }
    GridView.-high-contrast > .grid--cursor { background: navy; color: white; text-style: bold underline; }
    GridView.-high-contrast > .grid--empty { color: white; }
    GridView.-high-contrast > .grid--dimension { color: white; }
    GridView.-high-contrast > .grid--muted { color: white; }
    GridView.-high-contrast > .grid--level-0 { color: lime; text-style: bold; }
    GridView.-high-contrast > .grid--level-1 { color: aqua; text-style: bold; }
    GridView.-high-contrast > .grid--level-2 { color: yellow; text-style: bold; }
    GridView.-high-contrast > .grid--level-3 { color: red; text-style: bold; }
    """
    """The level colours follow the theme; high contrast is black and white with bright level colours."""

    @dataclass
    class Clicked(Message):
        """A click on a line: `value` is the level clicked (None elsewhere), `part` "dims"/"comment"/""."""

        line: int
        value: str | None
        part: str

    def __init__(self, spec: BallotSpec, draft: BallotDraft, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.spec = spec
        self.draft = draft
        self.lines: list[GridLine] = []
        self.cursor = 0
        score = spec.item(spec.score_item) if spec.score_item else None
        assert score is not None
        self.score = score
        self.has_comment = any(item.kind == "text" for item in spec.items)
        self.comment_id = next((item.item_id for item in spec.items if item.kind == "text"), "")

    # -- lines and cursor ---------------------------------------------------------------------------

    def set_lines(self, lines: list[GridLine], cursor: int) -> None:
        self.lines = lines
        self.virtual_size = Size(0, len(lines) + 1)
        self.move_to(cursor)
        self.refresh()

    @property
    def current(self) -> GridLine:
        return self.lines[self.cursor]

    @property
    def page(self) -> int:
        """How many rows one screenful shows (under the header)."""
        return max(1, self.scrollable_content_region.height - 1)

    def move_to(self, index: int) -> None:
        """Put the cursor on line `index` (clamped) and scroll it into view."""
        if not self.lines:
            return
        self.cursor = max(0, min(len(self.lines) - 1, index))
        top = round(self.scroll_y)
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False, immediate=True)
        elif self.cursor > top + self.page - 1:
            self.scroll_to(y=self.cursor - self.page + 1, animate=False, immediate=True)
        self.refresh()

    def on_resize(self) -> None:
        self.move_to(self.cursor)

    # -- drawing --------------------------------------------------------------------------------------

    def layout_for(self, width: int) -> Layout:
        """Columns for `width` cells: the levels, 五力 and comment columns fixed, the name takes the rest."""
        widest = max((cell_len(choice.label) for choice in self.score.choices), default=2)
        level = widest + 4 if width >= 100 else widest + 3
        dims = 0 if not self.spec.dimension_ids else (10 if width >= 100 else 7)
        comment = 0 if not self.has_comment else 5
        secretary = 10 if width >= 100 else 7
        levels = len(self.score.choices) or 1
        name = width - (2 + 4 + 1 + secretary + 1 + level * levels + dims + comment)
        if name < 12:  # a narrow window: the name matters more than the secretary
            name += secretary + 1
            secretary = 0
        if name > NAME_WIDEST:  # a wide window: wider level columns, easier to hit with the mouse
            level += min(LEVEL_WIDEN, (name - NAME_WIDEST) // levels)
            name = width - (2 + 4 + 1 + secretary + 1 + level * levels + dims + comment)
        return Layout(max(6, name), secretary, level, dims, comment)

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(name, partial=True)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        layout = self.layout_for(width)
        base = self.rich_style
        if y == 0:
            return self._header(layout, base + self._style("grid--header"), width)
        index = round(self.scroll_y) + y - 1
        if not 0 <= index < len(self.lines):
            return Strip.blank(width, base)
        on_cursor = index == self.cursor
        row_style = base + self._style("grid--cursor") if on_cursor else base
        segments = self._row(self.lines[index], layout, row_style, on_cursor)
        return Strip(segments).adjust_cell_length(width, row_style)

    def _header(self, layout: Layout, style: Style, width: int) -> Strip:
        text = "  " + fit("#", 4) + fit(t("grid.col.unit"), layout.name) + " "
        if layout.secretary:
            text += fit(t("grid.col.secretary"), layout.secretary) + " "
        for choice in self.score.choices:
            text += centre(f"{choice.key} {choice.label}", layout.level)
        if layout.dims:
            text += centre(t("grid.col.dimensions"), layout.dims)
        if layout.comment:
            text += centre(t("grid.col.comment"), layout.comment)
        return Strip([Segment(text, style)]).adjust_cell_length(width, style)

    def _row(self, line: GridLine, layout: Layout, style: Style, on_cursor: bool) -> list[Segment]:
        unit = self.spec.units[line.unit]
        item = self.spec.item(line.item_id)
        assert item is not None
        value = self.draft.answer(unit.unit_id, line.item_id)
        mark = CURSOR_MARK + " " if on_cursor else "  "
        segments = [Segment(mark, style)]
        if line.dimension:
            segments.append(Segment(" " * 4, style))
            label = fit("  · " + item.label, layout.name + (layout.secretary + 1 if layout.secretary else 0))
            segments.append(Segment(label + " ", style + self._style("grid--dimension")))
        else:
            segments.append(Segment(fit(f"{line.unit + 1:>3}", 4), style))
            segments.append(Segment(fit(unit.name, layout.name) + " ", style))
            if layout.secretary:
                segments.append(Segment(fit(unit.secretary or "—", layout.secretary) + " ", style))
        segments.extend(self._levels(item, value, layout, style))
        if layout.dims:
            dims = centre(self._dims_cell(line), layout.dims)
            segments.append(Segment(dims, style + self._style("grid--muted")))
        if layout.comment:
            has = not line.dimension and bool(self.draft.answer(unit.unit_id, self.comment_id))
            segments.append(Segment(centre("✎" if has else "", layout.comment), style))
        return segments

    def _levels(self, item: ItemSpec, value: object, layout: Layout, style: Style) -> list[Segment]:
        segments = []
        for number, choice in enumerate(item.choices):
            if choice.value == value:
                cell = centre(f"{CHOSEN_MARK} {choice.label}", layout.level)
                segments.append(Segment(cell, style + self._style(f"grid--level-{number % LEVEL_STYLES}")))
            else:
                segments.append(Segment(centre(EMPTY_MARK, layout.level), style + self._style("grid--empty")))
        return segments

    def _dims_cell(self, line: GridLine) -> str:
        if line.dimension or not self.spec.dimension_ids:
            return ""
        unit_id = self.spec.units[line.unit].unit_id
        answers = [self.draft.answer(unit_id, item_id) for item_id in self.spec.dimension_ids]
        given = sum(1 for value in answers if value is not None)
        total = len(self.spec.dimension_ids)
        if self.spec.dimensions == "required":
            return f"{given}/{total}"
        opened = any(other.unit == line.unit and other.dimension for other in self.lines)
        return ("▾ " if opened else "▸ ") + f"{given}/{total}"

    # -- the mouse ------------------------------------------------------------------------------------

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or offset.y == 0:
            return
        index = round(self.scroll_y) + offset.y - 1
        if not 0 <= index < len(self.lines):
            return
        event.stop()
        layout = self.layout_for(self.scrollable_content_region.width)
        x = offset.x
        start = layout.levels_start
        item = self.spec.item(self.lines[index].item_id)
        value: str | None = None
        part = ""
        if item is not None and start <= x < start + layout.level * len(item.choices):
            value = item.choices[(x - start) // layout.level].value
        elif layout.dims and start + layout.level * len(self.score.choices) <= x < (
            start + layout.level * len(self.score.choices) + layout.dims
        ):
            part = "dims"
        elif layout.comment and x >= start + layout.level * len(self.score.choices) + layout.dims:
            part = "comment"
        self.post_message(self.Clicked(index, value, part))
