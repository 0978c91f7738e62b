"""Fixtures of the hall page's tests: an open demo campaign, an in-process client, a `kaoping serve` process."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from aiohttp.test_utils import TestClient, TestServer
from aiohttp.web import Application, Request

from bench.hall_clients import Served, start_server, stop_server
from store.api import CampaignStore, open_store
from store.demo import DemoResult
from tui.i18n import set_language
from tui.serve.app import create_hall_app


@pytest.fixture(autouse=True)
def _chinese() -> Iterator[None]:
    set_language("zh")
    yield
    set_language("zh")


HallFixture = tuple[CampaignStore, DemoResult]
"""The `hall` fixture: the open demo campaign and what the demo made (codes, units)."""

__all__ = [
    "CSRF",
    "GRID_CSRF",
    "HallClient",
    "HallFixture",
    "Served",
    "ballot_levels",
    "codes_of",
    "found",
    "login",
]


class HallClient(TestClient[Request, Application]):
    """The in-process test client of the hall page, with the lines the server printed."""

    def __init__(self, server: TestServer, lines: list[str]) -> None:
        super().__init__(server)
        self.lines = lines


@pytest.fixture
def hall(demo_data: tuple[Path, DemoResult]) -> HallFixture:
    """The demo campaign (66 units, 178 codes) with voting open."""
    campaign = open_store(demo_data[0]).campaign()
    campaign.meeting.open_voting("admin")
    return campaign, demo_data[1]


def codes_of(result: DemoResult) -> list[str]:
    return [code for codes in result.ballot_codes.values() for code in codes]


@pytest.fixture
async def client(hall: HallFixture) -> AsyncIterator[HallClient]:
    """The hall page in this process on 127.0.0.1 (a free port), with lines printed into `client.lines`."""
    lines: list[str] = []
    app = create_hall_app(hall[0], "zh", echo=lines.append)
    async with HallClient(TestServer(app, host="127.0.0.1"), lines) as test_client:
        yield test_client


CSRF = re.compile(r'name="csrf" value="([^"]+)"')
GRID_CSRF = re.compile(r'data-csrf="([^"]+)"')


async def login(client: TestClient[Request, Application], code: str) -> str:
    """Open the slip's URL, post the code, and return the ballot page's CSRF token."""
    page = await (await client.get(f"/v/{code}")).text()
    token = CSRF.search(page)
    assert token is not None
    response = await client.post("/login", data={"csrf": token.group(1), "code": code}, allow_redirects=False)
    assert response.status == 303, await response.text()
    assert response.headers["Location"] == "/ballot"
    grid = await (await client.get("/ballot")).text()
    found = GRID_CSRF.search(grid)
    assert found is not None, grid[:500]
    return found.group(1)


def found(pattern: re.Pattern[str], text: str) -> str:
    """The first group of `pattern` in `text` (a failure naming the page's start when it is missing)."""
    match = pattern.search(text)
    assert match is not None, text[:500]
    return match.group(1)


def ballot_levels(units: int) -> list[str]:
    """A valid overall-only ballot: 30% 好 at most, then 较好/一般 alternating (not all identical)."""
    limit = int(units * 0.3)
    return ["good" if i < limit - 1 else ("fairly_good" if i % 2 else "average") for i in range(units)]


@pytest.fixture
def served(hall: tuple[CampaignStore, DemoResult], demo_data: tuple[Path, DemoResult]) -> Iterator[Served]:
    server = start_server(demo_data[0])
    yield server
    stop_server(server)
