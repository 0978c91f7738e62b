"""A form's `kind` says what it is for: `kind = "star"` marks the star-rating form, checked like any key."""

from __future__ import annotations

from collections.abc import Callable

from forms.builtin import builtin_form
from forms.loader import form_from_text
from forms.problems import Problem
from tests.forms.form_texts import BASE

Check = Callable[[str], list[Problem]]


def _with_kind(value: str, scope: str = "unit") -> str:
    return BASE.replace('scope = "unit"\n', f'scope = "{scope}"\nkind = "{value}"\n')


def test_the_builtin_star_form_says_it_is_the_star_form() -> None:
    assert builtin_form("star_branch").kind == "star"
    assert builtin_form("duty_list").kind == ""
    assert builtin_form("review_ballot").kind == ""


def test_kind_star_is_read_and_a_title_alone_decides_nothing() -> None:
    assert form_from_text(_with_kind("star"), "星.toml").kind == "star"
    titled = BASE.replace('title = "测试表"', 'title = "星级党支部评定自评表"').replace(
        'id = "t"', 'id = "t_branch"'
    )
    assert form_from_text(titled, "星.toml").kind == ""


def test_an_unknown_kind_is_refused_with_its_line(check: Check) -> None:
    problems = check(_with_kind("五星"))
    assert [(p.line, p.path, p.key) for p in problems] == [(4, "form", "forms.problem.bad_value")]
    assert problems[0].params["allowed"] == "star"


def test_kind_star_only_for_unit_forms(check: Check) -> None:
    text = _with_kind("star", scope="visit")
    problems = check(text)
    assert [(p.line, p.path, p.key) for p in problems] == [(4, "form", "split.problem.star_not_unit")]
    assert problems[0].params == {"scope": "visit"}
