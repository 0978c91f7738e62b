"""A roster file checked against the campaign before it replaces the roster: groups, ids, orphaned data."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from store.api import CampaignStore, Unit

from .roster import RosterReading, read_roster, restore_leading_zeros, roster_units
from .roster_guard import Orphan, orphans


def names_of(option: str | None) -> set[str]:
    """The names of a comma list typed on the command line (Chinese commas too), blanks dropped."""
    return {name.strip() for name in (option or "").replace("，", ",").split(",") if name.strip()}


@dataclass(frozen=True)
class RosterPlan:
    """What importing a roster file would do; `ok` only when nothing in it is refused."""

    reading: RosterReading
    units: list[Unit]
    zeros_restored: int
    """Ids a spreadsheet stripped of their leading zeros ("0101" read as "101"), given back."""
    orphans: list[Orphan]
    """Units the new roster leaves out while the campaign still holds their data (not named to drop)."""
    groups: dict[str, int]
    """Units per liaison group, as the file gives them (a misspelt group shows up alone)."""

    @property
    def ok(self) -> bool:
        return not self.reading.problems and not self.orphans


def plan_roster(
    campaign: CampaignStore, path: Path, groups: str | None = None, drop_units: str | None = None
) -> RosterPlan:
    """Read `path` against `campaign`: the liaison groups are `groups` (a comma list; by default the
    roster's groups today), ids restored against the stored ones, and units with data that the file
    leaves out refused unless listed in `drop_units`. Reads only; nothing is stored."""
    existing = campaign.roster.units()
    known = names_of(groups) or {unit.group for unit in existing if unit.group} or None
    reading = read_roster(path, known_groups=known)
    if reading.problems:
        return RosterPlan(reading, [], 0, [], {})
    units = roster_units(reading.units)
    restored = restore_leading_zeros(units, [unit.id for unit in existing])
    changed = sum(1 for old, new in zip(units, restored, strict=True) if old.id != new.id)
    dropping = names_of(drop_units)
    left_out = [o for o in orphans(campaign, [unit.id for unit in restored]) if o.unit_id not in dropping]
    found: dict[str, int] = {}
    for row in reading.units:
        if row.group:
            found[row.group] = found.get(row.group, 0) + 1
    return RosterPlan(reading, restored, changed, left_out, found)
