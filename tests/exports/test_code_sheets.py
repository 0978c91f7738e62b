"""Code sheets are written by the exports core: issued and written at once, an earlier sheet never lost."""

from __future__ import annotations

from pathlib import Path

import pytest

from exports.code_sheets import issue_ballot_sheet, issue_group_sheet, issue_unit_sheet
from forms.errors import InputError
from store.api import CampaignStore, Unit, open_store
from tui.i18n import t


def make_small_campaign(data_dir: Path) -> CampaignStore:
    campaign = open_store(data_dir).create_campaign("2026年度测试考核", 2026, ["review_ballot"])
    units = [
        Unit(f"U{i:02d}", f"市测试局{i}", "", "机关党委", None, "第一联络组", "", None, i) for i in (1, 2)
    ]
    campaign.roster.import_units(units)
    return campaign


def test_a_ballot_sheet_is_refused_before_any_code_is_issued(tmp_path: Path) -> None:
    campaign = make_small_campaign(tmp_path / "data")
    taken = tmp_path / "码单.csv"
    taken.with_suffix(".txt").write_text("earlier slips", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        issue_ballot_sheet(campaign, "members", 3, tmp_path / "码单", t, "zh")
    assert caught.value.key == "store.cmd.output_exists"
    assert sum(p.issued for p in campaign.meeting.participation()) == 0


def test_a_ballot_sheet_names_the_group_in_the_language(tmp_path: Path) -> None:
    campaign = make_small_campaign(tmp_path / "data")
    group = campaign.rules().rater_groups[0]
    issued = issue_ballot_sheet(campaign, group.zh, 2, tmp_path / "sheet.csv", t, "en")
    assert issued.count == 2 and issued.holder == (group.en or group.zh)
    assert issued.csv.exists() and issued.text.exists()


def test_unit_and_group_sheets_never_overwrite_and_reissue_needs_consent(tmp_path: Path) -> None:
    campaign = make_small_campaign(tmp_path / "data")
    first = issue_unit_sheet(campaign, [], tmp_path / "单位登录码.csv", False, t)
    with pytest.raises(InputError) as caught:
        issue_unit_sheet(campaign, ["U01"], tmp_path / "单位登录码2.csv", False, t)
    assert caught.value.key == "store.cmd.reissue_needs_yes"
    with pytest.raises(InputError) as caught:
        issue_unit_sheet(campaign, ["U01"], first.csv, True, t)
    assert caught.value.key == "store.cmd.output_exists"
    second = issue_unit_sheet(campaign, ["U01"], tmp_path / "单位登录码2.csv", True, t)
    assert first.csv != second.csv and first.csv.exists() and second.count == 1
    with pytest.raises(InputError) as caught:
        issue_group_sheet(campaign, campaign.dir / "联络组.csv", False, t)
    assert caught.value.key == "trust.output_inside_data"
    groups = issue_group_sheet(campaign, tmp_path / "联络组登录码.csv", False, t)
    assert groups.count == 1 and "第一联络组" in groups.text.read_text(encoding="utf-8")
