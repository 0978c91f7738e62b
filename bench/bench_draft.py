"""Autosave and seal at 1,000 units: an answer costs the same in an empty draft and in a full one.

Interleaved A, B, A, B in one run (the load of the machine hits both alike); min and median ratios.
"""

from __future__ import annotations

import random
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

from bench.report import Row, median, percentile

if TYPE_CHECKING:
    from store.api import CampaignStore

UNITS = 1000
ITEMS = ("overall", "political_leadership", "execution", "cohesion", "member_vanguard", "service")


def _campaign(data_dir: Path) -> CampaignStore:
    from store.api import Unit, open_store

    campaign = open_store(data_dir).create_campaign("千单位基准", 2026, ["review_ballot"])
    units = [
        Unit(f"U{i:04d}", f"市直单位{i}", "", "机关党委", None, "第一联络组", "", 3, i)
        for i in range(1, UNITS + 1)
    ]
    campaign.roster.import_units(units)
    campaign.meeting.open_voting("bench")
    return campaign


def _ballot(rng: random.Random) -> dict[str, dict[str, str]]:
    # At most 30% rated 好 (the default quota): a valid ballot.
    return {
        f"U{i:04d}": dict.fromkeys(
            ITEMS, "good" if i <= UNITS // 5 else rng.choice(["fairly_good", "average"])
        )
        for i in range(1, UNITS + 1)
    }


def _varied_ballot(rng: random.Random) -> dict[str, dict[str, str]]:
    # Every item of every unit drawn on its own: few rows repeat (the slowest valid ballot to check).
    levels = ["fairly_good", "average", "poor"]
    answers = {}
    for i in range(1, UNITS + 1):
        answers[f"U{i:04d}"] = {item: "good" if i <= UNITS // 5 else rng.choice(levels) for item in ITEMS}
    return answers


def _timed(action: object) -> float:
    start = time.perf_counter()
    action()  # type: ignore[operator]
    return time.perf_counter() - start


def run(quick: bool) -> list[Row]:
    rng = random.Random(2026)
    samples = 30 if quick else 150
    seals = 5 if quick else 20
    with tempfile.TemporaryDirectory(prefix="kaoping-bench-draft-") as tmp:
        campaign = _campaign(Path(tmp) / "data")
        empty, full = campaign.codes.issue_codes("members", 2)
        for i in range(1, UNITS):  # 999 units answered: the draft an evaluator has near the end
            campaign.ballots.save_answer(full, f"U{i:04d}", "overall", "average")
        first: list[float] = []
        last: list[float] = []
        for n in range(samples):  # A, B, A, B: the first answer of a draft, then the 1,000th
            unit = f"U{UNITS - n % 50:04d}"
            first.append(_timed(lambda u=unit: campaign.ballots.save_answer(empty, u, "overall", "good")))
            last.append(_timed(lambda u=unit: campaign.ballots.save_answer(full, u, "overall", "good")))
            campaign.ballots.discard_draft(empty)
        codes = campaign.codes.issue_codes("members", 2 * seals)
        sealed: list[float] = []
        varied: list[float] = []
        for n in range(seals):  # A, B, A, B: a ballot of repeated levels, then one drawn item by item
            same, drawn = _ballot(rng), _varied_ballot(rng)
            sealed.append(
                _timed(lambda c=codes[2 * n], b=same: campaign.ballots.seal_ballot(c, "review_ballot", b))
            )
            varied.append(
                _timed(
                    lambda c=codes[2 * n + 1], b=drawn: campaign.ballots.seal_ballot(c, "review_ballot", b)
                )
            )
    ms = 1000.0
    ratio_min = min(last) / min(first)
    ratio_median = median(last) / median(first)
    seal_p95 = percentile(sealed, 0.95) * ms
    case = f"draft/{UNITS}"
    return [
        Row(case, "autosave 1st answer p50", median(first) * ms, "ms"),
        Row(case, "autosave 1,000th answer p50", median(last) * ms, "ms"),
        Row(case, "1,000th vs 1st answer (min)", ratio_min, "x", "<= 1.5x", ratio_min <= 1.5),
        Row(case, "1,000th vs 1st answer (median)", ratio_median, "x", "<= 1.5x", ratio_median <= 1.5),
        Row(case, "seal one ballot p50", median(sealed) * ms, "ms"),
        Row(case, "seal one ballot p95", seal_p95, "ms", "<= 50 ms", seal_p95 <= 50),
        Row(case, "seal, every item drawn, p50", median(varied) * ms, "ms"),
        Row(case, "seal, every item drawn, p95", percentile(varied, 0.95) * ms, "ms"),
    ]
