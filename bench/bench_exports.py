"""Export and consolidation speed and memory, every comparison interleaved (A, B, A, B) in one run:
`export ballots` from a real store (memory flat from ~100k to ~2M rows) against a bare json + csv.writer
reading the same shard files, consolidation of 20 exports against DuckDB on the same files, last year's
stars carried from the demo campaign."""

from __future__ import annotations

import csv
import importlib.util
import json
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from bench.report import Row, median, peak_rss_mb
from exports.ballot_rows import BallotData
from forms.model import AnswerValue

ROOT = Path(__file__).resolve().parents[1]
UNITS = 66
LEVELS = ("good", "fairly_good", "average", "poor")
GROUPS = ("leaders", "heads", "members", "served")
ROWS_PER_BALLOT = UNITS * 6  # six ratings per unit; a comment now and then adds a few


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
    return peak_rss_mb()


def interleaved(
    first: Callable[[], dict[str, float]], second: Callable[[], dict[str, float]], repeats: int
) -> tuple[list[dict[str, float]], list[dict[str, float]]]:
    """`first` and `second` run in turn (A, B, A, B ...), so a load that comes and goes slows both alike."""
    runs_a: list[dict[str, float]] = []
    runs_b: list[dict[str, float]] = []
    for _ in range(repeats):
        runs_a.append(first())
        runs_b.append(second())
    return runs_a, runs_b


def ratio_rows(
    case: str, metric: str, ratios: list[float], target: str, meets: Callable[[float], bool]
) -> list[Row]:
    """The median of paired ratios, with its target and verdict, and the minimum beside it."""
    middle = median(ratios)
    return [
        Row(case, f"{metric} (median of {len(ratios)})", middle, "x", target, meets(middle)),
        Row(case, f"{metric} (min)", min(ratios), "x"),
    ]


def _rate(sample: dict[str, float]) -> float:
    return sample["rows"] / sample["seconds"]


# ---------------------------------------------------------------------- a real store to export from


def fill_store(data_dir: str, rows: int, seed: int) -> dict[str, float]:
    """A campaign of 66 units whose sealed ballots amount to about `rows` export rows, written through the
    store's own commit path (the seal's last step) in batches, then voting closed (runs in its own process).

    Sealing one at a time would cost minutes at 2M rows; the files are the same: ballot shards, ledger,
    closing digest over every ballot.
    """
    from forms.builtin import builtin_form
    from store.api import SealedBallot, Unit, ballot_hash, open_store
    from store.sealing import ballot_to_doc, new_ballot_id

    start = time.perf_counter()
    store = open_store(Path(data_dir))
    campaign = store.create_campaign("2026年度基准测试考核", 2026, ["review_ballot"])
    campaign.roster.import_units(
        [
            Unit(
                unit_id, name, f"中共{name}委员会", "机关党委", group=f"第{index % 3 + 1}联络组", order=index
            )
            for index, (unit_id, name) in enumerate(_unit_names().items())
        ]
    )
    campaign.meeting.open_voting("bench")
    form = builtin_form("review_ballot")
    batch: list[dict[str, object]] = []
    count = rows // ROWS_PER_BALLOT + 1
    for number, data in enumerate(_synthetic_ballots(count, seed)):
        ballot = SealedBallot(
            ballot_id=new_ballot_id(),
            terminal_id=campaign.store.terminal_id(),
            form_id=form.id,
            form_version=form.version,
            rater_group=data.rater_group,
            day="2026-12-20",
            answers={unit: dict(row) for unit, row in data.answers.items()},
            valid=True,
            invalid_reasons=(),
            content_hash="",
        )
        ballot = SealedBallot(**{**ballot.__dict__, "content_hash": ballot_hash(ballot)})
        batch.append(ballot_to_doc(ballot))
        if len(batch) == 2500 or number == count - 1:
            with campaign.files.op():
                campaign.files.commit({"ballots": batch, "source": "paper"})
            batch = []
    campaign.meeting.close_voting("bench")
    return {"seconds": time.perf_counter() - start, "ballots": count}


def child_store_export(data_dir: str, out: str) -> dict[str, float]:
    """`kaoping export ballots` of the store's campaign, as a user runs it (runs in its own process)."""
    import contextlib
    import io

    from tui.cli import main

    sys.argv = ["kaoping", "--data", data_dir, "export", "ballots", "-o", out]
    start = time.perf_counter()
    with contextlib.redirect_stderr(io.StringIO()), contextlib.redirect_stdout(io.StringIO()):
        try:
            main()
        except SystemExit as done:
            if done.code:
                raise
    seconds = time.perf_counter() - start
    from exports.manifest import read_manifest

    return {"seconds": seconds, "rows": read_manifest(Path(out)).rows, "peak_mb": _peak_mb()}


def child_bare_store_export(data_dir: str, out: str) -> dict[str, float]:
    """The yardstick: the same shard files read with json.load and written by a bare csv.writer (labels,
    points and names from plain dicts; no guard, no hash, no manifest, no lock)."""
    from forms.builtin import builtin_form

    form = builtin_form("review_ballot")
    names = _unit_names()
    items = [(item.id, item.label.zh, item.type) for item in form.items()]
    scale = form.scale("rating4")
    assert scale is not None
    labels = {level.code: (level.label.zh, level.points) for level in scale.levels}
    count = 0
    start = time.perf_counter()
    shards = sorted(Path(data_dir).glob("campaigns/*/ballots/*.json"))
    with open(out, "w", encoding="utf-8", newline="") as target:
        writer = csv.writer(target)
        writer.writerow(["h"] * 15)
        for shard in shards:
            with open(shard, encoding="utf-8") as source:
                docs = json.load(source).get("ballots", {})
            for ballot in docs.values():
                head = (
                    "2026-bench",
                    ballot["form_id"],
                    ballot["form_version"],
                    ballot["terminal_id"],
                    ballot["ballot_id"],
                    ballot["day"],
                    ballot["rater_group"],
                )
                for unit_id, answers in ballot["answers"].items():
                    for item_id, item_label, item_type in items:
                        value = answers.get(item_id)
                        if value is None:
                            continue
                        label: str = ""
                        points: object = ""
                        if item_type == "rating" and isinstance(value, str):
                            label, points = labels[value]
                        writer.writerow(
                            (*head, unit_id, names[unit_id], item_id, item_label, value, label, points, 1)
                        )
                        count += 1
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "rows": count, "peak_mb": _peak_mb()}


# ---------------------------------------------------------------------- consolidation


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


def child_duckdb(paths: list[str], threads: int) -> dict[str, float]:
    """The yardstick: DuckDB reads the same CSVs, dedupes the rows of repeated ballot ids and counts the
    answers per unit, item, level and rater group (runs in its own process)."""
    import duckdb

    from exports.manifest import read_manifest

    rows = sum(read_manifest(Path(path)).rows for path in paths)  # the rate's numerator, as for kaoping
    start = time.perf_counter()
    connection = duckdb.connect()
    connection.execute(f"SET threads TO {int(threads)}")
    connection.execute("SET enable_progress_bar = false")
    files = "[" + ", ".join("'" + path.replace("'", "''") + "'" for path in paths) + "]"
    counted = connection.execute(
        f"""
        SELECT unit_id, item_id, answer, rater_group, count(*) AS answers
        FROM (
            SELECT DISTINCT ballot_id, unit_id, item_id, answer, rater_group
            FROM read_csv({files}, header = true, all_varchar = true)
            WHERE item_id <> 'comment'
        )
        GROUP BY ALL
        """
    ).fetchall()
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "rows": rows, "peak_mb": _peak_mb(), "groups": len(counted)}


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
    from exports.official import finalize
    from exports.results import campaign_results
    from store.api import open_store
    from store.demo import create_demo
    from store.simulate import simulate_ballots

    store = open_store(Path(folder) / "carry")
    campaign = store.campaign(create_demo(store, seed=2026).campaign_id)
    for _ in simulate_ballots(campaign, 30, random.Random(5)):
        pass  # a meeting's worth of ballots, so the organizations have stars too
    campaign.meeting.close_voting("bench")
    finalize(campaign, "bench")  # last year's stars come from a finalised year only (公布)
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


def _store_export_rows(folder: str, quick: bool) -> list[Row]:
    """Memory of `export ballots` from a real store at ~100k and ~2M rows, and its speed against the bare
    yardstick on the same files: small, big and bare runs interleaved."""
    small, big = (20_000, 200_000) if quick else (100_000, 2_000_000)
    repeats = 2 if quick else 3
    small_dir, big_dir = str(Path(folder) / "store-small"), str(Path(folder) / "store-big")
    _in_child("fill_store", small_dir, small, 1)
    filled = _in_child("fill_store", big_dir, big, 2)
    out = str(Path(folder) / "ballots.csv")
    runs_small: list[dict[str, float]] = []
    runs_big: list[dict[str, float]] = []
    runs_bare: list[dict[str, float]] = []
    for _ in range(repeats):
        runs_small.append(_in_child("child_store_export", small_dir, out))
        runs_big.append(_in_child("child_store_export", big_dir, out))
        runs_bare.append(_in_child("child_bare_store_export", big_dir, out))
    case = f"export ballots from a store, {int(runs_small[0]['rows']):,} vs {int(runs_big[0]['rows']):,} rows"
    rows = [
        Row(case, f"filling the big store ({int(filled['ballots']):,} ballots)", filled["seconds"], "s"),
        Row(case, "peak RSS, small store", median([run["peak_mb"] for run in runs_small]), "MB"),
        Row(case, "peak RSS, big store", median([run["peak_mb"] for run in runs_big]), "MB"),
        *ratio_rows(
            case,
            "peak RSS big / small",
            [b["peak_mb"] / a["peak_mb"] for a, b in zip(runs_small, runs_big, strict=True)],
            "<= 1.2x (flat)",
            lambda ratio: ratio <= 1.2,
        ),
        Row(case, "bare json + csv.writer, big store", median([_rate(run) for run in runs_bare]), "rows/s"),
        Row(case, "kaoping export, big store", median([_rate(run) for run in runs_big]), "rows/s"),
        *ratio_rows(
            case,
            "speed vs bare json + csv.writer",
            [_rate(ours) / _rate(bare) for ours, bare in zip(runs_big, runs_bare, strict=True)],
            ">= 0.7x",
            lambda ratio: ratio >= 0.7,
        ),
    ]
    return rows


def _consolidate_rows(folder: str, quick: bool) -> list[Row]:
    """Consolidation of 20 exports (1.78M rows) against DuckDB on the same files, interleaved."""
    per_file = 5_000 if quick else 89_000
    repeats = 2 if quick else 3
    case = "consolidate 20 files"
    if importlib.util.find_spec("duckdb") is None:
        return [Row(case, "DuckDB, the yardstick: pip install -e '.[bench]'", 0, "", "installed", False)]
    paths = make_files(folder, 20, per_file)
    out = str(Path(folder) / "summary.csv")
    threads = 1  # kaoping consolidates on one core: DuckDB gets one too (2 shared cores measure the load)
    ours, duck = interleaved(
        lambda: _in_child("child_consolidate", paths, out),
        lambda: _in_child("child_duckdb", paths, threads),
        repeats,
    )
    case = f"consolidate 20 files, {int(ours[0]['rows']):,} rows"
    return [
        Row(
            case,
            f"DuckDB ({threads} thread) read, dedupe, count",
            median([_rate(run) for run in duck]),
            "rows/s",
        ),
        Row(case, "kaoping consolidate", median([_rate(run) for run in ours]), "rows/s"),
        *ratio_rows(
            case,
            "speed vs DuckDB",
            [_rate(a) / _rate(b) for a, b in zip(ours, duck, strict=True)],
            ">= 0.5x",
            lambda ratio: ratio >= 0.5,
        ),
        Row(
            case,
            "peak RSS",
            max(run["peak_mb"] for run in ours),
            "MB",
            "<= 200 MB",
            max(run["peak_mb"] for run in ours) <= 200,
        ),
        Row(case, "DuckDB peak RSS", max(run["peak_mb"] for run in duck), "MB"),
    ]


def run(quick: bool) -> list[Row]:
    """Export from a real store (memory flat, speed vs bare), 20-file consolidation vs DuckDB, results and
    last year's stars; every pair interleaved."""
    repeats = 3
    rows_out: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="kaoping-bench-") as folder:
        rows_out += _store_export_rows(folder, quick)
        samples = results_seconds(100 if quick else 500, repeats)
        took = median(samples) * 1000
        case = f"results of 66 units x {100 if quick else 500} ballots"
        rows_out.append(Row(case, "compute_results", took, "ms", "<= 1000 ms", took <= 1000))
        rows_out += _consolidate_rows(folder, quick)
        carried, results_only, count = carry_over_seconds(folder, repeats)
        case = f"last year's stars of the demo ({count} units with a star)"
        took = median(carried) * 1000
        rows_out += [
            Row(case, "campaign_results alone", median(results_only) * 1000, "ms"),
            Row(case, "previous_stars", took, "ms", "<= 2000 ms", took <= 2000),
            *ratio_rows(
                case,
                "previous_stars vs results alone",
                [ours / base for ours, base in zip(carried, results_only, strict=True)],
                "<= 3x",
                lambda ratio: ratio <= 3,
            ),
        ]
    return rows_out
