"""The data directory's cross-process lock: flock on the directory itself, re-entrant within a process."""

from __future__ import annotations

import fcntl
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import StoreLockedError, StoreReadError


class DirectoryLock:
    """An exclusive lock on the data directory, shared by every thread of one `Store`.

    The lock is taken on the directory's own file descriptor, not on a lock file: a lock file can be
    deleted or replaced while a process holds it, and the next process would then lock the new file and
    write beside the first. A directory cannot be swapped underneath an open descriptor without a
    rename, and that is caught: after locking, the path must still name the locked directory, or the
    lock is dropped and taken again. Needs no write access, so a read-only copy can be verified.

    Other processes wait up to `timeout` seconds, then get a `StoreLockedError` instead of hanging.
    Nested use in one thread is free; other threads of this process wait on the inner mutex first.
    """

    POLL_SECONDS = 0.02

    def __init__(self, path: Path, timeout: float) -> None:
        self.path = path
        self.timeout = timeout
        self._mutex = threading.RLock()
        self._depth = 0
        self._owner: int | None = None  # the thread holding it, while held
        self._fd: int | None = None

    def held_by_this_thread(self) -> bool:
        """Whether the calling thread holds the lock now (a nested hold needs no checks)."""
        return self._owner == threading.get_ident()

    @property
    def depth(self) -> int:
        """How deeply the current holder has entered the lock (1 = just taken from outside)."""
        return self._depth

    @contextmanager
    def held(self) -> Iterator[None]:
        """Hold the lock for the duration of the block."""
        if not self._mutex.acquire(timeout=self.timeout):
            raise StoreLockedError(self.path, self.timeout)
        try:
            if self._depth == 0:
                self._acquire_file()
            with self._deeper():
                yield
        finally:
            self._mutex.release()

    @contextmanager
    def held_if_free(self) -> Iterator[bool]:
        """Hold the lock for the block if nobody holds it now (this thread's own holds count as free);
        yields whether it is held. Never waits: a caller that must not block tries later or elsewhere."""
        if not self._mutex.acquire(blocking=False):
            yield False
            return
        try:
            if self._depth == 0 and not self._try_acquire_file():
                yield False
                return
            with self._deeper():
                yield True
        finally:
            self._mutex.release()

    @contextmanager
    def _deeper(self) -> Iterator[None]:
        """One level of a hold whose mutex and file lock are taken; the last level out drops the file lock."""
        if self._depth == 0:
            self._owner = threading.get_ident()
        self._depth += 1
        try:
            yield
        finally:
            self._depth -= 1
            if self._depth == 0:
                self._owner = None
                self._release_file()

    def _try_acquire_file(self) -> bool:
        fd = self._open()
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            return False
        if not self._still_named(fd):
            os.close(fd)  # the directory was swapped: the waiting path (`held`) takes the new one
            return False
        self._fd = fd
        return True

    def _open(self) -> int:
        try:
            return os.open(self.path, os.O_RDONLY | os.O_DIRECTORY)
        except OSError as error:
            raise StoreReadError(self.path, error) from error

    def _still_named(self, fd: int) -> bool:
        """Whether the path still names the directory `fd` locked (not renamed away and replaced)."""
        try:
            named = os.stat(self.path)
        except OSError:
            return False
        held = os.fstat(fd)
        return (named.st_dev, named.st_ino) == (held.st_dev, held.st_ino)

    def _acquire_file(self) -> None:
        deadline = time.monotonic() + self.timeout
        fd = self._open()
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    os.close(fd)
                    raise StoreLockedError(self.path, self.timeout) from None
                time.sleep(self.POLL_SECONDS)
                continue
            if self._still_named(fd):
                break
            os.close(fd)  # the directory was swapped while we waited: lock the one the path names now
            fd = self._open()
        self._fd = fd

    def _release_file(self) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None
