"""The home screen's 结果与导出 offers exports: `e` in the results mode writes one kind into a folder."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Select

from tests.tui.polish.kiosk import shows, until
from tests.tui.selfassess.conftest import Campaign, settle, sign_in
from tui.results.app import ResultsApp, ResultsScreen


async def test_e_on_the_results_screen_writes_an_export(campaign: Campaign, tmp_path: Path) -> None:
    app = ResultsApp(campaign.context, campaign.store)
    folder = tmp_path / "导出"
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, campaign.passphrase)
        await settle(pilot)
        assert isinstance(app.screen, ResultsScreen)
        keys = [active.binding.description for active in app.screen.active_bindings.values()]
        assert "导出" in keys, "the footer offers it"
        await pilot.press("e")
        await until(pilot, shows(pilot, "ExportDialog", "#export-dialog-write"), "the export dialog")
        app.screen.query_one("#export-dialog-kind", Select).value = "codebook"
        app.screen.query_one("#export-dialog-folder", Input).value = str(folder)
        app.screen.query_one("#export-dialog-folder", Input).focus()
        await pilot.press("enter")
        await until(pilot, lambda: any(folder.glob("codebook-*.csv")), "the file written")
        await until(
            pilot,
            lambda: "已导出" in str(app.screen.query_one("#export-dialog-message").render()),
            "the done message",
        )
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, ResultsScreen), "back to the results")
