"""`verify`: recompute ballot hashes, the ledger, counts and the closing digest; report each finding."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .core import single, table
from .errors import SchemaError, StoreCorruptError
from .records import Finding
from .sealing import ballot_from_doc, ballot_hash, closing_digest

if TYPE_CHECKING:
    from .campaign_base import CampaignBase


def verify_campaign(campaign: CampaignBase) -> list[Finding]:
    """Every problem with a campaign's sealed ballots; the caller holds the lock."""
    store = campaign.store
    findings: list[Finding] = []
    root = campaign.dir
    codes_path = root / "codes.json"
    try:
        codes_data = store.read(codes_path)
    except (StoreCorruptError, SchemaError) as error:
        return [Finding("corrupt", codes_path.relative_to(store.data_dir).as_posix(), "", _backup_of(error))]
    ledger: dict[str, Any] = {str(doc.get("id")): doc for doc in table(codes_data, "ledger").values()}
    seen: dict[str, str] = {}
    hashes: list[str] = []
    shard_dir = root / "ballots"
    for path in sorted(shard_dir.glob("*.json")) if shard_dir.is_dir() else []:
        name = path.relative_to(store.data_dir).as_posix()
        try:
            docs = table(store.read(path), "ballots")
        except (StoreCorruptError, SchemaError) as error:
            findings.append(Finding("corrupt", name, "", _backup_of(error)))
            continue
        for key, doc in docs.items():
            record = str(doc.get("ballot_id", key)) if isinstance(doc, dict) else key
            try:
                ballot = ballot_from_doc(doc)
            except (KeyError, TypeError, ValueError, AttributeError):
                findings.append(Finding("edited", name, record))
                continue
            if record in seen:
                findings.append(Finding("duplicated", name, record, seen[record]))
                continue
            seen[record] = name
            stated = ballot.content_hash
            actual = ballot_hash(ballot)
            key_ok = key == str(int(ballot.ballot_id, 16)) if _is_hex(ballot.ballot_id) else False
            entry = ledger.get(record)
            if entry is None:
                findings.append(Finding("added", name, record))
            elif stated != actual or entry.get("hash") != actual or not key_ok:
                findings.append(Finding("edited", name, record))
            if entry is None or entry.get("source") != "import":
                hashes.append(actual)
    for record in sorted(set(ledger) - set(seen)):
        findings.append(Finding("deleted", codes_path.relative_to(store.data_dir).as_posix(), record))
    used = sum(1 for doc in table(codes_data, "codes").values() if doc.get("used"))
    seals = int(single(codes_data, "counters").get("code_seals", 0))
    per_form: dict[str, int] = {}
    for doc in ledger.values():
        if doc.get("source") == "code":
            per_form[str(doc.get("form"))] = per_form.get(str(doc.get("form")), 0) + 1
    by_code = max(per_form.values(), default=0)
    if used != seals or by_code > seals:
        findings.append(
            Finding("count", codes_path.relative_to(store.data_dir).as_posix(), "", f"{used}/{seals}")
        )
    main = store.read(root / "campaign.json")
    if str(single(main, "meeting").get("state")) == "closed":
        closings = sorted(table(main, "closings").values(), key=lambda d: int(d.get("session", 0)))
        if closings:
            last = closings[-1]
            if int(last.get("count", -1)) != len(hashes) or last.get("digest") != closing_digest(hashes):
                findings.append(
                    Finding("digest", "campaign.json", str(last.get("session")), str(last.get("digest")))
                )
    return findings


def _is_hex(text: str) -> bool:
    try:
        int(text, 16)
    except ValueError:
        return False
    return True


def _backup_of(error: StoreCorruptError | SchemaError) -> str:
    """The newest good backup named by a broken-file error, or "-"."""
    return str(error.params.get("backup") or "-")
