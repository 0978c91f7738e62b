"""The roster template (`units template`): columns, an example organisation and branch, what each means."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from forms.errors import InputError

from .csvio import write_csv

Translate = Callable[..., str]


@dataclass(frozen=True)
class TemplateColumn:
    """One roster column: the header people type (what `units import` reads), whether it is required, and
    the catalogue key of what it means."""

    header: str
    required: bool
    meaning_key: str


COLUMNS: tuple[TemplateColumn, ...] = (
    TemplateColumn("编号", True, "selfyear.roster.col.id"),
    TemplateColumn("单位名称", True, "selfyear.roster.col.name"),
    TemplateColumn("党组织名称", False, "selfyear.roster.col.org_name"),
    TemplateColumn("党组织类型", False, "selfyear.roster.col.org_type"),
    TemplateColumn("所属联络组", False, "selfyear.roster.col.group"),
    TemplateColumn("上级", False, "selfyear.roster.col.parent"),
    TemplateColumn("上年星级", False, "selfyear.roster.col.last_star"),
    TemplateColumn("书记", False, "selfyear.roster.col.secretary"),
)

EXAMPLES: tuple[tuple[str, ...], ...] = (
    ("U01", "市委办公室", "中共市委办公室机关委员会", "机关党委", "第一联络组", "", "", "张某某"),
    ("U01-1", "市委办公室第一党支部", "中共市委办公室第一支部委员会", "党支部", "", "U01", "四星", "李某某"),
    ("U02", "市档案馆", "中共市档案馆支部委员会", "党支部", "第二联络组", "", "三星", "王某某"),
)
"""An organisation with a branch under it (上级 = its 编号), and an organisation that is itself a branch."""

FORMATS = (".csv", ".xlsx")


def _meaning(column: TemplateColumn, text: Translate) -> str:
    need = text("selfyear.roster.required") if column.required else text("selfyear.roster.optional")
    return f"{need}：{text(column.meaning_key)}"


def write_template(path: Path, text: Translate) -> int:
    """Write the template as CSV (UTF-8 with BOM, `#` lines explain each column and are skipped on import)
    or xlsx (a 单位名单 sheet to fill and a 填写说明 sheet); returns the number of example rows."""
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise InputError("selfyear.roster.bad_format", path=str(path), formats="、".join(FORMATS))
    if not path.parent.is_dir() and str(path.parent):
        raise InputError("export.no_directory", path=str(path.parent))
    header = [column.header for column in COLUMNS]
    notes = [[f"# {column.header}", _meaning(column, text)] for column in COLUMNS]
    try:
        if suffix == ".csv":
            lines: list[Sequence[object]] = [*EXAMPLES, ["# " + text("selfyear.roster.how")], *notes]
            write_csv(path, [header], lines, excel_safe=True)
        else:
            _write_xlsx(path, header, text)
    except OSError as error:
        raise InputError("export.cannot_write", path=str(path), detail=error.strerror or str(error)) from None
    return len(EXAMPLES)


def _write_xlsx(path: Path, header: list[str], text: Translate) -> None:
    # openpyxl only here: the other commands never pay for importing it.
    try:
        from openpyxl import Workbook
    except ImportError:
        raise InputError("selfyear.roster.no_xlsx", path=str(path)) from None

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "单位名单"
    sheet.append(header)
    for row in EXAMPLES:
        sheet.append(list(row))
    for column in sheet.columns:
        for cell in column:
            cell.number_format = "@"  # text: 编号 like 001 stays 001
    explain = book.create_sheet("填写说明")
    explain.append([text("selfyear.roster.col"), text("selfyear.roster.meaning")])
    for column in COLUMNS:
        explain.append([column.header, _meaning(column, text)])
    explain.append([])
    explain.append([text("selfyear.roster.how")])
    book.save(path)
