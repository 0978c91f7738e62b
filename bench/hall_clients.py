"""Scripted evaluators (aiohttp clients, no think time) and a `kaoping serve` process, for the `hall` bench
and the hall page's load tests."""

from __future__ import annotations

import asyncio
import os
import queue
import random
import re
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp

CSRF = re.compile(r'name="csrf" value="([^"]+)"')
GRID_CSRF = re.compile(r'data-csrf="([^"]+)"')
UNIT = re.compile(r'data-u="([^"]+)"')
ROOT = Path(__file__).resolve().parents[1]
URL = re.compile(r"http://127\.0\.0\.1:(\d+)")


@dataclass
class HallRun:
    """What a run of scripted evaluators measured: seconds per answer save, errors, sealed count."""

    save_seconds: list[float] = field(default_factory=list)
    save_started: list[float] = field(default_factory=list)  # perf_counter() at each save's request
    errors: list[str] = field(default_factory=list)
    sealed: int = 0
    seconds: float = 0.0


def levels(units: int) -> list[str]:
    limit = int(units * 0.3)
    return ["good" if i < limit - 1 else ("fairly_good" if i % 2 else "average") for i in range(units)]


async def evaluator(
    base: str, code: str, run: HallRun, pace: tuple[float, float] | None = None, seed: int = 0
) -> None:
    """One evaluator: slip URL, code, every unit one request at a time, review, seal.

    `pace` (seconds, low and high) is a person's think time before each tap, drawn at random; None taps
    as fast as the server answers (the stress run)."""
    think = random.Random(seed)
    jar = aiohttp.CookieJar(unsafe=True)  # 127.0.0.1 is an IP address: keep its cookies
    async with aiohttp.ClientSession(base, cookie_jar=jar) as http:
        async with http.get(f"/v/{code}") as response:
            token = CSRF.search(await response.text())
        if token is None:
            run.errors.append("no login form")
            return
        async with http.post("/login", data={"csrf": token.group(1), "code": code}) as response:
            grid = await response.text()
        found = GRID_CSRF.search(grid)
        if response.status != 200 or found is None:
            run.errors.append(f"login {response.status}")
            return
        headers = {"X-CSRF-Token": found.group(1)}
        units = UNIT.findall(grid)
        for unit, level in zip(units, levels(len(units)), strict=True):
            if pace is not None:
                await asyncio.sleep(think.uniform(*pace))  # the person reads the row and taps
            start = time.perf_counter()
            async with http.post(
                "/api/answer", json={"u": unit, "i": "overall", "v": level}, headers=headers
            ) as r:
                data = await r.json()
            run.save_seconds.append(time.perf_counter() - start)
            run.save_started.append(start)
            if r.status != 200 or not data.get("saved"):
                run.errors.append(f"answer {r.status} {data}")
                return
        async with http.get("/review") as response:
            if 'id="seal"' not in await response.text():
                run.errors.append("review without seal button")
                return
        async with http.post("/seal", data={"csrf": found.group(1)}) as response:
            if response.status != 200 or "/thanks" not in str(response.url):
                run.errors.append(f"seal {response.status}")
                return
        run.sealed += 1


async def hall(base: str, codes: list[str], pace: tuple[float, float] | None = None) -> HallRun:
    """Every code's evaluator at once (tapping at `pace`, see `evaluator`); the whole hall's wall time."""
    run = HallRun()
    start = time.perf_counter()
    await asyncio.gather(*(evaluator(base, code, run, pace, seed) for seed, code in enumerate(codes)))
    run.seconds = time.perf_counter() - start
    return run


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))] if ordered else 0.0


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


def rss_megabytes(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS")
