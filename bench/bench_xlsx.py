"""The ballots export as xlsx against the CSV export in the same run (interleaved), and its memory."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from bench.bench_exports import (
    UNITS,
    _peak_mb,
    _rate,
    _synthetic_ballots,
    _unit_names,
    interleaved,
    ratio_rows,
)
from bench.report import Row, median


def child_ballots(rows: int, out: str, file_format: str) -> dict[str, float]:
    """Streams the ballots export of at least `rows` rows as CSV or xlsx (runs in its own process)."""
    from exports.ballot_rows import BALLOT_COLUMNS, ballot_rows
    from exports.csvio import write_csv
    from exports.kinds import column_kind
    from exports.xlsx import write_xlsx
    from forms.builtin import builtin_form
    from forms.rules import default_rules

    form = builtin_form("review_ballot")
    names = _unit_names()
    start = time.perf_counter()
    produced = ballot_rows(
        "2026-bench",
        {form.id: form},
        names,
        list(names),
        _synthetic_ballots(rows // (UNITS * 6) + 1, 1),
        default_rules(),
    )
    header = list(BALLOT_COLUMNS)
    if file_format == "xlsx":
        kinds = [column_kind(column) for column in BALLOT_COLUMNS]
        written = write_xlsx(Path(out), header, kinds, produced)
    else:
        written = write_csv(Path(out), [header], produced, excel_safe=True)
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "rows": written.rows, "peak_mb": _peak_mb()}


def _child(rows: int, out: str, file_format: str) -> dict[str, float]:
    # Each run in a fresh process, so that the peak RSS is this run's own.
    import json
    import subprocess
    import sys

    from bench.bench_exports import ROOT

    script = (
        "import json, sys\n"
        "from bench import bench_xlsx as b\n"
        "print(json.dumps(b.child_ballots(*json.loads(sys.argv[1]))))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, json.dumps([rows, out, file_format])],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def run(quick: bool) -> list[Row]:
    """`export ballots --format xlsx` of 1,000,000 rows vs the CSV export, interleaved; memory 100k -> 1M."""
    big = 100_000 if quick else 1_000_000
    small = big // 10
    repeats = 2 if quick else 3
    rows_out: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="kaoping-bench-") as folder:
        csv_out = str(Path(folder) / "out.csv")
        xlsx_out = str(Path(folder) / "out.xlsx")
        csv_runs, xlsx_runs = interleaved(
            lambda: _child(big, csv_out, "csv"), lambda: _child(big, xlsx_out, "xlsx"), repeats
        )
        little = _child(small, xlsx_out, "xlsx")
        csv_rate = median([_rate(run) for run in csv_runs])
        xlsx_rate = median([_rate(run) for run in xlsx_runs])
        peak = max(run["peak_mb"] for run in xlsx_runs)
        growth = peak - little["peak_mb"]
        case = f"export ballots {int(xlsx_runs[0]['rows']):,} rows as xlsx"
        rows_out += [
            Row(case, "csv export", csv_rate, "rows/s"),
            Row(case, "xlsx export", xlsx_rate, "rows/s"),
            *ratio_rows(
                case,
                "xlsx speed vs csv",
                [_rate(x) / _rate(c) for c, x in zip(csv_runs, xlsx_runs, strict=True)],
                ">= 0.5x",
                lambda ratio: ratio >= 0.5,
            ),
            Row(case, "xlsx peak RSS", peak, "MB"),
            Row(
                case,
                f"xlsx RSS growth vs {int(little['rows']):,} rows",
                growth,
                "MB",
                "<= 30 MB (flat)",
                growth <= 30,
            ),
        ]
    return rows_out
