"""The store's errors: each a `KaopingError` with a catalogue key, so the UI says one clear sentence."""

from __future__ import annotations

from pathlib import Path

from forms.errors import InputError, ProblemFound


class StoreCorruptError(ProblemFound):
    """A data file exists but is empty, truncated or not ours: stop, name it and the newest good backup."""

    def __init__(self, path: Path, backup: Path | None, reason: str) -> None:
        super().__init__(
            "store.corrupt" if backup else "store.corrupt_no_backup",
            path=str(path),
            backup=str(backup) if backup else "",
            reason=reason,
        )
        self.path = path
        self.backup = backup


class SchemaError(ProblemFound):
    """A data file was written by a newer kaoping, or by a schema this one cannot migrate."""

    def __init__(self, path: Path, found: int, supported: int) -> None:
        super().__init__("store.schema", path=str(path), found=found, supported=supported)


class StoreLockedError(ProblemFound):
    """Another terminal held the data directory's lock for longer than we may wait."""

    def __init__(self, path: Path, seconds: float) -> None:
        super().__init__("store.locked", path=str(path), seconds=f"{seconds:g}")


class StoreWriteError(ProblemFound):
    """The disk refused a write (full, read-only, I/O error); what was stored before is intact."""

    def __init__(self, path: Path, error: OSError) -> None:
        super().__init__("store.write_failed", path=str(path), reason=error.strerror or str(error))
        self.errno = error.errno


class StoreReadError(ProblemFound):
    """A data file could not be read (permissions, I/O error); nothing was changed."""

    def __init__(self, path: Path, error: OSError) -> None:
        super().__init__("store.read_failed", path=str(path), reason=error.strerror or str(error))
        self.errno = error.errno


__all__ = [
    "InputError",
    "ProblemFound",
    "SchemaError",
    "StoreCorruptError",
    "StoreLockedError",
    "StoreReadError",
    "StoreWriteError",
]
