"""The home screen that `kaoping` opens with no command."""

from __future__ import annotations

from tui.context import AppContext


def run_home(context: AppContext) -> None:
    """Open the home screen; filled in with the store."""
    raise NotImplementedError
