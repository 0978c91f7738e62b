"""`kaoping serve` and the kiosk on one campaign at once: 50 ballots through the page (a server process) and
5 through the kiosk's own path (`MeetingBackend`, in this process), all counted once, participation right on both."""

from __future__ import annotations

import asyncio
import re
import threading
from pathlib import Path

from bench.hall_clients import HallRun, evaluator, hall, levels, start_server, stop_server
from store.api import CampaignStore, open_store
from store.demo import DemoResult
from tui.meeting.backend import MeetingBackend
from tui.meeting.model import CodeState

PAGE = 50
KIOSK = 5


def _kiosk_ballots(data_dir: Path, codes: list[str], errors: list[str]) -> None:
    """The terminal's path: its own store handle and backend, code check, answers autosaved, seal."""
    backend = MeetingBackend(open_store(data_dir).campaign())
    for code in codes:
        state, draft = backend.check_code(code)
        if draft is None or state != CodeState.FRESH:
            errors.append(f"kiosk code {state}")
            continue
        for unit, level in zip(
            backend.ballot_spec.units, levels(len(backend.ballot_spec.units)), strict=True
        ):
            backend.save_answer(code, unit.unit_id, "overall", level)
            draft.set_answer(unit.unit_id, "overall", level)
        backend.seal(draft)


def test_page_and_kiosk_at_once(demo_data: tuple[Path, DemoResult]) -> None:
    data_dir = demo_data[0]
    campaign: CampaignStore = open_store(data_dir).campaign()
    campaign.meeting.open_voting("admin")
    page_codes = campaign.codes.issue_codes("members", PAGE)
    kiosk_codes = campaign.codes.issue_codes("leaders", KIOSK)
    served = start_server(data_dir)
    errors: list[str] = []
    try:
        kiosk = threading.Thread(target=_kiosk_ballots, args=(data_dir, kiosk_codes, errors))
        kiosk.start()
        run = asyncio.run(asyncio.wait_for(hall(served.url, page_codes), timeout=600))
        kiosk.join(timeout=600)
        # A code sealed at the kiosk is used on the page too.
        late = HallRun()
        asyncio.run(evaluator(served.url, kiosk_codes[0], late))
        assert late.sealed == 0 and late.errors == ["login 400"]
        served.wait_for_line(r"已封存 55/")
    finally:
        output = stop_server(served)
    assert errors == [] and run.errors == []
    assert run.sealed == PAGE
    assert campaign.ballots.ballot_count("review_ballot") == PAGE + KIOSK
    assert campaign.integrity.verify() == []
    by_group = {entry.rater_group: entry.used for entry in campaign.meeting.participation()}
    assert by_group["leaders"] == KIOSK
    assert by_group["members"] == PAGE
    # The page's terminal shows the kiosk's ballots too, per rater group only.
    last = [line for line in output.splitlines() if line.startswith("参与情况")][-1]
    assert re.search(r"工委领导 已封存 5/", last) and re.search(r"党员代表 已封存 50/", last)
    backend = MeetingBackend(open_store(data_dir).campaign())
    assert backend.info().voted == PAGE + KIOSK
