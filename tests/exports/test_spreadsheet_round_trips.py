"""Files that went through a spreadsheet come back: xlsx imports, TRUE/是 answers, stripped leading zeros,
letter-first random ids, and a roster import that would orphan data refused unless --drop-units names it."""

from __future__ import annotations

import csv
import io
import random
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner, Result

from exports.kinds import export_kind
from exports.sheets import match_code
from store.api import CampaignStore, Unit, open_store
from store.sealing import new_ballot_id, new_hex_id
from tests.exports.export_fixtures import roster_units, visit_answers
from tui.cli import cli
from tui.i18n import set_language, t


@pytest.fixture(autouse=True)
def _chinese_after_each_test() -> object:
    yield
    set_language("zh")


def run(data_dir: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--data", str(data_dir), "--lang", "zh", *args], catch_exceptions=False)


def _campaign(data_dir: Path, visits: int = 3) -> CampaignStore:
    """Units 001..008 coded as a committee numbers them, with supervision visits on the first ones."""
    store = open_store(data_dir)
    campaign = store.create_campaign("2026年度考核", 2026, ["review_ballot", "supervision_visit"])
    units = [
        Unit(id=f"{n:03d}", name=unit.name, org_name="", kind="", group=unit.group, order=n)
        for n, unit in enumerate(roster_units(8), start=1)
    ]
    campaign.roster.import_units(units)
    form = campaign.form("supervision_visit")
    rng = random.Random(5)
    for unit in units[:visits]:
        answers = visit_answers(form, rng)
        check = next(item.id for item in form.items() if item.type == "check")
        answers[check] = unit.id == "002"  # one yes, the others no
        campaign.visits.add_visit(
            unit.id, unit.group, "2026-06-01", "supervision_visit", answers, "走访，记录齐全"
        )
    return campaign


def _as_a_spreadsheet_saves(path: Path) -> None:
    """What LibreOffice/Excel do to our CSV on open-and-save: true/false -> TRUE/FALSE, 001 -> 1, and the
    numbers they parse written back plainly (2025.1 stays, 85.0 -> 85)."""
    text = path.read_bytes().decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    changed = []
    for row in rows:
        cells = []
        for cell in row:
            if cell in ("true", "false"):
                cell = cell.upper()
            elif cell.isdigit():
                cell = str(int(cell))
            else:
                try:
                    number = float(cell)
                except ValueError:
                    pass
                else:
                    if number.is_integer() and "e" not in cell.lower():
                        cell = str(int(number))
            cells.append(cell)
        changed.append(cells)
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(changed)
    path.write_bytes(out.getvalue().encode("utf-8-sig"))


def _data_rows(path: Path) -> list[list[object]]:
    """The rows without the visit id (new after an import); answers and points as numbers, since a
    spreadsheet writes the score 25.0 back as 25, the same number. Codes stay text: 001 is not 1."""

    def value(cell: str) -> object:
        try:
            return float(cell)
        except ValueError:
            return cell

    rows = list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"))))
    visit_id = rows[0].index(t("export.col.visit_id"))
    numeric = {rows[0].index(t(f"export.col.{column}")) for column in ("answer", "answer_label", "points")}
    return sorted(
        (
            [value(cell) if index in numeric else cell for index, cell in enumerate(row) if index != visit_id]
            for row in rows[1:]
        ),
        key=repr,
    )


def test_supervision_round_trip_through_a_spreadsheet(tmp_path: Path) -> None:
    first = _campaign(tmp_path / "a")
    exported = tmp_path / "督导.csv"
    export_kind(first, "supervision", exported, text=t)
    text = exported.read_bytes().decode("utf-8-sig")
    assert "true" in text and "false" in text and ",001," in text
    _as_a_spreadsheet_saves(exported)
    saved = exported.read_bytes().decode("utf-8-sig")
    assert "TRUE" in saved and "FALSE" in saved and ",1," in saved and ",001," not in saved
    second = _campaign(tmp_path / "b", visits=0)
    done = run(tmp_path / "b", "import", "supervision", str(exported))
    assert done.exit_code == 0, done.output
    again = tmp_path / "again.csv"
    export_kind(second, "supervision", again, text=t)
    original = tmp_path / "original.csv"
    export_kind(first, "supervision", original, text=t)
    assert _data_rows(again) == _data_rows(original)


def test_supervision_round_trip_through_xlsx(tmp_path: Path) -> None:
    first = _campaign(tmp_path / "a")
    exported = tmp_path / "督导.xlsx"
    export_kind(first, "supervision", exported, text=t, file_format="xlsx")
    second = _campaign(tmp_path / "b", visits=0)
    done = run(tmp_path / "b", "import", "supervision", str(exported))
    assert done.exit_code == 0, done.output
    again, original = tmp_path / "again.csv", tmp_path / "original.csv"
    export_kind(second, "supervision", again, text=t)
    export_kind(first, "supervision", original, text=t)
    assert _data_rows(again) == _data_rows(original)


def test_supervision_answers_as_true_or_shi_import_and_others_are_listed(tmp_path: Path) -> None:
    campaign = _campaign(tmp_path / "data", visits=1)
    exported = tmp_path / "督导.csv"
    export_kind(campaign, "supervision", exported, text=t)
    text = exported.read_bytes().decode("utf-8-sig").replace(",false,", ",是,")
    (tmp_path / "yes.csv").write_bytes(text.encode("utf-8-sig"))
    assert run(tmp_path / "data", "import", "supervision", str(tmp_path / "yes.csv")).exit_code == 0
    visits = campaign.visits.visits()
    assert len(visits) == 2 and any(visit.answers.get("has_findings") is True for visit in visits)
    bad = text.replace(",是,", ",对,")
    (tmp_path / "bad.csv").write_bytes(bad.encode("utf-8-sig"))
    done = run(tmp_path / "data", "import", "supervision", str(tmp_path / "bad.csv"))
    assert done.exit_code == 2
    assert "“对”不是是/否答案；可用：TRUE、true、是、1、FALSE、false、否、0" in done.output
    assert len(campaign.visits.visits()) == 2  # nothing half-imported


def _roster_xlsx(path: Path, rows: list[list[object]], formula: bool = False) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "单位名单"
    sheet.append(["编号", "单位名称", "所属联络组"])
    for row in rows:
        sheet.append(row)
    if formula:
        sheet["B3"] = '=CONCAT("市","局")'
    book.save(path)


def test_an_xlsx_roster_with_001_codes_imports_as_text(tmp_path: Path) -> None:
    open_store(tmp_path / "data").create_campaign("2026年度考核", 2026, ["review_ballot"])
    rows: list[list[object]] = [[f"{n:03d}", f"市第{n}局", "第一联络组"] for n in range(1, 67)]
    _roster_xlsx(tmp_path / "名单.xlsx", rows)
    done = run(tmp_path / "data", "units", "import", str(tmp_path / "名单.xlsx"))
    assert done.exit_code == 0, done.output
    units = open_store(tmp_path / "data").campaign(None).roster.units()
    assert [unit.id for unit in units][:3] == ["001", "002", "003"] and len(units) == 66
    assert units[39].name == "市第40局"


def test_an_xlsx_import_names_file_sheet_row_and_column(tmp_path: Path) -> None:
    open_store(tmp_path / "data").create_campaign("2026年度考核", 2026, ["review_ballot"])
    _roster_xlsx(
        tmp_path / "名单.xlsx", [["001", "市财政局", "第一联络组"], ["002", "x", "第一联络组"]], formula=True
    )
    done = run(tmp_path / "data", "units", "import", str(tmp_path / "名单.xlsx"))
    assert done.exit_code == 2
    assert f"{tmp_path / '名单.xlsx'}:单位名单:3: 单位名称: 单元格是公式" in done.output
    broken = tmp_path / "坏.xlsx"
    broken.write_bytes(b"not a zip")
    done = run(tmp_path / "data", "units", "import", str(broken))
    assert (
        done.exit_code == 2 and "不是可读取的 xlsx 工作簿" in done.output and "Traceback" not in done.output
    )


def test_a_roster_saved_without_leading_zeros_matches_the_stored_codes(tmp_path: Path) -> None:
    campaign = _campaign(tmp_path / "data")
    lines = ["编号,单位名称,所属联络组"] + [
        f"{int(unit.id)},{unit.name},{unit.group}" for unit in campaign.roster.units()
    ]
    (tmp_path / "名单.csv").write_bytes("\r\n".join(lines).encode("utf-8-sig"))
    done = run(tmp_path / "data", "units", "import", str(tmp_path / "名单.csv"))
    assert done.exit_code == 0, done.output
    assert "8 个纯数字编号" in done.output
    assert [unit.id for unit in campaign.roster.units()] == [f"{n:03d}" for n in range(1, 9)]
    assert "替换前的名单已备份" in done.output and ".zip" in done.output


def test_a_roster_that_would_orphan_visits_is_refused_unless_drop_units_names_them(tmp_path: Path) -> None:
    campaign = _campaign(tmp_path / "data")
    kept = [unit for unit in campaign.roster.units() if unit.id != "002"]
    lines = ["编号,单位名称,所属联络组"] + [f"{unit.id},{unit.name},{unit.group}" for unit in kept]
    (tmp_path / "名单.csv").write_bytes("\r\n".join(lines).encode("utf-8-sig"))
    done = run(tmp_path / "data", "units", "import", str(tmp_path / "名单.csv"))
    assert done.exit_code == 2
    assert "单位 002" in done.output and "督导记录" in done.output and "--drop-units 002" in done.output
    assert len(campaign.roster.units()) == 8  # nothing imported
    done = run(tmp_path / "data", "units", "import", str(tmp_path / "名单.csv"), "--drop-units", "002")
    assert done.exit_code == 0, done.output
    assert len(campaign.roster.units()) == 7


def test_a_csv_roster_with_formula_codes_is_refused(tmp_path: Path) -> None:
    open_store(tmp_path / "data").create_campaign("2026年度考核", 2026, ["review_ballot"])
    lines = ["编号,单位名称", '"=""001""",市财政局', "002,市教育局"]
    (tmp_path / "名单.csv").write_bytes("\r\n".join(lines).encode("utf-8-sig"))
    done = run(tmp_path / "data", "units", "import", str(tmp_path / "名单.csv"))
    assert done.exit_code == 2
    assert f'{tmp_path / "名单.csv"}:2: 编号: 单元格是公式（="001"）' in done.output


def test_match_code_restores_zeros_only_when_unambiguous() -> None:
    assert match_code("40", {"040", "041"}) == "040"
    assert match_code("040", {"040"}) == "040"
    assert match_code("40", {"040", "0040"}) is None  # ambiguous
    assert match_code("U40", {"U040"}) is None  # only all-digit codes


def test_random_ids_always_have_a_letter_first() -> None:
    ids = [new_ballot_id() for _ in range(2000)] + [new_hex_id(12) for _ in range(2000)]
    assert all(ident[0] in "abcdef" for ident in ids)
    assert all(int(ident, 16) >= 0 for ident in ids)
    assert len({len(ident) for ident in ids[:2000]}) == 1
