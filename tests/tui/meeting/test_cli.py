"""`kaoping meeting` on the command line: option mistakes and an unready campaign give one clear sentence."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from store.api import open_store
from tests.tui.meeting.conftest import Meeting
from tui.cli import cli


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--lang", "zh", *args], catch_exceptions=False)
    return result.exit_code, result.output


@pytest.fixture(autouse=True)
def no_tui(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, object]]:
    """Record the apps the command would run instead of starting a TUI."""
    started: list[dict[str, object]] = []
    from tui.meeting.app import MeetingApp

    def fake_run(self: MeetingApp, **options: object) -> None:
        started.append({"mode": self.mode, "double_entry": self.double_entry, **options})

    monkeypatch.setattr(MeetingApp, "run", fake_run)
    monkeypatch.setattr("tui.terminal.has_terminal", lambda: True)  # CliRunner is no terminal
    return started


def test_double_entry_needs_paper(small_meeting: Meeting) -> None:
    code, output = _run("--data", str(small_meeting.data_dir), "meeting", "--double-entry")
    assert code == 2
    assert "--double-entry 只用于纸质票录入" in output


def test_paper_and_vote_cannot_be_combined(small_meeting: Meeting) -> None:
    code, output = _run("--data", str(small_meeting.data_dir), "meeting", "--paper", "--vote", "brands")
    assert code == 2
    assert "不能同时使用" in output


def test_a_campaign_without_passphrase_is_refused_before_the_kiosk_starts(
    tmp_path: Path, no_tui: list[dict[str, object]]
) -> None:
    store = open_store(tmp_path / "data")
    store.create_campaign("2026年度市直机关党建考核", 2026, ["review_ballot"])
    code, output = _run("--data", str(tmp_path / "data"), "meeting")
    assert code == 2
    assert "还没有设置管理口令" in output
    assert no_tui == []


def test_the_modes_reach_the_app(small_meeting: Meeting, no_tui: list[dict[str, object]]) -> None:
    data = str(small_meeting.data_dir)
    assert _run("--data", data, "meeting")[0] == 0
    assert _run("--data", data, "meeting", "--vote", "brands")[0] == 0
    assert _run("--data", data, "meeting", "--paper", "--double-entry")[0] == 0
    assert [(run["mode"], run["double_entry"]) for run in no_tui] == [
        ("ballot", False),
        ("brands", False),
        ("paper", True),
    ]
    assert all(run["headless"] is False for run in no_tui)


def test_the_idle_timeout_is_an_option(small_meeting: Meeting, monkeypatch: pytest.MonkeyPatch) -> None:
    from tui.meeting.app import MeetingApp

    seen: list[float] = []
    monkeypatch.setattr(MeetingApp, "run", lambda self, **options: seen.append(self.idle_timeout))
    assert _run("--data", str(small_meeting.data_dir), "meeting", "--idle", "90")[0] == 0
    assert seen == [90.0]
    code, output = _run("--data", str(small_meeting.data_dir), "meeting", "--idle", "5")
    assert code == 2 and "--idle" in output
