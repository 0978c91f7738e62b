"""A scrolling column that never takes the focus itself, so Tab moves straight between fields."""

from __future__ import annotations

from textual.containers import VerticalScroll


class Panel(VerticalScroll, can_focus=False):
    """A VerticalScroll that scrolls to the focused field but is not a Tab stop of its own."""
