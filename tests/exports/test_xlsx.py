"""xlsx exports read back with openpyxl: typed cells, `001` intact, Chinese intact, frozen bold header."""

from __future__ import annotations

import datetime
import random
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from exports.kinds import KINDS, export_kind
from exports.manifest import read_manifest
from exports.xlsx import cell_xml, write_xlsx
from store.api import Brand, CampaignStore, Unit, open_store
from tests.exports.export_fixtures import Campaign, roster_units, valid_ballot
from tui.i18n import t


def _rows(path: Path) -> list[tuple[object, ...]]:
    book = openpyxl.load_workbook(path, read_only=True)
    return [tuple(row) for row in book.active.iter_rows(values_only=True)]


def _zero_padded_campaign(data_dir: Path) -> CampaignStore:
    """Six units coded 001..006 (as a committee numbers its roster), two brands, five sealed ballots."""
    store = open_store(data_dir)
    campaign = store.create_campaign(
        "2026年度考核", 2026, ["review_ballot", "brand_vote", "supervision_visit"]
    )
    units = [
        Unit(id=f"{n:03d}", name=unit.name, org_name="", kind="", group=unit.group, order=n)
        for n, unit in enumerate(roster_units(6), start=1)
    ]
    campaign.roster.import_units(units)
    campaign.roster.import_brands([Brand("B01", "“为民服务”窗口", "001"), Brand("B02", "红色驿站", "002")])
    form = campaign.form("review_ballot")
    group = campaign.info.rater_groups[0]
    codes = campaign.codes.issue_codes(group, 5)
    campaign.meeting.open_voting("admin")
    rng = random.Random(3)
    for code in codes:
        answers = valid_ballot(form, [unit.id for unit in units], rng)
        answers["*"] = {"brands": ["B01"]}
        campaign.ballots.seal_ballots(code, ["review_ballot", "brand_vote"], answers)
    campaign.meeting.close_voting("admin")
    return campaign


def test_every_kind_exports_as_xlsx_and_reads_back(campaign: Campaign, tmp_path: Path) -> None:
    for kind in KINDS:
        out = tmp_path / f"{kind}.xlsx"
        manifest = export_kind(campaign.store, kind, out, text=t, file_format="xlsx")
        rows = _rows(out)
        assert len(rows) == manifest.rows + 1, kind
        assert read_manifest(out).sha256 == manifest.sha256
        assert all(isinstance(title, str) and title for title in rows[0]), kind
    summary = _rows(tmp_path / "summary.xlsx")
    header = summary[0]
    first = dict(zip(header, summary[1], strict=True))
    assert isinstance(first[t("export.col.valid_ballots")], int)
    assert isinstance(first[t("export.col.review_score")], float | int)
    unit_name = first[t("export.col.unit_name")]
    assert isinstance(unit_name, str) and "市" in unit_name

    ballots = _rows(tmp_path / "ballots.xlsx")
    row = dict(zip(ballots[0], ballots[1], strict=True))
    assert isinstance(row[t("export.col.day")], datetime.datetime)  # a date cell
    assert row[t("export.col.form_version")] == "2025.1"  # text, not the number 2025.1
    assert isinstance(row[t("export.col.ballot_id")], str)
    # the formula guard is kept: a comment that would be a formula stays visible text
    comments = [
        cell for line in ballots[1:] for cell in line if isinstance(cell, str) and "HYPERLINK" in cell
    ]
    assert comments and all(cell.startswith("'=") for cell in comments)


def test_xlsx_keeps_001_as_text_and_formats_shares_as_percent(tmp_path: Path) -> None:
    campaign = _zero_padded_campaign(tmp_path / "data")
    out = tmp_path / "summary.xlsx"
    export_kind(campaign, "summary", out, text=t, file_format="xlsx")
    book = openpyxl.load_workbook(out)  # full mode: styles and the frozen pane are visible
    sheet = book.active
    assert sheet.freeze_panes == "A2"
    assert all(cell.font.b for cell in sheet[1])
    header = [cell.value for cell in sheet[1]]
    ids = [row[header.index(t("export.col.unit_id"))].value for row in sheet.iter_rows(min_row=2)]
    assert sorted(ids) == ["001", "002", "003", "004", "005", "006"]
    rate = sheet.cell(row=2, column=header.index(t("export.col.good_rate")) + 1)
    assert rate.number_format == "0.00%" and 0 <= rate.value <= 1
    width = sheet.column_dimensions["C"].width
    assert width and width >= 8  # the unit names are Chinese: two columns per character


def test_the_cli_writes_xlsx_by_suffix_or_flag(tmp_path: Path) -> None:
    from tui.cli import cli as main

    _zero_padded_campaign(tmp_path / "data")
    runner = CliRunner()
    done = runner.invoke(
        main, ["--data", str(tmp_path / "data"), "export", "brands", "-o", str(tmp_path / "品牌.xlsx")]
    )
    assert done.exit_code == 0, done.output
    assert _rows(tmp_path / "品牌.xlsx")[1][2] == "“为民服务”窗口"
    done = runner.invoke(
        main,
        [
            "--data",
            str(tmp_path / "data"),
            "export",
            "brands",
            "--format",
            "xlsx",
            "-o",
            str(tmp_path / "b.dat"),
        ],
    )
    assert done.exit_code == 0, done.output
    with open(tmp_path / "b.dat", "rb") as handle:
        assert openpyxl.load_workbook(handle, read_only=True).active is not None


@pytest.mark.parametrize(
    ("value", "kind", "expected"),
    [
        ("001", "text", '<c t="inlineStr"><is><t xml:space="preserve">001</t></is></c>'),
        (80, "text", "<c><v>80</v></c>"),
        (20.0, "percent", '<c s="2"><v>0.2</v></c>'),
        ("2026-12-20", "date", '<c s="3"><v>46376</v></c>'),
        ("", "text", "<c/>"),
        (
            "a<b&\x01_x0041_",
            "text",
            '<c t="inlineStr"><is><t xml:space="preserve">a&lt;b&amp;_x0001__x005F_x0041_</t></is></c>',
        ),
    ],
)
def test_cell_xml(value: object, kind: str, expected: str) -> None:
    assert cell_xml(value, kind) == expected


def test_odd_text_survives_a_round_trip(tmp_path: Path) -> None:
    # (control characters are written as Excel's _xHHHH_ escapes, which openpyxl does not decode: see
    # test_cell_xml)
    odd = ["'=1+1", "工作\n扎实", "1e10", "  空格  ", "2025.10", "0012"]
    write_xlsx(tmp_path / "odd.xlsx", ["文本"], ["text"], [[text] for text in odd])
    assert [row[0] for row in _rows(tmp_path / "odd.xlsx")[1:]] == odd
