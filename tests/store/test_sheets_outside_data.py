"""Code sheets never sit in the data directory: refused there, and reported by `verify` and `meeting`."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tests.store.store_helpers import make_small_campaign
from tui.cli import cli


def run(data_dir: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--data", str(data_dir), *args])


@pytest.mark.parametrize(
    "command",
    [
        ["codes", "issue", "--group", "members", "--count", "2", "-o"],
        ["codes", "units", "-o"],
        ["codes", "groups", "-o"],
    ],
    ids=["issue", "units", "groups"],
)
def test_a_code_sheet_inside_the_data_directory_is_refused(data_dir: Path, command: list[str]) -> None:
    campaign = make_small_campaign(data_dir)
    issued = sum(p.issued for p in campaign.meeting.participation())
    for target in (campaign.dir / "代码单.csv", data_dir / "codes.csv"):
        result = run(data_dir, *command, str(target))
        assert result.exit_code == 2, result.output
        assert "数据目录" in result.output and "Traceback" not in result.output
        assert not target.exists() and not target.with_suffix(".txt").exists()
    assert sum(p.issued for p in campaign.meeting.participation()) == issued, "nothing issued"
    assert campaign.codes.units_with_codes() == set() and campaign.codes.groups_with_codes() == set()


def test_init_and_demo_refuse_sheets_inside_the_data_directory(data_dir: Path) -> None:
    result = run(data_dir, "demo", "--sheets", str(data_dir / "codes"))
    assert result.exit_code == 2 and "数据目录" in result.output
    assert not (data_dir / "codes").exists() and not (data_dir / "kaoping.json").exists()


def test_sheets_found_in_the_data_directory_are_a_verify_finding_and_a_meeting_warning(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    campaign = make_small_campaign(data_dir)
    assert run(data_dir, "verify").exit_code == 0
    old = campaign.dir / "codes" / "ballot-codes.csv"  # where an older version put them
    old.parent.mkdir()
    old.write_text("序号,评议人类别,测评码\r\n1,党员代表,ABCD-EFGH\r\n", encoding="utf-8-sig")
    result = run(data_dir, "verify")
    assert result.exit_code == 1
    assert "数据目录中有代码单" in result.output and "ballot-codes.csv" in result.output

    import tui.meeting

    started: list[bool] = []

    class FakeApp:
        def run(self, headless: bool = False) -> None:
            started.append(True)

    monkeypatch.setattr(tui.meeting, "create_meeting_app", lambda *args, **kwargs: FakeApp())
    monkeypatch.setattr("tui.terminal.has_terminal", lambda: True)  # CliRunner is no terminal
    meeting = run(data_dir, "meeting")
    assert meeting.exit_code == 0 and started == [True], "a warning: the meeting still runs"
    assert "警告" in meeting.stderr and "ballot-codes.csv" in meeting.stderr
