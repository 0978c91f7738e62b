"""The home screen: the demo offer on an empty data directory, the campaign summary, choosing a mode."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from textual.widgets import Button, OptionList, Static

from store.api import open_store
from store.demo import DemoResult
from tui import cli as cli_module
from tui.context import AppContext
from tui.home import HomeApp


async def test_empty_directory_offers_the_demo_and_creates_it(data_dir: Path) -> None:
    app = HomeApp(AppContext(data_dir=data_dir))
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.query_one("#home-demo", Button).display
        assert not app.query_one("#home-modes", OptionList).display
        assert "还没有考核活动" in str(app.query_one("#home-campaign", Static).render())
        await pilot.click("#home-demo")
        for _ in range(100):
            await app.workers.wait_for_complete()
            await pilot.pause(0.05)
            if app.query_one("#home-modes", OptionList).display:
                break
        assert app.query_one("#home-modes", OptionList).display
        assert "演示" in str(app.query_one("#home-campaign", Static).render())
    assert open_store(data_dir).campaign().info.demo


async def test_campaign_summary_and_mode_choice(demo_data: tuple[Path, DemoResult]) -> None:
    app = HomeApp(AppContext(data_dir=demo_data[0], lang="en"))
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        summary = str(app.query_one("#home-campaign", Static).render())
        assert "voting not open" in summary
        assert "66 reporting units" in summary
        assert not app.query_one("#home-demo", Button).display
        await pilot.press("down", "enter")
    assert app.return_value == "selfassess"


def test_kaoping_without_a_command_opens_home(monkeypatch: pytest.MonkeyPatch, data_dir: Path) -> None:
    opened: list[AppContext] = []
    monkeypatch.setattr("tui.home.run_home", opened.append)
    result = CliRunner().invoke(cli_module.cli, ["--data", str(data_dir), "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert opened == [AppContext(data_dir=data_dir, lang="en", campaign_id=None)]


async def test_a_screen_resumes_the_garbage_collector_paused_for_start_up(data_dir: Path) -> None:
    import gc

    gc.disable()  # as tui.cli.main leaves it for a full-screen command
    try:
        app = HomeApp(AppContext(data_dir=data_dir))
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            assert gc.isenabled()
    finally:
        gc.enable()
