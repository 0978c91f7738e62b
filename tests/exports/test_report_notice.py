"""The 通报: honest about its basis, no organisation stars unless asked, warnings, ties, the 五力, and the
same notice as a .docx in the official style with the same numbers as the Markdown."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import docx
from click.testing import CliRunner

from exports.compute import ResultSources, UnitInfo, compute_results, tally_brands
from exports.model import CampaignResults, TieNote
from exports.report import render_report
from exports.report_docx import split_row
from exports.results import campaign_results
from forms.builtin import builtin_form
from forms.rules import default_rules
from tests.exports.export_fixtures import Campaign
from tui.cli import cli
from tui.i18n import t


def test_the_notice_states_its_basis_per_form_valid_and_invalid(campaign: Campaign) -> None:
    text = render_report(campaign_results(campaign.store), t, "zh", "2027-01-10")
    # 9 review ballots, 1 straight-lined (invalid); 9 brand ballots, all valid
    assert "党组织书记抓基层党建工作述职评议测评表：收回 9 张，其中有效 8 张、无效 1 张。" in text
    assert "“十佳机关服务品牌”评选票：收回 9 张，其中有效 9 张、无效 0 张。" in text
    assert "各类评议人分别计算平均分" in text and "并列规则" in text
    assert "### “五力”评价" in text and "| 单位 | 政治引领力 |" in text
    assert (
        "不对党组织评定星级" in text
    )  # no branch rated in the notice without branches, no organisation stars


def test_grading_without_ballots_is_warned() -> None:
    units = [UnitInfo("001", "市财政局"), UnitInfo("002", "市教育局")]
    sources = ResultSources(
        "c1",
        "2026年度考核",
        default_rules(),
        builtin_form("review_ballot"),
        units,
        [],
        closed=True,
        visit_totals={"001": [92.0], "002": [75.0]},
    )
    results = compute_results(sources)
    assert results.graded_without_ballots == ("001", "002")
    text = render_report(results, t, "zh")
    assert "注意：2 个单位没有有效测评票，其等次仅依据自评和日常督导评定：市财政局、市教育局。" in text


def test_a_top_ten_tie_is_reported_as_needing_a_run_off(campaign: Campaign) -> None:
    results = campaign_results(campaign.store)
    brands = [(f"B{n:02d}", f"品牌{n}", "U01", "市委办公室") for n in range(1, 13)]
    first_eight = [f"B{n:02d}" for n in range(1, 9)]
    tied = replace(results, brands=tally_brands([[*first_eight, "B09", "B10", "B11"], first_eight], brands))
    tied = replace(tied, ties=compute_results_ties(tied))
    text = render_report(tied, t, "zh")
    assert (
        "已确定 8 个；另有 3 个品牌以 1 票并列，争夺剩余 2 个名额，需加票决定：品牌9、品牌10、品牌11。"
        in text
    )
    section = text[text.index("## 四、") : text.index("## 五、")]
    table = section[section.index("| 名次 |") :]
    assert "品牌8" in table and "品牌9" not in table  # the tied brands are not listed as 十佳


def compute_results_ties(results: CampaignResults) -> tuple[TieNote, ...]:
    from exports.compute import _tie_notes

    return _tie_notes(results.units, default_rules(), results.brands)


def test_the_docx_notice_has_the_headings_and_tables_of_the_markdown(
    campaign: Campaign, tmp_path: Path
) -> None:
    runner = CliRunner()
    md, word = tmp_path / "通报.md", tmp_path / "通报.docx"
    for out in (md, word):
        done = runner.invoke(
            cli, ["--data", str(campaign.data_dir), "report", "-o", str(out)], catch_exceptions=False
        )
        assert done.exit_code == 0, done.output
    markdown = md.read_text(encoding="utf-8")
    document = docx.Document(str(word))
    headings = [
        p.text
        for p in document.paragraphs
        if p.style is not None and (p.style.name or "").startswith(("Heading", "Title"))
    ]
    expected = [line.lstrip("#").strip() for line in markdown.splitlines() if line.startswith("#")]
    assert headings == expected
    md_tables: list[list[list[str]]] = []
    current: list[list[str]] = []
    for line in [*markdown.splitlines(), ""]:
        if line.startswith("|"):
            if line.strip("|-: "):
                current.append(split_row(line))
        elif current:
            md_tables.append(current)
            current = []
    word_tables = [[[cell.text for cell in row.cells] for row in table.rows] for table in document.tables]
    assert word_tables == md_tables and word_tables  # the same cells, so the same numbers
    section = document.sections[0]
    assert section.page_width is not None and section.page_height is not None
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)  # A4
    body = next(p for p in document.paragraphs if "收回" in p.text)
    properties = body.runs[0]._element.rPr
    assert properties is not None and properties.rFonts is not None
    fonts = properties.rFonts
    assert fonts.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia") == "仿宋"


def test_split_row_undoes_the_markdown_escapes() -> None:
    assert split_row("| a\\|b | c\\\\d | 3 |") == ["a|b", "c\\d", "3"]
