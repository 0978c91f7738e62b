"""Scripted evaluators for the load test and the `hall` bench: aiohttp clients, no think time."""

from __future__ import annotations

import asyncio
import re
import time
from dataclasses import dataclass, field

import aiohttp

CSRF = re.compile(r'name="csrf" value="([^"]+)"')
GRID_CSRF = re.compile(r'data-csrf="([^"]+)"')
UNIT = re.compile(r'data-u="([^"]+)"')


@dataclass
class HallRun:
    """What a run of scripted evaluators measured: seconds per answer save, errors, sealed count."""

    save_seconds: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    sealed: int = 0
    seconds: float = 0.0


def levels(units: int) -> list[str]:
    limit = int(units * 0.3)
    return ["good" if i < limit - 1 else ("fairly_good" if i % 2 else "average") for i in range(units)]


async def evaluator(base: str, code: str, run: HallRun) -> None:
    """One evaluator: slip URL, code, every unit one request at a time, review, seal."""
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
            start = time.perf_counter()
            async with http.post(
                "/api/answer", json={"u": unit, "i": "overall", "v": level}, headers=headers
            ) as r:
                data = await r.json()
            run.save_seconds.append(time.perf_counter() - start)
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


async def hall(base: str, codes: list[str]) -> HallRun:
    """Every code's evaluator at once; the wall time of the whole hall."""
    run = HallRun()
    start = time.perf_counter()
    await asyncio.gather(*(evaluator(base, code, run) for code in codes))
    run.seconds = time.perf_counter() - start
    return run


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))] if ordered else 0.0
