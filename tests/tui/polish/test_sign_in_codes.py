"""Sign-in codes are called 单位登录码 / 联络组登录码; plain `codes units` prints the current sheet."""

from __future__ import annotations

import csv
from pathlib import Path

from click.testing import CliRunner

from tests.tui.meeting.conftest import _fixed_campaign
from tui.cli import cli


def run(data_dir: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--lang", "zh", "--data", str(data_dir), *args])
    return result.exit_code, result.output


def _rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def test_codes_units_issues_once_then_prints_the_current_sheet_and_reissues_only_when_asked(
    tmp_path: Path,
) -> None:
    meeting = _fixed_campaign(tmp_path / "data", 4, open_voting=False)
    campaign = meeting.campaign
    code, output = run(meeting.data_dir, "codes", "units")
    assert code == 0, output
    sheet = campaign.dir / "codes" / "unit-codes.csv"
    rows = _rows(sheet)
    assert rows[0][2] == "单位登录码", "测评码 is only for ballot codes"
    first = {row[1].split()[0]: row[2] for row in rows[1:]}
    files_before = sorted(p.name for p in sheet.parent.iterdir())
    code, output = run(meeting.data_dir, "codes", "units")
    assert code == 0, output
    assert all(value in output for value in first.values()), "the current sheet is printed"
    assert sorted(p.name for p in sheet.parent.iterdir()) == files_before, "nothing written without -o"
    assert campaign.unit_for_code(first["U01"]) is not None, "nothing regenerated"
    copy = tmp_path / "打印.csv"
    code, output = run(meeting.data_dir, "codes", "units", "-o", str(copy))
    assert code == 0 and {row[2] for row in _rows(copy)[1:]} == set(first.values())
    code, output = run(meeting.data_dir, "codes", "units", "--reissue")
    assert code == 2 and "--yes" in output
    code, output = run(meeting.data_dir, "codes", "units", "--unit", "U01", "--reissue", "--yes")
    assert code == 0, output
    assert campaign.unit_for_code(first["U01"]) is None
    code, output = run(meeting.data_dir, "codes", "units")
    assert first["U01"] not in output and first["U02"] in output, "a replaced code is not current"


def test_group_sheets_say_联络组登录码(tmp_path: Path) -> None:
    meeting = _fixed_campaign(tmp_path / "data", 4, open_voting=False)
    code, output = run(meeting.data_dir, "codes", "groups")
    assert code == 0, output
    rows = _rows(meeting.campaign.dir / "codes" / "group-codes.csv")
    assert rows[0][2] == "联络组登录码"
    code, again = run(meeting.data_dir, "codes", "groups")
    assert code == 0 and rows[1][2] in again


def test_sign_in_texts_never_call_the_code_测评码() -> None:
    from tui.i18n import CATALOG

    for key, (zh, _en) in CATALOG.items():
        if key.startswith(("self.signin", "review.signin", "store.sheet.unit", "store.sheet.group")):
            assert "测评码" not in zh, key
    assert "单位登录码" in CATALOG["self.signin.prompt"][0]
    assert "联络组登录码" in CATALOG["review.signin.prompt"][0]
