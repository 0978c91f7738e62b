"""The settings every command and app shares: data directory, language and chosen campaign."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


def default_data_dir() -> Path:
    """The per-user data directory (XDG on Linux, the usual places elsewhere)."""
    if os.name == "nt":
        base = Path(os.environ.get("APPDATA", Path.home() / "AppData" / "Roaming"))
    elif os.uname().sysname == "Darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "kaoping"


@dataclass(frozen=True)
class AppContext:
    """What `kaoping --data DIR --lang zh|en --campaign ID` fixed for this run."""

    data_dir: Path
    lang: str = "zh"
    campaign_id: str | None = None
