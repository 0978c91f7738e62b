"""Which unit-scope forms a unit fills, and which liaison group it belongs to."""

from __future__ import annotations

from forms.model import Form
from store.api import CampaignStore, Unit

BRANCH_ONLY = frozenset({"star_branch"})
"""Forms only branches fill (the 星级党支部 criteria rate branches)."""

ORGANIZATION_ONLY = frozenset({"duty_list"})
"""Forms only directly affiliated organizations fill (the secretary's responsibility list)."""


def applies(form: Form, unit: Unit) -> bool:
    """Whether `unit` fills `form`: branch-only and organization-only forms by id, others for all."""
    if form.scope != "unit":
        return False
    if form.id in BRANCH_ONLY:
        return unit.is_branch or unit.kind.endswith("党支部")
    if form.id in ORGANIZATION_ONLY:
        return not unit.is_branch
    return True


def unit_forms(store: CampaignStore, unit: Unit) -> list[Form]:
    """The campaign's unit forms this unit fills, in the campaign's order."""
    return [form for form in store.forms_of_scope("unit") if applies(form, unit)]


def group_of(unit: Unit, by_id: dict[str, Unit]) -> str:
    """A unit's liaison group: its own, or its parent organization's for a branch."""
    if unit.group:
        return unit.group
    parent = by_id.get(unit.parent_id or "")
    return parent.group if parent else ""
