"""Two snapshots of the fill-in screen with Chinese text at 80x24: a refusal beside its field, and the branch board."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import Input

from tests.snapshot_type import SnapCompare
from tests.tui.selfassess.conftest import Campaign, fill_and_submit, settle, sign_in
from tui.review.app import ReviewApp
from tui.selfassess.app import SelfAssessApp


def test_fill_screen_with_a_refused_score(snap_compare: SnapCompare, campaign: Campaign) -> None:
    code = campaign.unit_codes["B011"]

    async def refused(pilot: Pilot[object]) -> None:
        await sign_in(pilot, code)
        await pilot.press("5")  # below full marks, no note yet: saved, marked unfinished beside the field
        await settle(pilot)
        for field in pilot.app.screen.query(Input):
            field.cursor_blink = False
        await settle(pilot)

    assert snap_compare(
        SelfAssessApp(campaign.context, campaign.store), terminal_size=(80, 24), run_before=refused
    )


def test_review_board(snap_compare: SnapCompare, campaign: Campaign) -> None:
    fill_and_submit(campaign.store, "B011", "star_branch")
    fill_and_submit(campaign.store, "B012", "star_branch", submit=False)
    code = campaign.group_codes["第一联络组"]

    async def board(pilot: Pilot[object]) -> None:
        await sign_in(pilot, code)
        await settle(pilot)

    assert snap_compare(ReviewApp(campaign.context, campaign.store), terminal_size=(80, 24), run_before=board)
