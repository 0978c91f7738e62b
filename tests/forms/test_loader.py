"""Loading forms: source lines of tables and keys, the built-in forms, and refusing a broken form."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from forms.builtin import BUILTIN_IDS, builtin_form, builtin_form_text, builtin_forms
from forms.errors import InputError, ProblemFound
from forms.loader import form_from_text, load_form, parse_form
from forms.model import Text
from forms.toml_lines import scan
from tests.forms.form_texts import BASE


def test_scan_maps_nested_array_tables_and_keys() -> None:
    text = (
        'id = "x"\n'  # 1
        "[[sections]]\n"  # 2
        'id = "a"\n'  # 3
        "[[sections.items]]\n"  # 4
        'id = "a1"\n'  # 5
        'help = """多行\n'  # 6
        'id = "not a key"\n'  # 7 (inside the string)
        '"""\n'  # 8
        "[[sections.items]]\n"  # 9
        "choices = [\n"  # 10
        '  "id = 1",\n'  # 11
        "]\n"  # 12
        "[[sections]]\n"  # 13
        "[[sections.items]]\n"  # 14
        'show_if = { item = "a1", equals = true }  # 注释\n'  # 15
    )
    lines = scan(text)
    assert lines.key((), "id") == 1
    assert lines.table(("sections", 0)) == 2
    assert lines.key(("sections", 0, "items", 0), "id") == 5
    assert lines.key(("sections", 0, "items", 0), "help") == 6
    assert lines.table(("sections", 0, "items", 1)) == 9
    assert lines.key(("sections", 0, "items", 1), "choices") == 10
    assert ("sections", 0, "items", 1) not in {path for path, key in lines.keys if key == "id"}
    assert lines.table(("sections", 1, "items", 0)) == 14
    assert lines.key(("sections", 1, "items", 0), "show_if") == 15
    # a key never written falls back to its table's line
    assert lines.key(("sections", 1, "items", 0), "label") == 14


def test_loaded_items_carry_their_lines(tmp_path: Path) -> None:
    path = tmp_path / "表.toml"
    path.write_text(BASE, encoding="utf-8")
    form = load_form(path)
    assert form.sections[0].line == 6
    item = form.item("a")
    assert item is not None and item.line == 10
    assert item.label == Text("三会一课")
    assert form.source == str(path)


def test_every_builtin_form_loads_and_is_complete() -> None:
    forms = builtin_forms()
    assert tuple(forms) == BUILTIN_IDS
    scopes = {form_id: form.scope for form_id, form in forms.items()}
    assert scopes == {
        "review_ballot": "ballot",
        "star_branch": "unit",
        "duty_list": "unit",
        "supervision_visit": "visit",
        "brand_vote": "vote",
    }
    for form in forms.values():
        assert form.title.zh and form.title.en
        for item in form.items():
            assert item.label.zh and item.label.en, item.id


def test_review_ballot_matches_the_meeting_practice() -> None:
    form = builtin_form("review_ballot")
    scale = form.scale("rating4")
    assert scale is not None
    assert [(level.key, level.label.zh, level.points) for level in scale.levels] == [
        ("1", "好", 100), ("2", "较好", 80), ("3", "一般", 60), ("4", "差", 40),
    ]  # fmt: skip
    assert scale.level_for_key("3") == scale.level("average")
    assert form.score_item == "overall"
    dims = [item.label.zh for item in form.sections[1].items]
    assert dims == ["政治引领力", "工作执行力", "组织凝聚力", "党员战斗力", "群众服务力"]
    comment = form.item("comment")
    assert comment is not None and comment.max_length == 200 and not comment.required
    assert form.quotas[0].max_share == 0.3
    assert {rule.kind for rule in form.invalid_rules} == {"all_identical", "all_full_marks"}


def test_brand_vote_takes_its_choices_from_the_store() -> None:
    item = builtin_form("brand_vote").item("brands")
    assert item is not None
    assert (item.type, item.choices_from, item.max_picks) == ("multi", "brands", 10)


def test_builtin_text_is_the_toml_a_campaign_pins() -> None:
    text = builtin_form_text("star_branch")
    pinned = form_from_text(text, "pinned.toml")
    assert pinned.source == "pinned.toml"
    assert dataclasses.replace(pinned, source="builtin:star_branch") == builtin_form("star_branch")


def test_unknown_builtin_form() -> None:
    with pytest.raises(InputError) as caught:
        builtin_form("nope")
    assert caught.value.key == "forms.error.unknown_form"


def test_load_form_refuses_a_broken_form(tmp_path: Path) -> None:
    path = tmp_path / "坏.toml"
    path.write_text(BASE + "min = 20\nfoo = 1\n", encoding="utf-8")
    with pytest.raises(ProblemFound) as caught:
        load_form(path)
    assert caught.value.key == "forms.error.broken_form"
    assert caught.value.params["count"] == 2
    assert caught.value.params["line"] == 15


def test_parse_form_on_broken_toml_returns_no_form() -> None:
    form, problems = parse_form("id = \n", "x.toml")
    assert form is None
    assert [(p.line, p.key) for p in problems] == [(1, "forms.problem.syntax")]


def test_text_falls_back_to_chinese() -> None:
    assert Text("好", "Good").get("en") == "Good"
    assert Text("好").get("en") == "好"
    assert Text("好", "Good").get("zh") == "好"
