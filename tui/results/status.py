"""`status_lines`: the results' state (进行中 / 已核定 / 已公布) and what is still missing, in words."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.i18n import t

if TYPE_CHECKING:
    from store.api import CampaignStore


def status_lines(store: CampaignStore) -> list[str]:
    """The results' state and what is still missing, as the screens and the commands say it."""
    from exports.official import results_status
    from tui.i18n import nested_text

    status = results_status(store)
    lines = [t("selfyear.state.line", state=t(f"selfyear.state.{status.state}"))]
    if status.missing and status.state != "published":
        missing = nested_text([m.rendered() for m in status.missing])
        lines.append(t("selfyear.state.missing", missing=missing))
    if status.final is not None:
        lines.append(t("selfyear.final.when", day=status.final.day, count=len(status.final.stars)))
    return lines
