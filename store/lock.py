"""The data directory's cross-process lock (fcntl on a separate lock file), re-entrant within a process."""

from __future__ import annotations

import fcntl
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import StoreLockedError, StoreWriteError


class DirectoryLock:
    """An exclusive lock on `<data>/.kaoping.lock`, shared by every thread of one `Store`.

    Other processes wait up to `timeout` seconds, then get a `StoreLockedError` instead of hanging.
    Nested use in one thread is free; other threads of this process wait on the inner mutex first.
    """

    POLL_SECONDS = 0.02

    def __init__(self, path: Path, timeout: float) -> None:
        self.path = path
        self.timeout = timeout
        self._mutex = threading.RLock()
        self._depth = 0
        self._fd: int | None = None

    @contextmanager
    def held(self) -> Iterator[None]:
        """Hold the lock for the duration of the block."""
        if not self._mutex.acquire(timeout=self.timeout):
            raise StoreLockedError(self.path, self.timeout)
        try:
            if self._depth == 0:
                self._acquire_file()
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
                if self._depth == 0:
                    self._release_file()
        finally:
            self._mutex.release()

    def _acquire_file(self) -> None:
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as error:
            raise StoreWriteError(self.path, error) from error
        deadline = time.monotonic() + self.timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    os.close(fd)
                    raise StoreLockedError(self.path, self.timeout) from None
                time.sleep(self.POLL_SECONDS)
        self._fd = fd

    def _release_file(self) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None
