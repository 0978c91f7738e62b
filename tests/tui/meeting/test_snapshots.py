"""A few snapshots of the evaluator's screens, with Chinese text, at 80x24 and 120x40."""

from __future__ import annotations

import pytest
from textual.pilot import Pilot

from tests.tui.meeting.conftest import Meeting
from tests.tui.meeting.drive import rate_all, settle, type_code, wait_for_screen

SIZES = [(80, 24), (120, 40)]


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_welcome_screen(snap_compare, full_meeting: Meeting, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    async def ready(pilot: Pilot[object]) -> None:
        await settle(pilot)

    assert snap_compare(full_meeting.app(), terminal_size=size, run_before=ready)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_unit_screen(snap_compare, full_meeting: Meeting, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    code = full_meeting.codes["members"][0]

    async def on_second_unit(pilot: Pilot[object]) -> None:
        await settle(pilot)
        await type_code(pilot, code)
        await pilot.press("enter")
        await wait_for_screen(pilot, "UnitScreen")
        await pilot.press(*"123412", "pagedown")
        await wait_for_screen(pilot, "UnitScreen")
        await pilot.press("2", "3")
        await settle(pilot)

    assert snap_compare(full_meeting.app(), terminal_size=size, run_before=on_second_unit)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_review_screen(snap_compare, small_meeting: Meeting, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    code = small_meeting.codes["members"][0]

    async def on_review(pilot: Pilot[object]) -> None:
        await settle(pilot)
        await type_code(pilot, code)
        await rate_all(pilot, ["123412", "1", "341234", "412341"], 4)
        await settle(pilot)

    assert snap_compare(small_meeting.app(), terminal_size=size, run_before=on_review)
