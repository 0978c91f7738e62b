"""Fixtures of the exports tests (helpers live in export_fixtures.py, importable by a unique name)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.exports.export_fixtures import Campaign, build_campaign


@pytest.fixture
def campaign(tmp_path: Path) -> Campaign:
    return build_campaign(tmp_path / "data")
