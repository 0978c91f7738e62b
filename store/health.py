"""The cheap check before a write: every sealed-data file parses, no shard is missing, and the sealed
ballots match the ledger; damaged files are healed from the mirror when its copy verifies."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from . import notices
from .errors import SchemaError, StoreCorruptError
from .sealing import LEDGER_SHARDS, SHARDS, ballot_from_doc, ballot_hash
from .storage import Data, decode

if TYPE_CHECKING:
    from .campaign_files import CampaignFiles
    from .core import Store

CHECKED_DIRS = ("ballots", "ledger", "codebook")
_BALLOT_NAMES = tuple(f"{n:02x}.json" for n in range(SHARDS))
_LEDGER_NAMES = tuple(f"{n:x}.json" for n in range(LEDGER_SHARDS))


@dataclass(frozen=True)
class Damage:
    """A damaged or missing file of a campaign, and why (a catalogue key)."""

    path: Path
    reason: str


_seen: dict[str, tuple[tuple[int, int, int], frozenset[str]]] = {}
"""Per file of this process: (inode, size, modification time) when it last parsed, and the ballot ids it
holds. Every store write makes a new inode, so an unchanged key means an unchanged, readable file."""

_TABLES = {"ballots": ("ballots", "ballot_id"), "ledger": ("ledger", "id"), "codebook": ("codes", "")}


def _ids(store: Store, path: Path, folder: str) -> frozenset[str]:
    """The ids a sealed-data file holds (StoreCorruptError/SchemaError when it is broken); the parse is
    the store's cached one, so a file the seal reads anyway is parsed once."""
    data = store.read_cached(path) or {}
    name, field = _TABLES[folder]
    if not field:
        return frozenset()
    return frozenset(str(doc.get(field)) for doc in data.get(name, {}).values() if isinstance(doc, dict))


def find_damage(campaign: CampaignFiles) -> list[Damage]:
    """Every damaged or missing sealed-data file of a campaign: each parses (only when it changed since
    this process last looked), no shard is missing, every ballot the ledger registers is in a shard.
    The caller holds the lock."""
    found: list[Damage] = []
    main = campaign.dir / "campaign.json"
    try:
        if campaign.store.read_cached(main) is None:
            found.append(Damage(main, "store_trust.reason.missing"))
    except (StoreCorruptError, SchemaError) as error:
        found.append(Damage(main, str(error.params.get("reason") or "store.reason.not_json")))
    held: dict[str, set[str]] = {"ballots": set(), "ledger": set()}
    made = False
    for folder, expected in (("ballots", _BALLOT_NAMES), ("ledger", _LEDGER_NAMES), ("codebook", ())):
        directory = str(campaign.dir / folder)
        try:
            entries = {
                entry.name: entry.stat()
                for entry in os.scandir(directory)
                if entry.name.endswith(".json") and not entry.name.startswith(".")
            }
        except FileNotFoundError:
            entries = {}
        if folder == "ballots":
            # Every shard is made when voting opens; before, or in an older campaign, they appear one by one.
            made = len(entries) >= SHARDS // 2
        if not made:
            expected = ()
        found.extend(
            Damage(Path(directory, name), "store_trust.reason.missing")
            for name in expected
            if name not in entries
        )
        for name, info in entries.items():
            path = f"{directory}/{name}"
            key = (info.st_ino, info.st_size, info.st_mtime_ns)
            hit = _seen.get(path)
            if hit is None or hit[0] != key:
                try:
                    hit = (key, _ids(campaign.store, Path(path), folder))
                except (StoreCorruptError, SchemaError) as error:
                    _seen.pop(path, None)
                    found.append(
                        Damage(Path(path), str(error.params.get("reason") or "store.reason.not_json"))
                    )
                    continue
                _seen[path] = hit
            if folder in held:
                held[folder] |= hit[1]
    if not found and held["ledger"] - held["ballots"]:
        # A ballot the ledger registers is in no shard: a shard was cut short or replaced by an older copy.
        found.append(Damage(campaign.dir / "ballots", "store_trust.reason.ballots_lost"))
    return found


def shards_holding_ballots(campaign_dir: Path) -> list[Path] | None:
    """The ballot shards holding ballots when this process last checked them, or None if it never did."""
    prefix = f"{campaign_dir / 'ballots'}/"
    seen = [(path, ids) for path, (_key, ids) in _seen.items() if path.startswith(prefix)]
    return [Path(path) for path, ids in seen if ids] if seen else None


def ensure_healthy(campaign: CampaignFiles) -> None:
    """Heal what the mirror can, then refuse (StoreCorruptError naming the first damaged file and the
    newest good backup) if anything is still damaged. The caller holds the lock."""
    damage = find_damage(campaign)
    if damage and campaign.store.mirror is not None:
        heal_from_mirror(campaign, damage)
        damage = find_damage(campaign)
    if damage:
        first = damage[0]
        raise StoreCorruptError(first.path, campaign.store.find_backup(first.path), first.reason)


def heal_on_open(campaign: CampaignFiles) -> None:
    """On opening a campaign with a mirror: put back what the mirror can (the admin is told)."""
    damage = find_damage(campaign)
    if damage:
        heal_from_mirror(campaign, damage)


def heal_from_mirror(campaign: CampaignFiles, damage: list[Damage]) -> list[Path]:
    """Put back each damaged or missing file from the mirror where the mirror's copy verifies; the
    admin is told (notices, audit). Returns the files restored."""
    store = campaign.store
    mirror = store.mirror
    if mirror is None:
        return []
    ledger = _ledger_hashes(campaign, mirror)
    targets = [item.path for item in damage if item.path.suffix == ".json"]
    if any(item.path.name == "ballots" for item in damage):
        targets += sorted((campaign.dir / "ballots").glob("*.json"))  # which shard lost it: ask the mirror
    healed: list[Path] = []
    for path in dict.fromkeys(targets):
        copy = mirror / path.relative_to(store.data_dir)
        try:
            blob = copy.read_bytes()
            data = decode(copy, blob)
        except (OSError, StoreCorruptError, SchemaError):
            continue
        if path.parent.name == "ballots" and not _ballots_verify(data, ledger, path):
            continue
        try:
            current = path.read_bytes()
        except OSError:
            current = b""
        if current == blob:
            continue
        store.write_raw(path, blob)
        healed.append(path)
    for path in healed:
        name = path.relative_to(store.data_dir).as_posix()
        notices.notify("store_trust.healed", file=name, mirror=str(mirror))
        campaign.on_healed(name, str(mirror))
    return healed


def _ledger_hashes(campaign: CampaignFiles, mirror: Path) -> dict[str, str]:
    """Ballot id -> content hash from the ledger (the primary's shard, or the mirror's if that is broken)."""
    hashes: dict[str, str] = {}
    for n in range(LEDGER_SHARDS):
        path = campaign.dir / "ledger" / f"{n:x}.json"
        for candidate in (path, mirror / path.relative_to(campaign.store.data_dir)):
            try:
                data = decode(candidate, candidate.read_bytes())
            except (OSError, StoreCorruptError, SchemaError):
                continue
            for doc in data.get("ledger", {}).values():
                hashes[str(doc.get("id"))] = str(doc.get("hash"))
            break
    return hashes


def _ballots_verify(data: Data, ledger: dict[str, str], path: Path) -> bool:
    """Whether every ballot of a mirror's shard is whole and registered with its hash, and the copy
    keeps every ballot the primary's shard still holds."""
    docs = data.get("ballots", {})
    for doc in docs.values():
        try:
            ballot = ballot_from_doc(doc)
        except (KeyError, TypeError, ValueError, AttributeError):
            return False
        if ballot_hash(ballot) != ballot.content_hash or ledger.get(ballot.ballot_id) != ballot.content_hash:
            return False
    try:
        current = decode(path, path.read_bytes())
    except (OSError, StoreCorruptError, SchemaError):
        return True
    return set(current.get("ballots", {})) <= set(docs)
