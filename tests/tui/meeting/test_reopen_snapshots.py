"""Snapshots of the reopen dialog over the closed admin panel, at 80x24 and 120x40."""

from __future__ import annotations

import pytest
from textual.pilot import Pilot
from textual.widgets import Button

from tests.snapshot_type import SnapCompare
from tests.tui.meeting.conftest import Meeting
from tests.tui.meeting.drive import settle, wait_for_screen
from tests.tui.meeting.test_kiosk_and_admin import _open_admin

SIZES = [(80, 24), (120, 40)]


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_reopen_dialog(snap_compare: SnapCompare, small_meeting: Meeting, size: tuple[int, int]) -> None:
    small_meeting.campaign.meeting.close_voting("test")  # no ballots: the digest is the empty one, stable

    async def on_dialog(pilot: Pilot[object]) -> None:
        await settle(pilot)
        await _open_admin(pilot, small_meeting)
        pilot.app.screen.query_one("#reopen-voting", Button).press()
        await wait_for_screen(pilot, "ReopenDialog")
        await settle(pilot)

    assert snap_compare(small_meeting.app(), terminal_size=size, run_before=on_dialog)
