"""`Store`: one data directory -- its lock, its files, its campaigns, backups and restore."""

from __future__ import annotations

import os
import re
import secrets
import shutil
import zipfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from tinydb import TinyDB

from forms.errors import InputError

from .errors import StoreCorruptError, StoreReadError, StoreWriteError
from .file_data import damaged_record, single, table
from .lock import DirectoryLock
from .storage import AtomicJSONStorage, BufferedStorage, Data, decode, fsync_dir, read_file, write_atomic

if TYPE_CHECKING:
    from .campaign import CampaignStore
    from .records import CampaignInfo

ROOT_FILE = "kaoping.json"
LOCK_FILE = ".kaoping.lock"
CAMPAIGNS_DIR = "campaigns"
BACKUPS_DIR = "backups"
BACKUPS_KEPT = 20
"""How many backups the rotation keeps (the oldest go first)."""


class _Given:
    """Hands an existing storage instance to TinyDB, which wants a factory."""

    def __init__(self, storage: BufferedStorage | AtomicJSONStorage) -> None:
        self._storage = storage

    def __call__(self) -> BufferedStorage | AtomicJSONStorage:
        return self._storage


class Store:
    """A kaoping data directory. Thread-safe; several processes may share one directory."""

    def __init__(self, data_dir: Path, *, lock_timeout: float = 5.0) -> None:
        self.data_dir = Path(data_dir).absolute()
        self._lock = DirectoryLock(self.data_dir / LOCK_FILE, lock_timeout)
        self._cache: dict[Path, tuple[tuple[int, int, int, int], Data]] = {}
        # Opening writes nothing: a command that only reads (and fails on an empty directory) leaves the
        # directory as it found it. The directory, its lock and the terminal id appear with the first write.
        self._terminal_id = ""
        if self.root_path.exists():
            self._ensure_terminal_id()

    def _ensure_terminal_id(self) -> str:
        with self.locked():
            root = self.read(self.root_path)
            if root is None or not single(root, "terminal").get("id"):
                with self.edit(self.root_path) as db:
                    db.table("terminal").upsert({"id": secrets.token_hex(8)}, cond=lambda _doc: True)
            self._terminal_id = str(single(self.read(self.root_path), "terminal")["id"])
        return self._terminal_id

    # ------------------------------------------------------------------ files and lock

    @property
    def root_path(self) -> Path:
        """The directory's own file: terminal id and the list of campaigns."""
        return self.data_dir / ROOT_FILE

    @property
    def backups_dir(self) -> Path:
        """Where backups rotate."""
        return self.data_dir / BACKUPS_DIR

    @contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the directory's cross-process lock (re-entrant); creates the directory when missing."""
        if not (self.data_dir / CAMPAIGNS_DIR).is_dir():
            try:
                (self.data_dir / CAMPAIGNS_DIR).mkdir(parents=True, exist_ok=True, mode=0o700)
            except OSError as error:
                raise StoreWriteError(self.data_dir, error) from error
        with self._lock.held():
            yield

    @contextmanager
    def edit(self, path: Path, *, durable: bool = True) -> Iterator[TinyDB]:
        """A TinyDB over one file as one transaction: one atomic write at the end, none on error.

        The caller must hold `locked()`; the file's directory is created when missing. `durable=False`
        is for drafts only (see `write_atomic`).
        """
        if not path.parent.is_dir():
            try:
                path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            except OSError as error:
                raise StoreWriteError(path.parent, error) from error
        buffer = BufferedStorage(AtomicJSONStorage(path, self.find_backup, durable=durable))
        db = TinyDB(storage=_Given(buffer))
        yield db
        buffer.commit()
        self._cache.pop(path, None)

    def read(self, path: Path) -> Data | None:
        """A file's tables, read afresh (None when the file does not exist)."""
        return read_file(path, self.find_backup)

    def read_cached(self, path: Path) -> Data | None:
        """Like `read`, but reuses the parse while the file is unchanged (same inode, size, mtime, ctime).

        Every write goes through `os.replace`, so a changed file always has a new inode. Callers must
        not modify the returned data.
        """
        try:
            info = path.stat()
        except FileNotFoundError:
            self._cache.pop(path, None)
            return None
        except OSError as error:
            raise StoreReadError(path, error) from error
        key = (info.st_ino, info.st_mtime_ns, info.st_ctime_ns, info.st_size)
        hit = self._cache.get(path)
        if hit is not None and hit[0] == key:
            return hit[1]
        data = self.read(path)
        if data is not None:
            self._cache[path] = (key, data)
        return data

    def write(self, path: Path, data: Data) -> None:
        """Replace a whole file (caller holds the lock)."""
        AtomicJSONStorage(path, self.find_backup).write(data)
        self._cache.pop(path, None)

    # ------------------------------------------------------------------ identity and campaigns

    def terminal_id(self) -> str:
        """A random id of this data directory, stamped on exports and sealed ballots."""
        return self._terminal_id or self._ensure_terminal_id()

    def campaigns(self) -> list[CampaignInfo]:
        """Every campaign, oldest first."""
        from .campaign import info_from_doc

        if not self.root_path.exists():
            return []  # nothing stored yet (the root file appears atomically with the first campaign)
        with self.locked():
            root = self.read(self.root_path)
        with damaged_record(self.root_path, "campaigns"):
            docs = sorted(table(root, "campaigns").values(), key=lambda doc: int(doc.get("seq", 0)))
            return [info_from_doc(doc) for doc in docs]

    def campaign(self, campaign_id: str | None = None) -> CampaignStore:
        """One campaign (None = the newest); InputError when there is none or the id is unknown."""
        from .campaign import CampaignStore

        known = self.campaigns()
        if not known:
            raise InputError("store.no_campaign", path=str(self.data_dir))
        if campaign_id is None:
            return CampaignStore(self, known[-1].id)
        for info in known:
            if info.id == campaign_id:
                return CampaignStore(self, info.id)
        raise InputError(
            "store.unknown_campaign", campaign=campaign_id, known=", ".join(info.id for info in known)
        )

    def create_campaign(
        self,
        name: str,
        year: int,
        form_ids: Sequence[str],
        rules_text: str | None = None,
        *,
        demo: bool = False,
        last_stars_from: str | None = None,
    ) -> CampaignStore:
        """A new campaign pinning copies of the built-in forms and of the rules (defaults when None).

        `last_stars_from` names an earlier campaign of this directory whose final stars the commands carry
        into the new roster where it gives no last-year star (the store only records the choice).
        """
        from .campaign import create_campaign

        self.terminal_id()  # the directory's first write gives it its id, before any campaign exists
        return create_campaign(
            self, name, year, form_ids, rules_text, demo=demo, last_stars_from=last_stars_from
        )

    def campaign_dir(self, campaign_id: str) -> Path:
        """The directory holding one campaign's files."""
        return self.data_dir / CAMPAIGNS_DIR / campaign_id

    # ------------------------------------------------------------------ backups

    def backups(self) -> list[Path]:
        """Every backup, newest first."""
        if not self.backups_dir.is_dir():
            return []
        return sorted(self.backups_dir.glob("kaoping-*.zip"), reverse=True)

    def _data_files(self) -> list[Path]:
        files = [self.root_path] if self.root_path.exists() else []
        campaigns = self.data_dir / CAMPAIGNS_DIR
        files.extend(
            path
            for path in sorted(campaigns.rglob("*.json"))
            if path.is_file() and not path.name.startswith(".")
        )
        return files

    def backup(self) -> Path:
        """A zip of every data file, taken under the lock; the oldest beyond the rotation are removed.

        Refused (InputError) when there is nothing to back up, and (StoreCorruptError naming the file) when
        a data file is damaged: such a backup could not be restored, and it would rotate a good one out.
        """
        if not self.root_path.exists():
            raise InputError("store.no_campaign", path=str(self.data_dir))
        with self.locked():
            for path in self._data_files():
                decode(path, path.read_bytes())
            self.backups_dir.mkdir(exist_ok=True, mode=0o700)
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")  # name order = time order
            target = self.backups_dir / f"kaoping-{stamp}-{secrets.token_hex(3)}.zip"
            temp = self.backups_dir / f".{target.name}.tmp"
            try:
                with zipfile.ZipFile(temp, "w", compression=zipfile.ZIP_DEFLATED) as archive:
                    for path in self._data_files():
                        # Fixed member times (as LimeSurvey's anonymised dates): a backup taken during the
                        # meeting must not tell when each ballot or code file was last written.
                        member = zipfile.ZipInfo(
                            path.relative_to(self.data_dir).as_posix(), (1980, 1, 1, 0, 0, 0)
                        )
                        member.compress_type = zipfile.ZIP_DEFLATED
                        member.external_attr = 0o600 << 16
                        archive.writestr(member, path.read_bytes())
                with open(temp, "rb+") as handle:
                    os.fsync(handle.fileno())
                os.chmod(temp, 0o600)
                os.replace(temp, target)
                fsync_dir(self.backups_dir)
            except OSError as error:
                temp.unlink(missing_ok=True)
                raise StoreWriteError(target, error) from error
            for old in self.backups()[BACKUPS_KEPT:]:
                old.unlink(missing_ok=True)
            return target

    def find_backup(self, path: Path) -> Path | None:
        """The newest backup holding a readable copy of `path` (for the message about a broken file)."""
        try:
            member = path.absolute().relative_to(self.data_dir).as_posix()
        except ValueError:
            return None
        for candidate in self.backups():
            try:
                with zipfile.ZipFile(candidate) as archive:
                    decode(path, archive.read(member))
                return candidate
            except (KeyError, OSError, zipfile.BadZipFile, StoreCorruptError, InputError, ValueError):
                continue
            except Exception:
                continue
        return None

    def restore(self, backup: Path) -> Path | None:
        """Replace every data file by the backup's, after checking it whole; returns the safety backup
        taken of the current state first (None when the directory held nothing yet, e.g. a second
        meeting room's laptop receiving the campaign)."""
        members = check_backup(backup)
        with self.locked():
            safety = self.backup() if self.root_path.exists() else None
            staging = self.data_dir / f".restore-{secrets.token_hex(4)}"
            try:
                staging.mkdir(mode=0o700)
                with zipfile.ZipFile(backup) as archive:
                    for name in members:
                        blob = archive.read(name)
                        target = staging / name
                        target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
                        write_atomic(target, blob)
                campaigns = self.data_dir / CAMPAIGNS_DIR
                old = self.data_dir / f".old-{secrets.token_hex(4)}"
                if campaigns.exists():
                    os.replace(campaigns, old)
                staged_campaigns = staging / CAMPAIGNS_DIR
                if staged_campaigns.exists():
                    os.replace(staged_campaigns, campaigns)
                else:
                    campaigns.mkdir(mode=0o700)
                os.replace(staging / ROOT_FILE, self.root_path)
                fsync_dir(self.data_dir)
                if old.exists():
                    _carry_over_sheets(old, campaigns)
                shutil.rmtree(old, ignore_errors=True)
            except OSError as error:
                raise StoreWriteError(self.data_dir, error) from error
            finally:
                shutil.rmtree(staging, ignore_errors=True)
            self._cache.clear()
            if safety is None:
                # A directory that held nothing is another laptop receiving the campaign (a second
                # meeting room): it is a terminal of its own, so its ballots and exports say so.
                with self.edit(self.root_path) as db:
                    db.table("terminal").upsert({"id": secrets.token_hex(8)}, cond=lambda _doc: True)
            self._terminal_id = str(
                single(self.read(self.root_path), "terminal").get("id", self._terminal_id)
            )
        return safety


def _carry_over_sheets(old: Path, new: Path) -> None:
    """Keep the printed code sheets (CSV/TXT beside the data, never in backups) across a restore:
    they hold the only plaintext of the codes."""
    for path in old.rglob("*"):
        if path.is_file() and path.suffix in (".csv", ".txt"):
            target = new / path.relative_to(old)
            if not target.exists():
                target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
                shutil.copy2(path, target)


_SAFE_MEMBER = re.compile(r"^(kaoping\.json|campaigns/[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*\.json)$")


def check_backup(backup: Path) -> list[str]:
    """The member names of a backup zip after checking every one parses; InputError otherwise."""
    try:
        with zipfile.ZipFile(backup) as archive:
            names = archive.namelist()
            if ROOT_FILE not in names:
                raise InputError("store.backup_invalid", path=str(backup), reason="store.reason.no_root")
            for name in names:
                pure = PurePosixPath(name)
                if not _SAFE_MEMBER.match(name) or ".." in pure.parts:
                    raise InputError(
                        "store.backup_invalid", path=str(backup), reason="store.reason.bad_member"
                    )
                try:
                    decode(Path(name), archive.read(name))
                except StoreCorruptError as error:
                    raise InputError(
                        "store.backup_invalid", path=str(backup), reason=str(error.params.get("reason", ""))
                    ) from error
            return names
    except FileNotFoundError as error:
        raise InputError("store.file_missing", path=str(backup)) from error
    except (zipfile.BadZipFile, OSError) as error:
        raise InputError("store.backup_invalid", path=str(backup), reason="store.reason.not_zip") from error


def open_store(data_dir: Path | str, *, lock_timeout: float = 5.0) -> Store:
    """Open (creating if needed) the data directory `data_dir`.

    `lock_timeout` is how long any operation waits for another terminal's lock before raising
    `StoreLockedError`. A broken file raises `StoreCorruptError` naming it and the newest good backup.
    """
    return Store(Path(data_dir), lock_timeout=lock_timeout)
