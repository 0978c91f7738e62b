"""Issue 13: plain `codes units` / `codes groups` print where the sign-in codes stand (never a code: only
hashes are kept), and say that the sheet is the only copy; `--reissue` needs `-o`."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from store.api import CampaignStore, open_store
from tests.tui.selfassess.conftest import UNITS, fill_and_submit
from tui.cli import cli
from tui.i18n import set_language

CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


@dataclass
class Signed:
    """A campaign whose units and groups have sign-in codes; U01 submitted, U02 began."""

    data_dir: Path
    store: CampaignStore
    unit_codes: dict[str, str]
    group_codes: dict[str, str]


@pytest.fixture(autouse=True)
def chinese() -> Iterator[None]:
    set_language("zh")
    yield
    set_language("zh")


@pytest.fixture
def signed(tmp_path: Path) -> Signed:
    data_dir = tmp_path / "data"
    store = open_store(data_dir).create_campaign(
        "2026年度市直机关党建考核", 2026, ["review_ballot", "star_branch", "duty_list"], rules_text=""
    )
    store.roster.import_units(list(UNITS))
    unit_codes = store.codes.issue_unit_codes()
    group_codes = store.codes.issue_group_codes()
    fill_and_submit(store, "U01", "duty_list")
    fill_and_submit(store, "U02", "duty_list", submit=False)
    return Signed(data_dir, store, unit_codes, group_codes)


def run(data_dir: Path, lang: str, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--lang", lang, "--data", str(data_dir), *args])
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def _line(output: str, start: str) -> str:
    found = [line for line in output.splitlines() if line.startswith(start)]
    assert len(found) == 1, output
    return found[0]


def _files(root: Path) -> set[Path]:
    return {path for path in root.rglob("*") if path.is_file()}


def test_plain_codes_units_lists_the_state_in_chinese(signed: Signed, tmp_path: Path) -> None:
    before = _files(tmp_path)
    code, output = run(signed.data_dir, "zh", "codes", "units")
    assert code == 0, output
    today = date.today().isoformat()
    assert re.search(rf"有\s+{today}\s+已提交 1/1", _line(output, "U01 市委办公室")), output
    assert "填写中（已提交 0/1）" in _line(output, "U02 市教育局")
    assert "尚未填写" in _line(output, "U03 市财政局")
    assert "尚未填写" in _line(output, "B011 市委办公室第一党支部")
    assert "只以加密摘要保存" in output and "--reissue -o" in output and "唯一的副本" in output
    for plaintext in signed.unit_codes.values():
        assert plaintext not in output, "a sign-in code is never shown again"
    assert _files(tmp_path) == before, "listing writes nothing"
    assert signed.store.codes.unit_for_code(signed.unit_codes["U01"]) is not None


def test_plain_codes_units_in_english_has_no_chinese_but_the_names(signed: Signed) -> None:
    code, output = run(signed.data_dir, "en", "codes", "units", "--unit", "U01", "--unit", "U03")
    assert code == 0, output
    assert "submitted 1/1" in _line(output, "U01 市委办公室")
    assert "not started" in _line(output, "U03 市财政局")
    assert "U02" not in output, "only the units asked for"
    assert "kept only as hashes" in output and "--reissue -o FILE" in output
    without_names = output
    for unit in UNITS:
        without_names = without_names.replace(unit.name, "")
    assert not CJK.search(without_names), output


def test_plain_codes_groups_lists_the_state(signed: Signed) -> None:
    signed.store.self_assessments.mark_reviewed("U01", "duty_list", "第一联络组")
    code, output = run(signed.data_dir, "zh", "codes", "groups")
    assert code == 0, output
    today = date.today().isoformat()
    assert re.search(rf"第一联络组\s+有\s+{today}\s+0\s+1$", _line(output, "第一联络组")), output
    assert re.search(rf"第二联络组\s+有\s+{today}\s+0\s+0$", _line(output, "第二联络组")), output
    assert "只以加密摘要保存" in output and "codes groups --reissue -o" in output
    for plaintext in signed.group_codes.values():
        assert plaintext not in output
    code, output = run(signed.data_dir, "en", "codes", "groups")
    assert code == 0 and "kept only as hashes" in output and "Awaiting review" in output, output


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("command", ["units", "groups"])
def test_reissue_without_a_sheet_is_one_sentence_and_changes_nothing(
    signed: Signed, lang: str, command: str
) -> None:
    code, output = run(signed.data_dir, lang, "codes", command, "--reissue")
    assert code == 2, output
    assert len(output.strip().splitlines()) == 1 and "-o" in output, output
    assert ("未做任何改动" in output) if lang == "zh" else ("nothing was changed" in output)
    assert signed.store.codes.unit_for_code(signed.unit_codes["U01"]) is not None
    assert signed.store.codes.group_for_code(signed.group_codes["第一联络组"]) == "第一联络组"


def test_without_codes_yet_the_listing_says_how_to_issue_them(tmp_path: Path) -> None:
    store = open_store(tmp_path / "data").create_campaign("2026年度考核", 2026, ["duty_list"], rules_text="")
    store.roster.import_units(list(UNITS))
    code, output = run(tmp_path / "data", "zh", "codes", "units")
    assert code == 0, output
    assert "无" in _line(output, "U01 市委办公室")
    assert output.strip().splitlines()[-1].startswith("还没有单位登录码")
    code, output = run(tmp_path / "data", "zh", "codes", "groups")
    assert code == 0 and output.strip().splitlines()[-1].startswith("还没有联络组登录码"), output


def test_an_unknown_unit_is_one_sentence(signed: Signed) -> None:
    code, output = run(signed.data_dir, "zh", "codes", "units", "--unit", "U99")
    assert code == 2 and output.strip() == "错误：没有编号为 U99 的单位。", output
