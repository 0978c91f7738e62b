"""`load_results`: what the results screen shows, gathered from the store in one call (no Textual here)."""

from __future__ import annotations

from dataclasses import dataclass, field

from exports.model import CampaignResults
from exports.stars import BranchStars, branch_stars
from forms.errors import KaopingError
from store.api import CampaignStore
from tui.i18n import error_text, t


@dataclass(frozen=True)
class LoadedResults:
    """The branch stars and the organizations' results (either may be missing; `problem` says why)."""

    branches: BranchStars | None
    organizations: CampaignResults | None
    weights: dict[str, float] = field(default_factory=dict)
    problem: str = ""
    status: str = ""
    """The results' state and what is still missing (one or two lines)."""


def load_results(store: CampaignStore) -> LoadedResults:
    """Everything the results screen shows (blocking: call it from a worker). Nothing while voting is open:
    no score, rank or star leaks out before the close."""
    if not store.meeting.results_visible():
        return LoadedResults(None, None, {}, t("trust.results_while_open"))
    problems: list[str] = []
    branches = organizations = None
    weights: dict[str, float] = {}
    try:
        branches = branch_stars(store)
    except KaopingError as error:
        problems.append(error_text(error))
    try:
        from exports.results import campaign_results

        weights = dict(store.rules().composite_weights)
        organizations = campaign_results(store)
    except KaopingError as error:
        problems.append(error_text(error))
    status = ""
    try:
        from tui.results.status import status_lines

        status = "\n".join(status_lines(store))
    except KaopingError as error:
        problems.append(error_text(error))
    return LoadedResults(branches, organizations, weights, "  ".join(problems), status)
