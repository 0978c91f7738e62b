"""The licence in the form current setuptools wants: an SPDX string and the licence file beside it."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def test_the_licence_is_an_spdx_string_with_its_file() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["license"] == "MIT"
    files = project["project"]["license-files"]
    assert all((ROOT / name).is_file() for name in files)
    assert "MIT License" in (ROOT / files[0]).read_text(encoding="utf-8")
    requires = project["build-system"]["requires"]
    assert any(r.replace(" ", "").startswith("setuptools>=77") for r in requires), "SPDX needs 77+"
