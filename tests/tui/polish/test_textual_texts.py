"""No English from Textual itself in a Chinese screen: the command palette is off in every mode."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Footer

from tests.tui.meeting.conftest import Meeting
from tests.tui.meeting.drive import wait_for_screen
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


def test_every_mode_turns_the_palette_off() -> None:
    import importlib
    import inspect

    from textual.app import App

    from tui.base import KaopingApp

    apps: list[type[App[object]]] = []
    for name in ("tui.home", "tui.meeting.app", "tui.review.app", "tui.results.app", "tui.selfassess.app"):
        module = importlib.import_module(name)
        apps += [
            cls
            for _, cls in inspect.getmembers(module, inspect.isclass)
            if issubclass(cls, App) and cls.__module__ == name
        ]
    assert len(apps) == 5, apps
    for app in apps:
        assert issubclass(app, KaopingApp) and app.ENABLE_COMMAND_PALETTE is False, app


async def test_the_kiosk_offers_no_palette(small_meeting: Meeting) -> None:
    app = small_meeting.app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_screen(pilot, "WelcomeScreen")
        keys = [str(active.binding.description) for active in app.screen.active_bindings.values()]
        assert not any("palette" in key.lower() for key in keys), keys
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert type(app.screen).__name__ == "WelcomeScreen"
        app.wait_for_saves()
