"""The layering holds: the three cores import no Textual, questionary or tui, and never import upward."""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORES = ("forms", "store", "exports")
# What each core may not import: the UI libraries, the tui package, and any layer above it.
FORBIDDEN = {
    "forms": ("textual", "questionary", "prompt_toolkit", "tui", "store", "exports"),
    "store": ("textual", "questionary", "prompt_toolkit", "tui", "exports"),
    "exports": ("textual", "questionary", "prompt_toolkit", "tui"),
}


def _modules_of(package: str) -> list[str]:
    path = ROOT / package
    names = [package]
    for info in pkgutil.walk_packages([str(path)], prefix=f"{package}."):
        names.append(info.name)
    return names


@pytest.mark.parametrize("core", CORES)
def test_core_imports_no_ui_and_nothing_above_it(core: str) -> None:
    modules = _modules_of(core)
    script = (
        "import importlib, json, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True
    )
    loaded = json.loads(done.stdout)
    bad = sorted(
        name
        for name in loaded
        for banned in FORBIDDEN[core]
        if name == banned or name.startswith(banned + ".")
    )
    assert bad == [], f"{core} pulled in {bad}"


def test_the_architecture_test_can_fail() -> None:
    """The check above really sees an import: tui does load textual."""
    script = "import sys, tui.base; print('textual' in sys.modules)"
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "True"
