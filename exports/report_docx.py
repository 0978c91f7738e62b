"""The 通报 as a Word file: the Markdown notice laid out in the official style (A4, 黑体 headings, 仿宋 text).

Built from the very Markdown `render_report` writes, so the .docx and the .md always carry the same numbers.
python-docx is imported only here, only when a .docx is asked for. Page and fonts follow GB/T 9704 (党政机关
公文格式): A4, margins 37/35/28/26 mm, title in 小标宋/黑体 二号, headings 黑体 三号, text 仿宋 三号 with a
two-character first-line indent; Word falls back to a similar font where one is not installed.
"""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import Any

from .csvio import _replacing

TITLE_FONT = "方正小标宋简体"
HEADING_FONT = "黑体"
SUBHEADING_FONT = "楷体"
BODY_FONT = "仿宋"
LATIN_FONT = "Times New Roman"


def split_row(line: str) -> list[str]:
    """The cells of a Markdown table row written by `report._table` (its `\\|` and `\\\\` escapes undone)."""
    body = line.strip()
    if body.startswith("|"):
        body = body[1:]
    if body.endswith("|") and not body.endswith("\\|"):
        body = body[:-1]
    cells: list[str] = []
    current: list[str] = []
    escaped = False
    for char in body:
        if escaped:
            current.append(char)
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "|":
            cells.append("".join(current).strip())
            current = []
        else:
            current.append(char)
    cells.append("".join(current).strip())
    return cells


def _font(run: Any, name: str, size: float, bold: bool = False) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    run.font.name = LATIN_FONT
    run.font.color.rgb = RGBColor(0, 0, 0)  # official documents are black, not the template's blue headings
    run.font.size = Pt(size)
    run.font.bold = bold
    properties = run._element.get_or_add_rPr()
    fonts = properties.find(qn("w:rFonts"))
    if fonts is None:
        fonts = properties.makeelement(qn("w:rFonts"), {})
        properties.append(fonts)
    fonts.set(qn("w:eastAsia"), name)


def _paragraph(document: Any, text: str, font: str, size: float, **options: Any) -> Any:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    paragraph = document.add_paragraph(style=options.get("style"))
    if options.get("center"):
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if options.get("indent"):
        paragraph.paragraph_format.first_line_indent = Pt(size * 2)
    _font(paragraph.add_run(text), font, size, options.get("bold", False))
    return paragraph


def _table(document: Any, rows: list[list[str]]) -> None:
    width = max(len(row) for row in rows)
    table = document.add_table(rows=len(rows), cols=width)
    table.style = "Table Grid"
    for number, row in enumerate(rows):
        for index in range(width):
            cell = table.cell(number, index)
            cell.text = ""
            run = cell.paragraphs[0].add_run(row[index] if index < len(row) else "")
            _font(run, HEADING_FONT if number == 0 else BODY_FONT, 12, bold=number == 0)


def markdown_to_docx(markdown: str) -> bytes:
    """The notice's Markdown as the bytes of a .docx file."""
    import docx
    from docx.shared import Mm

    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    table_rows: list[list[str]] = []
    for line in [*markdown.splitlines(), ""]:
        if line.startswith("|"):
            if line.strip("|-: "):  # not the |---|---| line under the header
                table_rows.append(split_row(line))
            continue
        if table_rows:
            _table(document, table_rows)
            table_rows = []
        if not line.strip():
            continue
        if line.startswith("# "):
            _paragraph(document, line[2:], TITLE_FONT, 22, center=True, style="Title")
        elif line.startswith("## "):
            _paragraph(document, line[3:], HEADING_FONT, 16, style="Heading 1")
        elif line.startswith("### "):
            _paragraph(document, line[4:], SUBHEADING_FONT, 16, style="Heading 2")
        elif line.startswith("- "):
            _paragraph(document, line[2:].replace("`", ""), BODY_FONT, 16, style="List Bullet")
        elif line.startswith("> "):
            _paragraph(document, line[2:], BODY_FONT, 16, indent=True, bold=True)
        else:
            _paragraph(document, line, BODY_FONT, 16, indent=True)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def write_docx(markdown: str, path: Path) -> None:
    """Writes the notice as a .docx at `path`, atomically (whole or not at all)."""
    data = markdown_to_docx(markdown)
    with _replacing(Path(path)) as (handle, _target), os.fdopen(handle, "wb") as out:
        out.write(data)
        out.flush()
        os.fsync(out.fileno())
