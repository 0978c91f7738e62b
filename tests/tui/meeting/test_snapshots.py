"""A few snapshots of the evaluator's screens, with Chinese text, at 80x24 and 120x40."""

from __future__ import annotations

import pytest
from textual.pilot import Pilot

from tests.snapshot_type import SnapCompare
from tests.tui.meeting.conftest import Meeting
from tests.tui.meeting.drive import rate_all, settle, type_code, wait_for_screen

SIZES = [(80, 24), (120, 40)]


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_welcome_screen(snap_compare: SnapCompare, full_meeting: Meeting, size: tuple[int, int]) -> None:
    async def ready(pilot: Pilot[object]) -> None:
        await settle(pilot)

    assert snap_compare(full_meeting.app(), terminal_size=size, run_before=ready)


async def _grid_with_some_rows_rated(pilot: Pilot[object], code: str, contrast: bool = False) -> None:
    """Ten units rated (three 好: the tally shows 3 / 19), the eleventh unit's 五力 lines open."""
    await settle(pilot)
    await type_code(pilot, code)
    await pilot.press("enter")
    await wait_for_screen(pilot, "GridScreen")
    await pilot.press(*"1234123412", "d", "1", "2")
    if contrast:
        await pilot.press("h")
    await settle(pilot)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_grid_screen(snap_compare: SnapCompare, full_meeting: Meeting, size: tuple[int, int]) -> None:
    code = full_meeting.codes["members"][0]

    async def rated(pilot: Pilot[object]) -> None:
        await _grid_with_some_rows_rated(pilot, code)

    assert snap_compare(full_meeting.app(), terminal_size=size, run_before=rated)


def test_grid_screen_high_contrast(snap_compare: SnapCompare, full_meeting: Meeting) -> None:
    code = full_meeting.codes["members"][0]

    async def contrast(pilot: Pilot[object]) -> None:
        await _grid_with_some_rows_rated(pilot, code, contrast=True)

    assert snap_compare(full_meeting.app(), terminal_size=(80, 24), run_before=contrast)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
def test_review_screen(snap_compare: SnapCompare, small_meeting: Meeting, size: tuple[int, int]) -> None:
    code = small_meeting.codes["members"][0]

    async def on_review(pilot: Pilot[object]) -> None:
        await settle(pilot)
        await type_code(pilot, code)
        await rate_all(pilot, "1")
        await settle(pilot)

    assert snap_compare(small_meeting.app(), terminal_size=size, run_before=on_review)
