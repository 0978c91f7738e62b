"""One test per validation rule of a form file: each problem has its key, its line and its item path."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from forms.errors import InputError
from forms.loader import check_form_file
from forms.problems import Problem
from tests.forms.form_texts import BASE

Check = Callable[[str], list[Problem]]


def found(problems: list[Problem]) -> list[tuple[int, str, str]]:
    return [(problem.line, problem.path, problem.key) for problem in problems]


def test_the_base_form_is_clean(check: Check) -> None:
    assert check(BASE) == []


def test_syntax_error_names_its_line(check: Check) -> None:
    problems = check(BASE + 'label_en = "unterminated\n')
    assert len(problems) == 1
    assert problems[0].key == "forms.problem.syntax"
    assert problems[0].line == 15


@pytest.mark.parametrize(
    ("line", "key"),
    [
        ("label_en = “Meetings”", "forms.problem.syntax_fullwidth_quotes"),
        ('label_en ＝ "Meetings"', "forms.problem.syntax_fullwidth_equals"),
        ("label_en = 三会一课", "forms.problem.syntax_unquoted"),
    ],
)
def test_syntax_errors_a_text_editor_makes_easy_get_a_hint(check: Check, line: str, key: str) -> None:
    (problem,) = check(BASE + line + "\n")
    assert (problem.line, problem.key) == (15, key)


def test_unknown_key_is_reported_at_its_line(check: Check) -> None:
    problems = check(BASE + "colour = 3\n")
    assert found(problems) == [(15, "s1.a", "forms.problem.unknown_key")]
    assert problems[0].params["key"] == "colour"


def test_missing_key_is_reported_at_the_table(check: Check) -> None:
    problems = check(BASE.replace('label = "三会一课"\n', ""))
    assert found(problems) == [(10, "s1.a", "forms.problem.missing_key")]
    assert problems[0].params == {"key": "label"}


def test_a_misspelt_key_gets_a_suggestion(check: Check) -> None:
    problems = check(BASE + 'lable_en = "Meetings"\n')
    assert found(problems) == [(15, "s1.a", "forms.problem.unknown_key_typo")]
    assert problems[0].params == {"key": "lable_en", "suggestion": "label_en"}


def test_wrong_type(check: Check) -> None:
    problems = check(BASE.replace("max = 10", 'max = "十"'))
    # the mistyped max is reported, and the score item then lacks a usable max
    assert found(problems) == [
        (10, "s1.a", "forms.problem.missing_key"),
        (14, "s1.a", "forms.problem.wrong_type"),
    ]
    assert problems[1].params == {"key": "max", "expected": "number"}


def test_unknown_scale(check: Check) -> None:
    text = BASE + '\n[[sections.items]]\nid = "b"\ntype = "rating"\nlabel = "总体评价"\nscale = "five"\n'
    assert found(check(text)) == [(20, "s1.b", "forms.problem.unknown_scale")]


def test_unknown_item_type(check: Check) -> None:
    problems = check(BASE.replace('type = "score"', 'type = "slider"'))
    assert found(problems) == [(12, "s1.a", "forms.problem.unknown_type")]
    assert problems[0].params["value"] == "slider"


def test_min_greater_than_max(check: Check) -> None:
    problems = check(BASE + "min = 20\n")
    assert found(problems) == [(15, "s1.a", "forms.problem.min_over_max")]


def test_step_must_divide_the_range(check: Check) -> None:
    problems = check(BASE + "step = 3\n")
    assert found(problems) == [(15, "s1.a", "forms.problem.step_range")]
    assert check(BASE + "step = 2.5\n") == []


def test_duplicate_section_ids(check: Check) -> None:
    text = (
        BASE
        + '\n[[sections]]\nid = "s1"\ntitle = "又一栏"\n\n[[sections.items]]\nid = "b"\ntype = "text"\nlabel = "说明"\n'
    )
    problems = check(text)
    assert found(problems) == [(17, "s1", "forms.problem.duplicate_id")]
    assert problems[0].params["first"] == 6


def test_duplicate_item_ids_across_sections(check: Check) -> None:
    text = (
        BASE
        + '\n[[sections]]\nid = "s2"\ntitle = "又一栏"\n\n[[sections.items]]\nid = "a"\ntype = "text"\nlabel = "说明"\n'
    )
    problems = check(text)
    assert found(problems) == [(21, "s2.a", "forms.problem.duplicate_id")]
    assert problems[0].params == {"id": "a", "first": 10}  # the first item's table line


SCALE = """
[[scales]]
id = "r"

[[scales.levels]]
code = "good"
label = "好"
points = 100

[[scales.levels]]
code = "good"
label = "较好"
points = 80
"""


def test_duplicate_level_codes(check: Check) -> None:
    text = BASE.replace('title = "测试表"\n', 'title = "测试表"\n' + SCALE)
    problems = check(text)
    assert [(p.line, p.key) for p in problems] == [(15, "forms.problem.duplicate_id")]  # the second code line


def test_duplicate_choice_codes(check: Check) -> None:
    text = (
        BASE
        + '\n[[sections.items]]\nid = "m"\ntype = "choice"\nlabel = "方式"\n'
        + '\n[[sections.items.choices]]\ncode = "x"\nlabel = "谈话"\n'
        + '\n[[sections.items.choices]]\ncode = "x"\nlabel = "查阅"\n'
    )
    assert found(check(text)) == [(26, "s1.m.x", "forms.problem.duplicate_id")]


PARTS = """
[[parts]]
id = "base"
label = "基础项"
weight = 0.7

[[parts]]
id = "review"
label = "评议项"
weight = 0.2
"""


def test_part_weights_must_add_up_to_one(check: Check) -> None:
    text = BASE.replace('title = "测试表"\n', 'title = "测试表"\n' + PARTS).replace(
        'title = "组织建设"\n', 'title = "组织建设"\npart = "base"\n'
    )
    problems = check(text)
    keys = [p.key for p in problems]
    assert "forms.problem.weights_sum" in keys
    weights = next(p for p in problems if p.key == "forms.problem.weights_sum")
    assert weights.params["total"] == "0.9"
    assert weights.line == 9  # the first part's weight line
    assert "forms.problem.part_unused" in keys  # nothing counts in "review"


def test_unknown_part(check: Check) -> None:
    text = BASE.replace('title = "组织建设"\n', 'title = "组织建设"\npart = "extra"\n')
    assert found(check(text)) == [(9, "s1", "forms.problem.unknown_part")]


def test_show_if_naming_no_item(check: Check) -> None:
    problems = check(BASE + 'show_if = { item = "nothing", equals = true }\n')
    assert found(problems) == [(15, "s1.a", "forms.problem.show_if_unknown")]


def test_show_if_naming_itself(check: Check) -> None:
    problems = check(BASE + 'show_if = { item = "a", answered = true }\n')
    assert found(problems) == [(15, "s1.a", "forms.problem.show_if_self")]


def test_show_if_cycle(check: Check) -> None:
    text = (
        BASE
        + 'show_if = { item = "b", min = 1 }\n'
        + '\n[[sections.items]]\nid = "b"\ntype = "score"\nlabel = "主题党日"\nmax = 5\n'
        + 'show_if = { item = "a", min = 1 }\n'
    )
    problems = check(text)
    assert {p.key for p in problems} == {"forms.problem.show_if_cycle"}
    assert {p.line for p in problems} == {15, 22}


def test_show_if_value_must_be_an_option(check: Check) -> None:
    text = (
        BASE
        + '\n[[sections.items]]\nid = "c"\ntype = "choice"\nlabel = "方式"\n'
        + '\n[[sections.items.choices]]\ncode = "x"\nlabel = "谈话"\n'
        + '\n[[sections.items]]\nid = "d"\ntype = "text"\nlabel = "说明"\nshow_if = { item = "c", equals = "y" }\n'
    )
    assert found(check(text)) == [(29, "s1.d", "forms.problem.show_if_bad_value")]


BALLOT = """\
id = "b"
version = "1"
scope = "ballot"
title = "测评表"
score_item = "overall"

[[scales]]
id = "r"

[[scales.levels]]
code = "good"
label = "好"
points = 100
key = "1"

[[scales.levels]]
code = "poor"
label = "差"
points = 40
key = "2"

[[sections]]
id = "s"
title = "总体评价"

[[sections.items]]
id = "overall"
type = "rating"
scale = "r"
label = "总体评价"
"""


def test_the_ballot_base_is_clean(check: Check) -> None:
    assert check(BALLOT) == []


def test_ballot_without_score_item(check: Check) -> None:
    assert found(check(BALLOT.replace('score_item = "overall"\n', ""))) == [
        (1, "form", "forms.problem.no_score_item")
    ]


def test_score_item_naming_no_item(check: Check) -> None:
    problems = check(BALLOT.replace('score_item = "overall"', 'score_item = "total"'))
    assert found(problems) == [(5, "form", "forms.problem.score_item_unknown")]


def test_quota_on_unknown_item(check: Check) -> None:
    text = (
        BALLOT
        + '\n[[quotas]]\nid = "q"\nitem = "総"\nlevels = ["good"]\nmax_share = 0.3\ntext = "好不超过30%"\n'
    )
    assert found(check(text)) == [(34, "quotas.q", "forms.problem.rule_unknown_item")]


def test_quota_on_unknown_level(check: Check) -> None:
    text = (
        BALLOT
        + '\n[[quotas]]\nid = "q"\nitem = "overall"\nlevels = ["excellent"]\nmax_share = 0.3\ntext = "好不超过30%"\n'
    )
    problems = check(text)
    assert found(problems) == [(35, "quotas.q", "forms.problem.quota_unknown_level")]
    assert problems[0].params["level"] == "excellent"


def test_quota_without_a_limit(check: Check) -> None:
    text = BALLOT + '\n[[quotas]]\nid = "q"\nitem = "overall"\nlevels = ["good"]\ntext = "好"\n'
    assert found(check(text)) == [(32, "quotas.q", "forms.problem.quota_no_limit")]


def test_quota_share_out_of_range(check: Check) -> None:
    text = (
        BALLOT + '\n[[quotas]]\nid = "q"\nitem = "overall"\nlevels = ["good"]\nmax_share = 30\ntext = "好"\n'
    )
    assert found(check(text)) == [(36, "quotas.q", "forms.problem.share_range")]


def test_invalid_rule_on_unknown_item(check: Check) -> None:
    text = (
        BALLOT + '\n[[invalid_rules]]\nid = "same"\nkind = "all_identical"\nitem = "x"\ntext = "全部相同"\n'
    )
    assert found(check(text)) == [(35, "invalid_rules.same", "forms.problem.rule_unknown_item")]


def test_invalid_rule_kind_must_be_known(check: Check) -> None:
    text = (
        BALLOT + '\n[[invalid_rules]]\nid = "same"\nkind = "too_kind"\nitem = "overall"\ntext = "全部相同"\n'
    )
    assert found(check(text)) == [(34, "invalid_rules.same", "forms.problem.bad_value")]


def test_max_picks_below_min_picks(check: Check) -> None:
    text = (
        BASE
        + '\n[[sections.items]]\nid = "m"\ntype = "multi"\nlabel = "方式"\nmin_picks = 2\nmax_picks = 1\n'
        + 'choices_from = "brands"\n'
    )
    assert found(check(text)) == [(21, "s1.m", "forms.problem.picks")]


def test_choice_without_choices(check: Check) -> None:
    text = BASE + '\n[[sections.items]]\nid = "m"\ntype = "choice"\nlabel = "方式"\n'
    assert found(check(text)) == [(16, "s1.m", "forms.problem.no_choices")]


def test_unknown_choice_source(check: Check) -> None:
    text = BASE + '\n[[sections.items]]\nid = "m"\ntype = "multi"\nlabel = "品牌"\nchoices_from = "shops"\n'
    assert found(check(text)) == [(20, "s1.m", "forms.problem.bad_value")]


def test_key_that_does_not_apply_to_the_type(check: Check) -> None:
    assert found(check(BASE + "max_length = 200\n")) == [(15, "s1.a", "forms.problem.key_not_for_type")]


def test_veto_needs_a_cap(check: Check) -> None:
    text = BASE + '\n[[sections.items]]\nid = "v"\ntype = "veto"\nlabel = "严重违纪"\n'
    assert found(check(text)) == [(16, "s1.v", "forms.problem.veto_no_cap")]


def test_veto_stars_within_zero_to_five(check: Check) -> None:
    text = BASE + '\n[[sections.items]]\nid = "v"\ntype = "veto"\nlabel = "严重违纪"\nveto_stars = 6\n'
    assert found(check(text)) == [(20, "s1.v", "forms.problem.stars_range")]


def test_deduction_needs_a_cap(check: Check) -> None:
    text = BASE + '\n[[sections.items]]\nid = "d"\ntype = "deduct"\nlabel = "党费未交"\npoints = 1\n'
    assert found(check(text)) == [(16, "s1.d", "forms.problem.missing_key")]


def test_negative_points(check: Check) -> None:
    text = BASE + '\n[[sections.items]]\nid = "c"\ntype = "check"\nlabel = "有活动场所"\npoints = -4\n'
    assert found(check(text)) == [(20, "s1.c", "forms.problem.negative")]


def test_declared_total_must_match_the_items(check: Check) -> None:
    problems = check(BASE.replace('title = "测试表"\n', 'title = "测试表"\nmax_total = 100\n'))
    assert found(problems) == [(5, "form", "forms.problem.max_total")]
    assert problems[0].params == {"declared": "100", "computed": "10"}


def test_bad_scope(check: Check) -> None:
    assert found(check(BASE.replace('scope = "unit"', 'scope = "team"'))) == [
        (3, "form", "forms.problem.bad_value")
    ]


def test_section_without_items(check: Check) -> None:
    text = BASE + '\n[[sections]]\nid = "s2"\ntitle = "空栏目"\n'
    assert found(check(text)) == [
        (16, "s2", "forms.problem.missing_key"),
        (16, "s2", "forms.problem.no_items"),
    ]


def test_every_problem_is_reported_at_once_in_line_order(check: Check) -> None:
    text = (
        BASE.replace('scope = "unit"', 'scope = "team"').replace("max = 10", "max = 10\nmin = 11\nfoo = 1")
        + '\n[[sections.items]]\nid = "a"\ntype = "veto"\nlabel = "重复"\n'
    )
    problems = check(text)
    assert [p.line for p in problems] == sorted(p.line for p in problems)
    assert {p.key for p in problems} >= {
        "forms.problem.bad_value",
        "forms.problem.unknown_key",
        "forms.problem.min_over_max",
        "forms.problem.duplicate_id",
        "forms.problem.veto_no_cap",
    }


def test_problem_renders_as_file_line_path(check: Check, tmp_path: Path) -> None:
    problem = check(BASE + "colour = 3\n")[0]
    assert problem.location == f"{tmp_path / '表单.toml'}:15: s1.a"


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        check_form_file(tmp_path / "没有.toml")
    assert caught.value.key == "forms.error.no_file"


def test_a_file_that_is_not_utf8_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "gbk.toml"
    path.write_bytes(BASE.encode("gb18030"))
    with pytest.raises(InputError) as caught:
        check_form_file(path)
    assert caught.value.key == "forms.error.not_utf8"


def test_a_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.toml"
    path.write_bytes(BASE.encode("utf-8-sig"))
    assert check_form_file(path) == []


def test_step_must_be_positive(check: Check) -> None:
    assert found(check(BASE + "step = 0\n")) == [(15, "s1.a", "forms.problem.step_positive")]


def test_min_picks_over_the_number_of_choices(check: Check) -> None:
    text = (
        BASE
        + '\n[[sections.items]]\nid = "m"\ntype = "multi"\nlabel = "方式"\nmin_picks = 2\n'
        + '\n[[sections.items.choices]]\ncode = "x"\nlabel = "谈话"\n'
    )
    assert found(check(text)) == [(20, "s1.m", "forms.problem.picks_over_choices")]


def test_choices_and_choices_from_together(check: Check) -> None:
    text = (
        BASE
        + '\n[[sections.items]]\nid = "m"\ntype = "multi"\nlabel = "品牌"\nchoices_from = "brands"\n'
        + '\n[[sections.items.choices]]\ncode = "x"\nlabel = "谈话"\n'
    )
    assert found(check(text)) == [(20, "s1.m", "forms.problem.choices_twice")]


def test_show_if_needs_a_test(check: Check) -> None:
    text = BASE + '\n[[sections.items]]\nid = "b"\ntype = "text"\nlabel = "说明"\nshow_if = { item = "a" }\n'
    assert found(check(text)) == [(20, "s1.b", "forms.problem.show_if_no_test")]


def test_show_if_unknown_key(check: Check) -> None:
    text = (
        BASE
        + '\n[[sections.items]]\nid = "b"\ntype = "text"\nlabel = "说明"\nshow_if = { item = "a", above = 3 }\n'
    )
    problems = check(text)
    assert [(p.line, p.key) for p in problems] == [
        (20, "forms.problem.show_if_no_test"),
        (20, "forms.problem.unknown_key"),
    ]
    assert problems[1].params["key"] == "show_if.above"


def test_score_item_must_be_rating_or_score(check: Check) -> None:
    text = (
        BALLOT.replace('score_item = "overall"', 'score_item = "note"')
        + '\n[[sections.items]]\nid = "note"\ntype = "text"\nlabel = "意见"\n'
    )
    assert found(check(text)) == [(5, "form", "forms.problem.score_item_type")]


def test_quota_levels_must_not_be_empty(check: Check) -> None:
    text = BALLOT + '\n[[quotas]]\nid = "q"\nitem = "overall"\nlevels = []\nmax_count = 3\ntext = "好"\n'
    assert found(check(text)) == [(35, "quotas.q", "forms.problem.empty_list")]


def test_duplicate_rule_ids(check: Check) -> None:
    text = (
        BALLOT
        + '\n[[quotas]]\nid = "r"\nitem = "overall"\nlevels = ["good"]\nmax_count = 3\ntext = "好"\n'
        + '\n[[invalid_rules]]\nid = "r"\nkind = "all_identical"\nitem = "overall"\ntext = "相同"\n'
    )
    assert found(check(text)) == [(40, "rules.r", "forms.problem.duplicate_id")]


def test_duplicate_level_keys(check: Check) -> None:
    problems = check(BALLOT.replace('key = "2"', 'key = "1"'))
    assert found(problems) == [(20, "scales.r.poor", "forms.problem.duplicate_id")]
    assert problems[0].params == {"id": "1", "first": 14}  # the first level's key line


def test_duplicate_scale_ids(check: Check) -> None:
    text = BALLOT.replace(
        "[[sections]]",
        '[[scales]]\nid = "r"\n\n[[scales.levels]]\ncode = "x"\nlabel = "是"\npoints = 1\n\n[[sections]]',
    )
    assert found(check(text)) == [(23, "scales.r", "forms.problem.duplicate_id")]


def test_scale_without_levels(check: Check) -> None:
    text = BASE.replace('title = "测试表"\n', 'title = "测试表"\n\n[[scales]]\nid = "empty"\nlevels = []\n')
    assert found(check(text)) == [(6, "scales.empty", "forms.problem.no_levels")]


def test_form_without_sections(check: Check) -> None:
    assert found(check('id = "t"\nversion = "1"\nscope = "unit"\ntitle = "空表"\nsections = []\n')) == [
        (5, "form", "forms.problem.no_sections")
    ]


def test_text_length_limit_must_be_positive(check: Check) -> None:
    text = BASE + '\n[[sections.items]]\nid = "b"\ntype = "text"\nlabel = "说明"\nmax_length = 0\n'
    assert found(check(text)) == [(20, "s1.b", "forms.problem.positive")]


def test_rating_without_a_scale(check: Check) -> None:
    text = BASE + '\n[[sections.items]]\nid = "b"\ntype = "rating"\nlabel = "总体评价"\n'
    assert found(check(text)) == [(16, "s1.b", "forms.problem.missing_key")]


def test_parts_need_every_section_to_name_one(check: Check) -> None:
    text = BASE.replace(
        'title = "测试表"\n', 'title = "测试表"\n\n[[parts]]\nid = "base"\nlabel = "基础项"\nweight = 1.0\n'
    )
    problems = found(check(text))
    assert (11, "s1", "forms.problem.missing_key") in problems


def test_ids_must_be_ascii(check: Check) -> None:
    problems = check(BASE.replace('id = "a"', 'id = "三会一课"'))
    assert found(problems) == [(11, "s1.三会一课", "forms.problem.bad_id")]


def test_level_key_is_one_keystroke(check: Check) -> None:
    assert found(check(BALLOT.replace('key = "2"', 'key = "F2"'))) == [
        (20, "scales.r.poor", "forms.problem.bad_key")
    ]


def test_satisfaction_item_must_be_a_0_to_100_score(check: Check) -> None:
    text = BASE.replace('title = "测试表"\n', 'title = "测试表"\nsatisfaction_item = "a"\n')
    assert found(check(text)) == [(5, "form", "forms.problem.satisfaction_item")]
    assert check(text.replace("max = 10", "max = 100")) == []
    assert found(check(text.replace('satisfaction_item = "a"', 'satisfaction_item = "b"'))) == [
        (5, "form", "forms.problem.score_item_unknown")
    ]
