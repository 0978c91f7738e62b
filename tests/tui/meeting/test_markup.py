"""Text is text in the kiosk: unit, group, secretary, brand and campaign names that look like Textual
markup show literally on every screen an evaluator or the admin sees, and clicking them does nothing."""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

from textual.app import App

from store.api import Brand, open_store
from store.demo import demo_units
from tests.tui.meeting.conftest import PASSPHRASE, Meeting
from tests.tui.meeting.drive import settle, type_code, wait_for_screen
from tests.tui.screen_text import MARKUP_NAMES, click_actions, screen_text

CAMPAIGN = "[b]2026年度考核[/b]"
GROUP = "[red]第一联络组"
SECRETARY = "[@click=app.quit]张三[/]"
BRANDS = ("[@click=app.quit]阳光政务[/]", "[b]惠企直通车", "[/]便民办税", "[red]红色先锋")


def markup_meeting(data_dir: Path) -> Meeting:
    store = open_store(data_dir)
    campaign = store.create_campaign(CAMPAIGN, 2026, ["review_ballot", "brand_vote"])
    tops = [unit for unit in demo_units(random.Random(2026)) if unit.parent_id is None][:4]
    units = [
        replace(unit, name=name, group=GROUP, secretary=SECRETARY)
        for unit, name in zip(tops, MARKUP_NAMES, strict=True)
    ]
    campaign.roster.import_units(units)
    campaign.roster.import_brands([Brand(f"B{n:03d}", name, tops[n].id) for n, name in enumerate(BRANDS)])
    codes = {group: campaign.codes.issue_codes(group, 4) for group in ("leaders", "members")}
    campaign.meeting.set_passphrase(PASSPHRASE)
    campaign.meeting.open_voting("test")
    return Meeting(data_dir, store, campaign, codes, PASSPHRASE)


def assert_literal(app: App[object], *names: str) -> None:
    shown = screen_text(app)
    for name in names:
        assert name in shown, f"{name!r} is not shown literally:\n{shown}"
    assert "app.quit" not in "".join(click_actions(app)), "data became a link"


async def test_unit_pages_and_the_review_show_markup_names_literally(tmp_path: Path) -> None:
    meeting = markup_meeting(tmp_path / "data")
    app = meeting.app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_screen(pilot, "WelcomeScreen")
        await settle(pilot)
        assert_literal(app, CAMPAIGN)
        await type_code(pilot, meeting.codes["members"][0])
        await wait_for_screen(pilot, "InstructionScreen")
        await pilot.press("enter")
        await wait_for_screen(pilot, "GridScreen")
        await settle(pilot)
        assert_literal(app, *MARKUP_NAMES, SECRETARY[:9])
        await pilot.click("#grid")
        await settle(pilot)
        assert app.is_running and app.return_code is None
        # One 好 at most (30% of four units), and not all the same: a valid ballot.
        await pilot.press(*"2341"[: len(MARKUP_NAMES)])
        await settle(pilot)
        await pilot.press("r")
        await wait_for_screen(pilot, "ReviewScreen")
        await settle(pilot)
        assert_literal(app, *(name[:8] for name in MARKUP_NAMES))
        await pilot.press("escape")
        await settle(pilot)
        if type(app.screen).__name__ == "JumpScreen":
            assert_literal(app, *(name[:8] for name in MARKUP_NAMES))


async def test_the_brand_vote_shows_markup_brand_names_literally(tmp_path: Path) -> None:
    meeting = markup_meeting(tmp_path / "data")
    app = meeting.app(mode="brands")
    async with app.run_test(size=(120, 40)) as pilot:
        await type_code(pilot, meeting.codes["leaders"][0])
        await wait_for_screen(pilot, "InstructionScreen")
        await pilot.press("enter")
        await wait_for_screen(pilot, "BrandScreen")
        await settle(pilot)
        assert_literal(app, *(name[:8] for name in BRANDS))
        await pilot.press("enter")
        await settle(pilot)
        assert_literal(app, BRANDS[0])
        assert app.is_running
