"""Store benchmark, workload "city": 66 units, the review ballot (6 answers per unit), ballots sealed one by
one; autosave, seal and open against the stock TinyDB design (one document per answer in one file); the
same autosave and seal with a mirror on (every file written twice); the damage check runs in every seal."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

from bench.report import Row, median, percentile

ROOT = Path(__file__).resolve().parents[1]
ITEMS = ("overall", "political_leadership", "execution", "cohesion", "member_vanguard", "service")
UNITS = 66

if TYPE_CHECKING:
    from tinydb import TinyDB

    from store.api import CampaignStore


def _city_campaign(data_dir: Path, mirror: Path | None = None) -> CampaignStore:
    from store.api import Unit, open_store

    store = open_store(data_dir, mirror=mirror)
    campaign = store.create_campaign("2026年度基准测试", 2026, ["review_ballot"], demo=True)
    campaign.roster.import_units(
        [
            Unit(
                f"U{i:02d}",
                f"市直单位{i}",
                f"中共市直单位{i}机关委员会",
                "机关党委",
                None,
                "第一联络组",
                "",
                3,
                i,
            )
            for i in range(1, UNITS + 1)
        ]
    )
    campaign.meeting.open_voting("bench")
    return campaign


def _ballot(rng: random.Random) -> dict[str, dict[str, str]]:
    # Two units of 66 rated 好 at most 30%: a valid ballot; the rest 较好 or 一般.
    levels = ["fairly_good", "average"]
    answers = {}
    for i in range(1, UNITS + 1):
        level = "good" if i <= 10 else rng.choice(levels)
        answers[f"U{i:02d}"] = dict.fromkeys(ITEMS, level)
    return answers


def _fill(campaign: CampaignStore, codes: list[str], target: int, rng: random.Random) -> None:
    """Seal ballots with the codes issued before the meeting until `target` are stored."""
    while campaign.ballots.ballot_count() < target:
        campaign.ballots.seal_ballot(codes.pop(), "review_ballot", _ballot(rng))


def _autosave_samples(campaign: CampaignStore, code: str, rng: random.Random, answers: int) -> list[float]:
    ballot = _ballot(rng)
    samples: list[float] = []
    for unit_id, row in ballot.items():
        for item_id, value in row.items():
            start = time.perf_counter()
            campaign.ballots.save_answer(code, unit_id, item_id, value)
            samples.append(time.perf_counter() - start)
            if len(samples) >= answers:
                campaign.ballots.discard_draft(code)
                return samples
    campaign.ballots.discard_draft(code)
    return samples


def _seal_samples(campaign: CampaignStore, codes: list[str], rng: random.Random, count: int) -> list[float]:
    samples: list[float] = []
    for _ in range(count):
        code = codes.pop()
        ballot = _ballot(rng)
        start = time.perf_counter()
        campaign.ballots.seal_ballot(code, "review_ballot", ballot)
        samples.append(time.perf_counter() - start)
    return samples


_OPEN_SCRIPT = """
import json, resource, sys, time
start = time.perf_counter()
from store.api import open_store
campaign = open_store(sys.argv[1]).campaign()
count = campaign.ballots.ballot_count()
units = campaign.roster.meeting_units()
state = campaign.meeting.voting_state()
opened = time.perf_counter() - start
ballots = list(campaign.ballots.sealed_ballots())
read_all = time.perf_counter() - start
print(json.dumps({"open": opened, "read_all": read_all, "count": count, "ballots": len(ballots),
                  "maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
"""


def _open_in_subprocess(data_dir: Path, repeats: int) -> tuple[list[float], list[float], int]:
    opens, reads, rss = [], [], 0
    for _ in range(repeats):
        done = subprocess.run(
            [sys.executable, "-c", _OPEN_SCRIPT, str(data_dir)],
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
        )
        result = json.loads(done.stdout)
        opens.append(result["open"])
        reads.append(result["read_all"])
        rss = max(rss, int(result["maxrss_kb"]))
    return opens, reads, rss


# ---------------------------------------------------------------------- the stock TinyDB baseline


def _stock_db(path: Path, ballots: int, rng: random.Random) -> TinyDB:
    """Stock TinyDB (JSONStorage, default cache) with one document per answer in one file."""
    from tinydb import TinyDB

    docs = {}
    doc_id = 0
    for number in range(ballots):
        for unit_id, row in _ballot(rng).items():
            for item_id, value in row.items():
                doc_id += 1
                docs[str(doc_id)] = {
                    "ballot": number,
                    "unit": unit_id,
                    "item": item_id,
                    "value": value,
                    "sealed": True,
                }
    path.write_text(json.dumps({"answers": docs}), encoding="utf-8")
    return TinyDB(path)


def _stock_samples(
    path: Path, ballots: int, rng: random.Random, writes: int
) -> tuple[list[float], list[float]]:
    from tinydb import Query

    db = _stock_db(path, ballots, rng)
    table = db.table("answers")
    autosave: list[float] = []
    for index in range(writes):
        start = time.perf_counter()
        table.insert(
            {
                "ballot": "draft",
                "unit": f"U{index % UNITS + 1:02d}",
                "item": "overall",
                "value": "good",
                "sealed": False,
            }
        )
        autosave.append(time.perf_counter() - start)
    seal: list[float] = []
    for _ in range(max(1, writes // 2)):
        start = time.perf_counter()
        table.update({"sealed": True}, Query().ballot == "draft")
        seal.append(time.perf_counter() - start)
    db.close()
    return autosave, seal


# ---------------------------------------------------------------------- kill -9 loop


def _kill_loop(kills: int) -> tuple[int, int, int]:
    """Fork sealers and SIGKILL them at random moments; returns (kills, failed checks, ballots printed)."""
    from store.api import open_store
    from store.simulate import simulate_ballots

    rng = random.Random(9)
    failures = 0
    printed: list[str] = []
    with tempfile.TemporaryDirectory(prefix="kaoping-bench-kill-") as tmp:
        data_dir = Path(tmp) / "data"
        campaign = _city_campaign(data_dir)
        campaign.codes.issue_codes("members", 1)
        for kill in range(kills):
            read_end, write_end = os.pipe()
            pid = os.fork()
            if pid == 0:
                try:
                    os.close(read_end)
                    child = open_store(data_dir, lock_timeout=30).campaign()
                    for ballot_id in simulate_ballots(child, 10_000, random.Random(kill)):
                        os.write(write_end, (ballot_id + "\n").encode())
                finally:
                    os._exit(0)
            os.close(write_end)
            time.sleep(rng.uniform(0.0, 0.3))
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            chunks = []
            while chunk := os.read(read_end, 65536):
                chunks.append(chunk)
            os.close(read_end)
            printed.extend(b"".join(chunks).decode().split())
            reopened = open_store(data_dir).campaign()
            ids = [ballot.ballot_id for ballot in reopened.ballots.sealed_ballots()]
            if reopened.integrity.verify() or len(ids) != len(set(ids)) or not set(printed) <= set(ids):
                failures += 1
    return kills, failures, len(printed)


def _mirror_rows(big: int, seals: int, rng: random.Random) -> list[Row]:
    """Autosave and seal with a mirror beside the data (every store file written twice), at `big` sealed."""
    with tempfile.TemporaryDirectory(prefix="kaoping-bench-mirror-") as tmp:
        campaign = _city_campaign(Path(tmp) / "data", mirror=Path(tmp) / "mirror")
        codes = campaign.codes.issue_codes("members", big + seals + 10)
        drafting = campaign.codes.issue_codes("heads", 1)
        _fill(campaign, codes, big, rng)
        save = _autosave_samples(campaign, drafting[0], rng, 396)
        seal = _seal_samples(campaign, codes, rng, seals)
    ms = 1000.0
    case = f"city/{big}+mirror"
    save_p95, seal_p95 = percentile(save, 0.95) * ms, percentile(seal, 0.95) * ms
    return [
        Row(case, "autosave one answer p50", median(save) * ms, "ms"),
        Row(case, "autosave one answer p95", save_p95, "ms", "<= 5 ms", save_p95 <= 5),
        Row(case, "seal one ballot p50", median(seal) * ms, "ms"),
        Row(case, "seal one ballot p95", seal_p95, "ms", "<= 50 ms", seal_p95 <= 50),
    ]


def run(quick: bool) -> list[Row]:
    rng = random.Random(2026)
    rows: list[Row] = []
    big = 100 if quick else 500
    with tempfile.TemporaryDirectory(prefix="kaoping-bench-store-") as tmp:
        data_dir = Path(tmp) / "data"
        campaign = _city_campaign(data_dir)
        seals = 10 if quick else 30
        # Codes are printed before the meeting: all of them exist from the first ballot on.
        codes = campaign.codes.issue_codes("members", big + 2 * seals + 10)
        drafting = campaign.codes.issue_codes("heads", 2)
        _fill(campaign, codes, 10, rng)
        save_small = _autosave_samples(campaign, drafting[0], rng, 396)
        seal_small = _seal_samples(campaign, codes, rng, seals)
        _fill(campaign, codes, big, rng)
        save_big = _autosave_samples(campaign, drafting[1], rng, 396)
        seal_big = _seal_samples(campaign, codes, rng, seals)
        opens, reads, rss_kb = _open_in_subprocess(data_dir, 3 if quick else 7)
        stock_small = _stock_samples(Path(tmp) / "stock-small.json", 10, rng, 6)
        stock_big = _stock_samples(Path(tmp) / "stock-big.json", big, rng, 2 if quick else 4)

    ms = 1000.0
    save_p95_big = percentile(save_big, 0.95) * ms
    seal_p95_big = percentile(seal_big, 0.95) * ms
    save_ratio = median(save_big) / median(save_small)
    seal_ratio = median(seal_big) / median(seal_small)
    case = f"city/{big}"
    rows += [
        Row("city/10", "autosave one answer p50", median(save_small) * ms, "ms"),
        Row(
            "city/10",
            "autosave one answer p95",
            percentile(save_small, 0.95) * ms,
            "ms",
            "<= 5 ms",
            percentile(save_small, 0.95) * ms <= 5,
        ),
        Row(case, "autosave one answer p50", median(save_big) * ms, "ms"),
        Row(case, "autosave one answer p95", save_p95_big, "ms", "<= 5 ms", save_p95_big <= 5),
        Row(case, "autosave cost vs 10 sealed", save_ratio, "x", "<= 1.5x", save_ratio <= 1.5),
        Row("city/10", "seal one ballot p50", median(seal_small) * ms, "ms"),
        Row(case, "seal one ballot p50", median(seal_big) * ms, "ms"),
        Row(case, "seal one ballot p95", seal_p95_big, "ms", "<= 50 ms", seal_p95_big <= 50),
        Row(case, "seal cost vs 10 sealed", seal_ratio, "x", "<= 2x", seal_ratio <= 2),
        Row(
            case, "open store (subprocess)", median(opens) * ms, "ms", "<= 300 ms", median(opens) * ms <= 300
        ),
        Row(case, "open + read every ballot", median(reads) * ms, "ms"),
        Row(case, "peak memory (maxrss)", rss_kb / 1024, "MB", "<= 150 MB", rss_kb / 1024 <= 150),
        Row("stock/10", "autosave one answer p50", median(stock_small[0]) * ms, "ms"),
        Row(f"stock/{big}", "autosave one answer p50", median(stock_big[0]) * ms, "ms"),
        Row(f"stock/{big}", "seal (update) p50", median(stock_big[1]) * ms, "ms"),
        Row(
            case,
            "autosave vs stock",
            median(save_big) / median(stock_big[0]),
            "x",
            "< 1x",
            median(save_big) < median(stock_big[0]),
        ),
        Row(
            case,
            "seal vs stock",
            median(seal_big) / median(stock_big[1]),
            "x",
            "< 1x",
            median(seal_big) < median(stock_big[1]),
        ),
    ]
    rows += _mirror_rows(big, seals, rng)
    kills, failures, printed = _kill_loop(30 if quick else 150)
    rows += [
        Row(
            "crash",
            f"kill -9 of a sealer ({kills} kills, {printed} ids)",
            failures,
            "failed checks",
            "= 0",
            failures == 0,
        ),
    ]
    return rows
