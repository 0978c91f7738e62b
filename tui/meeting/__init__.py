"""The review-meeting kiosk (`kaoping meeting`): `create_meeting_app` builds it for the CLI and the tests."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tui.context import AppContext

if TYPE_CHECKING:
    from store.api import CampaignStore
    from tui.meeting.app import MeetingApp

MODES = ("ballot", "brands", "paper")


def create_meeting_app(
    context: AppContext,
    campaign: CampaignStore | None = None,
    *,
    mode: str = "ballot",
    double_entry: bool = False,
    runoff_round: int | None = None,
    **timing: Any,
) -> MeetingApp:
    """The meeting app on `campaign` (default: the context's campaign in its data directory).

    `timing` passes `idle_timeout`, `thanks_seconds`, `wait_seconds` and `exit_when_ready` through
    (tests shorten them).
    """
    from forms.errors import InputError
    from tui.meeting.app import MeetingApp
    from tui.meeting.backend import MeetingBackend

    if mode not in MODES:
        raise InputError("meeting.bad_mode", mode=mode)
    if double_entry and mode != "paper":
        raise InputError("meeting.double_entry_needs_paper")
    if campaign is None:
        from store.api import open_store

        campaign = open_store(context.data_dir).campaign(context.campaign_id)
    if not campaign.meeting.has_passphrase():
        raise InputError("meeting.no_passphrase")
    if runoff_round is not None and mode != "brands":
        raise InputError("results.runoff.needs_vote")
    backend = MeetingBackend(campaign, context.lang, vote=mode == "brands", runoff_round=runoff_round)
    if mode == "paper" and any(item.kind == "score" for item in backend.ballot_spec.items):
        raise InputError("meeting.paper.ratings_only", form=backend.ballot_spec.title)
    return MeetingApp(context, backend, mode=mode, double_entry=double_entry, **timing)
