"""Worked examples of issue 11's rules, the arithmetic by hand: trimming per rater group, the written tie
rule at a grade quota, a surviving tie, the 十佳 run-off, and order independence of the quota cut."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from forms.builtin import builtin_form
from forms.rules import Rules, default_rules, parse_rules, rules_from_text, rules_to_toml
from forms.scoring import UnitBallot, aggregate_unit, assign_grades, cut_at_quota
from forms.scoring.topten import top_places

# --------------------------------------------------------------------------- trimming per rater group

SEVEN = [
    # 部门负责人 (heads): six ratings
    UnitBallot("h1", {"overall": "good"}, "heads"),
    UnitBallot("h2", {"overall": "good"}, "heads"),
    UnitBallot("h3", {"overall": "fairly_good"}, "heads"),
    UnitBallot("h4", {"overall": "fairly_good"}, "heads"),
    UnitBallot("h5", {"overall": "average"}, "heads"),
    UnitBallot("h6", {"overall": "poor"}, "heads"),
    # 党员代表 (members): one rating
    UnitBallot("m1", {"overall": "good"}, "members"),
]


def test_trimming_per_group_on_seven_ratings_in_two_groups() -> None:
    form = builtin_form("review_ballot")
    result = aggregate_unit("U04", form, SEVEN, default_rules())
    groups = {group.group: group for group in result.by_group}
    heads, members = groups["heads"], groups["members"]
    # heads: 100 100 80 80 60 40, plain mean 460 / 6 = 76.667; 6 > 5 so drop one 100 and the 40:
    # (100 + 80 + 80 + 60) / 4 = 80
    assert heads.mean == pytest.approx(460 / 6)
    assert heads.trimmed and heads.trimmed_mean == pytest.approx(80)
    # members: one rating, never trimmed
    assert not members.trimmed and members.trimmed_mean == members.mean == 100
    # weights of the groups present: heads 0.25, members 0.35 -> renormalized over 0.6
    # trimmed: (0.25 x 80 + 0.35 x 100) / 0.6 = 55 / 0.6 = 91.667
    assert result.score == pytest.approx(55 / 0.6)
    # plain: (0.25 x 76.667 + 0.35 x 100) / 0.6 = 54.1667 / 0.6 = 90.278
    assert result.group_weighted_plain == pytest.approx((0.25 * 460 / 6 + 35) / 0.6)
    # the unit's own trimmed mean over all 7: drop the 40 and one 100: (60 + 80 + 80 + 100 + 100) / 5 = 84
    assert result.trimmed_mean == pytest.approx(84)
    # 好 + 较好 = 3 + 2 = 5 (the second tie-break)
    assert result.good_and_fairly_good == 5


def test_trim_overall_drops_the_units_highest_and_lowest_before_grouping() -> None:
    rules = replace(default_rules(), trim="overall")
    result = aggregate_unit("U04", builtin_form("review_ballot"), SEVEN, rules)
    groups = {group.group: group for group in result.by_group}
    # the 40 (h6) and the 100 of the highest ballot id (m1) leave: heads 100 100 80 80 60 = 84,
    # members empty, so only heads count
    assert groups["heads"].count == 5 and groups["heads"].mean == pytest.approx(84)
    assert groups["members"].count == 0
    assert result.score == pytest.approx(84)


def test_trim_none_keeps_every_rating() -> None:
    rules = replace(default_rules(), trim="none")
    result = aggregate_unit("U04", builtin_form("review_ballot"), SEVEN, rules)
    assert result.score == pytest.approx(result.group_weighted_plain or 0)
    assert result.trimmed_mean == result.mean


def test_trim_and_tie_rule_are_written_in_the_rules_file() -> None:
    rules = default_rules()
    assert rules.trim == "per_group"
    assert rules.tie_breaks == ("good_rate", "good_and_fairly_good")
    assert not rules.organisation_stars
    again = rules_from_text(rules_to_toml(replace(rules, trim="overall", tie_breaks=("good_rate",))), "x")
    assert again.trim == "overall" and again.tie_breaks == ("good_rate",)
    _, problems = parse_rules('trim = "sometimes"\ntie_breaks = ["luck"]\n', "rules.toml")
    assert [(problem.line, problem.params["key"]) for problem in problems] == [
        (1, "trim"),
        (2, "tie_breaks"),
    ]


# --------------------------------------------------------------------------- the tie rule at a quota


def _good_quota(share: float) -> Rules:
    rules = default_rules()
    return replace(
        rules,
        grades=tuple(
            replace(band, max_share=share) if band.code == "good" else band for band in rules.grades
        ),
    )


def _seventeen_tied() -> tuple[dict[str, float], dict[str, tuple[float, ...]]]:
    """30 units, 17 of them (T01..T17) tied at 91.67; the rest (L01..L13) below 90."""
    scores = {f"T{n:02d}": 91.67 for n in range(1, 18)}
    scores.update({f"L{n:02d}": 85.0 - n for n in range(1, 14)})
    # 好-rate of the tied units: 13 at 60 %, T14 and T15 at 55 %, T16 and T17 at 50 %
    keys: dict[str, tuple[float, ...]] = {f"T{n:02d}": (0.60, 30.0) for n in range(1, 14)}

    keys.update({"T14": (0.55, 30.0), "T15": (0.55, 30.0), "T16": (0.50, 30.0), "T17": (0.50, 30.0)})
    return scores, keys


def test_a_17_unit_tie_at_a_grade_boundary_is_broken_by_good_rate() -> None:
    scores, keys = _seventeen_tied()
    rules = _good_quota(0.5)  # 好 at most 50 % of 30 units = 15
    grades = assign_grades(scores, rules, tie_keys=keys)
    good = sorted(unit for unit, award in grades.items() if award.grade == "good")
    # 15 places: the 13 at 60 % fit (2 left), then T14 and T15 at 55 % fit exactly (0 left);
    # T16 and T17 at 50 % move to 较好 by the quota
    assert good == [f"T{n:02d}" for n in range(1, 16)]
    assert grades["T16"].grade == grades["T17"].grade == "fairly_good"
    assert grades["T16"].reason == "quota" and grades["T16"].band_grade == "good"
    assert not any(award.tied_over for award in grades.values())
    # without tie-break data the same 17 all keep 好 and the tie is reported: over the quota by 2
    plain = assign_grades(scores, rules)
    assert sum(1 for award in plain.values() if award.grade == "good") == 17
    assert {award.tied_over for award in plain.values() if award.grade == "good"} == {2}


def test_a_tie_that_survives_both_tie_breaks_is_reported_never_cut() -> None:
    scores, keys = _seventeen_tied()
    # T14, T15 and T16 at 55 % and 30 好+较好: three units for the two places left after the 13
    keys.update({"T16": (0.55, 30.0)})
    # T17 at 55 % too but with fewer 好+较好 (29): the second tie-break puts it below the three
    keys.update({"T17": (0.55, 29.0)})
    grades = assign_grades(scores, _good_quota(0.5), tie_keys=keys)
    good = sorted(unit for unit, award in grades.items() if award.grade == "good")
    assert good == [f"T{n:02d}" for n in range(1, 17)]  # 13 + the 3 still tied: 16 for 15 places
    assert [unit for unit, award in grades.items() if award.tied_over] == ["T14", "T15", "T16"]
    assert grades["T14"].tied_over == 1  # 并列，超出限额 1 个
    assert grades["T17"].grade == "fairly_good"


@settings(max_examples=80, deadline=None)
@given(
    st.dictionaries(st.sampled_from([f"U{n}" for n in range(40)]), st.sampled_from([80.0, 85.0, 90.0])),
    st.integers(0, 30),
    st.randoms(use_true_random=False),
)
def test_the_quota_cut_never_depends_on_input_order(
    scores: dict[str, float], limit: int, rnd: random.Random
) -> None:
    keys = {unit: (float(len(unit) % 3),) for unit in scores}
    cut = cut_at_quota(scores, limit, keys)
    items = list(scores.items())
    rnd.shuffle(items)
    assert cut_at_quota(dict(items), limit, keys) == cut
    assert set(cut.kept) | set(cut.moved) == set(scores)
    assert len(cut.kept) <= limit + cut.over
    # everything kept scores at least as high as everything moved
    if cut.kept and cut.moved:
        assert min(scores[unit] for unit in cut.kept) >= max(scores[unit] for unit in cut.moved)


# --------------------------------------------------------------------------- the 十佳 and its run-off


def test_a_top_ten_tie_at_place_ten_then_a_run_off_decides_it() -> None:
    # B01..B08 have 50, 49, ..., 43 votes (places 1-8); B09, B10, B11 and B12 have 30 each (place 9)
    votes = {f"B{n:02d}": 51 - n for n in range(1, 9)}
    votes.update({"B09": 30, "B10": 30, "B11": 30, "B12": 30, "B13": 12, "B14": 0})
    first = top_places(votes)
    # eight places are sure; four brands tie for the two places left: 需加票决定
    assert first.decided == tuple(f"B{n:02d}" for n in range(1, 9))
    assert first.needs_runoff
    assert first.runoff == ("B09", "B10", "B11", "B12") and first.places_left == 2
    # the run-off (加票) among the four: B11 21, B09 17, B12 17, B10 3 -> B11 is in, B09 and B12 tie again
    first_round = {"B11": 21, "B09": 17, "B12": 17, "B10": 3}
    again = top_places(votes, runoffs=[first_round])
    assert again.decided[-1] == "B11"
    assert again.runoff == ("B09", "B12") and again.places_left == 1
    # a second run-off between B09 and B12 only: 24 to 19 -> the ten are decided
    final = top_places(votes, runoffs=[first_round, {"B09": 24, "B12": 19}])
    assert not final.needs_runoff
    assert set(final.decided) == {f"B{n:02d}" for n in range(1, 10)} | {"B11"}
    assert len(final.decided) == 10


def test_brands_without_a_vote_never_take_a_place() -> None:
    assert top_places({"A": 3, "B": 0, "C": 0}).decided == ("A",)
