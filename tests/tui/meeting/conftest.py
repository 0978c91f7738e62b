"""Fixtures of the meeting tests: real campaigns in tmp_path data directories, and a Pilot driver."""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from store.api import Brand, CampaignStore, Store, open_store
from store.demo import DemoResult, demo_units
from store.formsource import default_rules_text
from tui.context import AppContext
from tui.i18n import set_language
from tui.meeting import create_meeting_app
from tui.meeting.app import MeetingApp

PASSPHRASE = "会务口令2026年度会议"
SMALL_UNITS = 4


@dataclass
class Meeting:
    """A campaign ready for the meeting: its store, its codes by rater group and the admin passphrase."""

    data_dir: Path
    store: Store
    campaign: CampaignStore
    codes: dict[str, list[str]]
    passphrase: str

    def app(
        self,
        campaign: CampaignStore | None = None,
        *,
        mode: str = "ballot",
        double_entry: bool = False,
        runoff_round: int | None = None,
        **timing: float,
    ) -> MeetingApp:
        """A fresh meeting app on this campaign (or on `campaign`, another handle), as the CLI builds it;
        `timing` shortens its waits (`idle_timeout`, `thanks_seconds`, `wait_seconds`)."""
        context = AppContext(data_dir=self.data_dir, lang="zh", campaign_id=self.campaign.id)
        timing.setdefault("thanks_seconds", 30.0)
        return create_meeting_app(
            context,
            campaign or self.campaign,
            mode=mode,
            double_entry=double_entry,
            runoff_round=runoff_round,
            **timing,
        )

    def reopen(self) -> CampaignStore:
        """The same campaign through a new store handle (as after a restart)."""
        return open_store(self.data_dir).campaign(self.campaign.id)


def _fixed_campaign(data_dir: Path, units: int, open_voting: bool, dimensions: str | None = None) -> Meeting:
    store = open_store(data_dir)
    rules = None
    if dimensions is not None:  # the campaign's 五力 mode, as a rules file would set it
        rules = default_rules_text().replace('dimensions = "optional"', f'dimensions = "{dimensions}"')
    campaign = store.create_campaign("2026年度市直机关党建考核", 2026, ["review_ballot", "brand_vote"], rules)
    tops = [unit for unit in demo_units(random.Random(2026)) if unit.parent_id is None][:units]
    campaign.roster.import_units(tops)
    campaign.roster.import_brands(
        [
            Brand("B001", "市委办公室“阳光政务”服务站", tops[0].id),
            Brand("B002", "市财政局“惠企直通车”", tops[1].id),
            Brand("B003", "市税务局“便民办税”先锋岗", tops[2].id),
            *(Brand(f"B{n:03d}", f"第{n}号“红色先锋”服务队", tops[n % len(tops)].id) for n in range(4, 20)),
        ]
    )
    codes = {group: campaign.codes.issue_codes(group, 4) for group in ("leaders", "members")}
    campaign.meeting.set_passphrase(PASSPHRASE)
    if open_voting:
        campaign.meeting.open_voting("test")
    return Meeting(data_dir, store, campaign, codes, PASSPHRASE)


@pytest.fixture(autouse=True)
def chinese() -> Iterator[None]:
    set_language("zh")
    yield
    set_language("zh")


@pytest.fixture
def small_meeting(tmp_path: Path) -> Meeting:
    """Four units, eight codes (leaders and members), voting open."""
    return _fixed_campaign(tmp_path / "data", SMALL_UNITS, open_voting=True)


@pytest.fixture
def closed_small_meeting(tmp_path: Path) -> Meeting:
    """Like `small_meeting` but voting not yet opened."""
    return _fixed_campaign(tmp_path / "data", SMALL_UNITS, open_voting=False)


@pytest.fixture
def required_meeting(tmp_path: Path) -> Meeting:
    """Like `small_meeting`, under rules that require the 五力 dimensions of every unit."""
    return _fixed_campaign(tmp_path / "data", SMALL_UNITS, open_voting=True, dimensions="required")


@pytest.fixture
def no_dimensions_meeting(tmp_path: Path) -> Meeting:
    """Like `small_meeting`, under rules that do not ask for the 五力 dimensions at all."""
    return _fixed_campaign(tmp_path / "data", SMALL_UNITS, open_voting=True, dimensions="off")


@pytest.fixture
def full_meeting(tmp_path: Path) -> Meeting:
    """All 66 organizations of the demo roster under a fixed name (for snapshots), voting open."""
    return _fixed_campaign(tmp_path / "data", 66, open_voting=True)


@pytest.fixture
def demo_meeting(demo_data: tuple[Path, DemoResult]) -> Meeting:
    """A private copy of the store's demo campaign (66 units, 293 brands, 178 codes), voting open."""
    data_dir, result = demo_data
    store = open_store(data_dir)
    campaign = store.campaign(result.campaign_id)
    campaign.meeting.open_voting("test")
    return Meeting(data_dir, store, campaign, result.ballot_codes, result.passphrase)
