"""Runs every benchmark case (or those named), each in a fresh interpreter, and prints one table of medians:
`python -m bench [NAME...]`."""

from __future__ import annotations

import argparse
import dataclasses
import importlib
import json
import pkgutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import bench
from bench.report import Row, format_table


def discover() -> dict[str, Callable[[bool], list[Row]]]:
    """Every `bench/bench_*.py` module's `run(quick)` function, by short name."""
    found: dict[str, Callable[[bool], list[Row]]] = {}
    for module in pkgutil.iter_modules(bench.__path__):
        if module.name.startswith("bench_"):
            loaded = importlib.import_module(f"bench.{module.name}")
            found[module.name.removeprefix("bench_")] = loaded.run
    return dict(sorted(found.items()))


def run_in_child(name: str, quick: bool) -> list[Row]:
    """One benchmark in a fresh interpreter: what an earlier case left in memory (caches, a million
    ballots for the garbage collector to walk) must not slow the next one down."""
    with tempfile.TemporaryDirectory(prefix="kaoping-bench-") as folder:
        out = Path(folder) / "rows.json"
        command = [
            sys.executable,
            "-m",
            "bench",
            "--rows-to",
            str(out),
            name,
            *(["--quick"] if quick else []),
        ]
        done = subprocess.run(command, check=False)
        if done.returncode not in (0, 1) or not out.exists():
            raise SystemExit(f"benchmark {name} failed (exit {done.returncode})")
        return [Row(**fields) for fields in json.loads(out.read_text(encoding="utf-8"))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("names", nargs="*", help="benchmarks to run (default: all)")
    parser.add_argument("--quick", action="store_true", help="fewer repetitions, for a smoke run")
    parser.add_argument("--rows-to", type=Path, help=argparse.SUPPRESS)  # a child's rows, as JSON
    args = parser.parse_args(argv)
    cases = discover()
    unknown = [name for name in args.names if name not in cases]
    if unknown:
        print(f"unknown benchmark(s): {', '.join(unknown)}; known: {', '.join(cases)}", file=sys.stderr)
        return 2
    rows: list[Row] = []
    if args.rows_to is not None:  # a child: run the named cases here and hand the rows back
        for name in args.names:
            rows.extend(cases[name](args.quick))
        args.rows_to.write_text(json.dumps([dataclasses.asdict(row) for row in rows]), encoding="utf-8")
        return 0
    for name in args.names or list(cases):
        print(f"running {name} ...", file=sys.stderr, flush=True)
        rows.extend(run_in_child(name, args.quick))
    print(format_table(rows))
    return 1 if any(row.ok is False for row in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
