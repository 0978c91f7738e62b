"""Last year's stars carried into a new roster from an earlier campaign's final results (能上能下)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from forms.errors import InputError
from store.api import CampaignStore, Store, Unit


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
    previous: PreviousStars | None = None
    """Where the carried stars came from (None: nowhere)."""


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


NO_CARRY = ("none", "无", "不沿用")
"""What `--last-stars-from` takes for "carry nothing"."""


def stars_source(store: Store, wanted: str | None) -> str | None:
    """The campaign a new one takes last year's stars from: `wanted` (an id, or "none"), by default the
    newest earlier campaign that is not a demo. InputError naming the known ids for an unknown one."""
    if wanted is not None and wanted.strip().lower() in NO_CARRY:
        return None
    known = store.campaigns()
    if wanted is not None:
        if wanted not in {info.id for info in known}:
            raise InputError(
                "store.unknown_campaign", campaign=wanted, known=", ".join(info.id for info in known) or "—"
            )
        return wanted
    real = [info for info in known if not info.demo]
    return real[-1].id if real else None


@dataclass(frozen=True)
class StartingStars:
    """Where a new campaign takes last year's stars from, read before anything is created."""

    source: str | None
    previous: PreviousStars | None
    skipped: InputError | None = None
    """The default source was not finalised: nothing is carried from it, and the caller says why."""


def starting_stars(store: Store, wanted: str | None) -> StartingStars:
    """Last year's stars for a campaign about to be created (`wanted` as for `stars_source`).

    A damaged or unfinished source named on purpose stops the creation (InputError) with nothing
    half-made; the default source, when not finalised, is skipped. Stars come only from final results."""
    source = stars_source(store, wanted)
    if source is None:
        return StartingStars(None, None)
    try:
        return StartingStars(source, previous_stars(store.campaign(source)))
    except InputError as error:
        if wanted is not None or error.key != "selfyear.not_final":
            raise
        return StartingStars(None, None, error)


def carry_stars(
    campaign: CampaignStore, units: Sequence[Unit], previous: PreviousStars | None = None
) -> CarriedRoster | None:
    """`units` with last year's star filled in from the campaign's source campaign where the roster gives
    none (`previous`: those stars read beforehand); None when the campaign takes stars from nowhere."""
    if previous is None:
        source = source_campaign(campaign)
        if source is None:
            return None
        previous = previous_stars(source)
    return replace(with_last_stars(units, previous), previous=previous)
