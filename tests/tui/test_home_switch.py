"""Issue 14, why 10: switching campaigns from the home screen."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from store.api import open_store
from tui.campaign_picker import CampaignPicker
from tui.context import AppContext
from tui.home import HomeApp


async def test_the_home_screen_switches_to_another_campaign(tmp_path: Path) -> None:
    store = open_store(tmp_path / "data")
    older = store.create_campaign("2026年度市直机关党建考核", 2026, ["review_ballot"], rules_text="")
    store.create_campaign("2027年度市直机关党建考核", 2027, ["review_ballot"], rules_text="")
    app = HomeApp(AppContext(data_dir=tmp_path / "data"))
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "2027" in str(app.query_one("#home-campaign", Static).render())
        await pilot.press("c")
        for _ in range(50):
            await app.workers.wait_for_complete()
            await pilot.pause()
            if isinstance(app.screen, CampaignPicker):
                break
        assert isinstance(app.screen, CampaignPicker)
        await pilot.press("up", "enter")
        for _ in range(50):
            await app.workers.wait_for_complete()
            await pilot.pause()
            if "2026" in str(app.query_one("#home-campaign", Static).render()):
                break
        assert "2026年度" in str(app.query_one("#home-campaign", Static).render())
        assert app.context.campaign_id == older.id
