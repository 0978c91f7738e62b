"""Rows of an imported table, from a CSV or the first sheet of an .xlsx, as text cells with their row number.

The readers of rosters, brands and visits see one shape whatever the file: `CsvRecord(line, cells)`. An xlsx
cell is turned into the text a person typed: whole numbers without ".0", dates as YYYY-MM-DD, TRUE/FALSE.
A formula cell is refused (its result could change after the import), like every other problem, with the
row and the column's header. openpyxl is imported only here, only for .xlsx files.
"""

from __future__ import annotations

import datetime
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from forms.errors import InputError

from .csvio import CsvRecord, detect_encoding, read_csv
from .row_problems import RosterProblem

XLSX_SUFFIXES = (".xlsx", ".xlsm")
XLSX = "xlsx"
"""The `encoding` of rows read from a workbook."""


@dataclass
class SheetRows:
    """The records of a table file (header first), how it was read, and problems found while reading.

    `where` is what a message puts after the file name: the sheet name of a workbook, "" for a CSV
    (so a message reads `FILE:SHEET:ROW: column: problem` or `FILE:LINE: column: problem`)."""

    records: Iterator[CsvRecord]
    encoding: str
    where: str = ""
    problems: list[RosterProblem] = field(default_factory=list)


def is_workbook(path: Path) -> bool:
    """Whether the file is read as an .xlsx workbook (by its name)."""
    return Path(path).suffix.lower() in XLSX_SUFFIXES


def open_rows(path: Path) -> SheetRows:
    """The rows of a CSV (encoding detected) or of an .xlsx file's first sheet."""
    path = Path(path)
    if not is_workbook(path):
        encoding = detect_encoding(path)
        return SheetRows(read_csv(path, encoding=encoding), encoding)
    return _workbook_rows(path)


def cell_text(value: object) -> str:
    """A workbook cell as the text a person typed: 3 not 3.0, 2026-06-01, TRUE/FALSE, "" for empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime.datetime):
        if value.time() == datetime.time(0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def _workbook_rows(path: Path) -> SheetRows:
    try:
        import openpyxl
        from openpyxl.utils.exceptions import InvalidFileException
    except ImportError:  # pragma: no cover - a dependency of the package
        raise InputError("results.import.no_openpyxl", file=str(path)) from None
    if not path.is_file():
        raise InputError("import.file_missing", file=str(path))
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=False)
    except (InvalidFileException, KeyError, OSError, ValueError) as error:
        raise InputError(
            "results.import.bad_xlsx", file=str(path), detail=str(error) or type(error).__name__
        ) from None
    except Exception as error:  # zipfile.BadZipFile and friends: a damaged or non-xlsx file
        raise InputError("results.import.bad_xlsx", file=str(path), detail=type(error).__name__) from None
    try:
        sheet = book.worksheets[0] if book.worksheets else None
        if sheet is None:
            raise InputError("import.empty", file=str(path))
        records: list[CsvRecord] = []
        problems: list[RosterProblem] = []
        header: list[str] = []
        for number, row in enumerate(sheet.iter_rows(), start=1):
            cells: list[str] = []
            for index, item in enumerate(row):
                value = getattr(item, "value", None)
                if getattr(item, "data_type", "") == "f" or (
                    isinstance(value, str) and value.startswith("=")
                ):
                    title = header[index] if index < len(header) else f"#{index + 1}"
                    problems.append(
                        RosterProblem(number, title, "results.import.formula", {"value": str(value)})
                    )
                    cells.append("")
                    continue
                cells.append(cell_text(value))
            if not header:
                header = [cell.strip() for cell in cells]
            if any(part.strip() for part in cells):
                records.append(CsvRecord(line=number, cells=cells))
        title = str(sheet.title)
    finally:
        book.close()
    return SheetRows(iter(records), XLSX, title, problems)


def match_code(text: str, known: Collection[str]) -> str | None:
    """The stored code `text` means: itself when known, else the one all-digit code equal to it once the
    leading zeros a spreadsheet dropped are restored (`40` -> `040`); None when unknown or ambiguous."""
    if text in known:
        return text
    if not text.isdigit():
        return None
    bare = text.lstrip("0")
    candidates = [code for code in known if code.isdigit() and code.lstrip("0") == bare]
    return candidates[0] if len(candidates) == 1 else None
