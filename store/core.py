"""`Store`: one data directory -- its lock, its files, its campaigns, backups and restore."""

from __future__ import annotations

import os
import re
import secrets
import zipfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from tinydb import TinyDB

from forms.errors import InputError

from . import backups as backups_module
from . import mirror as mirror_module
from . import restore_journal
from .errors import StoreCorruptError, StoreReadError, StoreWriteError
from .file_data import damaged_record, single, table
from .lock import DirectoryLock
from .storage import (
    AtomicJSONStorage,
    BufferedStorage,
    Data,
    WriteGroup,
    decode,
    read_file,
    sweep_temp_files,
    write_atomic,
)

if TYPE_CHECKING:
    from .campaign import CampaignStore
    from .records import CampaignInfo
    from .restore_journal import RestoreOutcome

ROOT_FILE = "kaoping.json"
CAMPAIGNS_DIR = "campaigns"
BACKUPS_DIR = "backups"
MIRROR_ENV = "KAOPING_MIRROR"
"""The mirror directory given on the command line (`kaoping --mirror DIR`), for every store opened."""
BACKUPS_KEPT = 20
"""How many backups the rotation keeps (the oldest go first)."""


def _stat_key(info: os.stat_result) -> tuple[int, int, int, int]:
    """What tells a file's versions apart for the parse cache (every write makes a new inode)."""
    return (info.st_ino, info.st_mtime_ns, info.st_ctime_ns, info.st_size)


class _Given:
    """Hands an existing storage instance to TinyDB, which wants a factory."""

    def __init__(self, storage: BufferedStorage | AtomicJSONStorage) -> None:
        self._storage = storage

    def __call__(self) -> BufferedStorage | AtomicJSONStorage:
        return self._storage


class Store:
    """A kaoping data directory. Thread-safe; several processes may share one directory."""

    def __init__(self, data_dir: Path, *, lock_timeout: float = 5.0, mirror: Path | None = None) -> None:
        self.data_dir = Path(data_dir).absolute()
        given = mirror or os.environ.get(MIRROR_ENV)
        self._mirror_given = Path(given).absolute() if given else None
        self._lock = DirectoryLock(self.data_dir, lock_timeout)
        self._swept = False
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
        """Hold the directory's cross-process lock (re-entrant); creates the directory when missing.

        The first holder after a crash finishes (or drops) an interrupted restore and sweeps the temp
        files a killed writer left.
        """
        if self._lock.held_by_this_thread():
            with self._lock.held():  # nested: the directory was there when the outer hold began
                yield
            return
        if not self.data_dir.is_dir():
            try:
                self.data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
            except OSError as error:
                raise StoreWriteError(self.data_dir, error) from error
        with self._lock.held():
            outermost = self._lock.depth == 1
            if outermost and (not self._swept or (self.data_dir / restore_journal.JOURNAL).exists()):
                self._after_crash()
            yield

    @contextmanager
    def locked_if_free(self) -> Iterator[bool]:
        """`locked` without waiting: yields True holding the lock, or False (not held) when another
        thread or process holds it now. For a caller that must never block (the hall's event loop)."""
        if not self.data_dir.is_dir():
            yield False  # the waiting path creates it
            return
        with self._lock.held_if_free() as held:
            first = held and self._lock.depth == 1
            if first and (not self._swept or (self.data_dir / restore_journal.JOURNAL).exists()):
                self._after_crash()
            yield held

    def _after_crash(self) -> None:
        # Every write of the store happens under this lock, so a temp file or a restore's folder found
        # now was left by a process that died: finish or drop what it was doing, before anything else.
        self._swept = True
        if os.access(self.data_dir, os.W_OK):
            restore_journal.recover(self)
            sweep_temp_files(self.data_dir)
            if self.mirror is not None:
                mirror_module.fill(self)
        campaigns = self.data_dir / CAMPAIGNS_DIR
        if not campaigns.is_dir():
            try:
                campaigns.mkdir(exist_ok=True, mode=0o700)
            except OSError as error:
                raise StoreWriteError(self.data_dir, error) from error

    @contextmanager
    def write_group(self) -> Iterator[WriteGroup]:
        """Collect the writes of the `edit`s given this group and make them together at the end, each
        file atomic and durable, with shared disk flushes (see `write_atomic_together`); none on error."""
        group = WriteGroup()
        yield group
        for path in group.flush():
            self._cache.pop(path, None)

    @contextmanager
    def edit(self, path: Path, *, durable: bool = True, group: WriteGroup | None = None) -> Iterator[TinyDB]:
        """A TinyDB over one file as one transaction: one atomic write at the end, none on error.

        The caller must hold `locked()`; the file's directory is created when missing. `durable=False`
        is for drafts only (see `write_atomic`); with a `group` the write waits for the group's end.
        """
        if not path.parent.is_dir():
            try:
                path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            except OSError as error:
                raise StoreWriteError(path.parent, error) from error
        buffer = BufferedStorage(
            AtomicJSONStorage(path, self.find_backup, self._mirror_write, durable=durable, group=group)
        )
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
        key = _stat_key(info)
        hit = self._cache.get(path)
        if hit is not None and hit[0] == key:
            return hit[1]
        data = self.read(path)
        if data is not None:
            self._cache[path] = (key, data)
        return data

    def set_file_times(self, paths: list[Path], ns: int) -> None:
        """Set the modification time of `paths` to `ns`, keeping their cached parses (same content)."""
        mirror = self.mirror
        for path in paths:
            hit = self._cache.get(path)
            try:
                if hit is not None and hit[0] != _stat_key(os.stat(path)):
                    hit = None  # changed by another process since we parsed it: parse afresh later
                    self._cache.pop(path, None)
                os.utime(path, ns=(ns, ns))
                mirror_module.set_time(self, mirror, path, ns)
                if hit is not None:
                    self._cache[path] = (_stat_key(os.stat(path)), hit[1])
            except FileNotFoundError:
                continue
            except OSError as error:
                raise StoreWriteError(path, error) from error

    def write(self, path: Path, data: Data) -> None:
        """Replace a whole file (caller holds the lock)."""
        AtomicJSONStorage(path, self.find_backup, self._mirror_write).write(data)
        self._cache.pop(path, None)

    def write_raw(self, path: Path, blob: bytes) -> None:
        """Replace a whole file by bytes already checked to be a kaoping file (caller holds the lock)."""
        write_atomic(path, blob)
        self._mirror_write(path, blob)
        self._cache.pop(path, None)

    # ------------------------------------------------------------------ mirror

    @property
    def mirror(self) -> Path | None:
        """Where every store file is also written (`--mirror DIR`, or set with `set_mirror`), or None."""
        if self._mirror_given is not None:
            return self._mirror_given
        root = self.read_cached(self.root_path) if self.root_path.exists() else None
        chosen = single(root, "settings").get("mirror")
        return Path(str(chosen)) if chosen else None

    def set_mirror(self, directory: Path | None) -> None:
        """Keep a mirror of every store file in `directory` from now on (None: no mirror); the files
        there now are copied at once."""
        with self.locked():
            with self.edit(self.root_path) as db:
                value = str(Path(directory).absolute()) if directory is not None else ""
                db.table("settings").upsert({"mirror": value}, cond=lambda _doc: True)
            mirror_module.fill(self)

    def _mirror_write(self, path: Path, blob: bytes) -> None:
        mirror = self.mirror
        if mirror is not None:
            mirror_module.safe_copy(self, mirror, path, blob)

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
        return sorted(self.backups_dir.glob(backups_module.BACKUP_GLOB), reverse=True)

    def backup(self, *, kind: str = "manual", during_voting: bool = False) -> Path:
        """A zip of the data files, taken under the lock; the oldest manual ones beyond the rotation go.

        `kind` is "manual" (the admin's), "auto" (before a roster is replaced), or one never rotated away:
        "open" and "close" (voting) and "restore" (the state a restore replaces). A seal a crash
        interrupted is finished first; drafts and commit records are left out, so no backup links a code
        to answers. A manual backup while voting is open needs `during_voting` (InputError otherwise).
        Refused (InputError) when there is nothing to back up, and (StoreCorruptError naming the file)
        when a data file is damaged: such a backup could not be restored, and it would rotate a good one out.
        """
        if not self.root_path.exists():
            raise InputError("store.no_campaign", path=str(self.data_dir))
        with self.locked():
            for info in self.campaigns():
                campaign = self.campaign(info.id)  # opening a campaign finishes an interrupted seal
                if kind == "manual" and not during_voting and campaign.meeting.voting_state() == "open":
                    raise InputError("store_trust.backup_during_voting", campaign=info.name)
            files = backups_module.data_files(self.data_dir, ROOT_FILE, CAMPAIGNS_DIR)
            target = backups_module.write_backup(self.data_dir, self.backups_dir, files, kind)
            backups_module.rotate(self.backups(), BACKUPS_KEPT)
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
            except Exception:  # any unreadable backup is simply not the good one
                continue
        return None

    def restore(self, backup: Path, *, discard_sealed: int | None = None) -> RestoreOutcome:
        """Replace every data file by the backup's, after checking it whole, as one journaled step.

        Refused (InputError "store_trust.restore_drops", with the counts) when it would drop sealed
        ballots or a closing, unless `discard_sealed` repeats the number of ballots dropped. The current
        state is backed up first (a backup never rotated away); every restored campaign's audit log gets
        the counts before and after. A crash at any moment leaves the old or the new data; the next
        operation of any process finishes the restore and says so (`store.notices`).
        """
        members = check_backup(backup)
        with self.locked():
            return restore_journal.restore(self, backup, members, discard_sealed)

    def forget_cache(self) -> None:
        """Drop every cached parse and the terminal id (after files were replaced wholesale)."""
        self._cache.clear()
        root = self.read(self.root_path)
        self._terminal_id = str(single(root, "terminal").get("id", "")) if root is not None else ""

    def new_terminal_id(self) -> None:
        """Give this data directory a new random terminal id (a laptop that received a campaign)."""
        with self.locked(), self.edit(self.root_path) as db:
            db.table("terminal").upsert({"id": secrets.token_hex(8)}, cond=lambda _doc: True)
        self.forget_cache()


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


def open_store(data_dir: Path | str, *, lock_timeout: float = 5.0, mirror: Path | None = None) -> Store:
    """Open (creating if needed) the data directory `data_dir`.

    `lock_timeout` is how long any operation waits for another terminal's lock before raising
    `StoreLockedError`. A broken file raises `StoreCorruptError` naming it and the newest good backup.
    """
    return Store(Path(data_dir), lock_timeout=lock_timeout, mirror=mirror)
