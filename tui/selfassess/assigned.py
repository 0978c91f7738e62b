"""Which unit-scope forms a unit fills (the campaign decides), and which liaison group a unit belongs to."""

from __future__ import annotations

from forms.builtin import form_order
from forms.model import Form
from store.api import CampaignStore, Unit


def unit_forms(store: CampaignStore, unit: Unit) -> list[Form]:
    """The campaign's self-assessment forms this unit fills, in the one form order (blocking), so a
    campaign made by the wizard and one made with flags list them alike."""
    forms = store.unit_forms(unit.id)
    order = form_order(form.id for form in forms)
    return sorted(forms, key=lambda form: order.index(form.id))


def group_of(unit: Unit, by_id: dict[str, Unit]) -> str:
    """A unit's liaison group: its own, or its parent organization's for a branch."""
    if unit.group:
        return unit.group
    parent = by_id.get(unit.parent_id or "")
    return parent.group if parent else ""
