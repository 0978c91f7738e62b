"""Checks before a command starts: a terminal for the full-screen apps, a usable data directory."""

from __future__ import annotations

import sys
from pathlib import Path

from forms.errors import InputError


def has_terminal() -> bool:
    """True when keys come from a terminal and the screen (Textual draws on stderr) goes to one."""
    streams = (sys.stdin, sys.stdout, sys.__stderr__)
    return all(stream is not None and stream.isatty() for stream in streams)


def require_terminal(command: str) -> None:
    """Refuse (exit 2, one sentence) to start a full-screen app without a terminal: it would hang."""
    if not has_terminal():
        raise InputError("polish.no_terminal", command=command)


def check_data_dir(path: Path) -> None:
    """Refuse a data directory that cannot be one, in our words rather than the OS's (exit 2).

    Only what is already on disk is looked at: a missing directory is created later by the store.
    """
    for part in (path, *path.parents):
        if part.exists() or part.is_symlink():
            if not part.is_dir():
                raise InputError("polish.data.not_dir", path=str(path), part=str(part))
            return
