"""Text is text, as a rule of the source: every widget of tui/ that shows a string takes it as plain text.

Data (unit, group, brand and branch names, comments, form texts from files) reaches the screen through
Static, Label, OptionList prompts, notifications and DataTable cells; each of those parses Textual markup
unless told not to. The catalogue holds no markup either, so the rule is simple: always plain.
"""

from __future__ import annotations

import ast
from pathlib import Path

TUI = Path(__file__).resolve().parents[2] / "tui"
PLAIN_WIDGETS = {"Static", "Label", "OptionList"}
PLAIN_CELLS = {"Text", "cells"}


def _calls() -> list[tuple[Path, ast.Call, str]]:
    found = []
    for path in sorted(TUI.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                func = node.func
                name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
                found.append((path, node, name))
    return found


def _where(path: Path, node: ast.AST) -> str:
    return f"{path.relative_to(TUI.parent)}:{getattr(node, 'lineno', 0)}"


def _markup_off(node: ast.Call) -> bool:
    return any(
        k.arg == "markup" and isinstance(k.value, ast.Constant) and k.value.value is False
        for k in node.keywords
    )


def test_every_static_label_option_list_and_notification_is_plain() -> None:
    loose = [
        _where(path, node)
        for path, node, name in _calls()
        if (
            (name in PLAIN_WIDGETS and isinstance(node.func, ast.Name))
            or (name == "notify" and isinstance(node.func, ast.Attribute))
            or (  # self.app.call_from_thread(self.notify, ...): a notification from a worker
                name == "call_from_thread"
                and node.args
                and isinstance(node.args[0], ast.Attribute)
                and node.args[0].attr == "notify"
            )
        )
        and not _markup_off(node)
        and not (node.args and isinstance(node.args[0], ast.Call) and _called(node.args[0]) in PLAIN_CELLS)
    ]
    assert loose == [], f"markup=False (or a Text) is missing at {loose}"


def _called(node: ast.Call) -> str:
    return node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")


def test_every_table_cell_is_text_never_a_markup_string() -> None:
    loose = []
    for path, node, name in _calls():
        if name not in ("add_row", "update_cell", "update_cell_at") or not isinstance(
            node.func, ast.Attribute
        ):
            continue
        values = node.args if name == "add_row" else node.args[1:2]
        for arg in values:
            plain = isinstance(arg, ast.Starred) or (
                isinstance(arg, ast.Call) and _called(arg) in PLAIN_CELLS
            )
            if not plain and not (isinstance(arg, ast.Call) and _called(arg) == "_cell"):
                loose.append(_where(path, arg))
    assert loose == [], f"a str cell is read as markup at {loose}: wrap the row in tui.plain.cells(...)"
