"""Sealing follows the campaign's 五力 `dimensions` mode: optional or off seal without them, required needs them."""

from __future__ import annotations

from pathlib import Path

import pytest

from forms.errors import InputError
from forms.rules import builtin_rules_text
from store.api import open_store
from tests.store.store_helpers import SMALL_UNITS


def _campaign(data_dir: Path, mode: str):  # type: ignore[no-untyped-def]
    rules = builtin_rules_text().replace('dimensions = "optional"', f'dimensions = "{mode}"')
    campaign = open_store(data_dir).create_campaign(
        "2026年度测试考核", 2026, ["review_ballot"], rules_text=rules
    )
    campaign.import_units(SMALL_UNITS)
    campaign.open_voting("admin")
    return campaign


def _overall_only(campaign) -> dict[str, dict[str, object]]:  # type: ignore[no-untyped-def]
    return {
        unit.id: {"overall": "good" if index < 2 else "fairly_good"}
        for index, unit in enumerate(campaign.meeting_units())
    }


@pytest.mark.parametrize("mode", ["optional", "off"])
def test_overall_only_seals_when_dimensions_are_not_required(data_dir: Path, mode: str) -> None:
    campaign = _campaign(data_dir, mode)
    code = campaign.issue_codes("members", 1)[0]
    campaign.seal_ballot(code, "review_ballot", _overall_only(campaign))
    assert campaign.ballot_count() == 1


def test_required_dimensions_refuse_a_ballot_without_them(data_dir: Path) -> None:
    campaign = _campaign(data_dir, "required")
    code = campaign.issue_codes("members", 1)[0]
    with pytest.raises(InputError) as caught:
        campaign.seal_ballot(code, "review_ballot", _overall_only(campaign))
    assert caught.value.key == "store.ballot_incomplete"
    assert campaign.ballot_count() == 0
