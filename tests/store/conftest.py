"""Fixtures of the store tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from store.api import CampaignStore
from tests.store.store_helpers import make_small_campaign


@pytest.fixture
def small(data_dir: Path) -> CampaignStore:
    """A small campaign with voting open."""
    return make_small_campaign(data_dir)
