"""Issue 14, why 4 and 9: one official star per organisation, and the notice and chart on partial data."""

from __future__ import annotations

import csv
from dataclasses import replace
from pathlib import Path

from exports.kinds import export_kind
from exports.official import compare_stars, official_stars
from exports.report import render_report
from exports.results import campaign_results
from exports.stars import branch_stars
from tests.exports.export_fixtures import Campaign, self_answers
from tui.i18n import t
from tui.results.status import status_lines


def _rate_as_branch(campaign: Campaign, unit_id: str) -> None:
    store = campaign.store
    for item_id, value in self_answers(store.form("star_branch")).items():
        store.self_assessments.save_self_answer(unit_id, "star_branch", item_id, value)
    store.self_assessments.submit_self(unit_id, "star_branch", actor=unit_id)
    store.self_assessments.mark_reviewed(unit_id, "star_branch", "第一联络组")


def test_an_organisation_that_is_a_branch_has_one_star_explained_once(campaign: Campaign) -> None:
    """Why 4: the branch tab and the composite tab give the same star; the notice says why, once."""
    before = campaign_results(campaign.store).unit("U06")
    assert before is not None and not before.star_from_branch
    _rate_as_branch(campaign, "U06")  # 市委组织部 is itself a 党支部
    stars = branch_stars(campaign.store)
    assert stars is not None
    branch_row = next(row for row in stars.rows if row.unit_id == "U06")
    results = campaign_results(campaign.store)
    composite = results.unit("U06")
    assert composite is not None and branch_row.star is not None
    assert composite.star == branch_row.star and composite.star_from_branch
    assert official_stars(campaign.store)["U06"] == branch_row.star
    # With organisation stars in the notice (rules: organisation_stars = true), the one star is explained once.
    notice = render_report(replace(results, organisation_stars=True), t, "zh", "2027-01-10", None)
    assert notice.count("本身是党支部") == 1


def test_the_notice_on_partial_data_says_what_is_missing(campaign: Campaign) -> None:
    """Why 9: units without results are named, no comparison with a last year that does not exist."""
    store = campaign.store
    results = campaign_results(store)
    status = status_lines(store)
    assert "进行中" in status[0] and "尚缺" in status[1]
    notice = render_report(results, t, "zh", "2027-01-10", branch_stars(store), status)
    assert "结果状态：进行中" in notice
    without = [unit for unit in results.units if not unit.grade]
    if without:
        assert f"另有 {len(without)} 个单位尚无结果" in notice
    # Nobody had a star last year: no 上年 column, no up/down counts.
    first_year = results.__class__(
        **{
            **results.__dict__,
            "units": tuple(unit.__class__(**{**unit.__dict__, "last_star": None}) for unit in results.units),
            # The organisations' own stars (rules: organisation_stars = true), the section this is about.
            "organisation_stars": True,
        }
    )
    plain = render_report(first_year, t, "zh", "2027-01-10", None)
    section = plain[plain.index("## 三、星级评定") : plain.index("## 四、")]
    assert "上年度星级" not in section and "没有上年星级可比" in section


def test_the_chart_counts_the_same_units_on_both_sides(campaign: Campaign) -> None:
    """Why 9: last year's side counts only the units rated this year, never the unrated as 无星级."""
    stars = branch_stars(campaign.store)
    assert stars is not None
    compared = compare_stars(stars)
    rated = [row for row in stars.rows if row.star is not None]
    assert len(compared.this_year) == len(rated)
    assert compared.last_year is not None
    assert len(compared.last_year) + compared.no_last == len(rated)
    assert compared.unrated == len(stars.rows) - len(rated) > 0
    assert 0 not in compared.last_year or any(row.last_star == 0 for row in rated)


def test_excel_exports_write_stars_as_words(campaign: Campaign, tmp_path: Path) -> None:
    """Why 10: 一星…五星 / 无星级 in the Excel exports, never a 0 that reads as a score; --plain keeps digits."""
    out = tmp_path / "汇总.csv"
    export_kind(campaign.store, "summary", out, text=t)
    with open(out, encoding="utf-8-sig", newline="") as source:
        rows = list(csv.DictReader(source))
    stars = {row["星级"] for row in rows} - {""}
    assert stars and stars <= {"无星级", "一星", "二星", "三星", "四星", "五星"}
    # One result per unit, with its state on every row that has one (why 2, 3: never mistaken for final).
    assert {row["结果状态"] for row in rows if row["星级"]} == {"进行中"}
    plain = tmp_path / "plain.csv"
    export_kind(campaign.store, "summary", plain, plain=True, text=t)
    with open(plain, encoding="utf-8", newline="") as source:
        digits = {row["star"] for row in csv.DictReader(source)} - {""}
    assert digits and digits <= {"0", "1", "2", "3", "4", "5"}
