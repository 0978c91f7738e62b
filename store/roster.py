"""`Roster`: a campaign's units (organizations and their branches) and its registered service brands."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from forms.errors import InputError

from .audit_trail import AuditTrail
from .campaign_files import MAIN, CampaignFiles
from .file_data import damaged_record, table
from .limits import check_clean, check_unit_count
from .records import Brand, Unit
from .storage import Data


def _unit_doc(unit: Unit) -> dict[str, Any]:
    return {
        "id": unit.id,
        "name": unit.name,
        "org_name": unit.org_name,
        "kind": unit.kind,
        "parent_id": unit.parent_id,
        "group": unit.group,
        "secretary": unit.secretary,
        "last_star": unit.last_star,
        "order": unit.order,
    }


def _unit_from_doc(doc: Mapping[str, Any]) -> Unit:
    star = doc.get("last_star")
    return Unit(
        id=str(doc["id"]),
        name=str(doc["name"]),
        org_name=str(doc.get("org_name", "")),
        kind=str(doc.get("kind", "")),
        parent_id=doc.get("parent_id"),
        group=str(doc.get("group", "")),
        secretary=str(doc.get("secretary", "")),
        last_star=int(star) if star is not None else None,
        order=int(doc.get("order", 0)),
    )


def check_units(units: Sequence[Unit]) -> None:
    """Refuse a roster the store cannot keep: too many units, blank or duplicate ids, control characters,
    bad stars, unknown parents."""
    check_unit_count(len(units))
    seen: set[str] = set()
    for index, unit in enumerate(units, start=1):
        check_clean(
            (unit.id, text) for text in (unit.id, unit.name, unit.org_name, unit.group, unit.secretary)
        )
        if not unit.id.strip() or not unit.name.strip():
            raise InputError("store.unit_blank", index=index)
        if unit.id in seen:
            raise InputError("store.unit_duplicate", unit=unit.id)
        if unit.last_star is not None and not 0 <= unit.last_star <= 5:
            raise InputError("store.unit_star", unit=unit.id, star=unit.last_star)
        seen.add(unit.id)
    tops = {unit.id for unit in units if unit.parent_id is None}
    for unit in units:
        if unit.parent_id is not None and unit.parent_id not in tops:
            raise InputError("store.unit_parent", unit=unit.id, parent=unit.parent_id)


class Roster:
    """Units and brands: read, look up, and replace all at once."""

    def __init__(self, files: CampaignFiles, audit: AuditTrail) -> None:
        self.files = files
        self._audit = audit
        # The roster as last built, with the parsed file it came from: rebuilt only when the file changed.
        self._built: tuple[Data | None, list[Unit], dict[str, Unit]] = (None, [], {})

    def _now(self) -> tuple[list[Unit], dict[str, Unit]]:
        data = self.files.main_cached()
        built_from, ordered, by_id = self._built
        if built_from is not data:
            with damaged_record(self.files.path(MAIN), "units"):
                docs = table(data, "units").values()
                ordered = sorted((_unit_from_doc(doc) for doc in docs), key=lambda u: (u.order, u.id))
            by_id = {unit.id: unit for unit in ordered}
            self._built = (data, ordered, by_id)
        return ordered, by_id

    def units(self) -> list[Unit]:
        """Every unit: directly affiliated ones and branches, in report order."""
        return list(self._now()[0])

    def unit(self, unit_id: str) -> Unit:
        """One unit; InputError when the id is unknown."""
        found = self._now()[1].get(unit_id)
        if found is None:
            raise InputError("store.unknown_unit", unit=unit_id)
        return found

    def meeting_units(self) -> list[Unit]:
        """The directly affiliated organizations, in report order: the units a ballot rates."""
        return [unit for unit in self.units() if unit.parent_id is None]

    def branches(self, parent_id: str | None = None) -> list[Unit]:
        """The branches (of one parent, or all), in order."""
        return [
            unit
            for unit in self.units()
            if unit.parent_id is not None and (parent_id is None or unit.parent_id == parent_id)
        ]

    def import_units(self, units: Sequence[Unit]) -> int:
        """Replace the roster by `units`, all or nothing; InputError naming the first bad unit."""
        check_units(units)
        store = self.files.store
        if self.units():
            store.backup(kind="auto")  # the roster being replaced can be restored
        with self.files.op(), store.edit(self.files.path(MAIN)) as db:
            target = db.table("units", cache_size=0)
            target.truncate()
            target.insert_multiple(_unit_doc(unit) for unit in units)
        self._audit.audit("admin", "units.import", str(len(units)))
        return len(units)

    def brands(self) -> list[Brand]:
        """The registered service brands, by id."""
        docs = table(self.files.main_cached(), "brands").values()
        return sorted(
            (Brand(str(d["id"]), str(d["name"]), str(d.get("unit_id", ""))) for d in docs), key=lambda b: b.id
        )

    def import_brands(self, brands: Sequence[Brand]) -> int:
        """Replace the brands by `brands`, all or nothing."""
        known = {unit.id for unit in self.units()}
        seen: set[str] = set()
        for brand in brands:
            if not brand.id.strip() or not brand.name.strip():
                raise InputError("store.brand_blank", brand=brand.id)
            check_clean([(brand.id, brand.id), (brand.id, brand.name)])
            if brand.id in seen:
                raise InputError("store.brand_duplicate", brand=brand.id)
            if brand.unit_id and brand.unit_id not in known:
                raise InputError("store.unknown_unit", unit=brand.unit_id)
            seen.add(brand.id)
        with self.files.op(), self.files.store.edit(self.files.path(MAIN)) as db:
            target = db.table("brands", cache_size=0)
            target.truncate()
            target.insert_multiple({"id": b.id, "name": b.name, "unit_id": b.unit_id} for b in brands)
        self._audit.audit("admin", "brands.import", str(len(brands)))
        return len(brands)
