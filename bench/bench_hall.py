"""Hall benchmark: 200 evaluators through `kaoping serve` at once -- stress runs with no think time, in
turn with the same 200 ballots sealed straight through the store API (min and median ratios), then a
hall-paced run (each person taps every 0.5-1.0 s) whose answer-save p95 is the number a person feels.

Why two kinds of run: 200 closed-loop clients with no think time keep 200 taps queued at every moment,
so by Little's law each tap waits for about 200 saves (p95 ~ 200 / throughput) however fast a save is;
that run measures throughput and the page's overhead. A real hall taps at a human pace, and there the save
latency is what the p95 target is about.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import tempfile
import time
from pathlib import Path

from bench.hall_clients import HallRun, hall, levels, p95, rss_megabytes, start_server, stop_server
from bench.report import Row, median, ratio_rows

EVALUATORS = 200
QUICK_EVALUATORS = 40
PACE = (0.5, 1.0)
"""Seconds a person takes before each tap (uniformly drawn): a fast, practised pace on a phone."""


def hall_pace(count: int) -> tuple[float, float]:
    """The think time that gives `count` clients the tap rate of a full hall at `PACE`: `--quick` keeps the
    server's load of 200 people (about 270 taps a second) with 40 clients, in a fifth of the time."""
    scale = count / EVALUATORS
    return (PACE[0] * scale, PACE[1] * scale)


def _prepared(data_dir: Path, count: int) -> list[str]:
    """The demo campaign with voting open and `count` fresh codes; the codes."""
    from store.api import open_store
    from store.demo import create_demo

    store = open_store(data_dir)
    create_demo(store, seed=2026)
    campaign = store.campaign()
    campaign.meeting.open_voting("bench")
    return campaign.codes.issue_codes("members", count)


def _store_api(data_dir: Path, count: int) -> float:
    """Seconds to fill and seal `count` ballots straight through the store API: the same answers, autosaved
    one at a time, then sealed."""
    from store.api import open_store

    campaign = open_store(data_dir).campaign()
    codes = campaign.codes.issue_codes("members", count)
    units = [unit.id for unit in campaign.roster.meeting_units()]
    started = time.perf_counter()
    for code in codes:
        for unit, level in zip(units, levels(len(units)), strict=True):
            campaign.ballots.save_answer(code, unit, "overall", level)
        campaign.ballots.seal_ballot(code, "review_ballot")
    return time.perf_counter() - started


def _checked(result: HallRun, count: int, name: str) -> HallRun:
    if result.errors or result.sealed != count:
        raise RuntimeError(f"{name} run failed: {result.sealed}/{count} sealed, errors {result.errors[:3]}")
    return result


ROUNDS = 3
"""Stress runs and store-API runs, in turn (A, B, A, B ...), each with fresh codes."""


def run(quick: bool) -> list[Row]:
    count = QUICK_EVALUATORS if quick else EVALUATORS
    with tempfile.TemporaryDirectory(prefix="kaoping-bench-hall-") as tmp:
        page_dir = Path(tmp) / "page"
        codes = _prepared(page_dir, (ROUNDS + 1) * count)
        api_dir = Path(tmp) / "api"
        shutil.copytree(page_dir, api_dir)
        served = start_server(page_dir)
        stresses: list[HallRun] = []
        directs: list[float] = []

        def stress(batch: list[str]) -> HallRun:
            return _checked(asyncio.run(hall(served.url, batch)), count, "stress")

        try:
            for number in range(ROUNDS):
                batch = codes[number * count : (number + 1) * count]
                if number % 2 == 0:  # each round starts one case further on: A B, B A, A B
                    directs.append(_store_api(api_dir, count))
                    stresses.append(stress(batch))
                else:
                    stresses.append(stress(batch))
                    directs.append(_store_api(api_dir, count))
            pace = hall_pace(count)
            paced = _checked(asyncio.run(hall(served.url, codes[ROUNDS * count :], pace)), count, "paced")
            rss = rss_megabytes(served.process.pid)
        finally:
            stop_server(served)
    stress_seconds = [stress.seconds for stress in stresses]
    answers = sum(len(stress.save_seconds) for stress in stresses)
    stress_p95 = p95([value for stress in stresses for value in stress.save_seconds]) * 1000
    paced_p95 = p95(paced.save_seconds) * 1000
    whole = median(stress_seconds)
    load = os.getloadavg()[0]
    name = f"{count} evaluators"
    pace_text = f"{pace[0]:g}-{pace[1]:g} s" + (" (the tap rate of 200 at 0.5-1 s)" if quick else "")
    return [
        Row("hall", f"{name}, store API straight (baseline, median of {ROUNDS})", median(directs), "s"),
        Row(
            "hall",
            f"{name} through serve, no think time, whole hall (median of {ROUNDS})",
            whole,
            "s",
            "< 60 s",
            whole < 60,
        ),
        *ratio_rows("hall", "serve / store API, no think time", stress_seconds, directs, 3.0),
        Row(
            "hall",
            f"answers saved per second, {count} clients, no think time",
            answers / sum(stress_seconds),
            "/s",
        ),
        Row("hall", f"answer save p95, {count} clients, no think time (Little's law)", stress_p95, "ms"),
        Row("hall", f"{name} tapping every {pace_text}, whole hall", paced.seconds, "s"),
        Row(
            "hall",
            f"answer save p95, {count} clients tapping every {pace_text}",
            paced_p95,
            "ms",
            "<= 50 ms",
            paced_p95 <= 50,
        ),
        Row("hall", "server RSS after every hall", rss, "MB", "< 200 MB", rss < 200),
        Row("hall", "load average (1 min) at the end, 2 cores", load, ""),
    ]
