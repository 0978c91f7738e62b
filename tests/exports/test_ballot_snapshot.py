"""The ballot snapshot parses each shard once per count, and only ever the very bytes it digested."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import store.ballot_snapshot
from store.ballot_snapshot import ballot_snapshot, check_health
from store.records import SealedBallot
from tests.exports.export_fixtures import Campaign


def _ids(ballots: list[SealedBallot]) -> list[str]:
    return sorted(ballot.ballot_id for ballot in ballots)


def test_ballots_after_the_health_check_reuse_its_parse(
    campaign: Campaign, monkeypatch: pytest.MonkeyPatch
) -> None:
    snapshot = ballot_snapshot(campaign.store.files)
    parsed_apart = list(snapshot.ballots())
    check_health(campaign.store.files)  # parses every shard (through the store's cache)

    def refuse(*_args: object) -> None:
        raise AssertionError("a shard was parsed a second time")

    monkeypatch.setattr(store.ballot_snapshot, "decode", refuse)
    assert list(snapshot.ballots()) == parsed_apart
    assert parsed_apart


def test_a_shard_replaced_after_the_snapshot_is_not_what_it_yields(campaign: Campaign) -> None:
    snapshot = ballot_snapshot(campaign.store.files)
    before = list(snapshot.ballots())
    shard = next(
        path
        for path in sorted((campaign.store.dir / "ballots").glob("*.json"))
        if json.loads(path.read_text("utf-8")).get("ballots")
    )
    data = json.loads(shard.read_text("utf-8"))
    data["ballots"] = {}  # the shard's ballots gone, written the way the store writes (a new inode)
    replacement = Path(f"{shard}.new")
    replacement.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    os.replace(replacement, shard)
    campaign.store.files.store.read_cached(shard)  # the store's cache now holds the new file
    assert _ids(list(snapshot.ballots())) == _ids(before)
    assert len(_ids(list(ballot_snapshot(campaign.store.files).ballots()))) < len(before)
