"""`campaign.visits`: a file of visits imported twice adds nothing the second time (the rule is in the store)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from forms.errors import InputError
from store.api import CampaignStore, Visit, open_store
from store.visits import visit_key
from tests.store.store_helpers import SMALL_UNITS


@pytest.fixture
def campaign(data_dir: Path) -> CampaignStore:
    store = open_store(data_dir)
    created = store.create_campaign("督导测试", 2026, ["review_ballot", "supervision_visit"])
    created.roster.import_units(SMALL_UNITS)
    return created


def _visit(unit_id: str, day: str, note: str = "查看台账") -> Visit:
    return Visit("", unit_id, "第一联络组", day, "supervision_visit", "", {}, note)


def test_import_new_visits_skips_what_is_recorded_and_repeats_in_the_file(campaign: CampaignStore) -> None:
    first = [_visit("U01", "2026-05-12"), _visit("U02", "2026-05-13"), _visit("U01", "2026-05-12")]
    outcome = campaign.visits.import_new_visits(first)
    assert (outcome.added, outcome.skipped) == (2, 1)
    again = campaign.visits.import_new_visits([*first, _visit("U01", "2026-05-12", "补充：座谈会")])
    assert (again.added, again.skipped) == (1, 3)
    assert len(campaign.visits.visits()) == 3


def test_import_new_visits_is_all_or_nothing(campaign: CampaignStore) -> None:
    with pytest.raises(InputError):
        campaign.visits.import_new_visits([_visit("U01", "2026-05-12"), _visit("U01", "2026-13-40")])
    assert campaign.visits.visits() == []


def test_the_same_visit_is_the_same_whatever_its_id() -> None:
    visit = _visit("U01", "2026-05-12")
    assert visit_key(replace(visit, id="abc")) == visit_key(visit)
    assert visit_key(replace(visit, note="另一次")) != visit_key(visit)
