"""Issue 14, why 5: the roster's columns documented where users read them (help, template)."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from openpyxl import load_workbook

from store.api import open_store
from tui.cli import cli


def _run(data: Path, *args: str) -> str:
    result = CliRunner().invoke(cli, ["--data", str(data), *args])
    output = result.output + (result.stderr if result.stderr_bytes is not None else "")
    assert result.exit_code == 0, output
    assert "Traceback" not in output
    return output


def test_units_import_help_names_every_column() -> None:
    help_text = CliRunner().invoke(cli, ["--lang", "zh", "units", "import", "--help"]).output
    for column in (
        "编号",
        "单位名称",
        "党组织类型",
        "所属联络组",
        "上级",
        "上年星级",
        "书记",
        "units template",
    ):
        assert column in help_text, column


def test_the_csv_template_explains_itself_and_imports_with_its_branch(tmp_path: Path) -> None:
    data = tmp_path / "data"
    campaign = open_store(data).create_campaign("2026年度考核", 2026, ["star_branch"], rules_text="")
    template = tmp_path / "单位名单.csv"
    assert "示例" in _run(data, "units", "template", "-o", str(template))
    text = template.read_text(encoding="utf-8-sig")
    assert text.splitlines()[0] == "编号,单位名称,党组织名称,党组织类型,所属联络组,上级,上年星级,书记"
    assert "# 上级" in text and "# 上年星级" in text and "# 书记" in text
    _run(data, "units", "import", str(template))  # the # lines are skipped, the examples import
    assert [unit.id for unit in campaign.roster.branches("U01")] == ["U01-1"]
    assert campaign.roster.unit("U01-1").last_star == 4
    assert [form.id for form in campaign.unit_forms("U02")] == ["star_branch"]  # itself a 党支部


def test_the_xlsx_template_has_a_sheet_to_fill_and_one_that_explains(tmp_path: Path) -> None:
    template = tmp_path / "单位名单.xlsx"
    _run(tmp_path / "data", "units", "template", "-o", str(template))
    book = load_workbook(template)
    assert book.sheetnames == ["单位名单", "填写说明"]
    rows = list(book["单位名单"].iter_rows(values_only=True))
    assert rows[0][:8] == (
        "编号",
        "单位名称",
        "党组织名称",
        "党组织类型",
        "所属联络组",
        "上级",
        "上年星级",
        "书记",
    )
    assert rows[2][5] == "U01"
    meanings = {row[0]: row[1] for row in book["填写说明"].iter_rows(values_only=True) if row and row[0]}
    assert "必填" in meanings["编号"] and "上年星级" in meanings and "党支部" in meanings["上级"]


def test_a_template_of_another_format_is_refused_in_one_sentence(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["--data", str(tmp_path), "units", "template", "-o", str(tmp_path / "a.txt")]
    )
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert ".xlsx" in result.stderr and not (tmp_path / "a.txt").exists()
