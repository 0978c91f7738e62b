"""File times that tell nothing: after every seal, all ballot, ledger and code-book files carry one time."""

from __future__ import annotations

import os
import random
from datetime import date, datetime
from datetime import time as day_time
from pathlib import Path
from typing import TYPE_CHECKING

from .sealing import SHARDS
from .storage import encode, fsync_dir

if TYPE_CHECKING:
    from .core import Store

BLURRED_DIRS = ("ballots", "ledger", "codebook")
LEDGER_SHARDS = 16
DECOY_SHARDS = 15
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
        temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
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


def blur_file_times(store: Store, campaign_dir: Path) -> None:
    """After a seal: every ballot, ledger and code-book file shows the same modification time (local
    midnight), so the times never tell which files a seal wrote; the change times (which no program can
    set) are spread by touching, in a random order, the files just written together with every ledger
    shard and `DECOY_SHARDS` other ballot shards that hold ballots. The caller holds the lock.

    Setting every file's change time at every seal would make the next seal's flushes carry hundreds
    of inodes (tens of milliseconds); the decoys keep it to a few dozen.
    """
    create_all_shards(store, campaign_dir)
    target = day_start_ns()
    written: list[Path] = []
    ledger: list[Path] = []
    holding: list[Path] = []
    for folder in BLURRED_DIRS:
        directory = campaign_dir / folder
        if not directory.is_dir():
            continue
        for entry in os.scandir(directory):
            if not entry.name.endswith(".json") or entry.name.startswith("."):
                continue
            info = entry.stat()
            path = Path(entry.path)
            if info.st_mtime_ns != target:
                written.append(path)
            elif folder == "ledger":
                ledger.append(path)
            elif folder == "ballots" and info.st_size > EMPTY_SHARD_BYTES:
                holding.append(path)
    chooser = random.SystemRandom()
    touched = written + ledger + chooser.sample(holding, min(DECOY_SHARDS, len(holding)))
    chooser.shuffle(touched)  # the order of the change times carries nothing either
    store.set_file_times(touched, target)
