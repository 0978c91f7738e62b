"""The campaign rules file: defaults, round trip, and every problem with its line."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from forms.errors import InputError, ProblemFound
from forms.rules import (
    builtin_rules_text,
    check_rules_file,
    default_rules,
    load_rules,
    parse_rules,
    rules_from_text,
    rules_to_toml,
)


def problems_of(text: str) -> list[tuple[int, str, str]]:
    rules, problems = parse_rules(text, "rules.toml")
    assert rules is None if problems else rules is not None
    return [(p.line, p.path, p.key) for p in problems]


def test_defaults_follow_the_domain() -> None:
    rules = default_rules()
    assert rules.rating_points == {"good": 100, "fairly_good": 80, "average": 60, "poor": 40}
    assert rules.trim_above == 5
    assert [(g.zh, g.weight) for g in rules.rater_groups] == [
        ("工委领导", 0.15), ("部门负责人", 0.25), ("党员代表", 0.35), ("服务对象代表", 0.25),
    ]  # fmt: skip
    assert sum(rules.composite_weights.values()) == pytest.approx(1)
    assert [(b.zh, b.min_score) for b in rules.grades] == [("好", 90), ("较好", 80), ("一般", 60), ("差", 0)]
    assert [(s.stars, s.min_score) for s in rules.stars] == [(5, 90), (4, 80), (3, 70), (2, 60), (1, 0)]
    assert rules.five_star_max_share == 0.3
    assert rules.no_star_below_satisfaction == 50
    assert rules.results_before_close is False


def test_the_shipped_rules_file_is_the_defaults() -> None:
    assert dataclasses.replace(rules_from_text(builtin_rules_text(), "x"), source="") == default_rules()


def test_rules_round_trip_through_toml() -> None:
    rules = dataclasses.replace(
        default_rules(), trim_above=7, supervision_method="median", five_star_max_share=0.25
    )
    again = rules_from_text(rules_to_toml(rules), "again.toml")
    assert dataclasses.replace(again, source="") == rules


def test_a_partial_file_keeps_the_other_defaults() -> None:
    rules = rules_from_text("trim_above = 9\n", "r.toml")
    assert rules.trim_above == 9
    assert rules.rater_groups == default_rules().rater_groups


def test_group_weights_must_add_up_to_one() -> None:
    text = '[[rater_groups]]\nid = "leaders"\nlabel = "工委领导"\nweight = 0.4\n\n[[rater_groups]]\nid = "members"\nlabel = "党员代表"\nweight = 0.4\n'
    assert problems_of(text) == [(1, "rater_groups", "forms.problem.weights_sum")]


def test_composite_weights_must_add_up_to_one() -> None:
    assert problems_of("\n[composite_weights]\nreview = 0.6\nself = 0.6\n") == [
        (2, "composite_weights", "forms.problem.weights_sum")
    ]


def test_duplicate_group_ids() -> None:
    text = '[[rater_groups]]\nid = "a"\nlabel = "甲"\nweight = 0.5\n[[rater_groups]]\nid = "a"\nlabel = "乙"\nweight = 0.5\n'
    assert problems_of(text) == [(6, "rater_groups.a", "forms.problem.duplicate_id")]


def test_grade_bands_need_a_lowest_band_at_zero() -> None:
    text = '[[grades]]\ncode = "good"\nlabel = "好"\nmin_score = 90\n[[grades]]\ncode = "poor"\nlabel = "差"\nmin_score = 60\n'
    assert problems_of(text) == [(1, "grades", "forms.problem.no_lowest_band")]


def test_star_bands_must_rise_with_the_stars() -> None:
    text = "[[stars]]\nstars = 5\nmin_score = 50\n[[stars]]\nstars = 1\nmin_score = 0\n[[stars]]\nstars = 3\nmin_score = 70\n"
    assert problems_of(text) == [(1, "stars", "forms.problem.stars_order")]


def test_star_count_within_one_to_five() -> None:
    assert problems_of("[[stars]]\nstars = 6\nmin_score = 0\n") == [
        (2, "stars.#1", "forms.problem.stars_range")
    ]


def test_unknown_key_wrong_type_bad_value_and_share() -> None:
    text = 'trim_above = "五"\ncolour = 1\nsupervision_method = "max"\nfive_star_max_share = 30\n'
    assert problems_of(text) == [
        (1, "rules", "forms.problem.wrong_type"),
        (2, "rules", "forms.problem.unknown_key"),
        (3, "rules", "forms.problem.bad_value"),
        (4, "rules", "forms.problem.share_range"),
    ]


def test_satisfaction_threshold_range() -> None:
    assert problems_of("no_star_below_satisfaction = 150\n") == [(1, "rules", "forms.problem.range_0_100")]


def test_syntax_error_has_its_line() -> None:
    assert problems_of("trim_above = 5\n[grades\n") == [(2, "rules", "forms.problem.syntax")]


def test_load_rules_refuses_a_broken_file(tmp_path: Path) -> None:
    path = tmp_path / "规则.toml"
    path.write_text("trim_above = -1\n", encoding="utf-8")
    assert [p.key for p in check_rules_file(path)] == ["forms.problem.negative"]
    with pytest.raises(ProblemFound):
        load_rules(path)
    with pytest.raises(InputError):
        load_rules(tmp_path / "没有.toml")
