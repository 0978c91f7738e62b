"""Opening results: a fresh process, start to what the results screen shows, 66 x 100 and 300 x 2,000;
and the tally pass alone, counted vs ballot by ballot."""

from __future__ import annotations

import json
import random
import subprocess
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

from bench.report import Row, median

ROOT = Path(__file__).resolve().parents[1]
LEVELS = ("good", "fairly_good", "average", "poor")
TARGET_SECONDS = 1.0
TALLY_SPEEDUP = 3.0
"""The counting pass (`tally_ballots`) against the ballot-by-ballot definition (`tally_each_ballot`)."""
BATCH = 250  # ballots per import: one commit each, so building 2,000 ballots takes seconds, not minutes


def build_store(data_dir: Path, units: int, ballots: int, seed: int = 12) -> None:
    """A real, closed campaign of `units` meeting units and `ballots` sealed review ballots (every unit
    rated overall and on the five dimensions; at most 30% 好), written through the store's own import
    commit in batches. Generation time is not what is measured."""
    from forms.scoring import check_ballot
    from store.api import Unit, open_store
    from store.records import AnswerValue, SealedBallot
    from store.sealing import ballot_hash, new_ballot_id

    rng = random.Random(seed)
    store = open_store(data_dir)
    campaign = store.create_campaign(
        "基准测评：结果打开速度", 2026, ["review_ballot", "brand_vote", "supervision_visit", "star_branch"]
    )
    roster = [
        Unit(
            f"U{n:03d}",
            f"第{n}单位机关党委",
            f"中共第{n}单位机关党委",
            "机关党委",
            None,
            f"第{n % 3 + 1}联络组",
            last_star=n % 5 + 1,
            order=n,
        )
        for n in range(1, units + 1)
    ]
    campaign.roster.import_units(roster)
    form = campaign.form("review_ballot")
    dimensions = [item.id for item in form.items() if item.type == "rating" and item.id != form.score_item]
    groups = list(campaign.info.rater_groups)
    campaign.meeting.open_voting("bench")
    good = int(0.3 * units)
    batch: list[SealedBallot] = []
    for _ in range(ballots):
        answers: dict[str, dict[str, AnswerValue]] = {}
        for index, unit in enumerate(roster):
            row: dict[str, AnswerValue] = {
                "overall": "good" if index < good and rng.random() < 0.7 else rng.choice(LEVELS[1:])
            }
            row.update({dimension: rng.choice(LEVELS) for dimension in dimensions})
            answers[unit.id] = row
        valid = check_ballot(form, answers).valid
        group = rng.choice(groups)
        ballot = SealedBallot(
            new_ballot_id(), "T1", form.id, form.version, group, "2026-12-01", answers, valid, (), ""
        )
        batch.append(replace(ballot, content_hash=ballot_hash(ballot)))
        if len(batch) == BATCH:
            campaign.ballots.import_sealed_ballots(batch)
            batch = []
    if batch:
        campaign.ballots.import_sealed_ballots(batch)
    campaign.meeting.close_voting("bench")


CHILD = """
import time
start = time.perf_counter()
import json, sys
from store.api import open_store
from tui.results.loading import load_results
found = load_results(open_store(sys.argv[1]).campaign())
assert found.organizations is not None and not found.problem, found.problem
print(json.dumps({"seconds": time.perf_counter() - start, "units": len(found.organizations.units)}))
"""


def open_seconds(data_dir: Path) -> float:
    """A fresh process: start, import, open the store, compute what the results screen shows."""
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(data_dir)], cwd=ROOT, capture_output=True, text=True, check=True
    )
    measured: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return measured["seconds"]


def forget_tallies(data_dir: Path) -> None:
    """Drop the kept tallies, as after a change of the ballots: the next open computes them again."""
    from store.ballot_snapshot import KEPT_TALLIES

    for path in (data_dir / "campaigns").glob(f"*/{KEPT_TALLIES}"):
        path.unlink()


def tally_seconds(data_dir: Path, repeats: int) -> tuple[list[float], list[float]]:
    """The tally pass over a store's review ballots, ballot by ballot and counted, interleaved (A, B, A,
    B ...) in this process; the ballots are read once, before any timing."""
    import time

    from exports.results import ballot_form_of, unit_infos
    from exports.tallies import BallotRecord, tally_ballots, tally_each_ballot
    from store.api import open_store
    from store.ballot_snapshot import ballot_snapshot

    campaign = open_store(data_dir).campaign()
    form = ballot_form_of(campaign)
    rules = campaign.rules()
    units = unit_infos(campaign.roster.meeting_units())
    ballots = [
        BallotRecord(ballot.ballot_id, ballot.rater_group, ballot.answers)
        for ballot in ballot_snapshot(campaign.files).ballots(form.id)
    ]
    each: list[float] = []
    counted: list[float] = []
    for _ in range(repeats):
        for tally, samples in ((tally_each_ballot, each), (tally_ballots, counted)):
            start = time.perf_counter()
            tally(form, rules, units, ballots)
            samples.append(time.perf_counter() - start)
    return each, counted


def run(quick: bool) -> list[Row]:
    """Results open at 66 x 100 and 300 x 2,000 (300 x 400 with --quick), interleaved, fresh processes."""
    big_ballots = 400 if quick else 2000
    repeats = 3 if quick else 7
    cases = {"small": (66, 100), "big": (300, big_ballots)}
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="kaoping-bench-results-") as folder:
        dirs = {name: Path(folder) / name for name in cases}
        for name, (units, ballots) in cases.items():
            build_store(dirs[name], units, ballots)
        cold: dict[str, list[float]] = {name: [] for name in cases}
        warm: dict[str, list[float]] = {name: [] for name in cases}
        for round_number in range(repeats):
            for name in cases:  # A, B, A, B ...: load on the machine falls on both alike
                if round_number < 2:
                    forget_tallies(dirs[name])
                    cold[name].append(open_seconds(dirs[name]))
                warm[name].append(open_seconds(dirs[name]))
        each, counted = tally_seconds(dirs["big"], repeats)
    for name, (units, ballots) in cases.items():
        case = f"results open, {units} units x {ballots:,} ballots"
        rows.append(Row(case, "first open after a change (min)", min(cold[name]), "s"))
        rows.append(Row(case, "open (min)", min(warm[name]), "s"))
        took = median(warm[name])
        big = name == "big"
        rows.append(
            Row(
                case,
                "open (median)",
                took,
                "s",
                f"<= {TARGET_SECONDS:g} s" if big and not quick else "",
                took <= TARGET_SECONDS if big and not quick else None,
            )
        )
    ratio_median = median(warm["big"]) / median(warm["small"])
    ratio_min = min(warm["big"]) / min(warm["small"])
    case = f"results open, 300 x {big_ballots:,} vs 66 x 100"
    rows.append(Row(case, "ratio of medians", ratio_median, "x"))
    rows.append(Row(case, "ratio of mins", ratio_min, "x"))
    case = f"tally pass, 300 units x {big_ballots:,} ballots"
    rows.append(Row(case, "ballot by ballot (min)", min(each), "s"))
    rows.append(Row(case, "counted (min)", min(counted), "s"))
    rows.append(Row(case, "speed-up (ratio of mins)", min(each) / min(counted), "x"))
    speedup = median(each) / median(counted)
    target = f">= {TALLY_SPEEDUP:g}x"
    rows.append(Row(case, "speed-up (ratio of medians)", speedup, "x", target, speedup >= TALLY_SPEEDUP))
    return rows
