"""The results: counts, validity, grades, ranks, stars and quota, bias diagnostics, brand tally, self-assessment caps."""

from __future__ import annotations

from collections.abc import Mapping

from exports.compute import (
    BallotRecord,
    ResultSources,
    SelfScore,
    UnitInfo,
    compute_results,
    group_id_for,
    tally_brands,
)
from exports.model import CampaignResults, UnitResult
from exports.results import campaign_results
from forms.builtin import builtin_form
from forms.rules import Rules, default_rules
from tests.exports.export_fixtures import Campaign


def test_campaign_results_count_every_ballot_and_flag_the_straight_lined_one(campaign: Campaign) -> None:
    results = campaign_results(campaign.store)
    assert len(results.units) == 12
    assert results.participation.ballots_sealed == 9
    assert results.participation.ballots_valid == 8
    assert results.participation.codes_issued == 16
    for unit in results.units:
        assert (unit.valid_ballots, unit.invalid_ballots) == (8, 1)
        assert unit.review_score is not None and 40 <= unit.review_score <= 100
        assert unit.grade in {"good", "fairly_good", "average", "poor"}
        assert unit.grade_zh in {"好", "较好", "一般", "差"}
    assert results.bias.straight_lined == 1
    assert results.closed and len(results.closing_digests) == 1


def test_units_come_ranked_best_first_with_competition_ranks(campaign: Campaign) -> None:
    results = campaign_results(campaign.store)
    composites = [unit.composite for unit in results.units]
    assert None not in composites
    scored = [composite for composite in composites if composite is not None]
    assert scored == sorted(scored, reverse=True)
    assert results.units[0].rank == 1
    ranks = [unit.rank for unit in results.units]
    assert None not in ranks
    ranked = [rank for rank in ranks if rank is not None]
    assert ranked == sorted(ranked)


def test_stars_respect_the_quota_and_change_against_last_year(campaign: Campaign) -> None:
    results = campaign_results(campaign.store)
    quota = results.star_quota
    assert quota.five_star_allowed == 3  # 30% of 12 units
    assert quota.within and quota.five_star_units <= 3
    for unit in results.units:
        assert unit.star is not None
        if unit.last_star is None:
            assert unit.change == "new"
        elif unit.star > unit.last_star:
            assert unit.change == "up"
        elif unit.star < unit.last_star:
            assert unit.change == "down"
        else:
            assert unit.change == "same"


def test_supervision_counts_only_for_visited_units(campaign: Campaign) -> None:
    results = campaign_results(campaign.store)
    visited = {unit.id for unit in campaign.units[:4]}
    for unit in results.units:
        assert (unit.supervision is not None) == (unit.unit_id in visited)
        assert unit.visits == (1 if unit.unit_id in visited else 0)


def test_brand_tally_counts_each_ballots_picks(campaign: Campaign) -> None:
    results = campaign_results(campaign.store)
    assert sum(tally.votes for tally in results.brands) == 9 * 3
    assert [tally.place for tally in results.brands] == sorted(tally.place for tally in results.brands)
    assert results.brands[0].unit_name


def _sources(
    ballots: list[BallotRecord], self_scores: Mapping[str, SelfScore] | None = None
) -> ResultSources:
    units = [UnitInfo(f"U{i}", f"单位{i}", "第一联络组", 4) for i in range(1, 11)]
    return ResultSources(
        campaign_id="c",
        campaign_name="测试",
        rules=default_rules(),
        ballot_form=builtin_form("review_ballot"),
        units=units,
        ballots=ballots,
        self_scores=self_scores or {},
    )


def _ballot(ballot_id: str, group: str, ratings: list[str]) -> BallotRecord:
    return BallotRecord(
        ballot_id, group, {f"U{i + 1}": {"overall": level} for i, level in enumerate(ratings)}
    )


MIXED = [
    "good",
    "good",
    "good",
    "fairly_good",
    "fairly_good",
    "average",
    "average",
    "poor",
    "fairly_good",
    "average",
]


def test_a_veto_caps_the_star_and_is_named() -> None:
    ballots = [_ballot(f"b{n}", "members", MIXED) for n in range(6)]
    capped = SelfScore(own=100.0, verified=100.0, vetoes=("发生违纪违法问题",), star_cap=1)
    results = compute_results(_sources(ballots, self_scores={"U1": capped}))
    unit = results.unit("U1")
    assert unit is not None
    assert unit.star == 1 and unit.vetoes == ("发生违纪违法问题",)
    assert unit.change == "down"


def test_group_leniency_compares_like_with_like() -> None:
    generous = ["good", "good", "good"] + ["fairly_good"] * 7
    strict = ["fairly_good", "fairly_good", "fairly_good"] + ["average"] * 7
    # Five ballots each: a group of fewer is withheld (rules.min_group_ballots, tests/exports/test_small_groups.py).
    ballots = [_ballot(f"g{n}", "leaders", generous) for n in range(5)] + [
        _ballot(f"s{n}", "served", strict) for n in range(5)
    ]
    results = compute_results(_sources(ballots))
    leniency = {group.group_id: group.leniency for group in results.bias.groups}
    assert leniency["leaders"] is not None and leniency["leaders"] > 0
    assert leniency["served"] is not None and leniency["served"] < 0
    assert abs(leniency["leaders"] + leniency["served"]) < 1e-9


def test_trimming_that_moves_a_rank_is_reported() -> None:
    # U1 gets one 差 among six 好, U2 one 较好 among six 好: by the mean U2 leads; trimmed, both score 100.
    rest = ["average", "fairly_good", "average", "poor", "average", "fairly_good", "average", "poor"]
    rows = [
        BallotRecord(
            f"b{n}",
            "members",
            {
                "U1": {"overall": "poor" if n == 0 else "good"},
                "U2": {"overall": "fairly_good" if n == 0 else "good"},
                **{f"U{i + 3}": {"overall": level} for i, level in enumerate(rest)},
            },
        )
        for n in range(7)
    ]
    results = compute_results(_sources(rows))
    shifts = {
        shift.unit_id: (shift.rank_by_mean, shift.rank_by_trimmed) for shift in results.bias.rank_shifts
    }
    assert shifts["U1"] == (2, 1)
    assert results.bias.trimming_changes_ranking


def test_no_rank_shift_when_trimming_changes_nothing() -> None:
    ballots = [_ballot(f"b{n}", "members", MIXED) for n in range(7)]
    assert compute_results(_sources(ballots)).bias.rank_shifts == ()


def test_rater_groups_named_by_label_map_to_rule_ids() -> None:
    rules = default_rules()
    assert group_id_for(rules, "工委领导") == "leaders"
    assert group_id_for(rules, "Committee leaders") == "leaders"
    assert group_id_for(rules, "members") == "members"
    assert group_id_for(rules, "其他") == "其他"


def test_brand_ties_share_a_place() -> None:
    tallies = tally_brands(
        [["B1", "B2"], ["B1", "B2"], ["B3"]],
        [("B1", "甲", "", ""), ("B2", "乙", "", ""), ("B3", "丙", "", ""), ("B4", "丁", "", "")],
    )
    assert [(t.brand_id, t.votes, t.place) for t in tallies] == [
        ("B1", 2, 1),
        ("B2", 2, 1),
        ("B3", 1, 3),
        ("B4", 0, 4),
    ]


def test_a_grade_quota_in_the_rules_file_moves_the_lowest_good_units_down() -> None:
    from forms.rules import builtin_rules_text, rules_from_text

    text = builtin_rules_text().replace(
        'label = "好"\nlabel_en = "Good"\nmin_score = 90.0\n',
        'label = "好"\nlabel_en = "Good"\nmin_score = 90.0\nmax_share = 0.2\n',
    )
    rules = rules_from_text(text, "考核规则.toml")
    band = rules.grade_band("good")
    assert band is not None and band.max_share == 0.2
    ballots = [_ballot(f"b{n}", "members", MIXED) for n in range(5)]
    # U3 gets 较好 on two ballots: 96 after trimming, still in the 好 band but third of three.
    ballots += [
        _ballot(f"c{n}", "members", ["good", "good", "fairly_good", *MIXED[3:8], "good", "average"])
        for n in range(2)
    ]
    unconstrained = compute_results(_sources(ballots))
    assert [_unit(unconstrained, u).grade for u in ("U1", "U2", "U3")] == ["good"] * 3
    results = compute_results(_quota_sources(ballots, rules))
    grades = {unit.unit_id: unit.grade for unit in results.units}
    assert grades["U1"] == grades["U2"] == "good"
    assert grades["U3"] == "fairly_good"
    assert sum(1 for grade in grades.values() if grade == "good") == 2  # floor(0.2 x 10 units)
    assert _unit(results, "U3").grade_zh == "较好"


def _unit(results: CampaignResults, unit_id: str) -> UnitResult:
    found = results.unit(unit_id)
    assert found is not None, unit_id
    return found


def _quota_sources(ballots: list[BallotRecord], rules: Rules) -> ResultSources:
    units = [UnitInfo(f"U{i}", f"单位{i}", "第一联络组", 4) for i in range(1, 11)]
    return ResultSources(
        campaign_id="c",
        campaign_name="测试",
        rules=rules,
        ballot_form=builtin_form("review_ballot"),
        units=units,
        ballots=ballots,
    )
