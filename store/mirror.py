"""The mirror (e.g. a USB stick in the admin laptop): every store file written there too, same layout,
the same blurred file times; never drafts or commit records (like backups)."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import TYPE_CHECKING

from . import notices
from .backups import LEFT_OUT_DIRS, LEFT_OUT_FILES, data_files
from .errors import SchemaError, StoreCorruptError, StoreWriteError
from .storage import decode, temp_path_for

if TYPE_CHECKING:
    from .core import Store


def mirrored(store: Store, path: Path, mirror: Path | None) -> Path | None:
    """Where `path` goes in `mirror`, or None for files never mirrored (drafts, commit records)."""
    if mirror is None:
        return None
    try:
        relative = path.absolute().relative_to(store.data_dir)
    except ValueError:
        return None
    if path.name in LEFT_OUT_FILES or LEFT_OUT_DIRS.intersection(relative.parts[:-1]):
        return None
    if relative.parts[0] not in ("kaoping.json", "campaigns"):
        return None
    return mirror / relative


def copy_to(store: Store, mirror: Path, path: Path, blob: bytes) -> None:
    """Write `blob` as the mirror's copy of `path`: atomic (temp file and rename), not flushed to disk
    here -- the primary is the durable copy; a copy cut short by a power cut fails to verify and is
    never used."""
    target = mirrored(store, path, mirror)
    if target is None:
        return
    temp = temp_path_for(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        with open(temp, "wb") as handle:
            handle.write(blob)
        os.chmod(temp, 0o600)
        os.replace(temp, target)
    except OSError as error:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise StoreWriteError(target, error) from error


_failed: set[Path] = set()


def safe_copy(store: Store, mirror: Path, path: Path, blob: bytes) -> None:
    """`copy_to`, except that a mirror that cannot be written (the stick pulled out, full) never stops
    the store: the admin is told once per mirror and process, and the primary goes on alone."""
    try:
        copy_to(store, mirror, path, blob)
    except StoreWriteError as error:
        if mirror not in _failed:
            _failed.add(mirror)
            notices.notify("store_trust.mirror_failed", mirror=str(mirror), reason=error.params["reason"])


def set_time(store: Store, mirror: Path | None, path: Path, ns: int) -> None:
    """Give the mirror's copy the same (blurred) file time as the primary's."""
    target = mirrored(store, path, mirror)
    if target is not None:
        with contextlib.suppress(OSError):
            os.utime(target, ns=(ns, ns))


def refresh(store: Store) -> None:
    """Rewrite the whole mirror from the data (after a restore replaced every file)."""
    mirror = store.mirror
    if mirror is None:
        return
    for path in data_files(store.data_dir, "kaoping.json", "campaigns"):
        with contextlib.suppress(OSError):
            safe_copy(store, mirror, path, path.read_bytes())


def fill(store: Store) -> list[Path]:
    """Copy to the mirror every store file it lacks (a new mirror, a new stick): only files that parse.
    The caller holds the lock."""
    copied: list[Path] = []
    if store.mirror is None:
        return copied
    for path in data_files(store.data_dir, "kaoping.json", "campaigns"):
        target = mirrored(store, path, store.mirror)
        if target is None or target.exists():
            continue
        try:
            blob = path.read_bytes()
            decode(path, blob)
        except (OSError, StoreCorruptError, SchemaError):
            continue  # never spread a damaged file
        safe_copy(store, store.mirror, path, blob)
        with contextlib.suppress(OSError):
            os.utime(target, ns=(path.stat().st_mtime_ns, path.stat().st_mtime_ns))
        copied.append(path)
    return copied
