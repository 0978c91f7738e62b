"""`ballot_snapshot`: every ballot file read once under the lock, with a digest of its exact bytes."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .campaign_files import BALLOTS_DIR, CODEBOOK_DIR, LEDGER_DIR, CampaignFiles
from .errors import StoreReadError, StoreWriteError
from .file_data import damaged_record, table
from .health import ensure_healthy
from .records import SealedBallot
from .sealing import ballot_from_doc
from .storage import Data, decode, write_atomic

FileVersion = tuple[int, int, int, int]
"""A file's (inode, modification time, change time, size), as the store's parse cache tells versions apart."""


@dataclass(frozen=True)
class BallotSnapshot:
    """The bytes of every ballot shard as read under one hold of the lock, and their digest.

    The digest covers each shard's name and exact bytes, so any change to any ballot file (a seal, an
    import, a restore, a hand edit, a damaged file) gives another digest. `ballots()` parses these very
    bytes: a digest never describes other ballots than the ones it is paired with.
    """

    digest: str
    shards: tuple[tuple[Path, bytes], ...]
    files: CampaignFiles
    codes_issued: int
    """Ballot codes issued (all rater groups), read under the same hold of the lock."""
    versions: tuple[FileVersion, ...] = ()
    """Each shard's (inode, modification time, change time, size) when its bytes were read."""

    def ballots(self, form_id: str | None = None) -> Iterator[SealedBallot]:
        """The sealed ballots of the snapshot (of one form), by shard then id: an order following nothing."""
        for path, data in self._parsed():
            for key, doc in table(data, "ballots").items():
                with damaged_record(path, key):
                    if form_id is None or doc.get("form_id") == form_id:
                        yield ballot_from_doc(doc)

    def _parsed(self) -> list[tuple[Path, Data]]:
        """Each shard's data: the store's parse when the file is still the very one read (every write
        makes a new inode), which the health check before a count has just made; else these bytes parsed.
        Checked under the lock, so no write falls between the check and the parse."""
        parsed: list[tuple[Path, Data]] = []
        with self.files.op():
            for index, (path, raw) in enumerate(self.shards):
                data: Data | None = None
                if index < len(self.versions) and _version(path) == self.versions[index]:
                    data = self.files.store.read_cached(path)
                parsed.append(
                    (path, data if data is not None else decode(path, raw, self.files.store.find_backup))
                )
        return parsed


def _version(path: Path) -> FileVersion | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return (info.st_ino, info.st_mtime_ns, info.st_ctime_ns, info.st_size)


def ballot_snapshot(files: CampaignFiles) -> BallotSnapshot:
    """Read every ballot shard of the campaign at once, under the lock, and digest the bytes (SHA-256),
    with the ids the ledger registers."""
    digest = hashlib.sha256(b"kaoping-ballot-snapshot-1\n")
    shards: list[tuple[Path, bytes]] = []
    versions: list[FileVersion] = []
    with files.op():
        folder = files.dir / BALLOTS_DIR
        for path in sorted(folder.glob("*.json")) if folder.is_dir() else []:
            try:
                with path.open("rb") as file:
                    raw = file.read()
                    info = os.fstat(file.fileno())
            except FileNotFoundError:
                continue
            except OSError as error:
                raise StoreReadError(path, error) from error
            shards.append((path, raw))
            versions.append((info.st_ino, info.st_mtime_ns, info.st_ctime_ns, info.st_size))
            digest.update(f"{path.name}\n{len(raw)}\n".encode("ascii"))
            digest.update(raw)
        # The ledger's ids too: a shard replaced by an older copy (ballots lost) is never a known state;
        # and which ledger and code-book shards exist (a missing one is damage, even an empty one).
        for ballot_id in sorted(str(entry.get("id")) for entry in files.ledger().values()):
            digest.update(f"ledger {ballot_id}\n".encode())
        for shards_dir in (LEDGER_DIR, CODEBOOK_DIR):
            for shard in sorted((files.dir / shards_dir).glob("*.json")):
                digest.update(f"{shards_dir}/{shard.name}\n".encode())
        groups = set(files.info.rater_groups)
        issued = sum(1 for doc in files.codebook().values() if str(doc.get("group")) in groups)
    return BallotSnapshot(digest.hexdigest(), tuple(shards), files, issued, tuple(versions))


def check_health(files: CampaignFiles) -> None:
    """Refuse (StoreCorruptError) when a sealed-data file is damaged or a ballot the ledger registers is
    lost: what every count of ballots checks first (`health.ensure_healthy`)."""
    with files.op():
        ensure_healthy(files)


KEPT_TALLIES = ".results-tallies"
"""The file beside the campaign's data where the results keep what the ballots add up to (a dot file: never
in a backup, never restored; a cache checked against the ballots' digest before every use)."""


def read_kept_tallies(files: CampaignFiles) -> bytes | None:
    """The kept tallies' bytes; None when there are none or they cannot be read (they are only a cache)."""
    try:
        with files.op():
            return (files.dir / KEPT_TALLIES).read_bytes()
    except OSError:
        return None


def keep_tallies(files: CampaignFiles, blob: bytes) -> bool:
    """Replace the kept tallies atomically; False when the disk refuses (the results are then recomputed
    next time: nothing is lost)."""
    try:
        with files.op():
            write_atomic(files.dir / KEPT_TALLIES, blob, durable=False)
    except StoreWriteError:
        return False
    return True
