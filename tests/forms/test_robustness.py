"""Broken form and rules files never crash the checker: every edit gives problems, never a traceback."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from forms.builtin import BUILTIN_IDS, builtin_form_text
from forms.loader import parse_form
from forms.rules import builtin_rules_text, parse_rules
from forms.toml_lines import scan
from forms.validate import check_form

REPLACEMENTS = ['"文字"', "-1", "0", "1e9", "true", "[]", '["x"]', "{}", '{ item = "overall" }', "3.3", '""']


@st.composite
def edited(draw: st.DrawFn, text: str) -> str:
    """The text with a few lines deleted, duplicated or given another value."""
    lines = text.splitlines()
    for _ in range(draw(st.integers(1, 4))):
        index = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete", "duplicate", "value"]))
        if action == "delete":
            del lines[index]
        elif action == "duplicate":
            lines.insert(index, lines[index])
        elif "=" in lines[index]:
            key = lines[index].split("=", 1)[0]
            lines[index] = f"{key}= {draw(st.sampled_from(REPLACEMENTS))}"
        if not lines:
            lines = [""]
    return "\n".join(lines) + "\n"


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(BUILTIN_IDS).flatmap(lambda form_id: edited(builtin_form_text(form_id))))
def test_edited_builtin_forms_never_crash_the_checker(text: str) -> None:
    form, problems = parse_form(text, "edited.toml")
    if form is not None:
        problems += check_form(form, scan(text))
    for problem in problems:
        assert problem.key.startswith("forms.problem.")
        assert problem.line >= 0


@settings(max_examples=40, deadline=None)
@given(edited(builtin_rules_text()))
def test_edited_rules_never_crash_the_checker(text: str) -> None:
    rules, problems = parse_rules(text, "rules.toml")
    assert (rules is None) == bool(problems)
