"""Snapshots of the home screen: the campaign summary and the modes to choose from, at 80x24 and 120x40."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Static

from store.api import open_store
from store.demo import demo_units
from tui.context import AppContext
from tui.home import HomeApp


def _fixed_campaign(data_dir: Path) -> None:
    """The 66 organizations of the demo roster under a fixed name and year, so the snapshot never ages."""
    campaign = open_store(data_dir).create_campaign(
        "2026年度市直机关党建考核", 2026, ["review_ballot", "brand_vote"]
    )
    campaign.roster.import_units([u for u in demo_units(random.Random(2026)) if u.parent_id is None])


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
def test_home(
    snap_compare: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, size: tuple[int, int]
) -> None:
    # A relative data directory: the screen shows it, and a temporary path would differ on every run.
    monkeypatch.chdir(tmp_path)
    _fixed_campaign(Path("data"))
    app = HomeApp(AppContext(data_dir=Path("data"), lang="zh"))

    async def summary_shown(pilot: Pilot[object]) -> None:
        for _ in range(500):  # the summary, loaded by a worker: waited for on the screen
            if "2026" in str(pilot.app.query_one("#home-campaign", Static).render()):
                break
            await pilot.pause(0.02)
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=summary_shown)
