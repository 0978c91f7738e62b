"""Spreadsheet imports besides the roster: supervision visits and service brands, every bad row reported."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from forms.errors import InputError
from forms.model import AnswerValue, Form
from forms.scoring import validate_answer
from store.api import Brand, CampaignStore, Visit

from .answer_cells import BOOLEAN_WORDS, decode_answer
from .csvio import TEXT_MARK, CsvRecord, restore
from .roster import row_id_problem
from .row_problems import RosterProblem
from .sheets import match_code, open_rows

RowProblem = RosterProblem
"""One bad cell of an imported file: line, column as written, catalogue key and params."""

DAY = re.compile(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?")

SUPERVISION_ALIASES: Mapping[str, tuple[str, ...]] = {
    "visit_id": ("督导记录编号", "记录编号", "visit_id", "visit id"),
    "unit_id": ("单位编号", "编号", "unit_id", "unit id"),
    "liaison_group": ("所属联络组", "联络组", "liaison_group", "group", "liaison group"),
    "day": ("日期", "督导日期", "day", "date"),
    "form_id": ("表单编号", "form_id", "form id"),
    "item_id": ("题目编号", "item_id", "item id"),
    "answer": ("答案代码", "答案", "得分", "answer", "answer code", "score"),
    "note": ("说明", "备注", "note", "notes"),
}
BRAND_ALIASES: Mapping[str, tuple[str, ...]] = {
    "brand_id": ("品牌编号", "编号", "brand_id", "brand id", "id"),
    "brand_name": ("品牌名称", "名称", "品牌", "brand_name", "brand", "name"),
    "unit_id": ("单位编号", "所属单位编号", "unit_id", "unit id"),
    "unit_name": ("单位名称", "所属单位", "单位", "unit_name", "unit"),
}


@dataclass(frozen=True)
class TableReading:
    """Records read from an import file, or every problem found in it."""

    problems: tuple[RowProblem, ...]
    count: int
    encoding: str
    where: str = ""  # the sheet of an .xlsx file, for `FILE:SHEET:ROW` messages


def _norm(text: str) -> str:
    return " ".join(text.replace("\ufeff", "").strip().lower().split())


def _columns(
    header: CsvRecord, aliases: Mapping[str, tuple[str, ...]], required: tuple[str, ...]
) -> tuple[dict[str, int], dict[str, str], list[RowProblem]]:
    columns: dict[str, int] = {}
    titles: dict[str, str] = {}
    problems: list[RowProblem] = []
    for index, title in enumerate(header.cells):
        wanted = _norm(title)
        for name, names in aliases.items():
            if wanted in names and name not in columns:
                columns[name] = index
                titles[name] = title.strip()
                break
    for name in required:
        if name not in columns:
            problems.append(RowProblem(header.line, aliases[name][0], "import.missing_column"))
    return columns, titles, problems


def _cell(cells: list[str], columns: Mapping[str, int], name: str, guarded: bool) -> str:
    index = columns.get(name)
    if index is None or index >= len(cells):
        return ""
    value = cells[index]
    return (restore(value) if guarded and value[:1] == TEXT_MARK else value).strip()


def normal_day(text: str) -> str | None:
    """A date as people type it (2026-06-01, 2026/6/1, 2026年6月1日) as YYYY-MM-DD, or None."""
    import datetime

    match = DAY.fullmatch(text.strip())
    if not match:
        return None
    try:
        return datetime.date(int(match[1]), int(match[2]), int(match[3])).isoformat()
    except ValueError:
        return None


def read_visits(path: Path, campaign_store: CampaignStore) -> tuple[list[Visit], TableReading]:
    """Supervision visits from a CSV or .xlsx in the layout of `export supervision` (a row per visit x item).

    Rows with the same visit id (or, without that column, the same unit, group and day) make one visit. Every
    unknown unit, group, item or form, bad date and bad answer is reported with its line. A unit code whose
    leading zeros a spreadsheet dropped (`40` for `040`) is matched when unambiguous.
    """
    rows = open_rows(path)
    encoding, where, records = rows.encoding, rows.where, rows.records
    header = next(records, None)
    if header is None:
        raise InputError("import.empty", file=str(path))
    columns, titles, problems = _columns(header, SUPERVISION_ALIASES, ("unit_id", "day", "item_id", "answer"))
    if problems:
        return [], TableReading(tuple(problems), 0, encoding, where)
    problems.extend(rows.problems)
    # Our own exports guard formula-like text with an apostrophe; a spreadsheet never writes one itself.
    guarded = True
    units = {unit.id: unit for unit in campaign_store.roster.units()}
    groups = {unit.group for unit in units.values() if unit.group}
    visit_forms = {form.id: form for form in campaign_store.forms_of_scope("visit")}
    default_form = next(iter(visit_forms.values()), None)
    grouped: dict[tuple[str, ...], dict[str, object]] = {}
    order: list[tuple[str, ...]] = []
    for record in records:
        cells = record.cells
        line = record.line

        def get(name: str, cells: list[str] = cells) -> str:
            return _cell(cells, columns, name, guarded)

        unit_id = get("unit_id")
        unit_id = match_code(unit_id, units) or unit_id
        unit = units.get(unit_id)
        if unit is None:
            problems.append(RowProblem(line, titles["unit_id"], "import.unknown_unit_id", {"id": unit_id}))
        group = get("liaison_group") or (unit.group if unit else "")
        if group and groups and group not in groups:
            problems.append(
                RowProblem(
                    line,
                    titles.get("liaison_group", ""),
                    "import.roster.unknown_group",
                    {"group": group, "known": "、".join(sorted(groups))},
                )
            )
        raw_day = get("day")
        day = normal_day(raw_day)
        if day is None:
            problems.append(RowProblem(line, titles["day"], "import.bad_day", {"value": raw_day}))
        form_id = get("form_id") or (default_form.id if default_form else "")
        form: Form | None = visit_forms.get(form_id)
        if form is None:
            problems.append(
                RowProblem(
                    line, titles.get("form_id", titles["item_id"]), "import.unknown_form_id", {"id": form_id}
                )
            )
            continue
        item_id = get("item_id")
        item = form.item(item_id)
        if item is None:
            problems.append(RowProblem(line, titles["item_id"], "import.unknown_item", {"id": item_id}))
            continue
        text = get("answer")
        try:
            value: AnswerValue = decode_answer(item, text)
        except ValueError:
            if item.type in ("check", "veto"):
                params = {"value": text, "allowed": "、".join(BOOLEAN_WORDS)}
                problems.append(RowProblem(line, titles["answer"], "results.import.bad_yes_no", params))
            else:
                problems.append(RowProblem(line, titles["answer"], "import.bad_answer", {"value": text}))
            continue
        problem = validate_answer(form, item_id, value)
        if problem is not None:
            problems.append(RowProblem(line, titles["answer"], "import.bad_answer", {"value": text}))
            continue
        key = (
            (get("visit_id"),)
            if "visit_id" in columns and get("visit_id")
            else (unit_id, group, day or "", form_id)
        )
        entry = grouped.get(key)
        if entry is None:
            entry = {
                "unit_id": unit_id,
                "group": group,
                "day": day or "",
                "form": form,
                "answers": {},
                "note": "",
            }
            grouped[key] = entry
            order.append(key)
        answers = entry["answers"]
        assert isinstance(answers, dict)
        answers[item_id] = value
        note = get("note")
        if note and not entry["note"]:
            entry["note"] = note
    visits: list[Visit] = []
    for visit_key in order:
        entry = grouped[visit_key]
        visit_form = entry["form"]
        assert isinstance(visit_form, Form)
        answers = entry["answers"]
        assert isinstance(answers, dict)
        visits.append(
            Visit(
                id="",
                unit_id=str(entry["unit_id"]),
                group=str(entry["group"]),
                day=str(entry["day"]),
                form_id=visit_form.id,
                form_version=visit_form.version,
                answers=answers,
                note=str(entry["note"]),
            )
        )
    problems.sort(key=lambda problem: problem.line)
    return visits, TableReading(tuple(problems), len(visits), encoding, where)


def read_brands(path: Path, campaign_store: CampaignStore) -> tuple[list[Brand], TableReading]:
    """Registered service brands from a CSV or .xlsx: id, name and the unit (by id, leading zeros restored
    when unambiguous, or by exact name)."""
    rows = open_rows(path)
    encoding, where, records = rows.encoding, rows.where, rows.records
    header = next(records, None)
    if header is None:
        raise InputError("import.empty", file=str(path))
    columns, titles, problems = _columns(header, BRAND_ALIASES, ("brand_id", "brand_name"))
    if problems:
        return [], TableReading(tuple(problems), 0, encoding, where)
    problems.extend(rows.problems)
    units = campaign_store.roster.units()
    by_id = {unit.id: unit for unit in units}
    by_name = {unit.name: unit for unit in units}
    brands: list[Brand] = []
    first: dict[str, int] = {}
    for record in records:
        line = record.line

        def get(name: str, cells: list[str] = record.cells) -> str:
            return _cell(cells, columns, name, True)

        brand_id, name = get("brand_id"), get("brand_name")
        if id_problem := row_id_problem(brand_id, line, titles["brand_id"], first):
            problems.append(id_problem)
        if not name:
            problems.append(RowProblem(line, titles["brand_name"], "import.brand_missing_name"))
        unit_id = get("unit_id")
        unit_id = match_code(unit_id, by_id) or unit_id
        unit_name = get("unit_name")
        if unit_id and unit_id not in by_id:
            problems.append(RowProblem(line, titles["unit_id"], "import.unknown_unit_id", {"id": unit_id}))
        elif not unit_id and unit_name:
            found = by_name.get(unit_name)
            if found is None:
                problems.append(
                    RowProblem(line, titles["unit_name"], "import.unknown_unit_name", {"name": unit_name})
                )
            else:
                unit_id = found.id
        brands.append(Brand(brand_id, name, unit_id))
    problems.sort(key=lambda problem: problem.line)
    return brands, TableReading(tuple(problems), len(brands), encoding, where)
