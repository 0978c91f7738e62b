"""Helpers of the store tests: a small campaign (10 organizations, Chinese names) that seals fast."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from store.api import Brand, CampaignStore, Store, Unit, open_store
from store.records import AnswerValue

SMALL_UNITS = [
    Unit(
        f"U{i:02d}",
        f"市测试局{i}",
        f"中共市测试局{i}机关委员会",
        "机关党委",
        None,
        "第一联络组",
        "张三",
        3,
        i,
    )
    for i in range(1, 11)
] + [
    Unit(
        "U01-01",
        "市测试局1第一党支部",
        "中共市测试局1第一党支部",
        "党支部",
        "U01",
        "第一联络组",
        "李四",
        4,
        11,
    )
]


def make_small_campaign(data_dir: Path, *, open_voting: bool = True, demo: bool = False) -> CampaignStore:
    """A campaign with the review ballot, the brand vote and the star form; 10 units, 3 brands
    (`demo=True`: marked as a demo, so `simulate` may seal random ballots in it)."""
    store = open_store(data_dir)
    campaign = store.create_campaign(
        "2026年度测试考核", 2026, ["review_ballot", "brand_vote", "star_branch"], demo=demo
    )
    campaign.roster.import_units(SMALL_UNITS)
    campaign.roster.import_brands([Brand(f"B{i}", f"“暖心服务站{i}”", "U01") for i in range(1, 4)])
    campaign.meeting.set_passphrase("口令123456-考评")
    if open_voting:
        campaign.meeting.open_voting("admin")
    return campaign


def good_ballot(campaign: CampaignStore) -> dict[str, dict[str, AnswerValue]]:
    """A complete, valid review ballot: 2 of 10 units rated 好, the rest 较好/一般."""
    answers: dict[str, dict[str, AnswerValue]] = {}
    for index, unit in enumerate(campaign.roster.meeting_units()):
        level = "good" if index < 2 else ("fairly_good" if index % 2 else "average")
        row: dict[str, AnswerValue] = {
            item: level
            for item in (
                "overall",
                "political_leadership",
                "execution",
                "cohesion",
                "member_vanguard",
                "service",
            )
        }
        row["comment"] = "工作扎实"
        answers[unit.id] = row
    return answers


KAOPING = [sys.executable, "-c", "from tui.cli import main; main()"]
"""The `kaoping` command of this checkout (run with cwd at the repository root), for real processes."""


@contextmanager
def locked_by_another_thread(store: Store) -> Iterator[None]:
    """The store's lock held by another thread of this process for the block (waits for it to be taken)."""
    taken, release = threading.Event(), threading.Event()

    def hold() -> None:
        with store.locked():
            taken.set()
            release.wait(timeout=60)

    holder = threading.Thread(target=hold)
    holder.start()
    try:
        assert taken.wait(timeout=60), "the other thread never took the lock"
        yield
    finally:
        release.set()
        holder.join()
