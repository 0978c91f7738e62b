"""The unit roster from a spreadsheet: Chinese or English headers, every bad row found at once."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from forms.errors import InputError
from store.api import Unit

from .row_problems import RosterProblem

# Header spellings people use, by field. Chinese first, as Excel rosters are written; then English ids.
HEADER_ALIASES: Mapping[str, tuple[str, ...]] = {
    "unit_id": ("编号", "单位编号", "序号", "id", "unit_id", "unit id", "code"),
    "name": ("单位名称", "单位", "名称", "name", "unit", "unit_name", "unit name"),
    "org_name": ("党组织名称", "党组织", "org_name", "party_org", "party organization"),
    "org_type": ("党组织类型", "组织类型", "org_type", "type", "organization type"),
    "group": ("所属联络组", "联络组", "党建联络组", "group", "liaison_group", "liaison group"),
    "secretary": ("书记", "党组织书记", "secretary"),
    "last_star": ("上年星级", "去年星级", "上年度星级", "last_star", "last year's star", "last_year_star"),
    "parent": ("上级", "上级党组织", "上级编号", "parent", "parent_id"),
}
REQUIRED = ("unit_id", "name")
STAR_WORDS = {"一星": 1, "二星": 2, "三星": 3, "四星": 4, "五星": 5}


@dataclass(frozen=True)
class RosterUnit:
    """One unit of the roster as read from the file, with the line it came from."""

    unit_id: str
    name: str
    org_name: str = ""
    org_type: str = ""
    group: str = ""
    secretary: str = ""
    last_star: int | None = None
    parent: str = ""
    line: int = 0


@dataclass(frozen=True)
class RosterReading:
    """The units read, every problem found, the encoding used, and headers that were not recognised."""

    units: tuple[RosterUnit, ...]
    problems: tuple[RosterProblem, ...]
    encoding: str
    ignored_columns: tuple[str, ...]
    where: str = ""  # the sheet of an .xlsx roster, for `FILE:SHEET:ROW` messages

    @property
    def ok(self) -> bool:
        """True when the whole file is good and may be imported."""
        return not self.problems


def _normalize_header(text: str) -> str:
    return " ".join(text.replace("\ufeff", "").strip().lower().split())


def _field_of(header: str) -> str | None:
    wanted = _normalize_header(header)
    for name, aliases in HEADER_ALIASES.items():
        if wanted in aliases:
            return name
    return None


def parse_star(text: str) -> int | None:
    """A star as people type it ("3", "3星", "三星", "三星级"); None when empty; ValueError otherwise."""
    value = text.strip()
    if not value:
        return None
    for word, number in STAR_WORDS.items():
        if value in (word, word + "级"):
            return number
    value = value.removesuffix("星级").removesuffix("星")
    amount = float(value)  # ValueError on anything else
    if not amount.is_integer():
        raise ValueError(text)
    return int(amount)


def row_id_problem(ident: str, line: int, column: str, first_line: dict[str, int]) -> RosterProblem | None:
    """What is wrong with a row's id: missing, or already on an earlier line (named); None for a new id,
    which `first_line` then remembers. Shared by every table whose rows are keyed by an id column."""
    if not ident:
        return RosterProblem(line, column, "import.roster.missing_id")
    if ident in first_line:
        return RosterProblem(
            line, column, "import.roster.duplicate_id", {"id": ident, "first": first_line[ident]}
        )
    first_line[ident] = line
    return None


def read_roster(
    path: Path,
    *,
    known_groups: Collection[str] | None = None,
    existing_ids: Collection[str] = (),
) -> RosterReading:
    """Reads and checks a roster file; problems are collected for every row, never stopping at the first.

    `known_groups` are the campaign's liaison groups (None accepts any name); `existing_ids` are units
    already in the campaign, which a `上级` (parent) column may refer to besides the rows of this file.
    """
    from store.limits import MAX_ROSTER_BYTES, MAX_UNITS, check_unit_count, forbidden_character

    from .sheets import open_rows

    try:
        size = Path(path).stat().st_size
    except OSError:
        size = 0  # a missing file is reported by the reader below
    if size > MAX_ROSTER_BYTES:  # before reading it: a 50 MB file is never parsed into units
        raise InputError("trust.roster_too_big", file=str(path), limit=MAX_UNITS)
    rows = open_rows(path)
    encoding, where, records = rows.encoding, rows.where, rows.records
    header = next(records, None)
    if header is None:
        raise InputError("import.roster_empty", file=str(path))
    columns: dict[str, int] = {}
    titles: dict[str, str] = {}
    ignored: list[str] = []
    problems: list[RosterProblem] = []
    for index, title in enumerate(header.cells):
        name = _field_of(title)
        if name is None:
            if title.strip():
                ignored.append(title.strip())
            continue
        if name in columns:
            problems.append(RosterProblem(header.line, title.strip(), "import.roster.duplicate_column"))
            continue
        columns[name] = index
        titles[name] = title.strip()
    for name in REQUIRED:
        if name not in columns:
            problems.append(
                RosterProblem(header.line, HEADER_ALIASES[name][0], "import.roster.missing_column")
            )
    if problems:
        return RosterReading((), tuple(problems), encoding, tuple(ignored), where)
    problems.extend(rows.problems)  # formula cells of a workbook

    def get(cells: list[str], name: str) -> str:
        index = columns.get(name)
        if index is None or index >= len(cells):
            return ""
        return cells[index].strip()

    units: list[RosterUnit] = []
    first_line: dict[str, int] = {}
    groups = None if known_groups is None else set(known_groups)
    for record in records:
        cells = record.cells
        if cells and cells[0].lstrip().startswith("#"):
            continue  # an explanation line (the template's 说明 rows), never a unit
        if len(units) >= MAX_UNITS:
            check_unit_count(len(units) + 1)  # stops here, without reading the rest
        for index, cell in enumerate(cells):
            if (bad := forbidden_character(cell)) is not None:
                column = header.cells[index].strip() if index < len(header.cells) else str(index + 1)
                problems.append(
                    RosterProblem(record.line, column, "trust.roster.forbidden_character", {"character": bad})
                )
        unit_id = get(cells, "unit_id")
        name = get(cells, "name")
        group = get(cells, "group")
        line = record.line
        if unit_id.startswith(("=", "＝")):  # ="001" keeps zeros in Excel but is a formula: refused
            problems.append(
                RosterProblem(line, titles["unit_id"], "results.import.formula", {"value": unit_id})
            )
        elif id_problem := row_id_problem(unit_id, line, titles["unit_id"], first_line):
            problems.append(id_problem)
        if not name:
            problems.append(RosterProblem(line, titles["name"], "import.roster.missing_name"))
        if "group" in columns and groups is not None and group and group not in groups:
            problems.append(
                RosterProblem(
                    line,
                    titles["group"],
                    "import.roster.unknown_group",
                    {"group": group, "known": "、".join(sorted(groups))},
                )
            )
        if "group" in columns and groups and not group:
            problems.append(RosterProblem(line, titles["group"], "import.roster.missing_group"))
        star: int | None = None
        raw_star = get(cells, "last_star")
        try:
            star = parse_star(raw_star)
        except ValueError:
            problems.append(
                RosterProblem(line, titles["last_star"], "import.roster.bad_star", {"value": raw_star})
            )
        else:
            if star is not None and not 1 <= star <= 5:
                problems.append(
                    RosterProblem(line, titles["last_star"], "import.roster.bad_star", {"value": raw_star})
                )
                star = None
        units.append(
            RosterUnit(
                unit_id=unit_id,
                name=name,
                org_name=get(cells, "org_name"),
                org_type=get(cells, "org_type"),
                group=group,
                secretary=get(cells, "secretary"),
                last_star=star,
                parent=get(cells, "parent"),
                line=line,
            )
        )
    if "parent" in columns:
        known_ids = set(first_line) | set(existing_ids)
        for unit in units:
            if unit.parent and unit.parent not in known_ids:
                problems.append(
                    RosterProblem(
                        unit.line, titles["parent"], "import.roster.unknown_parent", {"id": unit.parent}
                    )
                )
            elif unit.parent and unit.parent == unit.unit_id:
                problems.append(
                    RosterProblem(
                        unit.line, titles["parent"], "import.roster.self_parent", {"id": unit.parent}
                    )
                )
    if not units and not problems:
        raise InputError("import.roster_empty", file=str(path))
    problems.sort(key=lambda problem: problem.line)
    return RosterReading(tuple(units), tuple(problems), encoding, tuple(ignored), where)


def roster_units(rows: Iterable[RosterUnit]) -> list[Unit]:
    """The roster's rows as store units, numbered in file order from 1 (the order lists show them in)."""
    return [
        Unit(
            id=row.unit_id,
            name=row.name,
            org_name=row.org_name,
            kind=row.org_type,
            parent_id=row.parent or None,
            group=row.group,
            secretary=row.secretary,
            last_star=row.last_star,
            order=index,
        )
        for index, row in enumerate(rows, start=1)
    ]


def restore_leading_zeros(units: Sequence[Unit], stored_ids: Collection[str]) -> list[Unit]:
    """`units` with all-digit codes a spreadsheet stripped (`40`) given back their stored form (`040`)
    when exactly one stored code matches and the file does not already use it; parents likewise."""
    from .sheets import match_code

    stored = set(stored_ids)
    used = {unit.id for unit in units}

    def restored(code: str) -> str:
        if not code or code in stored:
            return code
        found = match_code(code, stored)
        return found if found is not None and found not in used else code

    mapping = {unit.id: restored(unit.id) for unit in units}
    return [
        replace(
            unit,
            id=mapping[unit.id],
            parent_id=mapping.get(unit.parent_id, restored(unit.parent_id))
            if unit.parent_id
            else unit.parent_id,
        )
        for unit in units
    ]
