"""Fixtures of the store tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from store_helpers import make_small_campaign

from store.api import CampaignStore


@pytest.fixture
def small(data_dir: Path) -> CampaignStore:
    """A small campaign with voting open."""
    return make_small_campaign(data_dir)
