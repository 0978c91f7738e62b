"""No English from Textual itself in a Chinese screen: the command palette is off in every mode."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Footer

from tui.context import AppContext
from tui.home import HomeApp


async def test_the_home_footer_offers_no_palette(tmp_path: Path) -> None:
    app = HomeApp(AppContext(data_dir=tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        keys = [active.binding.description for active in app.screen.active_bindings.values()]
        footer = app.screen.query_one(Footer)
        assert footer is not None
        assert not any("palette" in str(key).lower() for key in keys), keys
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert type(app.screen).__name__ != "CommandPalette"
