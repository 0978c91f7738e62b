"""Where a unit's self-assessment lives: one file per unit, named by a digest of its id, found by a group."""

from __future__ import annotations

import hashlib
from pathlib import Path

from store.api import CampaignStore, open_store


def _expected(campaign: CampaignStore, unit_id: str) -> Path:
    digest = hashlib.sha256(unit_id.encode("utf-8")).hexdigest()[:24]
    return campaign.dir / "self" / f"{digest}.json"


def test_each_units_record_keeps_its_file_name(small: CampaignStore) -> None:
    small.self_assessments.save_self_answer("U01-01", "star_branch", "committee", 5, None)
    assert _expected(small, "U01-01").is_file()  # data directories of earlier versions read the same
    assert not _expected(small, "U02").exists()


def test_a_group_finds_what_another_handle_saved(small: CampaignStore, data_dir: Path) -> None:
    assert small.self_assessments.self_assessments(group="第一联络组") == []  # paths worked out, none there
    other = open_store(data_dir).campaign(small.id)
    other.self_assessments.save_self_answer("U01-01", "star_branch", "committee", 5, None)
    (found,) = small.self_assessments.self_assessments(group="第一联络组")
    assert (found.unit_id, found.form_id, found.answers) == ("U01-01", "star_branch", {"committee": 5})
    assert small.self_assessments.self_assessments(group="第二联络组") == []
