"""Crash-safe TinyDB storage: atomic replace with fsync, UTF-8, mode 0600, schema check, no silent empties."""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, cast

from tinydb import Storage

from .errors import SchemaError, StoreCorruptError, StoreReadError, StoreWriteError

SCHEMA_VERSION = 1
"""The schema every file is written with; older files are migrated on read, newer ones refused."""

META_TABLE = "_kaoping"
"""The table in every file that records its schema version (stripped before TinyDB sees the data)."""

Data = dict[str, dict[str, Any]]
Migration = Callable[[Data], Data]

MIGRATIONS: dict[int, Migration] = {}
"""Step `n` turns a schema-`n` file's data into schema `n + 1` (none are needed yet)."""

BackupFinder = Callable[[Path], "Path | None"]


def _no_backup(_path: Path) -> Path | None:
    return None


def encode(data: Data) -> bytes:
    """The bytes a file holds for `data`: canonical JSON (sorted keys, so storage order carries no
    history), UTF-8 whatever the locale, and the schema version."""
    payload = dict(data)
    payload[META_TABLE] = {"1": {"schema": SCHEMA_VERSION}}
    text = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False)
    return text.encode("utf-8")


def decode(path: Path, raw: bytes, find_backup: BackupFinder = _no_backup) -> Data:
    """Parse a file's bytes, refusing anything that is not a complete kaoping file; migrate old schemas."""

    def corrupt(reason: str) -> StoreCorruptError:
        return StoreCorruptError(path, find_backup(path), reason)

    if not raw.strip():
        raise corrupt("store.reason.empty")
    try:
        payload = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as error:
        # A file cut inside a Chinese character ends in half a UTF-8 sequence: that is a truncated JSON
        # file, not a file in another encoding.
        cut_short = error.end == len(raw) and error.reason == "unexpected end of data"
        raise corrupt("store.reason.not_json" if cut_short else "store.reason.not_utf8") from error
    except json.JSONDecodeError as error:
        raise corrupt("store.reason.not_json") from error
    if not isinstance(payload, dict) or not all(isinstance(v, dict) for v in payload.values()):
        raise corrupt("store.reason.not_tables")
    meta = payload.pop(META_TABLE, None)
    try:
        version = int(meta["1"]["schema"]) if isinstance(meta, dict) else -1
    except (KeyError, TypeError, ValueError):
        version = -1
    if version < 0:
        raise corrupt("store.reason.no_schema")
    if version > SCHEMA_VERSION:
        raise SchemaError(path, version, SCHEMA_VERSION)
    while version < SCHEMA_VERSION:
        step = MIGRATIONS.get(version)
        if step is None:
            raise SchemaError(path, version, SCHEMA_VERSION)
        payload = step(payload)
        version += 1
    return cast(Data, payload)


def fsync_dir(directory: Path) -> None:
    """Make a rename or unlink in `directory` durable."""
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def temp_path_for(path: Path) -> Path:
    """The temp file a write of `path` goes through (`sweep_temp_files` knows the pattern)."""
    return path.parent / f".{path.name}.{os.getpid()}.tmp"


def _write_all(fd: int, blob: bytes) -> None:
    view = memoryview(blob)
    while view:
        view = view[os.write(fd, view) :]


def write_atomic(path: Path, blob: bytes, *, durable: bool = True) -> None:
    """Replace `path` with `blob` so that after any crash it holds either the old or the new bytes.

    Temp file in the same directory, flush, fsync, `os.replace`, fsync the directory. On any OS error
    the temp file is removed, the old file is untouched and a `StoreWriteError` is raised.

    `durable=False` (drafts only) keeps the temp file and the rename but skips both fsyncs: a killed
    process loses nothing (the page cache survives it), a power cut may lose the last seconds of the
    file's changes. Everything acknowledged (seals, codes, ledger, closing) stays durable.
    """
    directory = path.parent
    temp = temp_path_for(path)
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            _write_all(fd, blob)
            if durable:
                os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temp, path)
        if durable:
            fsync_dir(directory)
    except OSError as error:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
        raise StoreWriteError(path, error) from error


def write_atomic_together(files: Sequence[tuple[Path, bytes]]) -> None:
    """Replace several files, each as `write_atomic` does (old or new bytes after any crash, durable on
    return), with their flushes shared: every temp file is written, then each is fsynced, renamed, and
    each directory fsynced. The first flush of each round commits the file system's journal for all of
    them, so a seal writing three files waits for two disk flushes instead of six. Not atomic across
    files (the caller's commit record covers that). On an OS error no temp file is left behind.
    """
    staged: list[tuple[Path, Path]] = []
    current = files[0][0] if files else Path()
    try:
        for path, blob in files:
            current = path
            temp = temp_path_for(path)
            fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            staged.append((temp, path))
            try:
                _write_all(fd, blob)
            finally:
                os.close(fd)
        for temp, path in staged:
            current = path
            fd = os.open(temp, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
        for temp, path in staged:
            current = path
            os.replace(temp, path)
        for directory in dict.fromkeys(path.parent for _temp, path in staged):
            current = directory
            fsync_dir(directory)
    except OSError as error:
        for temp, _path in staged:
            with contextlib.suppress(OSError):
                temp.unlink(missing_ok=True)
        raise StoreWriteError(current, error) from error


class WriteGroup:
    """Writes of several store files collected during one step and made together (`write_atomic_together`)."""

    def __init__(self) -> None:
        self.files: dict[Path, bytes] = {}
        self.after: dict[Path, Callable[[Path, bytes], None]] = {}

    def add(self, path: Path, blob: bytes, after_write: Callable[[Path, bytes], None] | None) -> None:
        self.files[path] = blob
        if after_write is not None:
            self.after[path] = after_write

    def flush(self) -> list[Path]:
        """Write everything collected; the paths written."""
        if not self.files:
            return []
        write_atomic_together(list(self.files.items()))
        for path, after_write in self.after.items():
            after_write(path, self.files[path])
        written = list(self.files)
        self.files.clear()
        self.after.clear()
        return written


def sweep_temp_files(directory: Path) -> list[Path]:
    """Remove the temp files (`.<name>.<pid>.tmp`) a killed writer left anywhere under `directory`.

    The caller holds the data directory's lock, so no live writer owns one. Returns what was removed;
    a read-only directory is left as it is.
    """
    removed: list[Path] = []
    for root, _dirs, files in os.walk(directory):
        for name in files:
            if name.startswith(".") and name.endswith(".tmp"):
                path = Path(root) / name
                with contextlib.suppress(OSError):
                    path.unlink()
                    removed.append(path)
    return removed


def remove_durably(path: Path) -> None:
    """Delete `path` (if there) and make the deletion durable."""
    try:
        path.unlink()
        fsync_dir(path.parent)
    except FileNotFoundError:
        return
    except OSError as error:
        raise StoreWriteError(path, error) from error


def read_file(path: Path, find_backup: BackupFinder = _no_backup) -> Data | None:
    """The data of `path`, or None when it does not exist (never when it is merely empty)."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise StoreReadError(path, error) from error
    return decode(path, raw, find_backup)


class AtomicJSONStorage(Storage):
    """A TinyDB storage over one file: reads refuse broken files, writes are atomic and durable.

    A TinyDB opened on it sees a fresh read of the file at every operation (no cross-process staleness);
    the caller holds the data directory's lock around every read-modify-write.
    """

    def __init__(
        self,
        path: Path,
        find_backup: BackupFinder = _no_backup,
        after_write: Callable[[Path, bytes], None] | None = None,
        *,
        durable: bool = True,
        group: WriteGroup | None = None,
    ) -> None:
        self.path = path
        self._find_backup = find_backup
        self._after_write = after_write
        self.durable = durable
        self._group = group

    def read(self) -> Data | None:
        return read_file(self.path, self._find_backup)

    def write(self, data: Data) -> None:
        blob = encode(data)
        if self._group is not None:  # written with the rest of its group, durably
            self._group.add(self.path, blob, self._after_write)
            return
        write_atomic(self.path, blob, durable=self.durable)
        if self._after_write is not None:
            self._after_write(self.path, blob)

    def close(self) -> None:
        pass


class BufferedStorage(Storage):
    """One file's transaction: read once, keep TinyDB's writes in memory, write once on `commit()`.

    Several table operations on one file thus cost one atomic write, and an error before the commit
    leaves the file as it was (all-or-nothing per file).
    """

    def __init__(self, backend: AtomicJSONStorage) -> None:
        self._backend = backend
        self._data: Data | None = None
        self._loaded = False
        self.dirty = False

    def read(self) -> Data | None:
        if not self._loaded:
            self._data = self._backend.read()
            self._loaded = True
        return self._data

    def write(self, data: Data) -> None:
        self._data = data
        self._loaded = True
        self.dirty = True

    def commit(self) -> None:
        """Write the buffered data if anything changed."""
        if self.dirty and self._data is not None:
            self._backend.write(self._data)
            self.dirty = False

    def close(self) -> None:
        pass
