"""Helpers for the forms tests: write a small TOML form into tmp_path and check or load it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from forms.loader import check_form_file
from forms.problems import Problem
from tests.forms.form_texts import BASE  # noqa: F401 - re-exported for fixtures


@pytest.fixture
def check(tmp_path: Path) -> Callable[[str], list[Problem]]:
    """Write `text` to a form file and return every problem `check_form_file` finds."""

    def run(text: str) -> list[Problem]:
        path = tmp_path / "表单.toml"
        path.write_text(text, encoding="utf-8")
        return check_form_file(path)

    return run
