"""Backup zips: what they hold (never drafts or an unfinished seal), their kinds, and the rotation."""

from __future__ import annotations

import os
import secrets
import zipfile
from datetime import UTC, datetime
from pathlib import Path

from .errors import StoreWriteError
from .storage import decode, fsync_dir

BACKUP_GLOB = "kaoping-*.zip"
PROTECTED_KINDS = ("open", "close", "restore")
"""Backups taken when voting opens, when it closes and before a restore: never rotated away."""
KINDS = ("manual", "auto", *PROTECTED_KINDS)
LEFT_OUT_DIRS = frozenset({"drafts"})
"""Unsealed drafts are keyed by code hash: a copy of them beside the salt would link a slip to answers."""
LEFT_OUT_FILES = frozenset({"pending.json"})
"""A seal's commit record (code hash beside ballot id); backups are taken after it is finished."""


def backup_kind(path: Path) -> str:
    """The kind a backup was taken as (`kaoping-<stamp>-<kind>-<random>.zip`; older names are manual)."""
    parts = path.stem.split("-")
    return parts[2] if len(parts) >= 4 and parts[2] in KINDS else "manual"


def data_files(data_dir: Path, root_file: str, campaigns_dir: str) -> list[Path]:
    """The files a backup holds: the root file and every campaign file but drafts and commit records."""
    root = data_dir / root_file
    files = [root] if root.exists() else []
    campaigns = data_dir / campaigns_dir
    for path in sorted(campaigns.rglob("*.json")):
        parts = path.relative_to(campaigns).parts
        if not path.is_file() or path.name.startswith(".") or path.name in LEFT_OUT_FILES:
            continue
        if LEFT_OUT_DIRS.intersection(parts[1:-1]):
            continue
        files.append(path)
    return files


def write_backup(data_dir: Path, backups_dir: Path, files: list[Path], kind: str) -> Path:
    """Zip `files` (paths under `data_dir`) into a new backup of `kind`; the caller holds the lock."""
    for path in files:
        decode(path, path.read_bytes())  # a damaged file would make a backup that cannot be restored
    backups_dir.mkdir(exist_ok=True, mode=0o700)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")  # name order = time order
    target = backups_dir / f"kaoping-{stamp}-{kind}-{secrets.token_hex(3)}.zip"
    temp = backups_dir / f".{target.name}.{os.getpid()}.tmp"
    try:
        with zipfile.ZipFile(temp, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for path in files:
                # Fixed member times (as LimeSurvey's anonymised dates): a backup taken during the
                # meeting must not tell when each ballot or code file was last written.
                member = zipfile.ZipInfo(path.relative_to(data_dir).as_posix(), (1980, 1, 1, 0, 0, 0))
                member.compress_type = zipfile.ZIP_DEFLATED
                member.external_attr = 0o600 << 16
                archive.writestr(member, path.read_bytes())
        with open(temp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.chmod(temp, 0o600)
        os.replace(temp, target)
        fsync_dir(backups_dir)
    except OSError as error:
        temp.unlink(missing_ok=True)
        raise StoreWriteError(target, error) from error
    return target


def rotate(backups_newest_first: list[Path], keep: int) -> list[Path]:
    """Remove the manual and automatic backups beyond the newest `keep`; protected kinds stay."""
    rotating = [path for path in backups_newest_first if backup_kind(path) not in PROTECTED_KINDS]
    removed = rotating[keep:]
    for old in removed:
        old.unlink(missing_ok=True)
    return removed
