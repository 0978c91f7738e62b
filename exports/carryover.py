"""Last year's stars carried into a new roster from an earlier campaign's final results (能上能下)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from store.api import CampaignStore, Unit


@dataclass(frozen=True)
class PreviousStars:
    """The stars a campaign ended with (organizations and branches), by unit id and by name."""

    campaign_id: str
    campaign_name: str
    by_id: dict[str, int] = field(default_factory=dict)
    by_name: dict[str, int] = field(default_factory=dict)

    def star_of(self, unit: Unit) -> int | None:
        """The star `unit` had in that campaign: matched by id first, then by its exact name."""
        if unit.id in self.by_id:
            return self.by_id[unit.id]
        return self.by_name.get(unit.name)


@dataclass(frozen=True)
class CarriedRoster:
    """The roster with last-year stars filled in, and how many came from the earlier campaign."""

    units: tuple[Unit, ...]
    carried: int
    from_roster: int


def previous_stars(source: CampaignStore) -> PreviousStars:
    """The official stars `source` finalised (`results finalize`): each unit's one star, the way its results
    notice gave it. InputError naming what is missing when the results are not final: last year's stars
    never come from results still being worked on.

    Reads the store (blocking). Units without a star (not rated, or below the satisfaction threshold) are
    left out, so the new roster keeps no last-year star for them.
    """
    from .official import final_stars

    final = final_stars(source)
    by_id = {unit_id: star for unit_id, star in final.stars.items() if star > 0}
    names: dict[str, str] = {unit.id: unit.name for unit in source.roster.units()}
    by_name: dict[str, int] = {}
    for unit_id, star in by_id.items():
        name = names.get(unit_id)
        if name:
            by_name[name] = star
    return PreviousStars(source.info.id, source.info.name, by_id, by_name)


def with_last_stars(units: Sequence[Unit], previous: PreviousStars | None) -> CarriedRoster:
    """`units`, each without a last-year star taking the one `previous` gives (a roster value wins)."""
    filled: list[Unit] = []
    carried = 0
    from_roster = 0
    for unit in units:
        if unit.last_star is not None:
            from_roster += 1
            filled.append(unit)
            continue
        star = previous.star_of(unit) if previous is not None else None
        if star is not None:
            carried += 1
            filled.append(replace(unit, last_star=star))
        else:
            filled.append(unit)
    return CarriedRoster(tuple(filled), carried, from_roster)


def source_campaign(campaign: CampaignStore) -> CampaignStore | None:
    """The earlier campaign `campaign` takes last-year stars from (recorded when it was created), if any."""
    source_id = campaign.info.last_stars_from
    if not source_id or source_id == campaign.info.id:
        return None
    return campaign.store.campaign(source_id)
