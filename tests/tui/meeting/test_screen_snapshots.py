"""Snapshots of the staff's and the other modes' screens: the admin panel (F12), the brand vote, paper entry."""

from __future__ import annotations

from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Select

from tests.tui.meeting.conftest import Meeting
from tests.tui.meeting.drive import settle, type_code, wait_for_screen

SIZES = [(80, 24), (120, 40)]
IDS = ["80x24", "120x40"]


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_admin_panel(snap_compare: Any, small_meeting: Meeting, size: tuple[int, int]) -> None:
    """F12, the passphrase, then the voting tab: state, who voted by group, the actions."""

    async def admin(pilot: Pilot[object]) -> None:
        await wait_for_screen(pilot, "WelcomeScreen")
        await settle(pilot)
        await pilot.press("f12")
        await wait_for_screen(pilot, "PassphraseScreen")
        pilot.app.screen.query_one("#passphrase", Input).value = small_meeting.passphrase
        await pilot.press("enter")
        await wait_for_screen(pilot, "AdminScreen")
        await settle(pilot)

    assert snap_compare(small_meeting.app(), terminal_size=size, run_before=admin)


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_brand_vote(snap_compare: Any, small_meeting: Meeting, size: tuple[int, int]) -> None:
    """The brand list filtered by pinyin initials, with two brands picked."""
    code = small_meeting.codes["members"][0]

    async def brands(pilot: Pilot[object]) -> None:
        await type_code(pilot, code)
        await wait_for_screen(pilot, "InstructionScreen")
        await pilot.press("enter")
        await wait_for_screen(pilot, "BrandScreen")
        await settle(pilot)
        await pilot.press("enter", "down", "enter")
        await pilot.press(*"hs")
        await settle(pilot)

    assert snap_compare(small_meeting.app(mode="brands"), terminal_size=size, run_before=brands)


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_paper_entry(snap_compare: Any, small_meeting: Meeting, size: tuple[int, int]) -> None:
    """Paper entry with double entry: the group chosen, two rows typed by the first person."""
    small_meeting.campaign.ballots.issue_paper_slips("members", 2)

    async def paper(pilot: Pilot[object]) -> None:
        await wait_for_screen(pilot, "PaperScreen")
        await settle(pilot)
        pilot.app.screen.query_one("#paper-group", Select).value = "members"
        await settle(pilot)
        await pilot.press(*"123412", *"234123")
        await settle(pilot)

    app = small_meeting.app(mode="paper", double_entry=True)
    assert snap_compare(app, terminal_size=size, run_before=paper)
