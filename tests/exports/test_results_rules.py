"""Issue 11's results, assembled: the 五力 means of 3 units, plain and trimmed means, ties in the results."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from pathlib import Path

import pytest

from exports.compute import BallotRecord, ResultSources, UnitInfo, compute_results, tally_brands
from exports.kinds import export_kind
from forms.builtin import builtin_form
from forms.rules import default_rules
from tests.exports.export_fixtures import Campaign

FIVE = ("political_leadership", "execution", "cohesion", "member_vanguard", "service")


def _ballot(ident: str, group: str, rows: dict[str, tuple[str, ...]]) -> BallotRecord:
    """A ballot whose rows give, per unit, the overall rating then the five 五力 ratings."""
    return BallotRecord(
        ident,
        group,
        {
            unit: {"overall": levels[0], **dict(zip(FIVE, levels[1:], strict=True))}
            for unit, levels in rows.items()
        },
    )


G, F, A, P = "good", "fairly_good", "average", "poor"


def _three_units() -> ResultSources:
    units = [UnitInfo("001", "市财政局"), UnitInfo("002", "市教育局"), UnitInfo("003", "市卫健委")]
    ballots = [
        _ballot(
            "b1", "members", {"001": (G, G, F, A, G, F), "002": (F, F, F, F, F, G), "003": (A, P, A, A, F, A)}
        ),
        _ballot(
            "b2", "members", {"001": (G, G, G, F, G, A), "002": (F, G, F, F, A, G), "003": (F, A, A, P, F, A)}
        ),
        _ballot(
            "b3", "members", {"001": (F, F, F, A, G, F), "002": (G, F, A, F, F, G), "003": (A, A, F, A, A, P)}
        ),
    ]
    # The per-ballot quotas (30 % 好) and invalid rules leave a 3-unit meeting no room; they are not the point.
    form = replace(builtin_form("review_ballot"), quotas=(), invalid_rules=())
    return ResultSources("c1", "2026年度考核", default_rules(), form, units, ballots, closed=True)


def test_the_five_strengths_means_of_three_units() -> None:
    results = compute_results(_three_units())
    means = {unit.unit_id: dict(unit.dimension_means) for unit in results.units}
    # 001: 政治引领力 G G F = (100+100+80)/3 = 93.33; 工作执行力 F G F = 86.67; 组织凝聚力 A F A = 66.67;
    #      党员战斗力 G G G = 100; 群众服务力 F A F = 73.33
    assert means["001"] == pytest.approx(
        {"political_leadership": 280 / 3, "execution": 260 / 3, "cohesion": 200 / 3,
         "member_vanguard": 100, "service": 220 / 3}
    )  # fmt: skip
    # 002: F G F = 86.67; F F A = 73.33; F F F = 80; F A F = 73.33; G G G = 100
    assert means["002"] == pytest.approx(
        {"political_leadership": 260 / 3, "execution": 220 / 3, "cohesion": 80,
         "member_vanguard": 220 / 3, "service": 100}
    )  # fmt: skip
    # 003: P A A = (40+60+60)/3 = 53.33; A A F = 66.67; A P A = 53.33; F F A = 73.33; A A P = 53.33
    assert means["003"] == pytest.approx(
        {"political_leadership": 160 / 3, "execution": 200 / 3, "cohesion": 160 / 3,
         "member_vanguard": 220 / 3, "service": 160 / 3}
    )  # fmt: skip
    unit = {unit.unit_id: unit for unit in results.units}
    assert (unit["001"].strongest, unit["001"].weakest) == ("member_vanguard", "cohesion")
    assert (unit["002"].strongest, unit["002"].weakest) == (
        "service",
        "execution",
    )  # first lowest in form order
    assert (unit["003"].strongest, unit["003"].weakest) == ("member_vanguard", "political_leadership")
    assert [ident for ident, _, _ in results.dimensions] == list(FIVE)
    assert results.dimension_label("cohesion", "zh") == "组织凝聚力"


def test_plain_and_trimmed_means_are_both_in_the_results() -> None:
    sources = _three_units()
    # seven more 党员代表 ballots rating 001 好: 10 in the group, so the group is trimmed
    extra = [_ballot(f"x{n}", "members", {"001": (G, G, G, G, G, G)}) for n in range(7)]
    results = compute_results(replace(sources, ballots=[*sources.ballots, *extra]))
    unit = next(unit for unit in results.units if unit.unit_id == "001")
    # ratings 100 100 80 + 7 x 100: plain 980 / 10 = 98; trimmed drops one 100 and the 80: 800 / 8 = 100
    assert unit.review_plain == pytest.approx(98)
    assert unit.review_score == pytest.approx(100)


def test_a_surviving_grade_tie_is_noted_in_the_results() -> None:
    sources = _three_units()
    rules = default_rules()
    bands = tuple(replace(band, max_share=0.34) if band.code == "good" else band for band in rules.grades)
    same = ("good",) * 6
    ballots = [_ballot(f"b{n}", "members", {"001": same, "002": same, "003": (A,) * 6}) for n in range(3)]
    results = compute_results(replace(sources, rules=replace(rules, grades=bands), ballots=ballots))
    # 34 % of 3 units = 1 好 place; 001 and 002 tie at 100 with the same 好-rate and 好+较好 count
    assert [note.kind for note in results.ties] == ["grade"]
    assert results.ties[0].units == ("001", "002") and results.ties[0].over == 1
    assert {unit.unit_id: unit.grade for unit in results.units} == {
        "001": "good",
        "002": "good",
        "003": "average",
    }
    assert results.units[0].rank == results.units[1].rank == 1


def test_a_top_ten_tie_is_noted_and_no_tied_brand_is_called_top_ten() -> None:
    brands = [(f"B{n:02d}", f"品牌{n}", "001", "市财政局") for n in range(1, 13)]
    first_eight = [f"B{n:02d}" for n in range(1, 9)]
    votes = [[*first_eight, "B09", "B10", "B11"], first_eight]
    tallies = tally_brands(votes, brands)
    status = {tally.brand_id: tally.status for tally in tallies}
    assert [brand for brand, value in status.items() if value == "top"] == [f"B{n:02d}" for n in range(1, 9)]
    assert [brand for brand, value in status.items() if value == "runoff"] == ["B09", "B10", "B11"]
    decided = tally_brands(votes, brands, runoffs=[[["B10", "B11"], ["B11"], ["B10"], ["B09"]]])
    # run-off: B10 2, B11 2, B09 1 -> B10 and B11 take the two places left
    assert sorted(tally.brand_id for tally in decided if tally.top_ten) == sorted(
        [f"B{n:02d}" for n in range(1, 9)] + ["B10", "B11"]
    )
    assert next(tally for tally in decided if tally.brand_id == "B09").runoff_votes == 1


def test_summary_and_codebook_show_the_five_strengths_and_what_counts(
    campaign: Campaign, tmp_path: Path
) -> None:
    out = tmp_path / "summary.csv"
    export_kind(campaign.store, "summary", out, plain=True)
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    first = rows[0]
    for column in ("review_plain", "review_score", "good_and_fairly_good", "strongest", "weakest", "tie"):
        assert column in first
    assert float(first["dim_political_leadership"]) > 0
    assert first["strongest"] in FIVE and first["weakest"] in FIVE
    book = tmp_path / "codebook.csv"
    export_kind(campaign.store, "codebook", book, plain=True)
    counted = {
        (row["form_id"], row["item_id"]): row["counts_in_score"]
        for row in csv.DictReader(io.StringIO(book.read_text(encoding="utf-8")))
        if row["form_id"] == "review_ballot"
    }
    assert counted[("review_ballot", "overall")] == "1"
    assert counted[("review_ballot", "political_leadership")] == "0"  # a 五力 dimension: shown, not scored
