"""Text is text in self-assess, review and results: unit, branch and group names and notes that look like
Textual markup show literally, and clicking them does nothing."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from textual.app import App
from textual.widgets import DataTable

from store.api import open_store
from tests.tui.screen_text import MARKUP_NAMES, click_actions, screen_text
from tests.tui.selfassess.conftest import UNITS, Campaign, fill_and_submit, settle, sign_in
from tui.context import AppContext
from tui.i18n import set_language

GROUP = "[red]第一联络组"
NAMES = {"U01": MARKUP_NAMES[0], "B011": MARKUP_NAMES[1], "B012": MARKUP_NAMES[2], "B021": MARKUP_NAMES[3]}
NOTE = "[@click=app.quit]已补训[/]"


@pytest.fixture
def markup_campaign(tmp_path: Path) -> Campaign:
    set_language("zh")
    data_dir = tmp_path / "data"
    store = open_store(data_dir).create_campaign(
        "[b]2026年度考核",
        2026,
        ["review_ballot", "star_branch", "duty_list", "supervision_visit"],
        rules_text="",
    )
    units = [
        replace(
            unit,
            name=NAMES.get(unit.id, unit.name),
            group=GROUP if unit.group == "第一联络组" else unit.group,
        )
        for unit in UNITS
    ]
    store.roster.import_units(units)
    unit_codes = store.codes.issue_unit_codes()
    group_codes = store.codes.issue_group_codes()
    store.meeting.set_passphrase("考评口令2026年度自评")
    store.meeting.open_voting("test")
    store.meeting.close_voting("test")
    return Campaign(store, AppContext(data_dir=data_dir, lang="zh"), unit_codes, group_codes)


def assert_literal(app: App[object], *names: str) -> None:
    shown = screen_text(app)
    for name in names:
        assert name in shown, f"{name!r} is not shown literally:\n{shown}"
    assert "app.quit" not in "".join(click_actions(app)), "data became a link"


async def test_self_assess_shows_markup_names_literally(markup_campaign: Campaign) -> None:
    from tui.selfassess.app import SelfAssessApp

    app = SelfAssessApp(markup_campaign.context, markup_campaign.store)
    async with app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, markup_campaign.unit_codes["U01"])
        await settle(pilot)
        assert_literal(app, NAMES["U01"])
        await pilot.click("Header")
        await settle(pilot)
        assert app.is_running


async def test_review_shows_markup_names_and_notes_literally(markup_campaign: Campaign) -> None:
    from tui.review.app import ReviewApp
    from tui.review.board import BoardScreen
    from tui.review.submission import SubmissionScreen

    store = markup_campaign.store
    fill_and_submit(store, "B011", "star_branch", submit=False)
    store.self_assessments.save_self_answer("B011", "star_branch", "secretary", 4, NOTE)
    store.self_assessments.submit_self("B011", "star_branch", actor="B011")
    app = ReviewApp(markup_campaign.context, store)
    async with app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, markup_campaign.group_codes[GROUP])
        board = app.screen
        assert isinstance(board, BoardScreen)
        assert_literal(app, NAMES["U01"], NAMES["B011"], NAMES["B012"], NAMES["B021"], GROUP)
        table = board.query_one("#sa-board", DataTable)
        table.move_cursor(row=table.get_row_index("B011|star_branch"))
        table.focus()
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, SubmissionScreen)
        assert_literal(app, NOTE[:14])
        assert app.is_running


async def test_results_show_markup_names_literally(markup_campaign: Campaign) -> None:
    from tui.results.app import ResultsApp, ResultsScreen

    for unit_id in ("B011", "B012", "B021"):
        fill_and_submit(markup_campaign.store, unit_id, "star_branch")
    app = ResultsApp(markup_campaign.context, markup_campaign.store)
    async with app.run_test(size=(160, 40)) as pilot:
        await sign_in(pilot, markup_campaign.passphrase)
        await settle(pilot)
        assert isinstance(app.screen, ResultsScreen)
        assert_literal(app, NAMES["B011"], NAMES["B012"], NAMES["B021"][:8])
        await pilot.press("tab")
        await settle(pilot)
        assert app.is_running
