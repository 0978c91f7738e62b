"""What a person sees: the plain text of the app's current screen, and the click actions it holds."""

from __future__ import annotations

import io

from rich.console import Console, RenderableType
from textual.app import App

MARKUP_NAMES = ("[@click=app.quit]市委办公室[/]", "[b]市财政局", "[/]市税务局", "[red]市教育局")
"""Unit names a hostile roster could carry: each must show literally, never as markup."""


def _update(app: App[object]) -> RenderableType:
    update = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    assert update is not None  # a full update always renders
    return update


def screen_text(app: App[object]) -> str:
    """Every character on the current screen (and the screens below it), one line per row."""
    width, height = app.size
    console = Console(width=width, height=height, file=io.StringIO(), record=True, legacy_windows=False)
    console.print(_update(app))
    return console.export_text()


def click_actions(app: App[object]) -> list[str]:
    """The `@click` actions on the rendered screen (data must never bring one)."""
    width, height = app.size
    console = Console(width=width, height=height, file=io.StringIO(), legacy_windows=False)
    actions: list[str] = []
    for segment in console.render(_update(app)):
        meta = segment.style.meta if segment.style else {}
        if meta.get("@click"):
            actions.append(str(meta["@click"]))
    return actions
