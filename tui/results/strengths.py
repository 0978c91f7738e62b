"""The 五力 of one unit as a five-bar chart in a table cell: strongest green, weakest red."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rich.text import Text

BARS = "▁▂▃▄▅▆▇█"
LOW, HIGH = 40.0, 100.0  # the rating points of 差 and 好: the range a dimension mean can take


def bar(value: float | None) -> str:
    """One block for a mean on 40..100 (差..好); a dot when the dimension was not rated."""
    if value is None:
        return "·"
    share = (min(HIGH, max(LOW, value)) - LOW) / (HIGH - LOW)
    return BARS[round(share * (len(BARS) - 1))]


def strength_chart(
    means: Mapping[str, float], order: Sequence[str], strongest: str | None, weakest: str | None
) -> Text:
    """The unit's dimensions in form order as bars; the strongest green and the weakest red."""
    chart = Text()
    for dimension in order:
        style = "bold green" if dimension == strongest else "bold red" if dimension == weakest else ""
        chart.append(bar(means.get(dimension)), style=style)
    return chart
