"""Every export kind as Excel meets it: BOM, headers, the formula guard, Chinese comments, manifests."""

from __future__ import annotations

import csv
import hashlib
import json
from pathlib import Path

import pytest

from exports.csvio import read_csv, restore
from exports.kinds import KINDS, export_kind
from exports.manifest import manifest_path
from forms.errors import InputError, ProblemFound
from tests.exports.export_fixtures import COMMENTS, Campaign, build_campaign
from tui.i18n import set_language, t


def _rows(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8-sig", newline="") as source:
        return list(csv.reader(source))


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_writes_a_bom_file_and_a_matching_manifest(
    campaign: Campaign, tmp_path: Path, kind: str
) -> None:
    out = tmp_path / f"{kind}.csv"
    manifest = export_kind(campaign.store, kind, out, text=t)
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    saved = json.loads(manifest_path(out).read_text(encoding="utf-8"))
    assert saved["kind"] == kind
    assert saved["campaign_id"] == campaign.store.info.id
    assert saved["sha256"] == hashlib.sha256(data).hexdigest()
    assert saved["rows"] == len(_rows(out)) - 1 == manifest.rows
    assert saved["closing_digests"] == [closing.digest for closing in campaign.store.meeting.closings()]
    assert manifest.rows > 0


def test_ballot_rows_hold_no_code_and_no_time(campaign: Campaign, tmp_path: Path) -> None:
    out = tmp_path / "ballots.csv"
    export_kind(campaign.store, "ballots", out, plain=True)
    rows = _rows(out)
    header = rows[0]
    assert header[:5] == ["campaign", "form_id", "form_version", "terminal_id", "ballot_id"]
    days = {row[header.index("day")] for row in rows[1:]}
    assert all(len(day) == 10 for day in days)  # YYYY-MM-DD, never a time
    text = out.read_text(encoding="utf-8")
    assert "T" not in "".join(days) and ":" not in "".join(days)
    assert "code" not in header
    # 9 ballots x 12 units x 6 ratings + 4 comments each + 9 brand votes
    assert len(rows) - 1 == 9 * 12 * 6 + 9 * 4 + 9
    assert text.count("review_ballot") == 9 * (12 * 6 + 4)


def test_chinese_comments_survive_quoting_and_formulas_are_neutralized(
    campaign: Campaign, tmp_path: Path
) -> None:
    out = tmp_path / "ballots.csv"
    export_kind(campaign.store, "ballots", out, text=t)
    rows = _rows(out)
    comments = [row[11] for row in rows[1:] if row[9] == "comment"]
    assert {restore(comment) for comment in comments} == set(COMMENTS)
    assert '工作扎实，"亮点"突出,\n但台账不全；建议改进' in comments
    assert '\'=HYPERLINK("http://evil")' in comments
    assert "'-5分也不为过" in comments
    assert "'＠所有人：继续努力" in comments
    assert not any(cell and cell[0] in "=+@＝＋－＠" for row in rows for cell in row)
    raw = out.read_bytes().decode("utf-8-sig")
    assert ",100,1," in raw  # points and the valid flag stay bare numbers (names follow, for people)


def test_summary_headers_follow_the_language(campaign: Campaign, tmp_path: Path) -> None:
    zh = tmp_path / "zh.csv"
    export_kind(campaign.store, "summary", zh, text=t)
    assert _rows(zh)[0][:3] == ["名次", "单位编号", "单位名称"]
    set_language("en")
    try:
        en = tmp_path / "en.csv"
        export_kind(campaign.store, "summary", en, lang="en", text=t)
    finally:
        set_language("zh")
    header = _rows(en)[0]
    assert header[:3] == ["Rank", "Unit id", "Unit"]
    assert "Share Good (%)" in header and "Committee leaders mean" in header


def test_plain_summary_has_ids_no_bom_and_codes(campaign: Campaign, tmp_path: Path) -> None:
    out = tmp_path / "summary.csv"
    export_kind(campaign.store, "summary", out, plain=True, text=t)
    assert not out.read_bytes().startswith(b"\xef\xbb\xbf")
    rows = _rows(out)
    header = rows[0]
    assert header[:4] == ["rank", "unit_id", "unit_name", "liaison_group"]
    assert "share_good" in header and "group_leaders" in header
    grades = {row[header.index("grade")] for row in rows[1:]}
    assert grades <= {"good", "fairly_good", "average", "poor"}
    assert {row[header.index("change")] for row in rows[1:]} <= {"up", "down", "same", "new"}


def test_summary_numbers_match_the_results(campaign: Campaign, tmp_path: Path) -> None:
    from exports.results import campaign_results

    out = tmp_path / "summary.csv"
    export_kind(campaign.store, "summary", out, plain=True)
    rows = _rows(out)
    header = rows[0]
    results = campaign_results(campaign.store)
    for row, unit in zip(rows[1:], results.units, strict=True):
        assert row[header.index("unit_id")] == unit.unit_id
        assert float(row[header.index("composite")]) == pytest.approx(unit.composite, abs=1e-4)
        assert int(row[header.index("valid_ballots")]) == unit.valid_ballots


def test_results_stay_hidden_while_voting_is_open(tmp_path: Path) -> None:
    open_campaign = build_campaign(tmp_path / "d", units=6, ballots=2, close=False)
    for kind in ("ballots", "summary", "brands"):
        with pytest.raises(ProblemFound) as caught:
            export_kind(open_campaign.store, kind, tmp_path / f"{kind}.csv")
        assert caught.value.key == "export.voting_open"
        assert not (tmp_path / f"{kind}.csv").exists()
    export_kind(open_campaign.store, "codebook", tmp_path / "codebook.csv")  # no results in it


def test_unknown_kind_and_missing_folder(campaign: Campaign, tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        export_kind(campaign.store, "everything", tmp_path / "x.csv")
    assert caught.value.key == "export.unknown_kind"
    with pytest.raises(InputError) as caught:
        export_kind(campaign.store, "summary", tmp_path / "无此目录" / "x.csv")
    assert caught.value.key == "export.no_directory"


def test_codebook_explains_levels_and_columns(campaign: Campaign, tmp_path: Path) -> None:
    out = tmp_path / "codebook.csv"
    export_kind(campaign.store, "codebook", out, text=t)
    rows = _rows(out)
    assert rows[1][:3] == ["review_ballot", "2025.1", "ballot"]
    levels = {(row[4], row[7]): (row[8], row[9]) for row in rows[1:]}
    assert levels[("overall", "good")] == ("好", "100")
    assert levels[("overall", "poor")] == ("差", "40")
    assert any(row[4] == "answer" and row[6] == "column" for row in rows)


def test_supervision_export_reads_back(campaign: Campaign, tmp_path: Path) -> None:
    out = tmp_path / "supervision.csv"
    export_kind(campaign.store, "supervision", out, text=t)
    records = list(read_csv(out))
    assert records[0].cells[0] == "督导记录编号"
    assert {record.cells[1] for record in records[1:]} == {unit.id for unit in campaign.units[:4]}
