"""The cheap check before a write: every sealed-data file parses, no shard is missing, and the sealed
ballots match the ledger; damaged files are healed from the mirror when its copy verifies."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from . import notices
from .blur import LEDGER_SHARDS
from .errors import SchemaError, StoreCorruptError
from .sealing import SHARDS, ballot_from_doc, ballot_hash
from .storage import Data, decode

if TYPE_CHECKING:
    from .campaign_base import CampaignBase

CHECKED_DIRS = ("ballots", "ledger", "codebook")


@dataclass(frozen=True)
class Damage:
    """A damaged or missing file of a campaign, and why (a catalogue key)."""

    path: Path
    reason: str


def _expected(campaign_dir: Path) -> list[Path]:
    """Shard files that must exist once voting opened (they are all made then)."""
    ballots = campaign_dir / "ballots"
    if not ballots.is_dir() or len(list(ballots.glob("*.json"))) < SHARDS // 2:
        return []  # an older campaign whose shards appear one by one
    return [ballots / f"{n:02x}.json" for n in range(SHARDS)] + [
        campaign_dir / "ledger" / f"{n:x}.json" for n in range(LEDGER_SHARDS)
    ]


def find_damage(campaign: CampaignBase) -> list[Damage]:
    """Every damaged or missing sealed-data file of a campaign (parses reuse the cache: cheap when
    nothing changed). The caller holds the lock."""
    store = campaign.store
    found: list[Damage] = []
    parsed: dict[str, dict[Path, Data]] = {folder: {} for folder in CHECKED_DIRS}
    for path in [campaign.dir / "campaign.json"] + [
        path
        for folder in CHECKED_DIRS
        if (campaign.dir / folder).is_dir()
        for path in sorted((campaign.dir / folder).glob("*.json"))
    ]:
        try:
            data = store.read_cached(path)
        except (StoreCorruptError, SchemaError) as error:
            found.append(Damage(path, str(error.params.get("reason") or "store.reason.not_json")))
            continue
        if data is not None and path.parent.name in parsed:
            parsed[path.parent.name][path] = data
    for path in _expected(campaign.dir):
        if not path.exists():
            found.append(Damage(path, "store_trust.reason.missing"))
    if found:
        return found
    ledger = {
        str(doc.get("id")) for data in parsed["ledger"].values() for doc in data.get("ledger", {}).values()
    }
    sealed = {
        str(doc.get("ballot_id"))
        for data in parsed["ballots"].values()
        for doc in data.get("ballots", {}).values()
        if isinstance(doc, dict)
    }
    if ledger - sealed:
        # A ballot the ledger registers is in no shard: a shard was cut short or replaced by an older copy.
        found.append(Damage(campaign.dir / "ballots", "store_trust.reason.ballots_lost"))
    return found


def ensure_healthy(campaign: CampaignBase) -> None:
    """Heal what the mirror can, then refuse (StoreCorruptError naming the first damaged file and the
    newest good backup) if anything is still damaged. The caller holds the lock."""
    damage = find_damage(campaign)
    if damage and campaign.store.mirror is not None:
        heal_from_mirror(campaign, damage)
        damage = find_damage(campaign)
    if damage:
        first = damage[0]
        raise StoreCorruptError(first.path, campaign.store.find_backup(first.path), first.reason)


def heal_on_open(campaign: CampaignBase) -> None:
    """On opening a campaign with a mirror: put back what the mirror can (the admin is told)."""
    damage = find_damage(campaign)
    if damage:
        heal_from_mirror(campaign, damage)


def heal_from_mirror(campaign: CampaignBase, damage: list[Damage]) -> list[Path]:
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
        campaign.audit("kaoping", "store.heal", f"{name} <- {mirror}")
    return healed


def _ledger_hashes(campaign: CampaignBase, mirror: Path) -> dict[str, str]:
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
