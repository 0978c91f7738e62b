"""What a benchmark case reports, and the table the runner prints."""

from __future__ import annotations

import resource
import statistics
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path


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


def peak_rss_mb() -> float:
    """This process's own peak resident memory in MB: VmHWM, which starts afresh at exec. (`ru_maxrss`
    does not: a child started by a big bench process reports the parent's size it was forked from.)"""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024.0
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def median(samples: Sequence[float]) -> float:
    """The median of non-empty samples."""
    return statistics.median(samples)


def percentile(samples: Sequence[float], fraction: float) -> float:
    """The `fraction` (0..1) percentile by nearest rank."""
    ordered = sorted(samples)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def timed(action: Callable[[], object]) -> float:
    """Seconds `action` took."""
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def interleave(cases: Mapping[str, Callable[[], object]], rounds: int) -> dict[str, list[float]]:
    """Seconds of every case, timed in turn (A, B, A, B ...) for `rounds` rounds in one run, so that the
    load of the machine (other processes, the page cache, a CPU's clock) falls on every case alike.

    Each round starts one case further on (A B C, B C A, C A B ...): no case always runs right after the
    same other one (a baseline that rewrites a big file would otherwise always cool the caches of the
    case after it)."""
    names = list(cases)
    samples: dict[str, list[float]] = {name: [] for name in names}
    for round_number in range(rounds):
        start = round_number % len(names)
        for name in names[start:] + names[:start]:
            samples[name].append(timed(cases[name]))
    return samples


def ratio_rows(
    case: str, metric: str, measured: Sequence[float], baseline: Sequence[float], at_most: float | None = None
) -> list[Row]:
    """`measured` against `baseline` (samples taken interleaved): the ratio of their minimums (the cost
    without noise) and of their medians (the typical cost), each held to `at_most` when it is given."""
    rows = []
    for kind, pick in (("min", min), ("median", median)):
        ratio = pick(measured) / pick(baseline)
        target = "" if at_most is None else f"<= {at_most:g}x"
        ok = None if at_most is None else ratio <= at_most
        rows.append(Row(case, f"{metric} ({kind})", ratio, "x", target, ok))
    return rows


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
