"""The 十佳 run-off (加票): which tied brands a round is held among, for how many places (kiosk, web page)."""

from __future__ import annotations

from dataclasses import dataclass

from forms.errors import InputError
from store.api import CAMPAIGN_WIDE, CampaignStore

from .compute import RUNOFF_ITEM, split_runoffs, tally_brands
from .results import registered_brands


@dataclass(frozen=True)
class RunoffSpec:
    """One run-off round: the tied brands it is held among (ids, in the order of the tally), the places
    it fills, and the vote form whose `runoff_round` item marks its ballots."""

    round: int
    brands: tuple[str, ...]
    places: int
    form_id: str


def runoff_spec(campaign: CampaignStore, round_number: int = 1) -> RunoffSpec:
    """The run-off round `round_number`: the brands still tied at the tenth place after the ordinary vote
    and the rounds before it. InputError before the vote was ever closed, when nothing is tied, or when
    the campaign's vote form predates run-offs (it has no `runoff_round` item)."""
    if not campaign.meeting.closings():
        # The tie is a result of the vote: shown only once that vote was closed (results only after close).
        raise InputError("results.runoff.not_closed")
    forms = campaign.forms_of_scope("vote")
    if not forms:
        raise InputError("meeting.no_vote_form")
    form = forms[0]
    if form.item(RUNOFF_ITEM) is None:
        raise InputError("results.runoff.old_form", form=form.id)
    form_of = {pinned.id: pinned for pinned in campaign.forms()}
    main, rounds = split_runoffs(
        (form_of.get(ballot.form_id), ballot.answers.get(CAMPAIGN_WIDE, {}))
        for ballot in campaign.ballots.sealed_ballots()
    )
    tallies = tally_brands(main, registered_brands(campaign), rounds[: max(0, round_number - 1)])
    tied = tuple(tally.brand_id for tally in tallies if tally.status == "runoff")
    if not tied:
        raise InputError("results.runoff.none", round=round_number)
    decided = sum(1 for tally in tallies if tally.status == "top")
    return RunoffSpec(round_number, tied, 10 - decided, form.id)
