"""Typed keys of parsed TOML tables: the value kinds, their names in messages, and the field check."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from forms.problems import Problem, unknown_key
from forms.toml_lines import LineMap, TablePath

# The name of each kind as a wrong-type problem words it (forms and rules files share the vocabulary).
KIND_NAMES = {
    "str": "string",
    "int": "integer",
    "number": "number",
    "bool": "true/false",
    "strs": "list of strings",
    "numbers": "table of numbers",
    "table": "table",
    "tables": "array of tables",
    "scalar": "string, number or true/false",
}


def has_kind(value: object, kind: str) -> bool:
    """Whether a parsed TOML value is of `kind` (a key of `KIND_NAMES`); booleans are never numbers."""
    if kind == "str":
        return isinstance(value, str)
    if kind == "int":
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == "number":
        return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)
    if kind == "bool":
        return isinstance(value, bool)
    if kind == "strs":
        return isinstance(value, list) and all(isinstance(entry, str) for entry in value)
    if kind == "numbers":
        return isinstance(value, dict) and all(has_kind(entry, "number") for entry in value.values())
    if kind == "table":
        return isinstance(value, dict)
    if kind == "tables":
        return isinstance(value, list) and all(isinstance(entry, dict) for entry in value)
    if kind == "scalar":
        return isinstance(value, (str, int, float, bool))
    return False


def checked_fields(
    file: str,
    lines: LineMap,
    problems: list[Problem],
    table: Mapping[str, Any],
    spec: Mapping[str, str],
    required: tuple[str, ...],
    where: TablePath,
    path: str,
) -> dict[str, Any]:
    """The table's keys of the right kind; unknown, missing and mistyped keys are added to `problems`."""
    good: dict[str, Any] = {}
    for key, value in table.items():
        kind = spec.get(key)
        line = lines.key(where, key)
        if kind is None:
            problems.append(unknown_key(file, line, path, key, spec))
        elif not has_kind(value, kind):
            params = {"key": key, "expected": KIND_NAMES[kind]}
            problems.append(Problem(file, line, path, "forms.problem.wrong_type", params))
        else:
            good[key] = value
    for key in required:
        if key not in table:
            problems.append(
                Problem(file, lines.table(where), path, "forms.problem.missing_key", {"key": key})
            )
    return good
