"""What a benchmark case reports, and the table the runner prints."""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Row:
    """One measured quantity: its median, an optional target, and whether it was met.

    `target` is a human-readable bound such as "<= 5 ms" or ">= 0.7x baseline"; `ok` is None when the
    row is informational (a baseline measured in the same run).
    """

    case: str
    metric: str
    value: float
    unit: str
    target: str = ""
    ok: bool | None = None


def median(samples: Sequence[float]) -> float:
    """The median of non-empty samples."""
    return statistics.median(samples)


def percentile(samples: Sequence[float], fraction: float) -> float:
    """The `fraction` (0..1) percentile by nearest rank."""
    ordered = sorted(samples)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def format_table(rows: Sequence[Row]) -> str:
    """A plain-text table of rows, aligned, with a verdict column."""
    header = ("case", "metric", "value", "unit", "target", "verdict")
    body = [
        (
            row.case,
            row.metric,
            f"{row.value:.3f}" if abs(row.value) < 1000 else f"{row.value:,.0f}",
            row.unit,
            row.target,
            "" if row.ok is None else ("ok" if row.ok else "MISSED"),
        )
        for row in rows
    ]
    widths = [max(len(str(line[i])) for line in [header, *body]) for i in range(len(header))]
    lines = [
        "  ".join(str(cell).ljust(width) for cell, width in zip(line, widths, strict=True))
        for line in [header, *body]
    ]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines)
