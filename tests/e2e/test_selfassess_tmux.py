"""End to end: the installed `kaoping self-assess` in a real terminal (tmux); a unit types its scores and submits."""

from __future__ import annotations

import os
import secrets
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from store.api import open_store
from store.demo import create_demo
from tests.tui.selfassess.conftest import full_marks

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]

KAOPING = Path(sys.executable).with_name("kaoping")
TYPED = {"committee": 6, "secretary": 5.5, "setup": 4}
"""The scores the unit types in the terminal (the rest of the form is answered beforehand)."""


class Tmux:
    """A private tmux server (own socket) running one command in a 100x30 window."""

    def __init__(self) -> None:
        self.socket = f"kaoping-{secrets.token_hex(4)}"

    def _run(self, *args: str) -> str:
        done = subprocess.run(
            ["tmux", "-u", "-L", self.socket, *args], capture_output=True, text=True, check=True
        )
        return done.stdout

    def start(self, command: list[str], env: dict[str, str]) -> None:
        exports = " ".join(f"{key}={value}" for key, value in env.items())
        line = f"env {exports} " + " ".join(command)
        self._run("new-session", "-d", "-s", "e2e", "-x", "100", "-y", "30", line)

    def send(self, *keys: str) -> None:
        """Press keys one by one at a person's pace: a burst typed ahead of a focus change would land in
        the field that had the focus when the burst arrived."""
        for key in keys:
            self._run("send-keys", "-t", "e2e", key)
            time.sleep(0.3)

    def type(self, text: str) -> None:
        self._run("send-keys", "-t", "e2e", "-l", text)
        time.sleep(0.3)

    def screen(self) -> str:
        return self._run("capture-pane", "-p", "-t", "e2e")

    def wait_for(self, text: str, timeout: float = 20.0) -> str:
        deadline = time.monotonic() + timeout
        shown = ""
        while time.monotonic() < deadline:
            try:
                shown = self.screen()
            except subprocess.CalledProcessError:
                shown = "(the session ended)"
            if text in shown:
                return shown
            time.sleep(0.2)
        raise AssertionError(f"{text!r} did not appear; the screen shows:\n{shown}")

    def kill(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True)


@pytest.fixture
def tmux() -> Iterator[Tmux]:
    server = Tmux()
    yield server
    server.kill()


def test_a_branch_types_its_scores_and_submits(tmp_path: Path, tmux: Tmux) -> None:
    data_dir = tmp_path / "data"
    result = create_demo(open_store(data_dir), seed=7)
    campaign = open_store(data_dir).campaign()
    branch = campaign.roster.branches()[0]
    form = campaign.form("star_branch")
    for item_id, value in full_marks(form).items():
        if item_id not in TYPED:
            campaign.self_assessments.save_self_answer(branch.id, "star_branch", item_id, value, None)

    env = {"TERM": "xterm-256color", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "HOME": str(tmp_path)}
    tmux.start([str(KAOPING), "--data", str(data_dir), "self-assess", "--unit", branch.id], env)
    tmux.wait_for("单位登录码")
    tmux.type(result.unit_codes[branch.id].lower())  # codes are forgiven their case
    tmux.send("Enter")
    tmux.wait_for("合计")
    tmux.wait_for("按期换届")  # the first item's criteria: the cursor is in its field
    # Tab goes to the item's note, Tab again to the next item.
    tmux.type("6")
    tmux.send("Tab", "Tab")
    tmux.type("5.5")
    tmux.send("Tab")
    tmux.type("书记未参加集中轮训，已安排补训")
    tmux.send("Tab")
    tmux.type("4")
    tmux.wait_for("待完成 0 项")
    tmux.send("F9")
    tmux.wait_for("确定提交")
    tmux.send("y")
    tmux.wait_for("只读")
    tmux.send("C-q")

    record = open_store(data_dir).campaign().self_assessments.self_assessment(branch.id, "star_branch")
    assert record.state == "submitted"
    assert {item_id: record.answers[item_id] for item_id in TYPED} == TYPED
    assert record.notes["secretary"] == "书记未参加集中轮训，已安排补训"
    assert os.path.exists(KAOPING)
