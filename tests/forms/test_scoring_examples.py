"""Worked examples of the scoring engine on the built-in forms, with the arithmetic checked by hand."""

from __future__ import annotations

import dataclasses
from dataclasses import replace

import pytest

from forms.builtin import builtin_form
from forms.model import AnswerValue, Form
from forms.rules import Band, default_rules
from forms.scoring import (
    AnswerProblem,
    UnitBallot,
    aggregate_unit,
    assign_grades,
    assign_stars,
    check_ballot,
    composite,
    grade_for,
    rank,
    score_response,
    star_change,
    star_for,
    supervision_score,
    trimmed_mean,
    validate_answer,
)

STAR_FULL = {
    "committee": 6, "secretary": 6, "setup": 4, "venue": True,
    "theory_study": 8, "training": 6, "recruitment": 6,
    "three_meetings": 10, "theme_day": 5, "life_meeting": 6, "heart_talks": 4,
    "business_fusion": 8, "service_brand": 6, "double_report": 6,
    "dues": 5, "records": 5, "openness": 5,
    "veto_discipline": False, "veto_ideology": False, "veto_incident": False,
    "satisfaction": 100,
}  # fmt: skip


def test_star_branch_worked_example() -> None:
    form = builtin_form("star_branch")
    answers = {
        **STAR_FULL,
        # 组织建设 5 + 6 + 4 + 4 = 19; 党员教育管理 8 + 5 + 6 = 19; 组织生活 9 + 5 + 6 + 4 = 24;
        # 作用发挥 8 + 4 + 6 = 18; 制度落实 5 + 4 + 5 = 14; 基础项 = 94
        "committee": 5, "training": 5, "three_meetings": 9, "service_brand": 4, "records": 4,
        # 减分: 党费 2 次 × 1 = 2; 组织生活 4 次 × 2 = 8, capped at 6; total 8
        "dues_late": 2, "life_missed": 4, "criticized": 0,
        "veto_discipline": False, "veto_ideology": True, "veto_incident": False,
        "satisfaction": 92.5,
    }  # fmt: skip
    notes = {"committee": "纪检委员10月调离，已报批补选", "dues_late": "两名党员补交"}
    # A veto item left at 请选择 is missing, never taken as "no" (issue 14, why 8).
    unanswered = {key: value for key, value in answers.items() if key != "veto_incident"}
    assert score_response(form, unanswered, notes).missing == ("veto_incident",)
    score = score_response(form, answers, notes)
    assert score.section_points["organization"] == 19
    assert score.section_points["deductions"] == -8
    assert score.deductions == 8
    assert score.part_points == {"base": 86.0, "appraisal": 92.5}
    # (94 − 8) × 0.7 + 92.5 × 0.3 = 60.2 + 27.75 = 87.95
    assert score.total == pytest.approx(87.95)
    assert score.max_total == 100
    assert score.missing == ()
    # below full marks without a note: 三会一课 (9 of 10) and the 组织生活 deduction
    assert score.notes_missing == ("three_meetings", "life_missed")
    assert not score.complete
    assert score.hidden == ("veto_details",)  # 否决情形说明 only when the discipline veto is hit
    assert score.star_cap == 1
    assert star_for(score.total, default_rules(), score.star_cap) == 1  # 4 stars by score, capped to 1
    assert score.satisfaction == 92.5
    assert star_for(score.total, default_rules(), None, score.satisfaction) == 4
    low = score_response(form, {**answers, "satisfaction": 48.0}, notes)
    assert low.satisfaction == 48.0
    assert star_for(low.total, default_rules(), None, low.satisfaction) == 0  # below 50%: no star


def test_star_branch_veto_shows_and_requires_its_explanation() -> None:
    form = builtin_form("star_branch")
    score = score_response(form, {**STAR_FULL, "veto_discipline": True})
    assert score.total == 100  # 100 × 0.7 + 100 × 0.3
    assert score.missing == ("veto_details",)
    assert score.star_cap == 0
    assert score.grade_caps == ("poor",)
    assert star_for(score.total, default_rules(), score.star_cap) == 0
    filled = score_response(
        form, {**STAR_FULL, "veto_discipline": True, "veto_details": "支委王某受留党察看处分"}
    )
    assert filled.missing == ()


def test_missing_required_answers_are_listed_in_form_order() -> None:
    form = builtin_form("star_branch")
    answers = dict(STAR_FULL)
    del answers["secretary"], answers["satisfaction"]
    score = score_response(form, answers)
    assert score.missing == ("secretary", "satisfaction")
    # 100 − 6 = 94 basic, appraisal 0: 94 × 0.7 = 65.8
    assert score.total == pytest.approx(65.8)


def test_duty_list_worked_example() -> None:
    form = builtin_form("duty_list")
    duties = [item.id for item in form.items() if item.type == "rating"]
    assert len(duties) == 10
    answers: dict[str, AnswerValue] = {duty: "done" for duty in duties}
    answers["ideology"] = "partly"
    answers["work_style"] = "partly"
    answers["fusion"] = "not_done"
    answers["problems"] = "“两张皮”问题仍然存在"
    answers["remedies"] = "一季度制定融合措施"
    score = score_response(form, answers, {"ideology": "上半年未专题研究"})
    # 7 done × 10 + 2 partly × 5 + 1 not done × 0 = 80
    assert score.total == 80
    assert score.item_points["ideology"] == 5
    assert score.notes_missing == ("work_style", "fusion")


def test_review_ballot_total_is_the_overall_rating() -> None:
    form = builtin_form("review_ballot")
    answers = {"overall": "fairly_good", "political_leadership": "good", "comment": "工作扎实，创新不足"}
    score = score_response(form, answers)
    assert score.total == 80
    assert score.max_total == 100
    assert score.missing == ("execution", "cohesion", "member_vanguard", "service")


def test_too_few_picks_is_a_problem_on_submission() -> None:
    form = builtin_form("brand_vote")
    score = score_response(form, {"brands": ["B001"]})
    assert score.complete
    form_two = dataclasses.replace(
        form,
        sections=tuple(
            dataclasses.replace(
                section, items=tuple(dataclasses.replace(item, min_picks=2) for item in section.items)
            )
            for section in form.sections
        ),
    )
    (problem,) = score_response(form_two, {"brands": ["B001"]}).problems
    assert (problem.key, dict(problem.params)) == ("forms.answer.too_few", {"count": 1, "min": 2})
    assert score_response(form_two, {"brands": []}).missing == ("brands",)


def test_supervision_visit_hides_rectification_without_findings() -> None:
    form = builtin_form("supervision_visit")
    answers: dict[str, AnswerValue] = {
        "method": ["interview", "records"],

        "theory_study": 18, "org_life": 25, "records": 15, "rectification": 20, "role": 19.5,
        "has_findings": False,
    }  # fmt: skip
    score = score_response(form, answers, {"theory_study": "中心组研讨记录不全", "role": "品牌成效待总结"})
    # 18 + 25 + 15 + 20 + 19.5 = 97.5; the days item has weight 0
    assert score.total == 97.5
    assert score.complete
    assert set(score.hidden) == {"findings_text", "rectify_demand", "rectify_days"}
    with_findings = score_response(form, {**answers, "has_findings": True, "rectify_days": 30})
    assert with_findings.missing == ("findings_text", "rectify_demand")
    assert with_findings.total == 97.5


@pytest.mark.parametrize(
    ("item", "value", "key"),
    [
        ("theory_study", 8.5, "forms.answer.out_of_range"),
        ("theory_study", -1, "forms.answer.out_of_range"),
        ("theory_study", 7.3, "forms.answer.off_step"),
        ("theory_study", "八", "forms.answer.not_a_number"),
        ("theory_study", True, "forms.answer.not_a_number"),
        ("venue", "是", "forms.answer.not_yes_no"),
        ("dues_late", 1.5, "forms.answer.not_whole"),
        ("veto_details", "违" * 501, "forms.answer.too_long"),
        ("nothing", 1, "forms.answer.unknown_item"),
    ],
)
def test_validate_answer_refuses_with_the_reason(item: str, value: AnswerValue, key: str) -> None:
    problem = validate_answer(builtin_form("star_branch"), item, value)
    assert problem is not None
    assert problem.key == key


def test_validate_answer_accepts_good_values() -> None:
    form = builtin_form("star_branch")
    assert validate_answer(form, "theory_study", 7.5) is None
    assert validate_answer(form, "satisfaction", 87.3) is None
    assert validate_answer(form, "veto_details", "违" * 500) is None
    assert validate_answer(form, "theory_study", None) is None


def _refused(form: Form, item_id: str, value: AnswerValue, choices: list[str] | None = None) -> AnswerProblem:
    """The problem `validate_answer` finds (a test failure when it finds none)."""
    problem = validate_answer(form, item_id, value, choices)
    assert problem is not None, f"{item_id} = {value!r} was accepted"
    return problem


def test_validate_answer_on_choices() -> None:
    ballot = builtin_form("review_ballot")
    assert validate_answer(ballot, "overall", "good") is None
    assert _refused(ballot, "overall", "excellent").key == "forms.answer.unknown_level"
    assert _refused(ballot, "comment", "好" * 201).params == {"length": 201, "max": 200}
    vote = builtin_form("brand_vote")
    brands = [f"B{n:03d}" for n in range(1, 294)]
    assert validate_answer(vote, "brands", brands[:10], brands) is None
    assert _refused(vote, "brands", brands[:11], brands).key == "forms.answer.too_many"
    assert _refused(vote, "brands", ["B999"], brands).key == "forms.answer.unknown_choice"
    assert _refused(vote, "brands", ["B001", "B001"], brands).key == "forms.answer.picked_twice"
    visit = builtin_form("supervision_visit")
    assert _refused(visit, "method", ["phone"]).key == "forms.answer.unknown_choice"


# --------------------------------------------------------------------------- ballots


def _ballot(overall: list[str]) -> dict[str, dict[str, AnswerValue]]:
    return {f"U{n:02d}": {"overall": code} for n, code in enumerate(overall, start=1)}


def test_ballot_quota_thirty_percent_of_ten_is_three() -> None:
    form = builtin_form("review_ballot")
    ok = check_ballot(form, _ballot(["good"] * 3 + ["fairly_good"] * 5 + ["average"] * 2))
    assert ok.valid and ok.flags == ()
    over = check_ballot(form, _ballot(["good"] * 4 + ["fairly_good"] * 6))
    assert not over.valid
    (flag,) = over.flags
    assert (flag.rule, flag.count, flag.limit) == ("good_share", 4, 3)
    assert flag.units == ("U01", "U02", "U03", "U04")
    assert flag.text.zh.startswith("评为“好”的单位超过")


def test_ballot_quota_of_66_units_allows_19() -> None:
    form = builtin_form("review_ballot")
    # 30% of 66 = 19.8: 19 allowed, never rounded up
    assert check_ballot(form, _ballot(["good"] * 19 + ["average"] * 47)).valid
    assert not check_ballot(form, _ballot(["good"] * 20 + ["average"] * 46)).valid


def test_ballot_all_identical_and_all_full_marks() -> None:
    form = builtin_form("review_ballot")
    same = check_ballot(form, _ballot(["fairly_good"] * 8))
    assert [flag.rule for flag in same.flags] == ["all_identical"]
    full = check_ballot(form, _ballot(["good"] * 8))
    assert [flag.rule for flag in full.flags] == ["good_share", "all_identical", "all_full_marks"]
    assert not full.valid


def test_incomplete_ballot_is_not_judged_identical() -> None:
    form = builtin_form("review_ballot")
    answers = _ballot(["average"] * 5)
    answers["U06"] = {}
    assert check_ballot(form, answers).flags == ()


# --------------------------------------------------------------------------- one unit, many ballots

UNIT_BALLOTS = [
    UnitBallot("b1", {"overall": "good", "service": "good"}, "leaders"),
    UnitBallot("b2", {"overall": "good", "service": "fairly_good"}, "heads"),
    UnitBallot("b3", {"overall": "fairly_good", "service": "average"}, "heads"),
    UnitBallot("b4", {"overall": "fairly_good"}, "members"),
    UnitBallot("b5", {"overall": "average"}, "members"),
    UnitBallot("b6", {"overall": "good"}, "served"),
    UnitBallot("b7", {"overall": "poor"}, "served"),
    UnitBallot("b8", {"overall": "poor"}, "served", valid=False),
]


def test_aggregate_unit_worked_example() -> None:
    result = aggregate_unit("U01", builtin_form("review_ballot"), UNIT_BALLOTS, default_rules())
    assert (result.ballots, result.valid, result.invalid, result.scored) == (8, 7, 1, 7)
    # (100 + 100 + 80 + 80 + 60 + 100 + 40) / 7 = 560 / 7 = 80
    assert result.mean == pytest.approx(80)
    # 7 > 5 valid scores: drop one 100 and the 40: (100 + 100 + 80 + 80 + 60) / 5 = 84
    assert result.trimmed and result.trimmed_mean == pytest.approx(84)
    assert result.level_counts == {"good": 3, "fairly_good": 2, "average": 1, "poor": 1}
    assert result.good_rate == pytest.approx(3 / 7)
    # NBS satisfaction: (3 × 100 + 2 × 80 + 1 × 60 + 1 × 0) / 7 = 520 / 7
    assert result.satisfaction == pytest.approx(520 / 7)
    means = {group.group: group.mean for group in result.by_group}
    assert means == {"leaders": 100, "heads": 90, "members": 70, "served": 70}
    # 0.15 × 100 + 0.25 × 90 + 0.35 × 70 + 0.25 × 70 = 15 + 22.5 + 24.5 + 17.5 = 79.5
    assert result.group_weighted == pytest.approx(79.5)
    assert result.score == pytest.approx(79.5)
    # 服务 dimension: (100 + 80 + 60) / 3 = 80
    assert result.dimension_means == {"service": pytest.approx(80)}


def test_aggregate_unit_renormalizes_missing_groups() -> None:
    without_leaders = [ballot for ballot in UNIT_BALLOTS if ballot.group != "leaders"]
    result = aggregate_unit("U01", builtin_form("review_ballot"), without_leaders, default_rules())
    # (0.25 × 90 + 0.35 × 70 + 0.25 × 70) / 0.85 = 64.5 / 0.85
    assert result.score == pytest.approx(64.5 / 0.85)
    assert result.groups_missing == ("leaders",)


def test_aggregate_unit_counts_ballots_without_a_group() -> None:
    ballots = [*UNIT_BALLOTS, UnitBallot("b9", {"overall": "average"})]
    result = aggregate_unit("U01", builtin_form("review_ballot"), ballots, default_rules())
    assert result.ungrouped == 1
    assert result.mean == pytest.approx(620 / 8)  # (560 + 60) / 8
    assert result.score == pytest.approx(79.5)  # the weighted groups are unchanged


def test_aggregate_unit_without_group_weighting_uses_the_trimmed_mean() -> None:
    rules = replace(default_rules(), group_weighting=False)
    result = aggregate_unit("U01", builtin_form("review_ballot"), UNIT_BALLOTS, rules)
    assert result.score == pytest.approx(84)


def test_aggregate_unit_with_five_or_fewer_scores_is_not_trimmed() -> None:
    result = aggregate_unit("U01", builtin_form("review_ballot"), UNIT_BALLOTS[:5], default_rules())
    assert not result.trimmed
    assert result.trimmed_mean == pytest.approx((100 + 100 + 80 + 80 + 60) / 5)


def test_aggregate_unit_uses_the_campaign_rating_points() -> None:
    rules = replace(
        default_rules(), rating_points={"good": 95.0, "fairly_good": 85.0, "average": 70.0, "poor": 50.0}
    )
    result = aggregate_unit("U01", builtin_form("review_ballot"), UNIT_BALLOTS[:3], rules)
    assert result.mean == pytest.approx((95 + 95 + 85) / 3)


def test_aggregate_unit_with_no_ballots() -> None:
    result = aggregate_unit("U01", builtin_form("review_ballot"), [], default_rules())
    assert (
        result.score is None
        and result.mean is None
        and result.good_rate is None
        and result.satisfaction is None
    )


def test_trimmed_mean_threshold() -> None:
    assert trimmed_mean([60, 70, 80, 90, 100], 5) == (80, False)
    assert trimmed_mean([40, 60, 70, 80, 90, 100], 5) == (75, True)  # (60 + 70 + 80 + 90) / 4
    assert trimmed_mean([], 5) == (None, False)


# --------------------------------------------------------------------------- grades, stars, composite


def test_grade_bands_and_caps() -> None:
    rules = default_rules()
    assert grade_for(90, rules) == "good"
    assert grade_for(89.99, rules) == "fairly_good"
    assert grade_for(60, rules) == "average"
    assert grade_for(59.9, rules) == "poor"
    assert grade_for(95, rules, ["average"]) == "average"
    assert grade_for(70, rules, ["fairly_good"]) == "average"  # a cap never raises a grade


def test_grade_quota() -> None:
    bands = tuple(
        replace(band, max_share=0.3) if band.code == "good" else band for band in default_rules().grades
    )
    rules = replace(default_rules(), grades=bands)
    scores = {"A": 98, "B": 96, "C": 92, "D": 92, "E": 91, "F": 85, "G": 80, "H": 70, "I": 60, "J": 50}
    grades = assign_grades(scores, rules)
    # 30% of 10 = 3 好; C and D tie for the third place and nothing breaks the tie (no tie-break data):
    # the tie rule keeps both (reported as over the quota by 1) and E moves to 较好
    assert [unit for unit, award in grades.items() if award.grade == "good"] == ["A", "B", "C", "D"]
    assert grades["C"].tied_over == 1 and grades["D"].tied_over == 1
    assert grades["E"].grade == "fairly_good" and grades["E"].reason == "quota"
    assert grades["J"].grade == "poor" and grades["J"].reason is None
    assert isinstance(bands[0], Band)


def test_star_bands_satisfaction_and_caps() -> None:
    rules = default_rules()
    assert [star_for(score, rules) for score in (90, 89.9, 80, 79.9, 70, 60, 59.9, 0)] == [
        5,
        4,
        4,
        3,
        3,
        2,
        1,
        1,
    ]
    assert star_for(95, rules, satisfaction=49.9) == 0
    assert star_for(95, rules, satisfaction=50) == 5
    assert star_for(95, rules, star_cap=0) == 0
    assert star_for(65, rules, star_cap=3) == 2


def test_five_star_quota_demotes_ties_at_the_cut_off() -> None:
    rules = default_rules()
    scores = {"A": 98, "B": 95, "C": 93, "D": 93, "E": 91, "F": 85, "G": 80, "H": 72, "I": 65, "J": 50}
    stars = assign_stars(scores, rules)
    # branches (no ballots to break a tie): 30% of 10 = 3 places; C and D tie at the third: both, and E
    # below them, are held at four stars
    assert {unit: award.stars for unit, award in stars.items()} == {
        "A": 5, "B": 5, "C": 4, "D": 4, "E": 4, "F": 4, "G": 4, "H": 3, "I": 2, "J": 1,
    }  # fmt: skip
    assert stars["C"].reason == "quota" and stars["C"].band_stars == 5


def test_five_star_quota_keeps_a_surviving_tie_and_reports_it() -> None:
    rules = default_rules()
    scores = {"A": 98, "B": 95, "C": 93, "D": 93, "E": 91, "F": 85, "G": 80, "H": 72, "I": 65, "J": 50}
    stars = assign_stars(scores, rules, keep_tie=True)
    # 30% of 10 = 3 five-star places; A and B keep theirs, C and D tie for the third place with nothing
    # to break it: both keep five stars, reported as over the quota by 1; E below them gets four
    assert {unit: award.stars for unit, award in stars.items()} == {
        "A": 5, "B": 5, "C": 5, "D": 5, "E": 4, "F": 4, "G": 4, "H": 3, "I": 2, "J": 1,
    }  # fmt: skip
    assert stars["C"].tied_over == 1 and stars["D"].tied_over == 1
    assert stars["E"].reason == "quota" and stars["E"].band_stars == 5
    assert stars["F"].reason is None
    # with tie-break keys (好-rate) D wins the third place and C moves down
    broken = assign_stars(scores, rules, tie_keys={"C": (0.5,), "D": (0.6,)}, keep_tie=True)
    assert (broken["C"].stars, broken["C"].reason, broken["D"].stars) == (4, "quota", 5)


def test_assign_stars_applies_vetoes_and_satisfaction() -> None:
    stars = assign_stars({"A": 95, "B": 94, "C": 60}, default_rules(), {"A": 1}, {"B": 40.0})
    assert (stars["A"].stars, stars["A"].reason) == (1, "veto")
    assert (stars["B"].stars, stars["B"].reason) == (0, "satisfaction")
    assert stars["C"].stars == 2


def test_star_change() -> None:
    assert star_change(5, 4) == "up"
    assert star_change(3, 4) == "down"
    assert star_change(4, 4) == "same"
    assert star_change(4, None) == "new"
    assert star_change(None, 2) == "down"


def test_composite_worked_example() -> None:
    rules = default_rules()
    full = composite({"review": 80, "self": 90, "supervision": 70}, rules)
    # 0.5 × 80 + 0.3 × 90 + 0.2 × 70 = 40 + 27 + 14 = 81
    assert full.score == pytest.approx(81)
    assert not full.renormalized and full.missing == ()
    partial = composite({"review": 80, "self": 90, "supervision": None}, rules)
    # weights 0.5 / 0.8 = 0.625 and 0.3 / 0.8 = 0.375: 50 + 33.75 = 83.75
    assert partial.score == pytest.approx(83.75)
    assert partial.renormalized and partial.missing == ("supervision",)
    assert partial.weights_used == {"review": pytest.approx(0.625), "self": pytest.approx(0.375)}
    assert composite({}, rules).score is None


def test_supervision_score_methods() -> None:
    rules = default_rules()
    assert supervision_score([80, 90, 95], rules) == pytest.approx(265 / 3)
    assert supervision_score([80, 90, 95, 99], replace(rules, supervision_method="median")) == 92.5
    assert supervision_score([80, 90, 75], replace(rules, supervision_method="last")) == 75
    assert supervision_score([], rules) is None


def test_competition_ranking() -> None:
    assert rank({"a": 90, "b": 85, "c": 85.0000000001, "d": 80, "e": None}) == {
        "a": 1,
        "b": 2,
        "c": 2,
        "d": 4,
    }
