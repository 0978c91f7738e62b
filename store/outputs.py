"""Where kaoping may write a file for people: never inside the data directory it guards."""

from __future__ import annotations

import os
from pathlib import Path

from forms.errors import InputError


def _real(path: Path) -> Path:
    """`path` with every symlink of its existing part resolved (the file itself need not exist yet)."""
    return Path(os.path.realpath(path.expanduser().absolute()))


def refuse_inside_data(data_dir: Path, path: Path) -> None:
    """Refuse (exit 2) an output path inside `data_dir`, symlinks resolved: an export written over a
    ballot file would destroy sealed ballots, and a copy beside them would be backed up and mirrored."""
    data = _real(data_dir)
    target = _real(path)
    if target == data or data in target.parents:
        raise InputError("trust.output_inside_data", path=str(path), data=str(data_dir))
