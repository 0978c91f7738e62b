"""Export and consolidation speed and memory: ballot export vs a bare csv.writer, 20-file consolidation,
last year's stars carried from the demo campaign."""

from __future__ import annotations

import csv
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from bench.report import Row, median
from exports.ballot_rows import BallotData
from forms.model import AnswerValue

ROOT = Path(__file__).resolve().parents[1]
UNITS = 66
LEVELS = ("good", "fairly_good", "average", "poor")
GROUPS = ("leaders", "heads", "members", "served")


def _synthetic_ballots(count: int, seed: int, id_offset: int = 0) -> Iterator[BallotData]:
    """Review-meeting ballots generated one at a time (66 units x 6 ratings, a comment now and then)."""
    from forms.builtin import builtin_form

    form = builtin_form("review_ballot")
    ratings = [item.id for item in form.items() if item.type == "rating"]
    rng = random.Random(seed)
    units = [f"U{index:02d}" for index in range(1, UNITS + 1)]
    for number in range(count):
        answers: dict[str, dict[str, AnswerValue]] = {}
        good_left = int(0.3 * UNITS)
        for unit in units:
            row: dict[str, AnswerValue] = {}
            for item_id in ratings:
                level = rng.choice(LEVELS)
                if item_id == "overall" and level == "good":
                    if good_left == 0:
                        level = "fairly_good"
                    good_left -= 1
                row[item_id] = level
            if rng.random() < 0.05:
                row["comment"] = '工作扎实，"亮点"突出,\n=建议加强台账'
            answers[unit] = row
        yield BallotData(
            ballot_id=f"{id_offset + number:015x}",
            terminal_id="bench-terminal",
            form_id=form.id,
            form_version=form.version,
            rater_group=GROUPS[number % len(GROUPS)],
            day="2026-12-20",
            answers=answers,
            valid=True,
        )


def _unit_names() -> dict[str, str]:
    return {f"U{index:02d}": f"市直单位{index}号" for index in range(1, UNITS + 1)}


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def child_export(rows: int, out: str) -> dict[str, float]:
    """Streams the export of ballots totalling at least `rows` rows (runs in its own process)."""
    from exports.ballot_rows import ballot_rows
    from exports.csvio import write_csv
    from forms.builtin import builtin_form
    from forms.rules import default_rules

    form = builtin_form("review_ballot")
    ballots = rows // (UNITS * 6) + 1
    names = _unit_names()
    start = time.perf_counter()
    produced = ballot_rows(
        "2026-bench",
        {form.id: form},
        names,
        list(names),
        _synthetic_ballots(ballots, 1),
        default_rules(),
    )
    written = write_csv(Path(out), [["h"] * 15], produced, excel_safe=True)
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "rows": written.rows, "peak_mb": _peak_mb()}


def child_baseline(rows: int, out: str) -> dict[str, float]:
    """The same rows built the plain way and written by a bare csv.writer (no guard, no hash, no BOM)."""
    from forms.builtin import builtin_form

    form = builtin_form("review_ballot")
    ballots = rows // (UNITS * 6) + 1
    names = _unit_names()
    items = [(item.id, item.label.zh, item.type) for item in form.items()]
    scale = form.scale("rating4")
    assert scale is not None
    labels = {level.code: (level.label.zh, level.points) for level in scale.levels}
    count = 0
    start = time.perf_counter()
    with open(out, "w", encoding="utf-8", newline="") as target:
        writer = csv.writer(target)
        writer.writerow(["h"] * 15)
        for ballot in _synthetic_ballots(ballots, 1):
            for unit_id, answers in ballot.answers.items():
                for item_id, item_label, item_type in items:
                    value = answers.get(item_id)
                    if value is None:
                        continue
                    label: str = ""
                    points: object = ""
                    if item_type == "rating" and isinstance(value, str):
                        label, points = labels[value]
                    writer.writerow(
                        (
                            "2026-bench",
                            ballot.form_id,
                            ballot.form_version,
                            ballot.terminal_id,
                            ballot.ballot_id,
                            ballot.day,
                            ballot.rater_group,
                            unit_id,
                            names[unit_id],
                            item_id,
                            item_label,
                            value,
                            label,
                            points,
                            1,
                        )
                    )
                    count += 1
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "rows": count, "peak_mb": _peak_mb()}


def make_files(folder: str, files: int, rows_per_file: int) -> list[str]:
    """`files` ballot exports (with manifests) of one campaign, about `rows_per_file` rows each."""
    from exports.ballot_rows import BALLOT_COLUMNS, ballot_rows
    from exports.csvio import write_csv
    from exports.manifest import Manifest, write_manifest
    from forms.builtin import builtin_form
    from forms.rules import default_rules

    form = builtin_form("review_ballot")
    names = _unit_names()
    per_file = max(1, rows_per_file // (UNITS * 6))
    paths: list[str] = []
    for index in range(files):
        path = Path(folder) / f"room{index + 1}.csv"
        ballots = _synthetic_ballots(per_file, 100 + index, id_offset=index * per_file)
        produced = ballot_rows("2026-bench", {form.id: form}, names, list(names), ballots, default_rules())
        written = write_csv(path, [list(BALLOT_COLUMNS)], produced, excel_safe=True)
        write_manifest(
            path,
            Manifest(
                kind="ballots",
                campaign_id="2026-bench",
                campaign_name="基准测试",
                rows=written.rows,
                sha256=written.sha256,
                excel_safe=True,
                columns=BALLOT_COLUMNS,
                forms=(f"{form.id}@{form.version}",),
            ),
        )
        paths.append(str(path))
    return paths


def child_consolidate(paths: list[str], out: str) -> dict[str, float]:
    """Reads, checks, dedupes and counts the files and writes the summary (runs in its own process)."""
    from exports.consolidate import read_exports, results_of, write_summary

    start = time.perf_counter()
    ballots = read_exports([Path(path) for path in paths], None)
    results = results_of(ballots, None, None)
    write_summary(results, Path(out), text=lambda key, **params: key)
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "rows": ballots.rows, "peak_mb": _peak_mb(), "units": len(results.units)}


def results_seconds(ballots: int, repeats: int) -> list[float]:
    """Times of `compute_results` over `ballots` ballots about 66 units (what results screens wait for)."""
    from exports.compute import BallotRecord, ResultSources, UnitInfo, compute_results
    from forms.builtin import builtin_form
    from forms.rules import default_rules

    records = [
        BallotRecord(ballot.ballot_id, ballot.rater_group, ballot.answers)
        for ballot in _synthetic_ballots(ballots, 5)
    ]
    sources = ResultSources(
        campaign_id="2026-bench",
        campaign_name="基准测试",
        rules=default_rules(),
        ballot_form=builtin_form("review_ballot"),
        units=[UnitInfo(unit_id, name, "第一联络组", 3) for unit_id, name in _unit_names().items()],
        ballots=records,
    )
    times: list[float] = []
    for _ in range(repeats):
        start = time.perf_counter()
        compute_results(sources)
        times.append(time.perf_counter() - start)
    return times


def carry_over_seconds(folder: str, repeats: int) -> tuple[list[float], list[float], int]:
    """Times of reading last year's stars from the demo campaign (66 organizations, ~700 branches, every
    branch's star form, 30 sealed ballots) against `campaign_results` alone, which the organizations' stars
    need anyway."""
    from exports.carryover import previous_stars
    from exports.results import campaign_results
    from store.api import open_store
    from store.demo import create_demo
    from store.simulate import simulate_ballots

    store = open_store(Path(folder) / "carry")
    campaign = store.campaign(create_demo(store, seed=2026).campaign_id)
    for _ in simulate_ballots(campaign, 30, random.Random(5)):
        pass  # a meeting's worth of ballots, so the organizations have stars too
    campaign.meeting.close_voting("bench")
    stars = previous_stars(campaign)
    ours: list[float] = []
    base: list[float] = []
    for _ in range(repeats):
        start = time.perf_counter()
        campaign_results(campaign)
        base.append(time.perf_counter() - start)
        start = time.perf_counter()
        previous_stars(campaign)
        ours.append(time.perf_counter() - start)
    return ours, base, len(stars.by_id)


def _in_child(function: str, *args: object) -> dict[str, float]:
    script = (
        "import json, sys\n"
        "from bench import bench_exports as b\n"
        f"print(json.dumps(b.{function}(*json.loads(sys.argv[1]))))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, json.dumps(list(args))],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def run(quick: bool) -> list[Row]:
    """Export of 1,000,000 ballot rows vs a bare csv.writer, memory flat; 20 x 50,000-row consolidation."""
    big = 100_000 if quick else 1_000_000
    small = big // 10
    repeats = 3
    per_file = 5_000 if quick else 50_000
    rows_out: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="kaoping-bench-") as folder:
        out = str(Path(folder) / "out.csv")
        ours = [_in_child("child_export", big, out) for _ in range(repeats)]
        bare = [_in_child("child_baseline", big, out) for _ in range(repeats)]
        little = _in_child("child_export", small, out)
        our_rate = median([sample["rows"] / sample["seconds"] for sample in ours])
        bare_rate = median([sample["rows"] / sample["seconds"] for sample in bare])
        ratio = our_rate / bare_rate
        growth = max(sample["peak_mb"] for sample in ours) - little["peak_mb"]
        case = f"export ballots {int(ours[0]['rows']):,} rows"
        rows_out += [
            Row(case, "bare csv.writer", bare_rate, "rows/s"),
            Row(case, "kaoping export", our_rate, "rows/s"),
            Row(case, "speed vs bare csv.writer", ratio, "x", ">= 0.7x", ratio >= 0.7),
            Row(case, "peak RSS", max(sample["peak_mb"] for sample in ours), "MB"),
            Row(
                case,
                f"RSS growth vs {int(little['rows']):,} rows",
                growth,
                "MB",
                "<= 20 MB (flat)",
                growth <= 20,
            ),
        ]
        samples = results_seconds(100 if quick else 500, repeats)
        took = median(samples) * 1000
        case = f"results of 66 units x {100 if quick else 500} ballots"
        rows_out.append(Row(case, "compute_results", took, "ms", "<= 1000 ms", took <= 1000))
        paths = make_files(folder, 20, per_file)
        merged = [_in_child("child_consolidate", paths, out) for _ in range(repeats)]
        rate = median([sample["rows"] / sample["seconds"] for sample in merged])
        peak = max(sample["peak_mb"] for sample in merged)
        case = f"consolidate 20 files x {per_file:,} rows"
        rows_out += [
            Row(case, "rows read, checked, counted", rate, "rows/s", ">= 150,000 rows/s", rate >= 150_000),
            Row(case, "peak RSS", peak, "MB", "<= 200 MB", peak <= 200),
        ]
        carried, results_only, count = carry_over_seconds(folder, repeats)
        took = median(carried) * 1000
        ratio = median(carried) / median(results_only)
        case = f"last year's stars of the demo ({count} units with a star)"
        rows_out += [
            Row(case, "campaign_results alone", median(results_only) * 1000, "ms"),
            Row(case, "previous_stars", took, "ms", "<= 2000 ms", took <= 2000),
            Row(case, "previous_stars vs results alone", ratio, "x", "<= 3x", ratio <= 3),
        ]
    return rows_out
