"""Window titles do not repeat the unit's name (the header's sub-title already shows it)."""

from __future__ import annotations

from textual.widgets import Input

from tests.tui.selfassess.conftest import Campaign
from tui.selfassess.app import SelfAssessApp
from tui.selfassess.fill import FillScreen


async def test_the_fill_screen_title_names_the_form_and_the_unit_once(campaign: Campaign) -> None:
    app = SelfAssessApp(campaign.context, campaign.store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.screen.query_one("#code", Input).value = campaign.unit_codes["B011"]
        await pilot.press("enter")
        for _ in range(30):
            await app.workers.wait_for_complete()
            await pilot.pause()
            if isinstance(app.screen, FillScreen):
                break
        assert isinstance(app.screen, FillScreen)
        unit = app.screen.session.unit.name
        shown = f"{app.screen.title} — {app.screen.sub_title or app.sub_title}"
        assert shown.count(unit) == 1, shown


async def test_section_names_are_whole_at_120_columns(campaign: Campaign) -> None:
    from textual.widgets import OptionList

    from tui.linebreak import cell_width

    app = SelfAssessApp(campaign.context, campaign.store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.screen.query_one("#code", Input).value = campaign.unit_codes["B011"]
        await pilot.press("enter")
        for _ in range(30):
            await app.workers.wait_for_complete()
            await pilot.pause()
            if isinstance(app.screen, FillScreen):
                break
        sections = app.screen.query_one("#sa-sections", OptionList)
        await pilot.pause()
        prompts = [str(sections.get_option_at_index(i).prompt) for i in range(sections.option_count)]
        widest = max(cell_width(prompt) for prompt in prompts)
        assert widest <= sections.scrollable_content_region.width - 2, (widest, sections.size, prompts)


async def test_the_review_board_title_names_the_group_once(campaign: Campaign) -> None:
    from tui.review.app import ReviewApp

    app = ReviewApp(campaign.context, campaign.store)
    group = next(iter(campaign.group_codes))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.screen.query_one("#code", Input).value = campaign.group_codes[group]
        await pilot.press("enter")
        for _ in range(30):
            await app.workers.wait_for_complete()
            await pilot.pause()
            if type(app.screen).__name__ == "BoardScreen":
                break
        shown = f"{app.screen.title} — {app.sub_title}"
        assert shown.count(group) == 1, shown
