"""End to end in tmux: the next evaluator types a code while the thank-you screen shows; no key is lost."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from store.api import open_store
from store.demo import DemoResult
from tests.e2e.test_meeting_tmux import Terminal, terminal  # noqa: F401 - the tmux fixture

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]


def test_a_code_typed_on_the_thank_you_screen_opens_that_ballot(
    terminal: Terminal,  # noqa: F811
    demo_data: tuple[Path, DemoResult],
) -> None:
    data_dir, demo = demo_data
    campaign = open_store(data_dir).campaign(demo.campaign_id)
    campaign.meeting.open_voting("e2e")
    first, second = demo.ballot_codes["served"][:2]
    # this tree's code (not an installed kaoping): `python -m tui.cli` from the repository root
    terminal.start(
        ["env", f"--chdir={ROOT}", sys.executable, "-m", "tui.cli", "--data", str(data_dir), "meeting",
         "--vote", "brands"]
    )  # fmt: skip
    terminal.wait_for("已投 0 /")
    terminal.text(first)
    terminal.keys("Enter")
    terminal.wait_for("（回车）")
    terminal.keys("Enter")
    terminal.wait_for("共 293 个")
    terminal.keys("Enter")
    terminal.wait_for("已选 1")
    terminal.keys("F2")
    terminal.wait_for("确定投出")
    terminal.keys("y")
    terminal.wait_for("投票成功")
    # the next evaluator does not wait for the welcome screen
    terminal.text(second.lower())
    terminal.keys("Enter")
    terminal.wait_for("（回车）")
    terminal.keys("Enter")
    shown = terminal.wait_for("共 293 个")
    assert "已选 0" in shown, "a new ballot, nothing of the last one"
    status = open_store(data_dir).campaign(demo.campaign_id).codes.code_status(second)
    assert status.state in ("fresh", "draft")
    assert open_store(data_dir).campaign(demo.campaign_id).codes.code_status(first).state == "used"
