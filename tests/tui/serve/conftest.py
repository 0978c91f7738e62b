"""Fixtures of the hall page's tests: an open demo campaign, an in-process client, a `kaoping serve` process."""

from __future__ import annotations

import os
import queue
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from aiohttp.test_utils import TestClient, TestServer

from store.api import CampaignStore, open_store
from store.demo import DemoResult
from tui.i18n import set_language
from tui.serve.app import create_hall_app

ROOT = Path(__file__).resolve().parents[3]
URL = re.compile(r"http://127\.0\.0\.1:(\d+)")


@pytest.fixture(autouse=True)
def _chinese() -> Iterator[None]:
    set_language("zh")
    yield
    set_language("zh")


@pytest.fixture
def hall(demo_data: tuple[Path, DemoResult]) -> tuple[CampaignStore, DemoResult]:
    """The demo campaign (66 units, 178 codes) with voting open."""
    campaign = open_store(demo_data[0]).campaign()
    campaign.open_voting("admin")
    return campaign, demo_data[1]


def codes_of(result: DemoResult) -> list[str]:
    return [code for codes in result.ballot_codes.values() for code in codes]


@pytest.fixture
async def client(hall: tuple[CampaignStore, DemoResult]) -> AsyncIterator[TestClient]:  # type: ignore[type-arg]
    """The hall page in this process on 127.0.0.1 (a free port), with lines printed into `client.lines`."""
    lines: list[str] = []
    app = create_hall_app(hall[0], "zh", echo=lines.append)
    async with TestClient(TestServer(app, host="127.0.0.1")) as test_client:
        test_client.lines = lines  # type: ignore[attr-defined]
        yield test_client


CSRF = re.compile(r'name="csrf" value="([^"]+)"')
GRID_CSRF = re.compile(r'data-csrf="([^"]+)"')


async def login(client: TestClient, code: str) -> str:  # type: ignore[type-arg]
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


def ballot_levels(units: int) -> list[str]:
    """A valid overall-only ballot: 30% 好 at most, then 较好/一般 alternating (not all identical)."""
    limit = int(units * 0.3)
    return ["good" if i < limit - 1 else ("fairly_good" if i % 2 else "average") for i in range(units)]


@dataclass
class Served:
    """A `kaoping serve` process on 127.0.0.1: its base URL, process and every line it printed so far."""

    url: str
    process: subprocess.Popen[str]
    lines: list[str] = field(default_factory=list)
    pump: threading.Thread | None = None
    _queue: queue.Queue[str] = field(default_factory=queue.Queue)

    def output(self) -> str:
        while True:
            try:
                self.lines.append(self._queue.get_nowait())
            except queue.Empty:
                return "\n".join(self.lines)

    def wait_for_line(self, pattern: str, timeout: float = 30.0) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = self._queue.get(timeout=0.2)
            except queue.Empty:
                if self.process.poll() is not None:
                    break
                continue
            self.lines.append(line)
            if re.search(pattern, line):
                return line
        raise AssertionError(f"no line matching {pattern!r}; output so far:\n" + "\n".join(self.lines))


def start_server(data_dir: Path, *args: str) -> Served:
    """Start `kaoping --data DIR serve --port 0` from this worktree; wait (by polling) for its address."""
    command = [
        sys.executable,
        "-c",
        "import sys; sys.argv[0] = 'kaoping'; from tui.cli import main; main()",
        "--data",
        str(data_dir),
        "serve",
        "--port",
        "0",
        *args,
    ]
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "KAOPING_LANG": "zh"}
    process = subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env
    )
    served = Served("", process)

    def pump() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            served._queue.put(line.rstrip("\n"))

    served.pump = threading.Thread(target=pump, daemon=True)
    served.pump.start()
    line = served.wait_for_line(URL.pattern)
    match = URL.search(line)
    assert match is not None
    served.url = f"http://127.0.0.1:{match.group(1)}"
    return served


def stop_server(served: Served) -> str:
    """Stop with Ctrl+C as a person would; everything it printed."""
    if served.process.poll() is None:
        served.process.send_signal(signal.SIGINT)
        try:
            served.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            served.process.kill()
            served.process.wait()
    if served.pump is not None:
        served.pump.join(timeout=10)  # the pipe is closed: the last lines are in the queue
    return served.output()


@pytest.fixture
def served(hall: tuple[CampaignStore, DemoResult], demo_data: tuple[Path, DemoResult]) -> Iterator[Served]:
    server = start_server(demo_data[0])
    yield server
    stop_server(server)


def rss_megabytes(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS")
