"""Sign-in codes are called 单位登录码 / 联络组登录码; replacing them takes --reissue."""

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


def test_codes_units_issues_once_and_reissues_only_when_asked(tmp_path: Path) -> None:
    # The plaintext of a sign-in code exists only on the sheet written where -o says (never in the data
    # directory: issue 10), so "the current sheet" is that file; replacing codes needs --reissue.
    meeting = _fixed_campaign(tmp_path / "data", 4, open_voting=False)
    campaign = meeting.campaign
    sheet = tmp_path / "单位登录码.csv"
    code, output = run(meeting.data_dir, "codes", "units", "-o", str(sheet))
    assert code == 0, output
    rows = _rows(sheet)
    assert rows[0][2] == "单位登录码", "测评码 is only for ballot codes"
    first = {row[1].split()[0]: row[2] for row in rows[1:]}
    assert campaign.codes.unit_for_code(first["U01"]) is not None
    code, output = run(meeting.data_dir, "codes", "units", "-o", str(tmp_path / "again.csv"))
    assert code == 2 and "--reissue" in output, "nothing regenerated without --reissue"
    assert campaign.codes.unit_for_code(first["U01"]) is not None
    code, output = run(
        meeting.data_dir, "codes", "units", "--unit", "U01", "--reissue", "-o", str(tmp_path / "新.csv")
    )
    assert code == 0, output
    assert campaign.codes.unit_for_code(first["U01"]) is None
    assert campaign.codes.unit_for_code(first["U02"]) is not None, "only the unit asked for"


def test_group_sheets_say_联络组登录码(tmp_path: Path) -> None:
    meeting = _fixed_campaign(tmp_path / "data", 4, open_voting=False)
    sheet = tmp_path / "联络组登录码.csv"
    code, output = run(meeting.data_dir, "codes", "groups", "-o", str(sheet))
    assert code == 0, output
    assert _rows(sheet)[0][2] == "联络组登录码"


def test_sign_in_texts_never_call_the_code_测评码() -> None:
    from tui.i18n import CATALOG

    for key, (zh, _en) in CATALOG.items():
        if key.startswith(("self.signin", "review.signin", "store.sheet.unit", "store.sheet.group")):
            assert "测评码" not in zh, key
    assert "单位登录码" in CATALOG["self.signin.prompt"][0]
    assert "联络组登录码" in CATALOG["review.signin.prompt"][0]
