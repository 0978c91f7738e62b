"""Sealing follows the campaign's 五力 `dimensions` mode: optional or off dimensions never hold a ballot back."""

from __future__ import annotations

from pathlib import Path

import pytest

from forms.errors import InputError
from store.api import CampaignStore, open_store
from store.formsource import default_rules_text
from store.records import AnswerValue
from tests.store.store_helpers import SMALL_UNITS


def _campaign(data_dir: Path, mode: str) -> CampaignStore:
    rules = default_rules_text().replace('dimensions = "optional"', f'dimensions = "{mode}"')
    campaign = open_store(data_dir).create_campaign("2026年度测试考核", 2026, ["review_ballot"], rules)
    campaign.roster.import_units(SMALL_UNITS)
    campaign.meeting.set_passphrase("口令123456-考评")
    campaign.meeting.open_voting("admin")
    return campaign


def _overall_only(campaign: CampaignStore) -> dict[str, dict[str, AnswerValue]]:

    levels = ["good", "fairly_good", "average", "poor"]
    return {
        unit.id: {"overall": levels[1 + index % 3]}
        for index, unit in enumerate(campaign.roster.meeting_units())
    }


@pytest.mark.parametrize("mode", ["optional", "off"])
def test_a_ballot_without_dimensions_seals_when_they_are_not_required(tmp_path: Path, mode: str) -> None:
    campaign = _campaign(tmp_path / "data", mode)
    assert campaign.rules().dimensions == mode
    code = campaign.codes.issue_codes("members", 1)[0]
    campaign.ballots.seal_ballot(code, "review_ballot", _overall_only(campaign))
    (ballot,) = campaign.ballots.sealed_ballots("review_ballot")
    assert ballot.valid and all(set(row) == {"overall"} for row in ballot.answers.values())


def test_required_dimensions_hold_the_ballot_back_and_name_the_first_gap(tmp_path: Path) -> None:
    campaign = _campaign(tmp_path / "data", "required")
    code = campaign.codes.issue_codes("members", 1)[0]
    with pytest.raises(InputError) as caught:
        campaign.ballots.seal_ballot(code, "review_ballot", _overall_only(campaign))
    assert caught.value.key == "store.ballot_incomplete"
    assert caught.value.params["item"] == "political_leadership"
    assert campaign.codes.code_status(code).state != "used"
    assert list(campaign.ballots.sealed_ballots("review_ballot")) == []


def test_the_overall_rating_is_required_in_every_mode(tmp_path: Path) -> None:
    campaign = _campaign(tmp_path / "data", "off")
    code = campaign.codes.issue_codes("members", 1)[0]
    answers = _overall_only(campaign)
    del answers[SMALL_UNITS[3].id]["overall"]
    with pytest.raises(InputError):
        campaign.ballots.seal_ballot(code, "review_ballot", answers)
