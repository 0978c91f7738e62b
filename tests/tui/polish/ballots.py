"""Open the review page on a filled ballot without going through the rating screens (which change)."""

from __future__ import annotations

from textual.pilot import Pilot

from tests.tui.meeting.conftest import Meeting
from tests.tui.meeting.drive import settle, wait_for_screen
from tui.meeting.app import MeetingApp

LEVELS = ["good", "fairly_good", "average", "poor"]


def fill_draft(app: MeetingApp, meeting: Meeting, code: str, comment: str = "") -> None:
    """Begin `code`'s ballot in `app` with every question answered (varied, within the quotas)."""
    _state, draft = app.backend.check_code(code)
    assert draft is not None
    spec = app.backend.ballot_spec
    for number, unit in enumerate(spec.units):
        answers = draft.answers.setdefault(unit.unit_id, {})
        for index, item in enumerate(spec.items):
            if item.kind == "rating":
                answers[item.item_id] = LEVELS[(number + index + 1) % 4]
            elif item.kind == "text" and comment:
                answers[item.item_id] = comment
    app.ballot = draft


async def open_review(pilot: Pilot[object], meeting: Meeting, code: str, comment: str = "") -> None:
    app = pilot.app
    assert isinstance(app, MeetingApp)
    await settle(pilot)
    fill_draft(app, meeting, code, comment)
    app.open_review()
    await wait_for_screen(pilot, "ReviewScreen")
    await settle(pilot)
