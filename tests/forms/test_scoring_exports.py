"""`forms.scoring` re-exports every name of its modules, each module loaded on first use."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import forms.scoring

ROOT = Path(__file__).resolve().parents[2]


def test_every_exported_name_resolves_to_its_module_object() -> None:
    assert sorted(forms.scoring.__all__) == sorted(forms.scoring._HOMES)
    for name in forms.scoring.__all__:
        home = f"forms.scoring.{forms.scoring._HOMES[name]}"
        assert getattr(forms.scoring, name) is getattr(sys.modules[home], name)


def test_the_kiosk_rules_load_without_the_year_end_modules() -> None:
    probe = (
        "import sys; from forms.scoring import EntryTally, quota_tallies; "
        "print(sorted(m for m in sys.modules if m.startswith('forms.scoring.')))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout
    assert "forms.scoring.entry_tally" in loaded
    assert "forms.scoring.aggregate" not in loaded and "forms.scoring.awards" not in loaded


def test_an_unknown_name_is_an_attribute_error() -> None:
    try:
        forms.scoring.no_such_rule  # noqa: B018
    except AttributeError as error:
        assert "no_such_rule" in str(error)
    else:
        raise AssertionError("an unknown name resolved")
