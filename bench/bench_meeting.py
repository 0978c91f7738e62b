"""Meeting benchmark: `kaoping meeting` start-up to a ready welcome screen against `import textual.app`,
and a key press answering an item until the screen shows it, with 500 sealed ballots in the store."""

from __future__ import annotations

import asyncio
import compileall
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

from bench.report import Row, median, percentile, ratio_rows

if TYPE_CHECKING:
    from rich.console import RenderableType
    from textual.screen import Screen

ROOT = Path(__file__).resolve().parents[1]
KAOPING = [sys.executable, "-c", "from tui.cli import main; main()"]
"""The `kaoping` console script of this checkout (run with cwd at ROOT, so its packages are the ones run)."""

READY_MARKER = "KAOPING-MEETING-READY"
SEALED = 500


def _demo(data_dir: Path, sealed: int) -> str:
    """The demo campaign with voting open and `sealed` ballots already sealed; its id."""
    from store.api import open_store
    from store.demo import create_demo
    from store.simulate import simulate_ballots

    store = open_store(data_dir)
    result = create_demo(store, seed=2026)
    campaign = store.campaign(result.campaign_id)
    campaign.meeting.open_voting("bench")
    if sealed:
        for _ in simulate_ballots(campaign, sealed, random.Random(7)):
            pass
    return result.campaign_id


def _timed(command: list[str]) -> float:
    """Seconds for `command` to run to its end."""
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False, timeout=120)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"{command[0]} failed ({done.returncode}): {done.stderr.strip()[-500:]}")
    return elapsed


def _until_marker(command: list[str], env: dict[str, str]) -> float:
    """Seconds from spawning `command` until it prints the ready marker (its exit is not timed)."""
    started = time.perf_counter()
    with subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT
    ) as proc:
        assert proc.stdout is not None
        for line in proc.stdout:
            if READY_MARKER in line:
                elapsed = time.perf_counter() - started
                break
        else:
            raise RuntimeError(
                f"kaoping meeting never got ready: {proc.stderr.read() if proc.stderr else ''}"
            )
        proc.wait(timeout=60)
    return elapsed


def _compile_bytecode() -> None:
    """Compile kaoping's modules as `pip install .` does, so the run measures the app as users get it.

    An editable install under PYTHONDONTWRITEBYTECODE=1 (set on these machines) would otherwise
    recompile every kaoping module at every start, while textual (the baseline) has its bytecode.
    """
    for package in ("forms", "store", "exports", "tui"):
        compileall.compile_dir(str(ROOT / package), quiet=1)


def _startup(data_dir: Path, runs: int) -> list[Row]:
    env = {**os.environ, "KAOPING_MEETING_EXIT_WHEN_READY": "1", "KAOPING_LANG": "zh"}
    _compile_bytecode()
    meeting = [*KAOPING, "--data", str(data_dir), "meeting"]
    baseline_cmd = [sys.executable, "-c", "import textual.app"]
    _timed(baseline_cmd)  # warm the file cache for both
    _until_marker(meeting, env)
    baseline: list[float] = []
    startup: list[float] = []
    for _ in range(runs):  # interleaved, so a busy neighbour slows both alike
        baseline.append(_timed(baseline_cmd))
        startup.append(_until_marker(meeting, env))
    return [
        Row("meeting", "import textual.app (baseline)", median(baseline) * 1000, "ms"),
        Row("meeting", "kaoping meeting -> welcome ready", median(startup) * 1000, "ms"),
        *ratio_rows("meeting", "start-up / baseline", startup, baseline, 1.5),
    ]


async def _key_latency(data_dir: Path, campaign_id: str, presses: int) -> list[float]:
    """Seconds from a key event reaching the app to the frame that shows the chosen level.

    The key goes in through the driver, as a terminal's would; the clock stops when the app hands the
    compositor's update to the display and that frame has been turned into terminal output (the
    headless driver then drops it). Pilot's own waits for an idle process are not part of it.
    """
    from textual import events
    from textual._compositor import CompositorUpdate

    from store.api import open_store
    from tui.context import AppContext
    from tui.meeting import create_meeting_app
    from tui.meeting.grid import GridScreen

    campaign = open_store(data_dir).campaign(campaign_id)
    code = campaign.codes.issue_codes("members", 1)[0]
    app = create_meeting_app(AppContext(data_dir=data_dir, campaign_id=campaign_id), campaign)
    samples: list[float] = []
    shown = asyncio.Event()
    watched: dict[str, object] = {}
    original_display = app._display

    def display(screen: Screen[object], renderable: RenderableType | None) -> None:
        original_display(screen, renderable)
        if not isinstance(renderable, CompositorUpdate) or not watched or app.ballot is None:
            return
        if app.ballot.answer(str(watched["unit"]), str(watched["item"])) == watched["value"]:
            renderable.render_segments(app.console)
            shown.set()

    # One app's own method, replaced to see its frames: mypy cannot check a method assigned on an instance.
    app._display = display  # type: ignore[method-assign]
    async with app.run_test(size=(120, 40)) as pilot:
        for name, keys in (("WelcomeScreen", [*code, "enter"]), ("InstructionScreen", ["enter"])):
            while type(app.screen).__name__ != name:
                await pilot.pause(0.01)
            await pilot.press(*keys)
        while type(app.screen).__name__ != "GridScreen":
            await pilot.pause(0.01)
        screen = app.screen
        assert isinstance(screen, GridScreen)
        grid = screen.grid
        spec = app.backend.ballot_spec
        for number in range(presses):
            index = number % len(grid.lines)
            grid.move_to(index)
            line = grid.lines[index]
            # 较好/一般/差 only, changing every round: never refused by the 好 quota, always a new value
            key = str(2 + (number + number // len(grid.lines)) % 3)
            item = spec.item(line.item_id)
            choice = item.choice_for_key(key) if item else None
            assert choice is not None
            await pilot.pause()
            watched.update(unit=spec.units[line.unit].unit_id, item=line.item_id, value=choice.value)
            shown.clear()
            started = time.perf_counter()
            driver = app._driver
            assert driver is not None
            driver.send_message(events.Key(key, key))
            await asyncio.wait_for(shown.wait(), timeout=5)
            samples.append(time.perf_counter() - started)
            watched.clear()
        app.wait_for_saves()
    return samples


def run(quick: bool) -> list[Row]:
    """Start-up against its baseline, and key-to-screen latency with 500 sealed ballots."""
    with tempfile.TemporaryDirectory(prefix="kaoping-bench-meeting-") as tmp:
        data_dir = Path(tmp) / "data"
        campaign_id = _demo(data_dir, SEALED if not quick else 100)
        rows = _startup(data_dir, 3 if quick else 9)
        samples = asyncio.run(_key_latency(data_dir, campaign_id, 24 if quick else 120))
        latency = median(samples) * 1000
        rows += [
            Row(
                "meeting",
                f"key -> screen, {SEALED if not quick else 100} sealed (median)",
                latency,
                "ms",
                "<= 30 ms",
                latency <= 30.0,
            ),
            Row("meeting", "key -> screen (p90)", percentile(samples, 0.9) * 1000, "ms"),
        ]
    return rows
