"""The one ballot count every view shows: sealed ballots per form, valid and invalid."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING

from .model import FormCount

if TYPE_CHECKING:  # kept light: the meeting's close screen imports this module
    from forms.model import Form
    from store.api import CampaignStore, SealedBallot

Translate = Callable[..., str]


def form_counts(ballots: Iterable[SealedBallot], form_of: Mapping[str, Form]) -> tuple[FormCount, ...]:
    """Sealed ballots per form, valid and invalid, in the campaign's form order then unknown forms: the
    numbers the close screen, the admin panel, `verify`, the exports and the 通报 all show."""
    sealed: dict[str, int] = {}
    valid: dict[str, int] = {}
    for ballot in ballots:
        sealed[ballot.form_id] = sealed.get(ballot.form_id, 0) + 1
        if ballot.valid:
            valid[ballot.form_id] = valid.get(ballot.form_id, 0) + 1
    order = [form_id for form_id in form_of if form_id in sealed] + sorted(set(sealed) - set(form_of))
    counts = []
    for form_id in order:
        form = form_of.get(form_id)
        counts.append(
            FormCount(
                form_id,
                form.title.zh if form else form_id,
                form.title.en if form else form_id,
                sealed[form_id],
                valid.get(form_id, 0),
            )
        )
    return tuple(counts)


def ballot_counts(campaign: CampaignStore) -> tuple[FormCount, ...]:
    """The campaign's sealed ballots per form, split into valid and invalid (reads the store)."""
    form_of = {form.id: form for form in campaign.forms()}
    return form_counts(campaign.ballots.sealed_ballots(), form_of)


def count_lines(counts: tuple[FormCount, ...], text: Translate, lang: str) -> list[str]:
    """One line per form, e.g. "述职评议测评表：收回 4 张，其中有效 2 张、无效 2 张。"."""
    return [
        text(
            "results.report.form_count",
            form=count.title(lang),
            sealed=count.sealed,
            valid=count.valid,
            invalid=count.invalid,
        )
        for count in counts
    ]
