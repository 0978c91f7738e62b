"""End to end in a real terminal: tmux runs `kaoping meeting` from this tree; two evaluators vote on the grid."""

from __future__ import annotations

import secrets
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from store.api import open_store
from store.demo import DemoResult

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]
KAOPING = [sys.executable, "-c", "from tui.cli import main; main()"]
"""The `kaoping` entry point of the tree this test belongs to (the installed script may be another copy)."""
DIMENSIONS = ["political_leadership", "execution", "cohesion", "member_vanguard", "service"]
LEVEL = {"1": "good", "2": "fairly_good", "3": "average", "4": "poor"}


class Terminal:
    """One tmux server of our own (`-L`), one window running a command, read with capture-pane."""

    def __init__(self, socket: str) -> None:
        self.socket = socket

    def tmux(self, *args: str) -> str:
        done = subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True, check=True)
        return done.stdout

    def start(self, command: list[str], width: int = 100, height: int = 30) -> None:
        size = ["-x", str(width), "-y", str(height)]
        self.tmux("new-session", "-d", *size, "-c", str(ROOT), "-s", "meeting", *command)

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "meeting")

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", "meeting", *keys)

    def text(self, text: str) -> None:
        self.tmux("send-keys", "-t", "meeting", "-l", text)

    def wait_for(self, needle: str, timeout: float = 20.0) -> str:
        deadline = time.monotonic() + timeout
        while True:
            shown = self.screen()
            if needle in shown:
                return shown
            if time.monotonic() > deadline:
                raise AssertionError(f"{needle!r} did not appear; the screen shows:\n{shown}")
            time.sleep(0.05)


@pytest.fixture
def terminal() -> Iterator[Terminal]:
    if shutil.which("tmux") is None:
        pytest.skip("tmux is not installed (the CI installs it); this test needs a real terminal")
    term = Terminal(f"kaoping-{secrets.token_hex(4)}")
    try:
        yield term
    finally:
        subprocess.run(["tmux", "-L", term.socket, "kill-server"], capture_output=True, check=False)


def _overall_key(unit_number: int, evaluator: int) -> str:
    """The overall rating key of a unit: 好 on every fourth unit only (the 30% quota holds)."""
    return "1" if unit_number % 4 == evaluator else str(2 + (unit_number + evaluator) % 3)


def test_two_evaluators_vote_on_the_grid_in_a_real_terminal(
    terminal: Terminal, demo_data: tuple[Path, DemoResult]
) -> None:
    data_dir, demo = demo_data
    campaign = open_store(data_dir).campaign(demo.campaign_id)
    campaign.meeting.open_voting("e2e")
    units = [unit.id for unit in campaign.roster.meeting_units()]
    codes = demo.ballot_codes["members"][:2]
    terminal.start([*KAOPING, "--data", str(data_dir), "meeting"])
    keyed: list[dict[str, dict[str, str]]] = []
    for evaluator, code in enumerate(codes):
        welcome = terminal.wait_for(f"已投 {evaluator} / 应投 178")
        assert "测评码，然后按回车" in welcome
        terminal.text(code.lower())
        terminal.keys("Enter")
        terminal.wait_for("开始评议")
        terminal.keys("Enter")
        shown = terminal.wait_for(f"已评 0/{len(units)} 个单位")
        assert "市委办公室" in shown and "好 0 / 上限 19" in shown
        # the whole column of overall ratings typed in one burst: each key rates a row and moves down
        overall = "".join(_overall_key(number, evaluator) for number in range(len(units)))
        terminal.text(overall)
        terminal.wait_for(f"已评 {len(units)}/{len(units)} 个单位")
        answers = {unit: {"overall": LEVEL[key]} for unit, key in zip(units, overall, strict=True)}
        # [ goes to the first row where Home does not reach the app (tmux); d opens its 五力 lines
        terminal.text("[")
        terminal.wait_for("▶   1 市委办公室")
        dims = "1234" if evaluator == 0 else "4321"
        terminal.text("d" + dims + dims[0])
        terminal.wait_for("▾ 5/5")
        answers[units[0]].update(zip(DIMENSIONS, (LEVEL[key] for key in dims + dims[0]), strict=True))
        terminal.keys("r")
        review = terminal.wait_for("符合全部计票规则")
        assert "个单位全部评议完毕" in review
        terminal.keys("s")
        terminal.wait_for("确定投出这张测评票吗")
        terminal.keys("y")
        terminal.wait_for("投票成功")
        terminal.keys("Enter")
        keyed.append(answers)
    after = terminal.wait_for("已投 2 / 应投 178")
    assert "市委办公室" not in after, "nothing of the last evaluator is left on screen"
    terminal.keys("C-c", "C-q", "Escape")
    time.sleep(0.3)
    assert "测评码，然后按回车" in terminal.screen(), "Ctrl+C and Ctrl+Q do not leave the kiosk"
    sealed = list(open_store(data_dir).campaign(demo.campaign_id).ballots.sealed_ballots("review_ballot"))
    assert len(sealed) == 2
    stored = sorted(
        ({unit: dict(values) for unit, values in ballot.answers.items()} for ballot in sealed),
        key=lambda answers: str(answers[units[0]]["overall"]),  # level codes: sorted as text
    )
    expected = sorted(keyed, key=lambda answers: str(answers[units[0]]["overall"]))
    assert stored == expected
