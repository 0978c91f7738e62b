"""The sign-in status table lines up in a terminal: a Chinese character takes two cells."""

from __future__ import annotations

import unicodedata

from exports.sign_in_status import text_table


def _cells(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def test_columns_line_up_with_chinese_names() -> None:
    lines = text_table(["单位", "登录码"], [["U01 市委办公室", "有"], ["U02-01 Branch", "无"]])
    assert lines[1].split() == ["-" * _cells("U01 市委办公室"), "-" * _cells("登录码")]
    starts = {_cells(line[: line.index(mark)]) for line, mark in zip(lines[2:], "有无", strict=True)}
    assert starts == {_cells("U01 市委办公室") + 2}, lines
    assert _cells(lines[0].split()[0]) == 4 and not any(line.endswith(" ") for line in lines)
