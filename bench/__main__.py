"""Runs every benchmark case (or those named) and prints one table of medians: `python -m bench [NAME...]`."""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from collections.abc import Callable

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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("names", nargs="*", help="benchmarks to run (default: all)")
    parser.add_argument("--quick", action="store_true", help="fewer repetitions, for a smoke run")
    args = parser.parse_args(argv)
    cases = discover()
    unknown = [name for name in args.names if name not in cases]
    if unknown:
        print(f"unknown benchmark(s): {', '.join(unknown)}; known: {', '.join(cases)}", file=sys.stderr)
        return 2
    rows: list[Row] = []
    for name in args.names or list(cases):
        print(f"running {name} ...", file=sys.stderr, flush=True)
        rows.extend(cases[name](args.quick))
    print(format_table(rows))
    return 1 if any(row.ok is False for row in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
