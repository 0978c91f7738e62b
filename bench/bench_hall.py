"""Hall benchmark: 200 scripted evaluators (no think time) through `kaoping serve` at once, beside the
same 200 ballots sealed straight through the store API in the same run; answer-save p95, server RSS."""

from __future__ import annotations

import asyncio
import shutil
import tempfile
import time
from pathlib import Path

from bench.hall_clients import hall, levels, p95, rss_megabytes, start_server, stop_server
from bench.report import Row

EVALUATORS = 200


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


def run(quick: bool) -> list[Row]:
    count = 40 if quick else EVALUATORS
    with tempfile.TemporaryDirectory(prefix="kaoping-bench-hall-") as tmp:
        page_dir = Path(tmp) / "page"
        codes = _prepared(page_dir, count)
        api_dir = Path(tmp) / "api"
        shutil.copytree(page_dir, api_dir)
        direct = _store_api(api_dir, count)
        served = start_server(page_dir)
        try:
            result = asyncio.run(hall(served.url, codes))
            rss = rss_megabytes(served.process.pid)
        finally:
            stop_server(served)
    if result.errors or result.sealed != count:
        raise RuntimeError(f"hall run failed: {result.sealed}/{count} sealed, errors {result.errors[:3]}")
    ratio = result.seconds / direct
    save_p95 = p95(result.save_seconds) * 1000
    name = f"{count} evaluators"
    return [
        Row("hall", f"{name}, store API straight (baseline)", direct, "s"),
        Row("hall", f"{name} through serve, whole hall", result.seconds, "s", "< 60 s", result.seconds < 60),
        Row("hall", "serve / store API", ratio, "x", "<= 3x", ratio <= 3.0),
        Row("hall", f"answer save p95, {count} clients", save_p95, "ms", "<= 50 ms", save_p95 <= 50),
        Row("hall", "server RSS after the hall", rss, "MB", "< 200 MB", rss < 200),
    ]
