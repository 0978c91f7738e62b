"""`export ballots` streams from the store: the first row is written after one ballot shard is read."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import pytest

import exports.kinds
from exports.csvio import WrittenFile, write_csv
from exports.kinds import export_kind
from exports.manifest import read_manifest
from tests.exports.export_fixtures import Campaign


def _count_shard_reads(campaign: Campaign, monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every ballot shard file the store reads from now on, in order."""
    store = campaign.store.store
    read = store.read
    seen: list[Path] = []

    def counting(path: Path) -> Any:
        if path.parent.name == "ballots":
            seen.append(path)
        return read(path)

    monkeypatch.setattr(store, "read", counting)
    return seen


def test_ballots_export_writes_rows_while_reading_shards(
    campaign: Campaign, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shards = sorted((campaign.store.dir / "ballots").glob("*.json"))
    read = _count_shard_reads(campaign, monkeypatch)
    campaign.store.store._cache.clear()  # a fresh process: nothing parsed yet
    at_first_row: list[int] = []

    def writer(
        path: Path, header: Sequence[Sequence[str]], rows: Iterable[Sequence[object]], **kw: Any
    ) -> WrittenFile:
        def watched() -> Iterable[Sequence[object]]:
            for row in rows:
                if not at_first_row:
                    at_first_row.append(len(read))
                yield row

        return write_csv(path, header, watched(), **kw)

    monkeypatch.setattr(exports.kinds, "write_csv", writer)
    out = tmp_path / "ballots.csv"
    manifest = export_kind(campaign.store, "ballots", out, plain=True)
    # When the first row is written, the store has read the shards up to the first that holds a ballot.
    assert at_first_row and at_first_row[0] < len(shards)
    with open(out, encoding="utf-8", newline="") as source:
        rows = list(csv.DictReader(source))
    assert rows[0]["ballot_id"] in read[at_first_row[0] - 1].read_text(encoding="utf-8")
    assert read == shards
    assert not any(path in campaign.store.store._cache for path in read)  # an export keeps no shard
    assert len(rows) == manifest.rows
    assert {row["ballot_id"] for row in rows} == {
        b.ballot_id for b in campaign.store.ballots.sealed_ballots()
    }
    assert manifest.forms == (
        "brand_vote@" + campaign.store.form("brand_vote").version,
        "review_ballot@" + campaign.store.form("review_ballot").version,
    )
    assert read_manifest(out) == manifest
