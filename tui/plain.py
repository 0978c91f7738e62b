"""Data into a widget as plain text: table cells that Textual never reads as markup."""

from __future__ import annotations

from typing import Any

from rich.text import Text


def cells(*values: object) -> list[Any]:
    """A DataTable row whose strings show literally: `[b]` in a unit name, a comment or a brand stays
    `[b]` (DataTable parses str cells as markup); Text and other renderables pass through as they are.
    Static, Label, OptionList and notify take `markup=False` instead (tests/tui/test_markup_rule.py)."""
    return [Text(value) if isinstance(value, str) else value for value in values]
