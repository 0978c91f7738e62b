"""Self-assessment speed at the seed city's scale (700 branches, 60 items): open, save an answer, a board.

Every case runs the real store in a temporary data directory and the real screens under Textual's Pilot.
The 60-item form is synthetic: the campaign pins it through the store's form source exactly as it pins a
built-in form (the bench swaps in its text for the id `bench_branch_sixty`).
"""

from __future__ import annotations

import asyncio
import gc
import json
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from bench.report import Row, median
from store.api import CampaignStore, Unit, open_store

FORM_ID = "bench_branch_sixty"  # kind = "star": the store assigns it to branches
PINNING_HOOK = "builtin_form_text"  # where store.campaign takes the text of a form it pins
ORGANIZATIONS = 66
BRANCHES = 700
GROUP = "第一联络组"
BOARD_UNITS = 250
SECTIONS = 6
ITEMS_PER_SECTION = 10


def sixty_item_form_text() -> str:
    """A unit form of 6 sections x 10 score items (0..10, step 0.5), half needing a note below full."""
    lines = [
        f'id = "{FORM_ID}"',
        'version = "1"',
        'scope = "unit"',
        'kind = "star"',
        'title = "星级党支部基准测试自评表（60项）"',
        "max_total = 600",
    ]
    for section in range(SECTIONS):
        lines += ["", "[[sections]]", f'id = "s{section}"', f'title = "第{section + 1}部分"']
        for index in range(ITEMS_PER_SECTION):
            lines += [
                "",
                "[[sections.items]]",
                f'id = "s{section}_i{index}"',
                'type = "score"',
                "min = 0",
                "max = 10",
                "step = 0.5",
                "required = true",
                f"note_below_full = {'true' if index % 2 == 0 else 'false'}",
                f'label = "第{section + 1}部分第{index + 1}项：按要求落实党建工作制度"',
                'help = "全部落实得10分；每缺一项扣1分；未落实不得分。"',
            ]
    return "\n".join(lines) + "\n"


@contextmanager
def sixty_item_form_pinned() -> Iterator[None]:
    """Let `create_campaign` pin the synthetic form by id, as it pins the built-in ones."""
    import store.campaign as campaign_module

    original = getattr(campaign_module, PINNING_HOOK)
    text = sixty_item_form_text()

    def with_bench_form(form_id: str) -> str:
        return text if form_id == FORM_ID else str(original(form_id))

    setattr(campaign_module, PINNING_HOOK, with_bench_form)
    try:
        yield
    finally:
        setattr(campaign_module, PINNING_HOOK, original)


def roster() -> list[Unit]:
    """66 organizations and 700 branches; exactly 250 of these units belong to the first liaison group."""
    units: list[Unit] = []
    order = 0
    per_org = BRANCHES // ORGANIZATIONS
    extra = BRANCHES - per_org * ORGANIZATIONS
    in_group = 0
    for org in range(ORGANIZATIONS):
        org_id = f"U{org:02d}"
        group = GROUP if in_group < BOARD_UNITS else f"第{2 + org % 2}联络组"
        in_group += group == GROUP
        order += 1
        units.append(
            Unit(
                org_id,
                f"市直机关第{org + 1}单位",
                f"中共第{org + 1}单位机关党支部",
                "机关党支部",  # an organization that is itself a branch fills the star form too
                group=group,
                order=order,
            )
        )
        for branch in range(per_org + (1 if org < extra else 0)):
            # A branch follows its organization's group, unless the first group is full.
            own_group = ""
            if group == GROUP:
                if in_group < BOARD_UNITS:
                    in_group += 1
                else:
                    own_group = "第二联络组"
            order += 1
            units.append(
                Unit(
                    f"{org_id}B{branch:02d}",
                    f"第{org + 1}单位第{branch + 1}党支部",
                    "党支部",
                    "党支部",
                    parent_id=org_id,
                    group=own_group,
                    order=order,
                )
            )
    return units


def build_campaign(directory: Path) -> tuple[CampaignStore, dict[str, str]]:
    """The campaign with the synthetic form, the roster, codes, and answers for the board's units."""
    with sixty_item_form_pinned():
        store = open_store(directory).create_campaign("基准测试", 2026, [FORM_ID], rules_text="")
    store.roster.import_units(roster())
    codes = store.codes.issue_unit_codes()
    return store, codes


def prefill_board(store: CampaignStore, quick: bool) -> None:
    """Answers (a few items each) for most of the board's units; every third submitted if complete."""
    from tui.review.model import group_units

    units = group_units(store, GROUP)
    for position, unit in enumerate(units):
        if position % 4 == 3:
            continue  # not started
        for index in range(2 if quick else 5):
            store.self_assessments.save_self_answer(unit.id, FORM_ID, f"s0_i{index}", 10, None)


async def _time_open(store: CampaignStore, unit: Unit, repeats: int) -> tuple[list[float], list[float]]:
    """Milliseconds from asking for a unit's form to its first section on screen; and a trivial screen."""
    from textual.app import ComposeResult
    from textual.screen import Screen
    from textual.widgets import Static

    from tui.context import AppContext
    from tui.selfassess.app import SelfAssessApp
    from tui.selfassess.fill import FillScreen
    from tui.selfassess.session import SelfSession
    from tui.widgets import ItemEditor

    class Blank(Screen[None]):
        def compose(self) -> ComposeResult:
            yield Static("基准")

    # As `kaoping` starts an app: the collector paused for start-up, and what start-up built frozen out of
    # later collections once the app is on screen (KaopingApp.on_ready).
    gc.disable()
    app = SelfAssessApp(AppContext(store.store.data_dir), store)
    form_samples: list[float] = []
    blank_samples: list[float] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for _ in range(repeats):
            start = time.perf_counter()
            session = SelfSession.open(store, unit, FORM_ID)
            screen = FillScreen(session)
            await app.push_screen(screen)
            while len(screen.query(ItemEditor)) < ITEMS_PER_SECTION:
                await pilot.pause()
            form_samples.append((time.perf_counter() - start) * 1000)
            await app.pop_screen()
            await pilot.pause()
            start = time.perf_counter()
            blank = Blank()
            await app.push_screen(blank)
            await pilot.pause()
            blank_samples.append((time.perf_counter() - start) * 1000)
            await app.pop_screen()
            await pilot.pause()
    gc.enable()  # in case the app never got on screen
    return form_samples, blank_samples


def _time_answers(store: CampaignStore, unit: Unit, repeats: int) -> tuple[list[float], list[float]]:
    """Milliseconds from an answer typed to the saved state on disk; and a plain JSON rewrite of that file."""
    from tui.selfassess.session import SelfSession

    session = SelfSession.open(store, unit, FORM_ID)
    samples: list[float] = []
    for index in range(repeats):
        item_id = f"s{index % SECTIONS}_i{(index // SECTIONS) % ITEMS_PER_SECTION}"
        value = 10 if index % 3 else 9.5
        note = "" if value == 10 else "台账资料有一项缺失，已补齐"
        start = time.perf_counter()
        problem = session.enter(item_id, value, note)
        written = session.flush()
        samples.append((time.perf_counter() - start) * 1000)
        assert problem is None and written == 1
    # Baseline: rewriting a JSON file of the same answers with the standard library, no store.
    record = store.self_assessments.self_assessment(unit.id, FORM_ID)
    document = {"answers": dict(record.answers), "notes": dict(record.notes)}
    path = Path(tempfile.mkdtemp()) / "baseline.json"
    baseline: list[float] = []
    for _ in range(repeats):
        start = time.perf_counter()
        path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
        baseline.append((time.perf_counter() - start) * 1000)
    return samples, baseline


async def _time_board(store: CampaignStore, repeats: int) -> tuple[list[float], int]:
    """Milliseconds from opening the group's board to its table filled; and the rows shown."""
    from textual.widgets import DataTable

    from tui.context import AppContext
    from tui.review.app import ReviewApp
    from tui.review.board import BoardScreen

    gc.disable()  # as `kaoping` starts an app (see `_time_open`)
    app = ReviewApp(AppContext(store.store.data_dir), store)
    samples: list[float] = []
    rows = 0
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for _ in range(repeats):
            start = time.perf_counter()
            board = BoardScreen(store, GROUP)
            await app.push_screen(board)
            table = board.query_one("#sa-board", DataTable)
            while not board.rows or table.row_count < len(board.rows):
                await pilot.pause(0.001)
            samples.append((time.perf_counter() - start) * 1000)
            rows = table.row_count
            await app.pop_screen()
            await pilot.pause()
    gc.enable()
    return samples, rows


def run(quick: bool) -> list[Row]:
    """Open a unit's 60-item form, save answers, show a 250-unit board; medians against their targets."""
    repeats = 5 if quick else 15
    with tempfile.TemporaryDirectory() as directory:
        store, _codes = build_campaign(Path(directory) / "data")
        prefill_board(store, quick)
        unit = next(unit for unit in store.roster.units() if unit.parent_id is not None and unit.group == "")
        form_ms, blank_ms = asyncio.run(_time_open(store, unit, repeats))
        answer_ms, json_ms = _time_answers(store, unit, 20 if quick else 60)
        board_ms, rows = asyncio.run(_time_board(store, repeats))
    open_median = median(form_ms)
    answer_median = median(answer_ms)
    board_median = median(board_ms)
    return [
        Row("selfassess", "baseline: push a one-line screen", median(blank_ms), "ms"),
        Row(
            "selfassess",
            "open a unit's 60-item form (700 branches)",
            open_median,
            "ms",
            "<= 200 ms",
            open_median <= 200,
        ),
        Row("selfassess", "baseline: json rewrite of the answers file", median(json_ms), "ms"),
        Row("selfassess", "answer to saved state", answer_median, "ms", "<= 10 ms", answer_median <= 10),
        Row(
            "selfassess",
            f"group board of {rows} rows to show",
            board_median,
            "ms",
            "<= 300 ms",
            board_median <= 300,
        ),
    ]
