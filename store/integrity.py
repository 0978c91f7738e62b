"""`Integrity.verify`: recompute ballot hashes, the ledger, counts and the closing digest; each finding."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .campaign_files import CampaignFiles
from .errors import SchemaError, StoreCorruptError
from .file_data import single, table
from .records import Finding
from .sealing import ballot_from_doc, ballot_hash, closing_digest
from .storage import Data


class Integrity:
    """Checks a campaign's sealed ballots against its ledger, code book and minutes."""

    def __init__(self, files: CampaignFiles) -> None:
        self.files = files

    def verify(self) -> list[Finding]:
        """Recompute every ballot hash and the ledger, counts and closing digest: each problem found."""
        with self.files.op():
            return verify_campaign(self.files)


def verify_campaign(campaign: CampaignFiles) -> list[Finding]:
    """Every problem with a campaign's sealed ballots; the caller holds the lock."""
    store = campaign.store
    findings: list[Finding] = []

    def name_of(path: Path) -> str:
        return path.relative_to(store.data_dir).as_posix()

    def shards(folder: str) -> list[tuple[Path, Data]]:
        found: list[tuple[Path, Data]] = []
        directory = campaign.dir / folder
        for path in sorted(directory.glob("*.json")) if directory.is_dir() else []:
            try:
                found.append((path, store.read(path) or {}))
            except (StoreCorruptError, SchemaError) as error:
                findings.append(Finding("corrupt", name_of(path), "", _backup_of(error)))
        return found

    ledger_dir = name_of(campaign.dir / "ledger")
    ledger: dict[str, Any] = {}
    for _path, data in shards("ledger"):
        ledger.update({str(doc.get("id")): doc for doc in table(data, "ledger").values()})
    codes: list[dict[str, Any]] = []
    for _path, data in shards("codebook"):
        codes.extend(table(data, "codes").values())
    if findings:
        return findings
    seen: dict[str, str] = {}
    hashes: list[str] = []
    for path, data in shards("ballots"):
        name = name_of(path)
        for key, doc in table(data, "ballots").items():
            record = str(doc.get("ballot_id", key)) if isinstance(doc, dict) else key
            if record in seen:
                findings.append(Finding("duplicated", name, record, seen[record]))
                continue
            seen[record] = name
            try:
                ballot = ballot_from_doc(doc)
            except (KeyError, TypeError, ValueError, AttributeError):
                findings.append(Finding("edited", name, record))
                continue
            actual = ballot_hash(ballot)
            key_ok = _is_hex(ballot.ballot_id) and key == str(int(ballot.ballot_id, 16))
            entry = ledger.get(record)
            if entry is None:
                findings.append(Finding("added", name, record))
            elif ballot.content_hash != actual or entry.get("hash") != actual or not key_ok:
                findings.append(Finding("edited", name, record))
            if entry is None or entry.get("source") != "import":
                hashes.append(actual)
    for record in sorted(set(ledger) - set(seen)):
        findings.append(Finding("deleted", ledger_dir, record))
    used = sum(1 for doc in codes if doc.get("used"))
    seals = sum(1 for doc in ledger.values() if doc.get("source") == "code" and doc.get("primary"))
    if used != seals:
        findings.append(Finding("count", ledger_dir, "", f"{used}/{seals}"))
    main = store.read(campaign.dir / "campaign.json")
    if str(single(main, "meeting").get("state")) == "closed":
        closings = sorted(table(main, "closings").values(), key=lambda d: int(d.get("session", 0)))
        if closings:
            last = closings[-1]
            if int(last.get("count", -1)) != len(hashes) or last.get("digest") != closing_digest(hashes):
                findings.append(
                    Finding(
                        "digest",
                        name_of(campaign.dir / "campaign.json"),
                        str(last.get("session")),
                        str(last.get("digest")),
                    )
                )
    findings.extend(Finding("sheet", name_of(path), "") for path in stray_sheets(store.data_dir))
    return findings


SHEET_SUFFIXES = (".csv", ".txt", ".xlsx", ".docx", ".pdf")


def stray_sheets(data_dir: Path) -> list[Path]:
    """Code sheets (or any printable list) lying in the data directory: the plaintext codes must never
    sit beside their salted hashes, nor travel in a copy of the directory."""
    return sorted(
        path
        for path in data_dir.rglob("*")
        if path.suffix.lower() in SHEET_SUFFIXES
        and path.is_file()
        and "backups" not in path.relative_to(data_dir).parts
    )


def _is_hex(text: str) -> bool:
    try:
        int(text, 16)
    except ValueError:
        return False
    return True


def _backup_of(error: StoreCorruptError | SchemaError) -> str:
    """The newest good backup named by a broken-file error, or "-"."""
    return str(error.params.get("backup") or "-")
