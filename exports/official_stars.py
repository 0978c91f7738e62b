"""`with_official_stars`: one star per organisation, its branch star when it is itself a rated branch."""

from __future__ import annotations

from dataclasses import replace

from forms.scoring import star_change

from .model import CampaignResults
from .stars import BranchStars


def with_official_stars(results: CampaignResults, stars: BranchStars | None) -> CampaignResults:
    """`results` with each organisation that is itself a branch and was rated as one carrying that
    branch star (marked `star_from_branch`), so every tab, export and notice shows one star for it."""
    if stars is None:
        return results
    rated = {row.unit_id: row.star for row in stars.rows if row.star is not None}
    if not any(unit.unit_id in rated for unit in results.units):
        return results
    units = tuple(
        replace(
            unit,
            star=rated[unit.unit_id],
            change=star_change(rated[unit.unit_id], unit.last_star),
            star_from_branch=True,
        )
        if unit.unit_id in rated
        else unit
        for unit in results.units
    )
    return replace(results, units=units)
