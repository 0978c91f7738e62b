"""File times that tell nothing: after every seal, all ballot, ledger and code-book files carry one time."""

from __future__ import annotations

import os
import random
from collections.abc import Mapping
from datetime import date, datetime
from datetime import time as day_time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .sealing import LEDGER_SHARDS, SHARDS
from .storage import encode, fsync_dir, temp_path_for

if TYPE_CHECKING:
    from .core import Store

BLURRED_DIRS = ("ballots", "ledger", "codebook")
DECOY_SHARDS = 7
"""Ballot shards holding ballots touched with every seal besides the one written (change-time decoys)."""
EMPTY_SHARD_BYTES = 64
"""An empty shard file is smaller than this; one holding a ballot is far larger."""
_EMPTY = {"ballots": "ballots", "ledger": "ledger", "codebook": "codes"}


def day_start_ns() -> int:
    """Local midnight of today in nanoseconds: the only file time the sealed data ever shows."""
    return int(datetime.combine(date.today(), day_time()).timestamp()) * 1_000_000_000


def create_all_shards(store: Store, campaign_dir: Path) -> None:
    """Create every ballot and ledger shard up front (empty), so that no file appears with a seal and
    points at the ballot that made it. Once per campaign: one flush for all of them."""
    wanted = {campaign_dir / "ballots": [f"{n:02x}.json" for n in range(SHARDS)]}
    wanted[campaign_dir / "ledger"] = [f"{n:x}.json" for n in range(LEDGER_SHARDS)]
    missing: list[Path] = []
    for folder, names in wanted.items():
        present = set(os.listdir(folder)) if folder.is_dir() else set()
        missing += [folder / name for name in names if name not in present]
    if not missing:
        return
    for path in missing:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        temp = temp_path_for(path)
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            os.write(fd, encode({_EMPTY[path.parent.name]: {}}))
        finally:
            os.close(fd)
        os.utime(temp, ns=(day_start_ns(), day_start_ns()))  # born with the one time every shard shows
        os.replace(temp, path)
    os.sync()  # one flush for all the new files: never an empty (unreadable) shard after a power cut
    for folder in {path.parent for path in missing}:
        fsync_dir(folder)
    if store.mirror is not None:
        from .mirror import fill

        fill(store)


def blur_file_times(store: Store, campaign_dir: Path, record: Mapping[str, Any]) -> None:
    """After a seal (the commit `record` just applied): the files it wrote get the one modification
    time every ballot, ledger and code-book file shows (local midnight), so the times never tell which
    files a seal wrote; the change times (which no program can set) are spread by touching, in a random
    order, those files together with every ledger shard and `DECOY_SHARDS` other ballot shards that hold
    ballots (every ballot shard while fewer hold ballots). The caller holds the lock.

    Touching every file at every seal would make the next seal's flushes carry hundreds of inodes (tens
    of milliseconds); the decoys keep it to a few dozen, and no directory is scanned.
    """
    create_all_shards(store, campaign_dir)
    docs = list(record.get("ballots", []))
    written = {campaign_dir / "ballots" / f"{doc['shard']}.json" for doc in docs}
    code_hash = str(record.get("code_hash") or "")
    if code_hash:
        written.add(campaign_dir / "codebook" / f"{code_hash[0]}.json")
    ledger = [campaign_dir / "ledger" / f"{n:x}.json" for n in range(LEDGER_SHARDS)]
    holding = [path for path in holding_shards(campaign_dir) if path not in written]
    chooser = random.SystemRandom()
    if len(holding) >= DECOY_SHARDS:
        decoys = chooser.sample(holding, DECOY_SHARDS)
    else:  # the first seals have too few ballots to hide among: every shard, each may hold a later one
        decoys = [campaign_dir / "ballots" / f"{n:02x}.json" for n in range(SHARDS)]
    touched = list(dict.fromkeys([*written, *ledger, *decoys]))
    chooser.shuffle(touched)  # the order of the change times carries nothing either
    store.set_file_times(touched, day_start_ns())


def blur_all(store: Store, campaign_dir: Path) -> None:
    """At the close: every ballot, ledger and code-book file touched at once, in a random order, so
    that the change times of the whole meeting are gone too (no content is rewritten, nothing to flush)."""
    paths = [
        path
        for folder in BLURRED_DIRS
        if (campaign_dir / folder).is_dir()
        for path in (campaign_dir / folder).glob("*.json")
    ]
    random.SystemRandom().shuffle(paths)
    store.set_file_times(paths, day_start_ns())


def holding_shards(campaign_dir: Path) -> list[Path]:
    """The ballot shards that hold ballots, as the last damage check saw them (a scan otherwise)."""
    from .health import shards_holding_ballots

    known = shards_holding_ballots(campaign_dir)
    if known is not None:
        return known
    directory = campaign_dir / "ballots"
    return [
        Path(entry.path)
        for entry in (os.scandir(directory) if directory.is_dir() else [])
        if entry.name.endswith(".json") and entry.stat().st_size > EMPTY_SHARD_BYTES
    ]
