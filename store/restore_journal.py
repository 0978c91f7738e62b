"""Restore as a journaled step: a kill at any moment leaves the old or the new data, and the next
command of any process finishes it (or, if nothing was changed yet, drops it) and says which."""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import sys
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from forms.errors import InputError

from . import mirror, notices
from .errors import StoreWriteError
from .storage import Data, decode, fsync_dir, remove_durably, write_atomic

if TYPE_CHECKING:
    from .core import Store

JOURNAL = "restore-journal.json"
STAGING_PREFIX = ".restore-"
OLD_PREFIX = ".old-"
CRASH_ENV = "KAOPING_CRASH_AT"
"""`restore:N` makes the process kill itself (SIGKILL) at the N-th step of a restore (crash tests)."""

_steps = 0


def crash_point() -> None:
    """One step of a restore: where the crash tests kill the process."""
    global _steps
    wanted = os.environ.get(CRASH_ENV, "")
    if not wanted.startswith("restore:"):
        return
    _steps += 1
    if _steps == int(wanted.partition(":")[2]):
        os.kill(os.getpid(), signal.SIGKILL)


@dataclass(frozen=True)
class Holdings:
    """What one campaign holds that a restore could drop: its sealed ballot ids and its closings."""

    name: str
    ballots: frozenset[str]
    closings: frozenset[tuple[int, str]]


@dataclass(frozen=True)
class RestoreOutcome:
    """What a restore did: the safety backup, the counts before and after, what was dropped."""

    safety: Path | None
    before: dict[str, Holdings]
    after: dict[str, Holdings]
    dropped_ballots: int
    dropped_closings: int


def _holdings(files: Iterable[tuple[str, Data | None]]) -> dict[str, Holdings]:
    """Per campaign id, from (path relative to the data directory, parsed data) pairs."""
    ballots: dict[str, set[str]] = {}
    closings: dict[str, set[tuple[int, str]]] = {}
    names: dict[str, str] = {}
    for name, data in files:
        parts = PurePosixPath(name).parts
        if len(parts) < 3 or parts[0] != "campaigns" or data is None:
            continue
        campaign = parts[1]
        ballots.setdefault(campaign, set())
        closings.setdefault(campaign, set())
        if parts[2] == "ledger":
            ballots[campaign].update(str(doc.get("id")) for doc in data.get("ledger", {}).values())
        elif parts[2:] == ("campaign.json",):
            info = data.get("info", {}).get("1", {})
            names[campaign] = str(info.get("name", campaign)) if isinstance(info, dict) else campaign
            closings[campaign].update(
                (int(doc.get("session", 0)), str(doc.get("digest", "")))
                for doc in data.get("closings", {}).values()
            )
    return {
        campaign: Holdings(names.get(campaign, campaign), frozenset(ids), frozenset(closings[campaign]))
        for campaign, ids in ballots.items()
        if campaign in names
    }


def current_holdings(store: Store) -> dict[str, Holdings]:
    """What the data directory holds now (the caller holds the lock)."""
    campaigns = store.data_dir / "campaigns"
    files = []
    for path in sorted(campaigns.glob("*/campaign.json")) + sorted(campaigns.glob("*/ledger/*.json")):
        files.append((path.relative_to(store.data_dir).as_posix(), store.read(path)))
    return _holdings(files)


def backup_holdings(backup: Path, members: list[str]) -> dict[str, Holdings]:
    """What a backup holds (already checked by `check_backup`)."""
    with zipfile.ZipFile(backup) as archive:
        return _holdings(
            (name, decode(Path(name), archive.read(name)))
            for name in members
            if name.endswith("/campaign.json") or "/ledger/" in name
        )


def _totals(holdings: dict[str, Holdings]) -> str:
    return "; ".join(
        f"{h.name}: {len(h.ballots)} ballots, {len(h.closings)} closings" for h in holdings.values()
    )


def restore(store: Store, backup: Path, members: list[str], discard_sealed: int | None) -> RestoreOutcome:
    """Replace the data by the backup's; see `Store.restore`. The caller holds the lock."""
    before = current_holdings(store)
    after = backup_holdings(backup, members)
    dropped_ballots = sum(
        len(h.ballots - after[c].ballots) if c in after else len(h.ballots) for c, h in before.items()
    )
    dropped_closings = sum(
        len(h.closings - after[c].closings) if c in after else len(h.closings) for c, h in before.items()
    )
    if (dropped_ballots or dropped_closings) and discard_sealed != dropped_ballots:
        raise InputError(
            "store_trust.restore_drops",
            backup=str(backup),
            ballots=dropped_ballots,
            closings=dropped_closings,
        )
    token = secrets.token_hex(4)
    staging = store.data_dir / f"{STAGING_PREFIX}{token}"
    try:
        # Made first, so a kill from here until the journal exists is seen (and said) by the next command.
        staging.mkdir(mode=0o700)
        fsync_dir(store.data_dir)
        safety = store.backup(kind="restore") if store.root_path.exists() else None
        crash_point()
        (staging / "campaigns").mkdir(mode=0o700)  # there even for a backup of an empty directory
        (store.data_dir / "campaigns").mkdir(exist_ok=True, mode=0o700)
        with zipfile.ZipFile(backup) as archive:
            for name in members:
                target = staging / name
                target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
                with open(target, "wb") as handle:
                    handle.write(archive.read(name))
                os.chmod(target, 0o600)
        (staging / "campaigns" / f"{STAGING_PREFIX}{token}").touch()  # says "in place" once swapped
        os.sync()  # one flush for the whole staged copy, before the journal makes it the data to be
        crash_point()
        detail = (
            f"{backup.name}: before [{_totals(before)}], after [{_totals(after)}], "
            f"dropped {dropped_ballots} ballots, {dropped_closings} closings"
        )
        journal: dict[str, Any] = {
            "token": token,
            "backup": str(backup),
            "fresh": safety is None,
            "detail": detail,
            "audited": False,
        }
        write_atomic(store.data_dir / JOURNAL, json.dumps(journal).encode("utf-8"))
    except BaseException as error:
        shutil.rmtree(staging, ignore_errors=True)  # nothing was changed yet: leave nothing behind
        if isinstance(error, OSError):
            raise StoreWriteError(store.data_dir, error) from error
        raise
    crash_point()
    _roll_forward(store, journal)
    return RestoreOutcome(safety, before, after, dropped_ballots, dropped_closings)


def _roll_forward(store: Store, journal: dict[str, Any]) -> None:
    """Carry a journaled restore to its end; every step can be repeated after a crash."""
    data_dir = store.data_dir
    staging = data_dir / f"{STAGING_PREFIX}{journal['token']}"
    old = data_dir / f"{OLD_PREFIX}{journal['token']}"
    campaigns = data_dir / "campaigns"
    marker = campaigns / f"{STAGING_PREFIX}{journal['token']}"
    try:
        staged = staging / "campaigns"
        if marker.exists():
            pass  # the staged campaigns are in place (the marker came with them)
        elif not old.exists() and campaigns.exists() and _exchange(staged, campaigns):
            # One atomic swap: at no moment is the data directory without its campaigns.
            fsync_dir(data_dir)
            crash_point()
        elif staged.exists():  # no atomic swap here: two renames, finished by the journal after a crash
            if not old.exists():
                os.replace(campaigns, old)
                fsync_dir(data_dir)
                crash_point()
            elif campaigns.exists():
                campaigns.rmdir()  # only ever an empty folder made after a crash (never the data)
            os.replace(staged, campaigns)
            fsync_dir(data_dir)
            crash_point()
        if (staging / "kaoping.json").exists():
            os.replace(staging / "kaoping.json", store.root_path)
            fsync_dir(data_dir)
            crash_point()
    except OSError as error:
        raise StoreWriteError(data_dir, error) from error
    store.forget_cache()
    mirror.refresh(store)  # the mirror follows the restored data, or it would heal back the old files
    if not journal.get("audited"):
        if journal.get("fresh"):
            # A directory that held nothing is another laptop receiving the campaign (a second meeting
            # room): it is a terminal of its own, so its ballots and exports say so.
            store.new_terminal_id()
        for info in store.campaigns():
            store.campaign(info.id).audit_trail.audit("admin", "data.restore", str(journal["detail"]))
        journal["audited"] = True
        write_atomic(data_dir / JOURNAL, json.dumps(journal).encode("utf-8"))
        crash_point()
    for previous in (old, staging / "campaigns"):  # the campaigns as they were: renamed, or swapped
        if previous.is_dir():
            _carry_over_sheets(previous, campaigns)
    shutil.rmtree(old, ignore_errors=True)
    shutil.rmtree(staging, ignore_errors=True)  # after a swap, the campaigns as they were
    crash_point()
    marker.unlink(missing_ok=True)
    remove_durably(data_dir / JOURNAL)


def _exchange(first: Path, second: Path) -> bool:
    """Swap two directories atomically (Linux renameat2 RENAME_EXCHANGE); False where unsupported."""
    if not sys.platform.startswith("linux"):
        return False
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    at_fdcwd, rename_exchange = -100, 2
    done = renameat2(at_fdcwd, os.fsencode(first), at_fdcwd, os.fsencode(second), rename_exchange)
    return bool(done == 0)


def recover(store: Store) -> None:
    """Finish a restore a crash interrupted, or drop one that had changed nothing yet; say which."""
    data_dir = store.data_dir
    path = data_dir / JOURNAL
    if path.exists():
        try:
            journal = json.loads(path.read_bytes())
        except ValueError:
            journal = None
        if isinstance(journal, dict) and "token" in journal:
            _roll_forward(store, journal)
            notices.notify("store_trust.restore_finished", backup=journal.get("backup", ""))
            return
        remove_durably(path)  # cut while first written: the restore never started changing anything
    for leftover in data_dir.glob(f"{STAGING_PREFIX}*"):
        shutil.rmtree(leftover, ignore_errors=True)
        notices.notify("store_trust.restore_dropped", path=str(data_dir))
    for leftover in data_dir.glob(f"{OLD_PREFIX}*"):
        shutil.rmtree(leftover, ignore_errors=True)


def _carry_over_sheets(old: Path, new: Path) -> None:
    """Keep code sheets an older version left beside the data (CSV/TXT, never in backups) across a
    restore: they may hold the only plaintext of codes still valid."""
    for path in old.rglob("*"):
        if path.is_file() and path.suffix in (".csv", ".txt"):
            target = new / path.relative_to(old)
            if not target.exists():
                target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
                shutil.copy2(path, target)
