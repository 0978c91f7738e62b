"""A screen's width and height breakpoint classes, given before its children mount (one restyle fewer)."""

from __future__ import annotations

from typing import Any

from textual.screen import Screen


def breakpoint_classes(breakpoints: list[tuple[int, str]], dimension: int) -> set[str]:
    """The class of the largest breakpoint `dimension` reaches, as Textual picks it (none below all)."""
    for threshold, name in sorted(breakpoints, reverse=True):
        if dimension >= threshold:
            return {name}
    return set()


def preset_breakpoints(screen: Screen[Any]) -> None:
    """Give `screen` now the `-narrow` / `-wide` classes Textual gives it on its first resize.

    Textual sets them once the screen has its size, after every child is mounted and styled; a class
    that changes then restyles the whole tree once more (a third of the time a 60-item form took to
    open). Called at the top of `compose`, while the screen has no children yet, that first resize
    finds the classes already right and restyles nothing.
    """
    app = screen.app
    horizontal = (
        app.HORIZONTAL_BREAKPOINTS if screen.HORIZONTAL_BREAKPOINTS is None else screen.HORIZONTAL_BREAKPOINTS
    ) or []
    vertical = (
        app.VERTICAL_BREAKPOINTS if screen.VERTICAL_BREAKPOINTS is None else screen.VERTICAL_BREAKPOINTS
    ) or []
    if not horizontal and not vertical:
        return
    width, height = app.size
    wanted = breakpoint_classes(horizontal, width) | breakpoint_classes(vertical, height)
    screen.update_classes({name: name in wanted for _, name in [*horizontal, *vertical]}, animate=False)
