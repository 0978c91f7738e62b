"""What a new roster would orphan: stored units with visits, self-assessments or ballots missing from it."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from store.api import CAMPAIGN_WIDE, CampaignStore


@dataclass(frozen=True)
class Orphan:
    """A stored unit the new roster leaves out although data refers to it, and which data (kinds)."""

    unit_id: str
    name: str
    kinds: tuple[str, ...]  # "visits", "self", "ballots"


def orphans(campaign: CampaignStore, new_ids: Collection[str]) -> list[Orphan]:
    """The stored units with data that the roster `new_ids` would drop, in roster order."""
    keep = set(new_ids)
    kinds: dict[str, list[str]] = {}

    def mark(unit_id: str, kind: str) -> None:
        if unit_id and unit_id != CAMPAIGN_WIDE and unit_id not in keep:
            found = kinds.setdefault(unit_id, [])
            if kind not in found:
                found.append(kind)

    for visit in campaign.visits.visits():
        mark(visit.unit_id, "visits")
    for assessment in campaign.self_assessments.self_assessments():
        mark(assessment.unit_id, "self")
    for ballot in campaign.ballots.sealed_ballots():
        for unit_id in ballot.answers:
            mark(unit_id, "ballots")
    if not kinds:
        return []
    names = {unit.id: unit.name for unit in campaign.roster.units()}
    order = {unit.id: index for index, unit in enumerate(campaign.roster.units())}
    return [
        Orphan(unit_id, names.get(unit_id, ""), tuple(kinds[unit_id]))
        for unit_id in sorted(kinds, key=lambda unit_id: (order.get(unit_id, len(order)), unit_id))
    ]
