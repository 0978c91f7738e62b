"""The 十佳 run-off end to end: a tie at place 10 in the sealed vote, a run-off round through the meeting
terminal's backend limited to the tied brands, and results that then list the decided ten."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from exports.results import campaign_results
from exports.runoff import runoff_spec
from forms.errors import InputError
from store.api import Brand, CampaignStore, Unit, open_store
from tui.cli import cli
from tui.meeting.backend import MeetingBackend
from tui.meeting.model import BallotDraft

BRANDS = [f"B{n:02d}" for n in range(1, 14)]


PASSPHRASE = "十佳加票口令-2026"


def _tied_vote(data_dir: Path) -> CampaignStore:
    """B01..B08 picked by both evaluators (2 votes each), B09, B10, B11 by one each: 8 places are sure
    and three brands tie at 1 vote for the two places left."""
    store = open_store(data_dir)
    campaign = store.create_campaign("2026年度考核", 2026, ["review_ballot", "brand_vote"])
    campaign.roster.import_units(
        [Unit(id="001", name="市财政局", org_name="", kind="", group="第一联络组", order=1)]
    )
    campaign.roster.import_brands([Brand(brand, f"服务品牌{brand}", "001") for brand in BRANDS])
    group = campaign.info.rater_groups[0]
    codes = campaign.codes.issue_codes(group, 8)
    campaign.meeting.open_voting("admin")
    sure = BRANDS[:8]
    campaign.ballots.seal_ballot(codes[0], "brand_vote", {"*": {"brands": [*sure, "B09", "B10"]}})
    campaign.ballots.seal_ballot(codes[1], "brand_vote", {"*": {"brands": [*sure]}})
    campaign.ballots.seal_ballot(codes[2], "brand_vote", {"*": {"brands": ["B11"]}})
    campaign.ballots.seal_ballot(codes[3], "brand_vote", {"*": {"brands": ["B01"]}})
    campaign.meeting.set_passphrase(PASSPHRASE)
    closing = campaign.meeting.close_voting("admin")  # the vote is counted; the run-off is a new session
    campaign.meeting.reopen_voting("admin", PASSPHRASE, "十佳加票", closing.count)
    return campaign


def test_a_tie_at_place_ten_then_a_run_off_through_the_terminal_decides_it(tmp_path: Path) -> None:
    campaign = _tied_vote(tmp_path / "data")
    # votes: B01 3, B02..B08 2, B09 B10 B11 1 -> 8 sure, three tied for 2 places
    before = campaign_results(campaign)
    assert [tally.brand_id for tally in before.brands if tally.top_ten] == BRANDS[:8]
    assert [tally.brand_id for tally in before.brands if tally.status == "runoff"] == ["B09", "B10", "B11"]
    spec = runoff_spec(campaign, 1)
    assert (spec.brands, spec.places) == (("B09", "B10", "B11"), 2)
    backend = MeetingBackend(campaign, "zh", vote=True, runoff_round=1)
    assert [brand.id for brand in backend.brands()] == ["B09", "B10", "B11"]
    assert backend.brand_max_picks == 2 and "第 1 轮加票" in backend.meeting_name
    codes = campaign.codes.issue_codes(campaign.info.rater_groups[0], 3)
    # run-off: B10 and B11 picked twice, B09 once -> B10 and B11 take the two places
    for code, picks in zip(codes, (["B10", "B11"], ["B11", "B10"], ["B09"]), strict=True):
        draft = BallotDraft(code, campaign.info.rater_groups[0], {"*": {"brands": picks}})
        backend.seal(draft)
    after = campaign_results(campaign)
    top = [tally.brand_id for tally in after.brands if tally.top_ten]
    assert sorted(top) == sorted([*BRANDS[:8], "B10", "B11"]) and len(top) == 10
    assert not [tally for tally in after.brands if tally.status == "runoff"]
    # the ordinary tally is unchanged by the run-off ballots
    votes = {tally.brand_id: tally.votes for tally in after.brands}
    assert (votes["B09"], votes["B10"], votes["B11"]) == (1, 1, 1)
    assert {tally.brand_id: tally.runoff_votes for tally in after.brands}["B10"] == 2
    with pytest.raises(InputError):
        runoff_spec(campaign, 2)  # nothing left to decide


def test_no_run_off_before_the_vote_was_closed(tmp_path: Path) -> None:
    store = open_store(tmp_path / "data")
    campaign = store.create_campaign("2026年度考核", 2026, ["review_ballot", "brand_vote"])
    with pytest.raises(InputError) as refused:
        runoff_spec(campaign, 1)
    assert refused.value.key == "results.runoff.not_closed"


def test_runoff_needs_the_brand_vote(tmp_path: Path) -> None:
    _tied_vote(tmp_path / "data")
    done = CliRunner().invoke(cli, ["--data", str(tmp_path / "data"), "meeting", "--runoff"])
    assert done.exit_code == 2 and "加票需与 --vote brands 一起使用" in done.output


async def test_the_kiosk_run_off_offers_only_the_tied_brands(tmp_path: Path) -> None:
    from textual.widgets import OptionList

    from tests.tui.meeting.conftest import _fixed_campaign
    from tests.tui.meeting.drive import message, settle, type_code, wait_for_screen

    meeting = _fixed_campaign(tmp_path / "data", 4, open_voting=True)
    campaign = meeting.campaign
    sure = [f"B{n:03d}" for n in range(1, 9)]
    # B001..B008 2 votes each; B009, B010, B011 1 vote each: three tied for the two places left
    campaign.ballots.seal_ballot(
        meeting.codes["leaders"][0], "brand_vote", {"*": {"brands": [*sure, "B009", "B010"]}}
    )
    campaign.ballots.seal_ballot(
        meeting.codes["leaders"][1], "brand_vote", {"*": {"brands": [*sure, "B011"]}}
    )
    closing = campaign.meeting.close_voting("test")
    campaign.meeting.reopen_voting("test", meeting.passphrase, "十佳加票", closing.count)
    app = meeting.app(mode="brands", runoff_round=1)
    async with app.run_test(size=(120, 40)) as pilot:
        await type_code(pilot, meeting.codes["members"][0])
        await wait_for_screen(pilot, "InstructionScreen")
        await pilot.press("enter")
        await wait_for_screen(pilot, "BrandScreen")
        await settle(pilot)
        options = app.screen.query_one("#brands-list", OptionList)
        assert options.option_count == 3  # only the tied brands
        for _ in range(3):
            await pilot.press("enter", "down")  # the third pick is refused: two places left
        await settle(pilot)
        assert "已选 2 / 2" in message(app, "#brands-picked-title")
        await pilot.press("f2")
        await wait_for_screen(pilot, "ConfirmSeal")
        await pilot.press("y")
        await wait_for_screen(pilot, "ThanksScreen")
    results = campaign_results(meeting.reopen())
    top = sorted(tally.brand_id for tally in results.brands if tally.top_ten)
    assert top == [*sure, "B009", "B010"]
