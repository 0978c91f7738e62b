"""Read a form TOML file into a `Form`, collecting every structural problem with its source line.

`parse_form` never raises on bad content: it returns what it could build and the problems found (syntax,
unknown or missing keys, wrong types, values outside their allowed set). `forms.validate` adds the checks
that need the whole form (duplicate ids, scales, weights, show_if, quotas); `load_form` runs both and
refuses a form with any problem.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from forms.model import (
    FORM_KINDS,
    INVALID_KINDS,
    ITEM_TYPES,
    RULE_ACTIONS,
    SCOPES,
    Choice,
    Condition,
    Form,
    InvalidRule,
    Item,
    Level,
    Part,
    Quota,
    Scale,
    Section,
    Text,
)
from forms.problems import Problem, broken_file, unknown_key
from forms.toml_fields import KIND_NAMES, checked_fields, has_kind
from forms.toml_lines import LineMap, TablePath, scan
from forms.toml_text import read_text, syntax_problem, too_deep_problem
from forms.validate import check_form

# Expected value kinds of a key: "str", "int", "number", "bool", "strs" (list of strings),
# "table" (an inline table), "tables" (an array of tables).
Spec = Mapping[str, str]

FORM_KEYS: Spec = {
    "id": "str",
    "version": "str",
    "scope": "str",
    "kind": "str",
    "title": "str",
    "title_en": "str",
    "description": "str",
    "description_en": "str",
    "score_item": "str",
    "max_total": "number",
    "satisfaction_item": "str",
    "scales": "tables",
    "parts": "tables",
    "sections": "tables",
    "quotas": "tables",
    "invalid_rules": "tables",
}
FORM_REQUIRED = ("id", "version", "scope", "title", "sections")
SCALE_KEYS: Spec = {"id": "str", "label": "str", "label_en": "str", "levels": "tables"}
SCALE_REQUIRED = ("id", "levels")
LEVEL_KEYS: Spec = {"code": "str", "label": "str", "label_en": "str", "points": "number", "key": "str"}
LEVEL_REQUIRED = ("code", "label", "points")
PART_KEYS: Spec = {"id": "str", "label": "str", "label_en": "str", "weight": "number"}
PART_REQUIRED = ("id", "label", "weight")
SECTION_KEYS: Spec = {
    "id": "str",
    "title": "str",
    "title_en": "str",
    "help": "str",
    "help_en": "str",
    "part": "str",
    "items": "tables",
}
SECTION_REQUIRED = ("id", "title", "items")
ITEM_KEYS: Spec = {
    "id": "str",
    "type": "str",
    "label": "str",
    "label_en": "str",
    "help": "str",
    "help_en": "str",
    "required": "bool",
    "weight": "number",
    "scale": "str",
    "min": "number",
    "max": "number",
    "step": "number",
    "points": "number",
    "choices": "tables",
    "choices_from": "str",
    "min_picks": "int",
    "max_picks": "int",
    "max_length": "int",
    "cap": "number",
    "veto_grade": "str",
    "veto_stars": "int",
    "note_below_full": "bool",
    "show_if": "table",
}
ITEM_REQUIRED = ("id", "type", "label")
CHOICE_KEYS: Spec = {"code": "str", "label": "str", "label_en": "str", "points": "number"}
CHOICE_REQUIRED = ("code", "label")
CONDITION_KEYS: Spec = {
    "item": "str",
    "equals": "scalar",
    "in": "strs",
    "min": "number",
    "max": "number",
    "answered": "bool",
}
QUOTA_KEYS: Spec = {
    "id": "str",
    "item": "str",
    "levels": "strs",
    "max_share": "number",
    "max_count": "int",
    "action": "str",
    "text": "str",
    "text_en": "str",
}
QUOTA_REQUIRED = ("id", "item", "levels", "text")
INVALID_KEYS: Spec = {
    "id": "str",
    "kind": "str",
    "item": "str",
    "action": "str",
    "text": "str",
    "text_en": "str",
}
INVALID_REQUIRED = ("id", "kind", "item", "text")


@dataclass
class Reader:
    """Reads the tables of one TOML file, recording problems with their lines."""

    file: str
    lines: LineMap
    problems: list[Problem] = field(default_factory=list)

    def problem(self, line: int, path: str, key: str, /, **params: object) -> None:
        """Record one problem."""
        self.problems.append(Problem(self.file, line, path, key, params))

    def fields(
        self, table: Mapping[str, Any], spec: Spec, required: tuple[str, ...], where: TablePath, path: str
    ) -> dict[str, Any]:
        """The table's keys of the right kind; unknown, missing and mistyped keys become problems."""
        return checked_fields(self.file, self.lines, self.problems, table, spec, required, where, path)

    def choice_of(
        self, good: dict[str, Any], key: str, allowed: tuple[str, ...], where: TablePath, path: str
    ) -> str | None:
        """A key whose value must be one of `allowed` (the problem names them)."""
        value = good.get(key)
        if value is None:
            return None
        if value not in allowed:
            problem_key = "forms.problem.unknown_type" if key == "type" else "forms.problem.bad_value"
            self.problem(
                self.lines.key(where, key),
                path,
                problem_key,
                key=key,
                value=value,
                allowed=", ".join(allowed),
            )
            return None
        return cast(str, value)


def _text(good: Mapping[str, Any], key: str) -> Text:
    return Text(str(good.get(key, "")), str(good.get(f"{key}_en", "")))


def _number(good: Mapping[str, Any], key: str) -> float | None:
    value = good.get(key)
    return float(value) if value is not None else None


def _label(good: Mapping[str, Any], key: str, index: int) -> str:
    value = good.get(key)
    return str(value) if value else f"#{index + 1}"


def _tables(
    reader: Reader,
    good: Mapping[str, Any],
    key: str,
    where: TablePath,
    build: Callable[[Mapping[str, Any], TablePath, int], Any],
) -> list[Any]:
    built = []
    for index, table in enumerate(good.get(key, [])):
        result = build(table, (*where, key, index), index)
        if result is not None:
            built.append(result)
    return built


def parse_form(text: str, file: str) -> tuple[Form | None, list[Problem]]:
    """Parse a form's TOML text: the form (None when the TOML itself is broken) and every problem found."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        return None, [syntax_problem(error, text, file, "form")]
    except RecursionError:  # thousands of nested brackets: a problem to report, never a traceback
        return None, [too_deep_problem(file, "form")]
    reader = Reader(file, scan(text))
    good = reader.fields(data, FORM_KEYS, FORM_REQUIRED, (), "form")
    scope = reader.choice_of(good, "scope", SCOPES, (), "form")
    kind = reader.choice_of(good, "kind", FORM_KINDS, (), "form")

    def build_level(table: Mapping[str, Any], where: TablePath, index: int, scale_path: str) -> Level:
        path = f"{scale_path}.{_label(table, 'code', index)}"
        fields = reader.fields(table, LEVEL_KEYS, LEVEL_REQUIRED, where, path)
        return Level(
            code=str(fields.get("code", "")),
            label=_text(fields, "label"),
            points=_number(fields, "points") or 0.0,
            key=str(fields.get("key", "")),
            line=reader.lines.table(where),
        )

    def build_scale(table: Mapping[str, Any], where: TablePath, index: int) -> Scale:
        path = f"scales.{_label(table, 'id', index)}"
        fields = reader.fields(table, SCALE_KEYS, SCALE_REQUIRED, where, path)
        levels = _tables(reader, fields, "levels", where, lambda t, w, i: build_level(t, w, i, path))
        return Scale(
            id=str(fields.get("id", "")),
            label=_text(fields, "label"),
            levels=tuple(levels),
            line=reader.lines.table(where),
        )

    def build_part(table: Mapping[str, Any], where: TablePath, index: int) -> Part:
        path = f"parts.{_label(table, 'id', index)}"
        fields = reader.fields(table, PART_KEYS, PART_REQUIRED, where, path)
        return Part(
            id=str(fields.get("id", "")),
            label=_text(fields, "label"),
            weight=_number(fields, "weight") or 0.0,
            line=reader.lines.table(where),
        )

    def build_condition(value: Mapping[str, Any], where: TablePath, path: str) -> Condition | None:
        line = reader.lines.key(where, "show_if")
        unknown = [key for key in value if key not in CONDITION_KEYS]
        for key in unknown:
            reader.problems.append(unknown_key(reader.file, line, path, key, CONDITION_KEYS, "show_if."))
        fields: dict[str, Any] = {}
        for key, kind in CONDITION_KEYS.items():
            if key in value:
                if has_kind(value[key], kind):
                    fields[key] = value[key]
                else:
                    reader.problem(
                        line,
                        path,
                        "forms.problem.wrong_type",
                        key=f"show_if.{key}",
                        expected=KIND_NAMES[kind],
                    )
        if "item" not in value:
            reader.problem(line, path, "forms.problem.missing_key", key="show_if.item")
            return None
        if "item" not in fields:
            return None
        tests = [key for key in ("equals", "in", "min", "max", "answered") if key in fields]
        if not tests:
            reader.problem(line, path, "forms.problem.show_if_no_test")
        return Condition(
            item=str(fields["item"]),
            equals=fields.get("equals"),
            any_of=tuple(fields.get("in", ())),
            min=_number(fields, "min"),
            max=_number(fields, "max"),
            answered=fields.get("answered"),
            line=line,
        )

    def build_choice(table: Mapping[str, Any], where: TablePath, index: int, item_path: str) -> Choice:
        path = f"{item_path}.{_label(table, 'code', index)}"
        fields = reader.fields(table, CHOICE_KEYS, CHOICE_REQUIRED, where, path)
        return Choice(
            code=str(fields.get("code", "")),
            label=_text(fields, "label"),
            points=_number(fields, "points") or 0.0,
            line=reader.lines.table(where),
        )

    def build_item(table: Mapping[str, Any], where: TablePath, index: int, section_path: str) -> Item:
        path = f"{section_path}.{_label(table, 'id', index)}"
        fields = reader.fields(table, ITEM_KEYS, ITEM_REQUIRED, where, path)
        kind = reader.choice_of(fields, "type", ITEM_TYPES, where, path)
        choices = _tables(reader, fields, "choices", where, lambda t, w, i: build_choice(t, w, i, path))
        condition = build_condition(fields["show_if"], where, path) if "show_if" in fields else None
        if kind is None:
            # The unknown type is already reported; keep a bare text item so that the whole-form checks
            # (duplicate ids, show_if targets, empty sections) still see it, without type-specific noise.
            return Item(
                id=str(fields.get("id", "")),
                type="text",
                label=_text(fields, "label"),
                line=reader.lines.table(where),
            )
        weight = _number(fields, "weight")
        return Item(
            id=str(fields.get("id", "")),
            type=cast(Any, kind),
            label=_text(fields, "label"),
            help=_text(fields, "help"),
            required=bool(fields.get("required", False)),
            weight=1.0 if weight is None else weight,
            scale=fields.get("scale"),
            min=_number(fields, "min"),
            max=_number(fields, "max"),
            step=_number(fields, "step"),
            points=_number(fields, "points"),
            choices=tuple(choices),
            choices_from=fields.get("choices_from"),
            min_picks=int(fields.get("min_picks", 0)),
            max_picks=fields.get("max_picks"),
            max_length=fields.get("max_length"),
            cap=_number(fields, "cap"),
            veto_grade=fields.get("veto_grade"),
            veto_stars=fields.get("veto_stars"),
            note_below_full=bool(fields.get("note_below_full", False)),
            show_if=condition,
            line=reader.lines.table(where),
        )

    def build_section(table: Mapping[str, Any], where: TablePath, index: int) -> Section:
        path = _label(table, "id", index)
        fields = reader.fields(table, SECTION_KEYS, SECTION_REQUIRED, where, path)
        items = _tables(reader, fields, "items", where, lambda t, w, i: build_item(t, w, i, path))
        return Section(
            id=str(fields.get("id", "")),
            title=_text(fields, "title"),
            items=tuple(items),
            help=_text(fields, "help"),
            part=fields.get("part"),
            line=reader.lines.table(where),
        )

    def build_quota(table: Mapping[str, Any], where: TablePath, index: int) -> Quota | None:
        path = f"quotas.{_label(table, 'id', index)}"
        fields = reader.fields(table, QUOTA_KEYS, QUOTA_REQUIRED, where, path)
        action = (
            reader.choice_of(fields, "action", RULE_ACTIONS, where, path) if "action" in fields else "invalid"
        )
        if action is None:
            return None
        return Quota(
            id=str(fields.get("id", "")),
            item=str(fields.get("item", "")),
            levels=tuple(fields.get("levels", ())),
            text=_text(fields, "text"),
            max_share=_number(fields, "max_share"),
            max_count=fields.get("max_count"),
            action=cast(Any, action),
            line=reader.lines.table(where),
        )

    def build_invalid(table: Mapping[str, Any], where: TablePath, index: int) -> InvalidRule | None:
        path = f"invalid_rules.{_label(table, 'id', index)}"
        fields = reader.fields(table, INVALID_KEYS, INVALID_REQUIRED, where, path)
        kind = reader.choice_of(fields, "kind", INVALID_KINDS, where, path)
        action = (
            reader.choice_of(fields, "action", RULE_ACTIONS, where, path) if "action" in fields else "invalid"
        )
        if kind is None or action is None:
            return None
        return InvalidRule(
            id=str(fields.get("id", "")),
            kind=cast(Any, kind),
            item=str(fields.get("item", "")),
            text=_text(fields, "text"),
            action=cast(Any, action),
            line=reader.lines.table(where),
        )

    form = Form(
        id=str(good.get("id", "")),
        version=str(good.get("version", "")),
        scope=cast(Any, scope or "unit"),
        title=_text(good, "title"),
        description=_text(good, "description"),
        scales=tuple(_tables(reader, good, "scales", (), build_scale)),
        parts=tuple(_tables(reader, good, "parts", (), build_part)),
        sections=tuple(_tables(reader, good, "sections", (), build_section)),
        score_item=good.get("score_item"),
        quotas=tuple(_tables(reader, good, "quotas", (), build_quota)),
        invalid_rules=tuple(_tables(reader, good, "invalid_rules", (), build_invalid)),
        max_total=_number(good, "max_total"),
        satisfaction_item=good.get("satisfaction_item"),
        kind=cast(Any, kind or ""),
        source=file,
    )
    return form, reader.problems


def form_from_text(text: str, file: str) -> Form:
    """A checked form from TOML text; ProblemFound (naming the first problem and the count) when broken."""
    form, problems = parse_form(text, file)
    if form is not None:
        problems = problems + check_form(form, scan(text))
    if problems or form is None:
        raise broken_file("forms.error.broken_form", file, problems)
    return form


def load_form(path: Path | str) -> Form:
    """Load and check a form file; InputError when unreadable, ProblemFound when it has problems."""
    path = Path(path)
    return form_from_text(read_text(path), str(path))


def check_form_file(path: Path | str) -> list[Problem]:
    """Every problem of a form file, sorted by line: TOML syntax, structure, and whole-form checks.

    A missing or unreadable file raises InputError (exit 2) instead: there is nothing to check.
    """
    path = Path(path)
    text = read_text(path)
    form, problems = parse_form(text, str(path))
    if form is not None:
        problems = problems + check_form(form, scan(text))
    return sorted(problems, key=Problem.sort_key)
