"""Which unit-scope forms a unit fills (the campaign decides), and which liaison group a unit belongs to."""

from __future__ import annotations

from forms.model import Form
from store.api import CampaignStore, Unit


def unit_forms(store: CampaignStore, unit: Unit) -> list[Form]:
    """The campaign's self-assessment forms this unit fills, in the campaign's order (blocking)."""
    return store.unit_forms(unit.id)


def group_of(unit: Unit, by_id: dict[str, Unit]) -> str:
    """A unit's liaison group: its own, or its parent organization's for a branch."""
    if unit.group:
        return unit.group
    parent = by_id.get(unit.parent_id or "")
    return parent.group if parent else ""
