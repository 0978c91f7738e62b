"""`sealed_ballots` is a generator over the ballot shards: one shard read at a time, the lock not held between."""

from __future__ import annotations

from pathlib import Path
from typing import Any, cast

import pytest

from store.api import CampaignStore
from store.records import BallotAnswers
from tests.store.store_helpers import good_ballot


def _seal(small: CampaignStore, count: int) -> set[str]:
    answers = cast(BallotAnswers, good_ballot(small))
    codes = small.codes.issue_codes("members", count)
    return {small.ballots.seal_ballot(code, "review_ballot", answers) for code in codes}


def _watch_reads(small: CampaignStore, monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    store = small.store
    read = store.read
    seen: list[Path] = []

    def counting(path: Path) -> Any:
        if path.parent.name == "ballots":
            seen.append(path)
        return read(path)

    monkeypatch.setattr(store, "read", counting)
    return seen


def test_sealed_ballots_reads_one_shard_before_its_first_ballot(
    small: CampaignStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = _seal(small, 12)
    shards = sorted((small.dir / "ballots").glob("*.json"))
    small.store._cache.clear()
    read = _watch_reads(small, monkeypatch)
    stream = small.ballots.sealed_ballots(cached=False)
    first = next(stream)
    # Read so far: the shards in order up to the one holding the first ballot, and no further.
    assert read == shards[: len(read)] and first.ballot_id in read[-1].read_text(encoding="utf-8")
    assert len(read) < len(shards)
    assert small.store._lock.depth == 0  # the caller writes its file with the store free
    rest = list(stream)
    assert {first.ballot_id, *(ballot.ballot_id for ballot in rest)} == ids
    assert read == shards
    assert not any(path in small.store._cache for path in read)  # nothing kept: memory stays flat


def test_sealed_ballots_filters_by_form_and_keeps_the_cache_by_default(small: CampaignStore) -> None:
    ids = _seal(small, 5)
    assert {ballot.ballot_id for ballot in small.ballots.sealed_ballots("review_ballot")} == ids
    assert list(small.ballots.sealed_ballots("brand_vote")) == []
    assert small.ballots.ballot_count("review_ballot") == 5
    assert any(path.parent.name == "ballots" for path in small.store._cache)
