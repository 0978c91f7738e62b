"""Branch stars (星级党支部): verified and provisional scores, the five-star quota, changes, export and notice."""

from __future__ import annotations

import csv
from dataclasses import replace
from pathlib import Path

from exports.kinds import export_kind
from exports.report import render_report
from exports.results import campaign_results
from exports.stars import branch_stars, compute_branch_stars
from forms.builtin import builtin_form
from forms.rules import default_rules
from store.api import SelfAssessment, Unit
from tests.exports.export_fixtures import Campaign, self_answers
from tui.i18n import t


def test_branch_stars_from_the_store(campaign: Campaign) -> None:
    found = branch_stars(campaign.store)
    assert found is not None
    rows = {row.unit_id: row for row in found.rows}
    first, second, third = rows["U01-1"], rows["U01-2"], rows["U01-3"]
    assert (first.state, first.verified, first.score, first.band_stars) == ("reviewed", True, 100.0, 5)
    assert (second.state, second.verified, second.band_stars) == ("submitted", False, 5)
    assert second.score is not None and second.score < 100
    assert (third.state, third.star, third.change) == ("new", None, None)
    # Rating under way (one branch awaits review, one not started): provisional stars, not cut by the quota
    # (issue 14, why 3: a quota over the two rated so far would hold both at four).
    assert found.provisional
    # The quota counts all six units to be rated (three branches, three organisations that are a branch).
    assert len(found.rows) == 6 and found.five_star_allowed == 1
    assert found.five_star == 2 and found.held_by_quota == 0
    assert (first.star, first.reason, first.change) == (5, None, "up")
    assert (second.star, second.change) == (5, "same")
    assert first.parent_name == "市委办公室" and first.liaison_group == "第一联络组"
    # Final: the quota over all six (floor(0.3 x 6) = 1) keeps the best at five, holds the other at four.
    final = branch_stars(campaign.store, final=True)
    assert final is not None and not final.provisional
    rows = {row.unit_id: row for row in final.rows}
    assert (rows["U01-1"].star, rows["U01-1"].reason, rows["U01-1"].change) == (5, None, "up")
    assert (rows["U01-2"].star, rows["U01-2"].reason, rows["U01-2"].change) == (4, "quota", "down")


def _branch(number: int, last: int | None) -> Unit:
    return Unit(
        f"B{number:02d}", f"第{number}党支部", "", "党支部", parent_id="U01", last_star=last, order=number
    )


def test_the_quota_keeps_the_best_five_star_branches() -> None:
    form = builtin_form("star_branch")
    rules = default_rules()
    units = [Unit("U01", "市委办公室", "", "机关党委", group="第一联络组")] + [
        _branch(n, 4) for n in range(1, 11)
    ]
    records = []
    for number in range(1, 11):
        answers = self_answers(form)
        answers["dues_late"] = (number - 1) // 3  # three branches at 100, three a point lower, ...
        notes = {"dues_late": "已整改"} if answers["dues_late"] else {}
        records.append(SelfAssessment(f"B{number:02d}", form.id, form.version, "reviewed", answers, notes))
    found = compute_branch_stars(form, units, records, rules)
    assert found.five_star_allowed == 3
    five = sorted(row.unit_id for row in found.rows if row.star == 5)
    assert five == ["B01", "B02", "B03"]
    assert found.within_quota
    assert all(row.parent_name == "市委办公室" and row.liaison_group == "第一联络组" for row in found.rows)
    assert {row.change for row in found.rows if row.star == 5} == {"up"}


def test_stars_export_lists_every_rated_unit(campaign: Campaign, tmp_path: Path) -> None:
    out = tmp_path / "星级.csv"
    manifest = export_kind(campaign.store, "stars", out, text=t)
    with open(out, encoding="utf-8-sig", newline="") as source:
        rows = list(csv.reader(source))
    assert rows[0][:3] == ["单位编号", "单位名称", "上级党组织"]
    by_id = {row[0]: row for row in rows[1:]}
    # Stars in words (issue 14, why 10), provisional while rating is under way, saying so.
    assert by_id["U01-1"][4] == "已审核" and by_id["U01-1"][8] == "五星" and by_id["U01-1"][11] == ""
    assert by_id["U01-1"][9] == "四星" and by_id["U01-1"][10] == "升"
    assert by_id["U01-1"][13] == "进行中（暂定，未按五星比例核减）"
    assert by_id["U01-3"][8] == "" and by_id["U01-3"][13] == ""
    assert manifest.rows == len(rows) - 1


def test_the_notice_lists_branch_stars_when_branches_are_rated(campaign: Campaign) -> None:
    results = campaign_results(campaign.store)
    text = render_report(results, t, "zh", "2027-01-10", branch_stars(campaign.store))
    section = text[text.index("## 三、星级评定") : text.index("## 四、")]
    assert "共评定党支部 2 个" in section and "五星上限 1 个" in section
    assert "尚未提交星级自评" in section and "星级为暂定" in section
    # Rating under way: provisional, uncut, and the notice says so (issue 14, why 3).
    assert "未按五星比例核减" in section
    assert "因五星比例限制评为四星" not in section
    final = render_report(results, t, "zh", "2027-01-10", branch_stars(campaign.store, final=True))
    final_section = final[final.index("## 三、星级评定") : final.index("## 四、")]
    assert "降星的党支部" in final_section and "市委办公室第二党支部" in final_section
    assert "因五星比例限制评为四星" in final_section
    without = render_report(results, t, "zh", "2027-01-10", None)
    # no rated branch: organisations get no stars unless the rules ask (issue 11)
    assert "不对党组织评定星级" in without and "| 单位 | 本年度星级 |" not in without
    asked = render_report(replace(results, organisation_stars=True), t, "zh", "2027-01-10", None)
    assert "| 单位 | 本年度星级 | 上年度星级 | 升降 |" in asked
