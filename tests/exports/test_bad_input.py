"""Every bad input is one sentence, no traceback, nothing stored: deep TOML, binary files, control
characters in a roster, rosters over the limit (refused before a big file is parsed)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from exports.roster import read_roster
from forms.errors import InputError
from forms.loader import parse_form
from forms.rules import parse_rules
from store.api import Brand, Unit
from store.limits import MAX_UNITS
from tests.exports.export_fixtures import Campaign
from tui.cli import cli
from tui.i18n import set_language

HEADER = "编号,单位名称,党组织名称,党组织类型,所属联络组\r\n"


@pytest.fixture(autouse=True)
def _chinese() -> None:
    set_language("zh")


def run(data_dir: Path, *args: str) -> Result:
    result = CliRunner().invoke(cli, ["--data", str(data_dir), "--lang", "zh", *args])
    set_language("zh")
    return result


def test_deep_toml_nesting_is_a_problem_not_a_traceback(tmp_path: Path) -> None:
    deep = "a = " + "[" * 20000 + "]" * 20000 + "\n"
    form, problems = parse_form(deep, "deep.toml")
    assert form is None and [p.key for p in problems] == ["trust.toml_too_deep"]
    rules, problems = parse_rules("x = " + "{a = " * 5000 + "1" + "}" * 5000, "rules.toml")
    assert rules is None and [p.key for p in problems] == ["trust.toml_too_deep"]
    path = tmp_path / "深.toml"
    path.write_text(deep, encoding="utf-8")
    result = CliRunner().invoke(cli, ["--lang", "zh", "forms", "check", str(path)])
    assert result.exit_code == 1 and "嵌套层数太多" in result.output
    assert "Traceback" not in result.output and "RecursionError" not in result.output


def _forge_manifest(path: Path, campaign_id: str) -> None:
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    manifest = {"kind": "ballots", "campaign_id": campaign_id, "rows": 3, "sha256": digest, "columns": []}
    path.with_name(path.name + ".manifest.json").write_text(json.dumps(manifest), encoding="utf-8")


@pytest.mark.parametrize("command", ["import", "consolidate"])
def test_a_binary_file_is_one_sentence(campaign: Campaign, tmp_path: Path, command: str) -> None:
    path = tmp_path / "ballots.csv"
    path.write_bytes(bytes(range(256)) * 8)
    _forge_manifest(path, campaign.store.id)
    before = campaign.store.ballots.ballot_count()
    args = (
        ("import", "ballots", str(path))
        if command == "import"
        else ("consolidate", str(path), "-o", str(tmp_path / "o.csv"))
    )
    result = run(campaign.data_dir, *args)
    assert result.exit_code in (1, 2), result.output
    assert "Traceback" not in result.output and "UnicodeDecodeError" not in result.output
    assert str(path) in result.output
    assert campaign.store.ballots.ballot_count() == before


@pytest.mark.parametrize("bad", ["\x00", "\ufeff", "\x1b[31m"])
def test_a_control_character_in_a_roster_is_refused_with_its_line(
    campaign: Campaign, tmp_path: Path, bad: str
) -> None:
    path = tmp_path / "名单.csv"
    path.write_text(
        HEADER
        + "N01,市统计局,中共市统计局机关委员会,机关党委,第一联络组\r\n"
        + f"N02,市审计{bad}局,中共市审计局机关委员会,机关党委,第一联络组\r\n",
        encoding="utf-8-sig",
    )
    before = [unit.id for unit in campaign.store.roster.units()]
    result = run(campaign.data_dir, "units", "import", str(path))
    assert result.exit_code == 2, result.output
    assert ":3:" in result.output or "第 3 行" in result.output, result.output
    assert "控制字符" in result.output and "Traceback" not in result.output
    assert [unit.id for unit in campaign.store.roster.units()] == before


def test_the_store_refuses_control_characters_and_too_many_units(campaign: Campaign) -> None:
    with pytest.raises(InputError) as caught:
        campaign.store.roster.import_units([Unit("X1", "市\x00审计局", "", "机关党委")])
    assert caught.value.key == "trust.forbidden_character"
    with pytest.raises(InputError) as caught:
        campaign.store.roster.import_brands([Brand("B1", "暖心\ufeff服务站", "")])
    assert caught.value.key == "trust.forbidden_character"
    many = [Unit(f"X{n}", f"单位{n}", "", "机关党委") for n in range(MAX_UNITS + 1)]
    with pytest.raises(InputError) as caught:
        campaign.store.roster.import_units(many)
    assert caught.value.key == "trust.too_many_units" and caught.value.params["limit"] == 5000


def test_a_roster_over_the_limit_is_refused_naming_it(campaign: Campaign, tmp_path: Path) -> None:
    path = tmp_path / "大名单.csv"
    rows = "".join(
        f"N{n:05d},单位{n},中共单位{n}委员会,机关党委,第一联络组\r\n" for n in range(MAX_UNITS + 1)
    )
    path.write_text(HEADER + rows, encoding="utf-8-sig")
    result = run(campaign.data_dir, "units", "import", str(path))
    assert result.exit_code == 2 and "5000" in result.output, result.output
    assert len(campaign.store.roster.units()) < MAX_UNITS


def test_a_50_mb_roster_is_refused_before_it_is_parsed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "巨大.csv"
    row = "N00001,市直单位,中共市直单位机关委员会,机关党委,第一联络组\r\n".encode()
    with path.open("wb") as out:
        out.write(HEADER.encode("utf-8-sig"))
        out.write(row * (50 * 1024 * 1024 // len(row)))
    import exports.csvio
    import exports.sheets

    def never(*_args: object, **_kwargs: object) -> object:
        raise AssertionError("the big roster was read")

    monkeypatch.setattr(exports.sheets, "open_rows", never)
    monkeypatch.setattr(exports.sheets, "read_csv", never)
    monkeypatch.setattr(exports.csvio, "detect_encoding", never)
    with pytest.raises(InputError) as caught:
        read_roster(path)
    assert caught.value.key == "trust.roster_too_big" and caught.value.params["limit"] == 5000
