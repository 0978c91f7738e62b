"""Autosave and seal at 1,000 units: an answer costs the same in an empty draft and in a full one.

Interleaved A, B, A, B in one run (the load of the machine hits both alike); min and median ratios.
"""

from __future__ import annotations

import random
import tempfile
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from bench.report import Row, median, percentile, ratio_rows, timed

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
            first.append(timed(partial(campaign.ballots.save_answer, empty, unit, "overall", "good")))
            last.append(timed(partial(campaign.ballots.save_answer, full, unit, "overall", "good")))
            campaign.ballots.discard_draft(empty)
        codes = campaign.codes.issue_codes("members", 2 * seals)
        sealed: list[float] = []
        varied: list[float] = []
        for n in range(seals):  # A, B, A, B: a ballot of repeated levels, then one drawn item by item
            same, drawn = _ballot(rng), _varied_ballot(rng)
            seal = campaign.ballots.seal_ballot
            sealed.append(timed(partial(seal, codes[2 * n], "review_ballot", same)))
            varied.append(timed(partial(seal, codes[2 * n + 1], "review_ballot", drawn)))

    ms = 1000.0
    seal_p95 = percentile(sealed, 0.95) * ms
    case = f"draft/{UNITS}"
    return [
        Row(case, "autosave 1st answer p50", median(first) * ms, "ms"),
        Row(case, "autosave 1,000th answer p50", median(last) * ms, "ms"),
        *ratio_rows(case, "1,000th vs 1st answer", last, first, 1.5),
        Row(case, "seal one ballot p50", median(sealed) * ms, "ms"),
        Row(case, "seal one ballot p95", seal_p95, "ms", "<= 50 ms", seal_p95 <= 50),
        Row(case, "seal, every item drawn, p50", median(varied) * ms, "ms"),
        Row(case, "seal, every item drawn, p95", percentile(varied, 0.95) * ms, "ms"),
        *ratio_rows(case, "seal, every item drawn vs repeated levels", varied, sealed),
    ]
