"""Shared fixtures: a fresh data directory, and a demo store created once per session and copied per test."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from store.api import CampaignStore, Store, open_store
from store.demo import DemoResult, create_demo


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """An empty kaoping data directory under the test's tmp_path."""
    path = tmp_path / "data"
    path.mkdir()
    return path


@pytest.fixture(scope="session")
def _demo_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, DemoResult]:
    """The demo campaign built once per test session (about a second), to be copied by each test."""
    path = tmp_path_factory.mktemp("demo-template") / "data"
    result = create_demo(open_store(path), seed=2026)
    return path, result


@pytest.fixture
def demo_data(data_dir: Path, _demo_template: tuple[Path, DemoResult]) -> tuple[Path, DemoResult]:
    """A private copy of the demo data directory, with the plaintext codes the demo issued.

    `DemoResult.ballot_codes[group]` are fresh ballot codes, `unit_codes[unit_id]` and
    `group_codes[group]` sign-in codes; the admin passphrase is `DemoResult.passphrase`.
    """
    template, result = _demo_template
    shutil.rmtree(data_dir)
    shutil.copytree(template, data_dir)
    return data_dir, result


@pytest.fixture
def demo_store(demo_data: tuple[Path, DemoResult]) -> Iterator[Store]:
    """A `Store` on a private copy of the demo data directory (66 organizations, ~700 branches)."""
    yield open_store(demo_data[0])


@pytest.fixture
def demo_campaign(demo_store: Store) -> CampaignStore:
    """The demo campaign of `demo_store`."""
    return demo_store.campaign()


@pytest.fixture
def demo_codes(demo_data: tuple[Path, DemoResult]) -> DemoResult:
    """The plaintext codes of the demo copy used by `demo_store` (ballot, unit and group codes)."""
    return demo_data[1]


@pytest.fixture(autouse=True)
def _no_store_notices_from_earlier_tests() -> Iterator[None]:
    """Store notices (a file healed from the mirror...) are queued per process until a command shows
    them; a test must never see another test's."""
    from store import notices

    notices.take()
    yield
    notices.take()
