"""A ballot draft as an append-only log: one short JSON record per autosave, folded into answers on read.

Why a log: an autosave must cost the same at the 1st and the 1,000th answer and must not create or rename
a file (on a busy disk a create and a rename cost about a millisecond; a full hall taps 270 times a
second). Appending one line to an open-ended file is one small write. A seal or a resume reads one file
instead of one per unit, and removing the draft after the seal is one unlink.

Crash safety: each record is written by one `write` call and starts with a newline, so a record cut short
by a power cut (never by a killed process: the kernel finishes a write to a regular file) is always
followed by a newline and read as one unreadable line, which is skipped. A short write (a full disk) is
cut back off the file before the error is raised, so the log never ends in half a record we wrote.
Drafts are not acknowledged ballots: the log is not fsynced (see `write_atomic`'s `durable`).
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import StoreWriteError
from .storage import fsync_dir, write_atomic

ANSWERS = "a"
UNIT = "u"
POSITION = "p"


@dataclass
class FoldedDraft:
    """A draft's answers (unit key -> item -> value) and position, and how many records made them."""

    answers: dict[str, dict[str, Any]] = field(default_factory=dict)
    position: str | None = None
    records: int = 0

    def apply(self, record: Mapping[str, Any]) -> None:
        """Fold one record in (later records win; a None value clears an answer)."""
        self.records += 1
        if POSITION in record:
            position = record[POSITION]
            self.position = position if isinstance(position, str) else None
            return
        row = self.answers.setdefault(str(record[UNIT]), {})
        for item_id, value in dict(record[ANSWERS]).items():
            if value is None:
                row.pop(item_id, None)
            else:
                row[item_id] = value

    @property
    def long(self) -> bool:
        """Whether the log holds far more records than its folded answers need (worth compacting)."""
        return self.records > 2 * (len(self.answers) + 1) + 64


def answer_record(unit_key: str, answers: Mapping[str, Any]) -> dict[str, Any]:
    return {UNIT: unit_key, ANSWERS: dict(answers)}


def position_record(position: str | None) -> dict[str, Any]:
    return {POSITION: position}


def _encode(record: Mapping[str, Any]) -> bytes:
    return b"\n" + json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def append(path: Path, record: Mapping[str, Any]) -> None:
    """Append one record to the log at `path` (made, with its creation made durable, when missing)."""
    blob = _encode(record)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    except OSError as error:
        raise StoreWriteError(path, error) from error
    try:
        size = os.fstat(fd).st_size
        try:
            written = os.write(fd, blob)
        except OSError as error:
            _cut_back(fd, size)
            raise StoreWriteError(path, error) from error
        if written != len(blob):
            _cut_back(fd, size)
            raise StoreWriteError(path, OSError(f"short write: {written} of {len(blob)} bytes"))
    finally:
        os.close(fd)
    if size == 0:
        fsync_dir(path.parent)  # the new log's name survives a power cut with its first answer


def _cut_back(fd: int, size: int) -> None:
    with contextlib.suppress(OSError):  # if it fails, the next record's leading newline still separates
        os.ftruncate(fd, size)


def _is_record(record: object) -> bool:
    if not isinstance(record, dict):
        return False
    if POSITION in record:
        return len(record) == 1
    return isinstance(record.get(UNIT), str) and isinstance(record.get(ANSWERS), dict)


def records(blob: bytes) -> Iterable[dict[str, Any]]:
    """The readable records of a log's bytes, in order; unreadable lines (a cut record) are skipped."""
    try:
        # The common case in one parse: every line a record.
        whole = json.loads(b"[" + b",".join(line for line in blob.split(b"\n") if line) + b"]")
    except ValueError:
        whole = None
    if isinstance(whole, list) and all(_is_record(record) for record in whole):
        return whole
    kept: list[dict[str, Any]] = []
    for line in blob.split(b"\n"):
        if not line:
            continue
        try:
            record = json.loads(line)
        except ValueError:
            continue
        if _is_record(record):
            kept.append(record)
    return kept


def read(path: Path, into: FoldedDraft) -> bool:
    """Fold the log at `path` into `into`; False when there is no log."""
    try:
        blob = path.read_bytes()
    except FileNotFoundError:
        return False
    except OSError as error:
        raise StoreWriteError(path, error) from error
    for record in records(blob):
        into.apply(record)
    return True


def write_compacted(path: Path, draft: FoldedDraft, *, durable: bool = False) -> None:
    """Replace the log at `path` with one record per unit and the position, atomically (`durable` when
    the log replaces files that are deleted durably next)."""
    lines = [_encode(answer_record(unit, row)) for unit, row in draft.answers.items()]
    lines.append(_encode(position_record(draft.position)))
    write_atomic(path, b"".join(lines), durable=durable)
