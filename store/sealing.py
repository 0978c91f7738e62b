"""Sealed-ballot records on disk: random ids, random shards, content hashes and the closing digest."""

from __future__ import annotations

import hashlib
import json
import secrets
from collections.abc import Iterable, Mapping
from typing import Any

from .records import SealedBallot

SHARDS = 256
LEDGER_SHARDS = 16  # the ledger's shards, by the first hex digit of a ballot id
"""Sealed ballots are spread over this many files at random, so a seal rewrites only a small one."""


def new_hex_id(digits: int) -> str:
    """A random id of `digits` hex digits whose first is a letter (a-f), so that a spreadsheet never reads it
    as a number (`1e10`, `12345678901` were mangled in 0.2 to 0.7 % of all-random ids). Still hex: the
    TinyDB document id is `int(id, 16)`."""
    return f"{10 + secrets.randbelow(6):x}{secrets.randbits(4 * (digits - 1)):0{digits - 1}x}"


def new_ballot_id() -> str:
    """A random ballot id: 15 hex digits (a letter first), also its TinyDB document id."""
    return new_hex_id(15)


def new_shard() -> str:
    """A random shard name for a new ballot."""
    return f"{secrets.randbelow(SHARDS):02x}"


def doc_id_of(digest: str) -> int:
    """The TinyDB document id a code is stored under: derived from its hash, so lookups are direct."""
    return int(digest[:15], 16)


def _content(ballot: SealedBallot) -> dict[str, Any]:
    """The fields the content hash covers; the stored document is these plus the hash and the shard."""
    return {
        "ballot_id": ballot.ballot_id,
        "terminal_id": ballot.terminal_id,
        "form_id": ballot.form_id,
        "form_version": ballot.form_version,
        "rater_group": ballot.rater_group,
        "day": ballot.day,
        "answers": {unit: dict(items) for unit, items in ballot.answers.items()},
        "valid": ballot.valid,
        "invalid_reasons": list(ballot.invalid_reasons),
    }


def _canonical(ballot: SealedBallot) -> bytes:
    content = _content(ballot)
    return json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def ballot_hash(ballot: SealedBallot) -> str:
    """SHA-256 over the ballot's canonical content (everything but the hash itself)."""
    return hashlib.sha256(_canonical(ballot)).hexdigest()


def closing_digest(hashes: Iterable[str]) -> str:
    """The digest written into the minutes: SHA-256 over the sorted ballot hashes, one per line."""
    return hashlib.sha256("\n".join(sorted(hashes)).encode("ascii")).hexdigest()


def ballot_to_doc(ballot: SealedBallot, shard: str | None = None) -> dict[str, Any]:
    """The stored document of a ballot, with the shard it goes to."""
    return {**_content(ballot), "content_hash": ballot.content_hash, "shard": shard or new_shard()}


def ballot_from_doc(doc: Mapping[str, Any]) -> SealedBallot:
    """A ballot record from its stored document (KeyError/TypeError when fields are missing)."""
    return SealedBallot(
        ballot_id=str(doc["ballot_id"]),
        terminal_id=str(doc["terminal_id"]),
        form_id=str(doc["form_id"]),
        form_version=str(doc["form_version"]),
        rater_group=str(doc["rater_group"]),
        day=doc.get("day"),
        answers={str(unit): dict(items) for unit, items in dict(doc["answers"]).items()},
        valid=bool(doc["valid"]),
        invalid_reasons=tuple(doc.get("invalid_reasons", ())),
        content_hash=str(doc["content_hash"]),
    )
