"""A hall at once on 127.0.0.1: 200 scripted evaluators (aiohttp clients), each with its own code, save 66
answers one request at a time and seal; every ballot sealed exactly once, `verify` clean, server RSS bounded."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from click.testing import CliRunner

from bench.hall_clients import hall, rss_megabytes, start_server, stop_server
from store.api import CampaignStore, open_store
from store.demo import DemoResult
from tui.cli import cli

CLIENTS = 200
RSS_LIMIT_MB = 200


def test_two_hundred_evaluators_at_once(hall_data: tuple[CampaignStore, Path, list[str]]) -> None:
    campaign, data_dir, codes = hall_data
    served = start_server(data_dir)
    try:
        run = asyncio.run(asyncio.wait_for(hall(served.url, codes), timeout=900))
        rss = rss_megabytes(served.process.pid)
    finally:
        output = stop_server(served)
    assert run.errors == []
    assert run.sealed == CLIENTS
    assert len(run.save_seconds) == CLIENTS * 66
    assert rss < RSS_LIMIT_MB, f"server RSS {rss:.0f} MB"
    assert all(campaign.codes.code_status(code).state == "used" for code in codes)
    assert campaign.ballots.ballot_count("review_ballot") == CLIENTS
    assert len(list(campaign.ballots.sealed_ballots("review_ballot"))) == CLIENTS
    assert campaign.integrity.verify() == []
    assert not any(code in output for code in codes)
    campaign.meeting.close_voting("admin")
    result = CliRunner().invoke(cli, ["--data", str(data_dir), "verify"])
    assert result.exit_code == 0, result.output


def _fresh(data_dir: Path) -> tuple[CampaignStore, list[str]]:
    campaign = open_store(data_dir).campaign()
    campaign.meeting.open_voting("admin")
    return campaign, campaign.codes.issue_codes("members", CLIENTS)


@pytest.fixture
def hall_data(demo_data: tuple[Path, DemoResult]) -> tuple[CampaignStore, Path, list[str]]:
    campaign, codes = _fresh(demo_data[0])
    return campaign, demo_data[0], codes
