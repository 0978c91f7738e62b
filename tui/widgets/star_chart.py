"""A terminal bar chart of the star distribution: this year's count beside last year's for each star level."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from rich.text import Text
from textual.widget import Widget

from tui.i18n import t

LEVELS = (5, 4, 3, 2, 1, 0)
LABEL_WIDTH = 8  # display cells: "五星" / "无星级" plus padding, wide characters counted twice
COUNT_WIDTH = 5


def star_label(star: int | None) -> str:
    """The name of a star level in the current language ("五星", "no star"...)."""
    if not star:
        return t("results.star.none")
    return t(f"results.star.{star}")


def distribution(stars: Iterable[int | None]) -> dict[int, int]:
    """How many units hold each star level (None and 0 both count as no star)."""
    counts = Counter(star or 0 for star in stars)
    return {level: counts.get(level, 0) for level in LEVELS}


class StarChart(Widget):
    """Two bars per star level, this year (solid) and last year (shaded), scaled to the widest count."""

    DEFAULT_CSS = """
    StarChart { height: auto; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.this_year: dict[int, int] = distribution([])
        self.last_year: dict[int, int] | None = distribution([])
        self.note = ""

    def show(
        self, this_year: Iterable[int | None], last_year: Iterable[int | None] | None, note: str = ""
    ) -> None:
        """Redraw with the stars of this year and of last year (None: there is no last year to show),
        and a note saying what is not counted."""
        self.this_year = distribution(this_year)
        self.last_year = distribution(last_year) if last_year is not None else None
        self.note = note
        self.refresh(layout=True)

    def get_content_height(self, container: object, viewport: object, width: int) -> int:
        bars = 2 if self.last_year is not None else 1
        return 1 + bars * len(LEVELS) + (1 + self.note.count("\n") if self.note else 0)

    def render(self) -> Text:
        bar_room = max(4, self.size.width - LABEL_WIDTH - COUNT_WIDTH - 2)
        last_year = self.last_year
        peak = max([1, *self.this_year.values(), *(last_year.values() if last_year else ())])
        text = Text()
        text.append("█ " + t("results.chart.this_year"), style="bold")
        text.append("   ")
        if last_year is not None:
            text.append("░ " + t("results.chart.last_year"), style="dim")
        else:
            text.append(t("selfyear.chart.no_last_year"), style="dim")
        bars: list[tuple[dict[int, int], str, str]] = [(self.this_year, "█", "bold")]
        if last_year is not None:
            bars.append((last_year, "░", "dim"))
        for level in LEVELS:
            label = star_label(level)
            pad = " " * max(0, LABEL_WIDTH - Text(label).cell_len)
            for index, (counts, glyph, style) in enumerate(bars):
                count = counts[level]
                length = round(bar_room * count / peak)
                text.append("\n")
                text.append(label + pad if index == 0 else " " * LABEL_WIDTH)
                text.append(glyph * length, style=style)
                text.append(f" {count}".ljust(COUNT_WIDTH))
        if self.note:
            text.append("\n" + self.note, style="italic")
        return text
