"""`CsvRecords` gives exactly the csv module's records, line numbers and errors, for any text."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Protocol

from hypothesis import given, settings
from hypothesis import strategies as st

from exports.csvio import CsvRecords

PIECES = st.sampled_from(["a", "好", ",", '"', "\r", "\n", "\r\n", " ", "'", "=", ""])
CELLS = st.lists(st.lists(PIECES, max_size=6).map("".join), max_size=4)


class _Reader(Protocol):
    @property
    def line_num(self) -> int: ...

    def __iter__(self) -> Iterator[list[str]]: ...


def _read(reader: _Reader) -> list[tuple[object, object]]:
    out: list[tuple[object, object]] = []
    try:
        for cells in reader:
            out.append((reader.line_num, cells))
    except csv.Error:
        out.append(("error", reader.line_num))
    return out


def _both(text: str, block_size: int) -> tuple[list[tuple[object, object]], list[tuple[object, object]]]:
    module = csv.reader(io.StringIO(text, newline=""), strict=True)
    ours = CsvRecords(io.StringIO(text, newline=""), block_size=block_size)
    return _read(module), _read(ours)


@settings(max_examples=400, deadline=None)
@given(
    rows=st.lists(CELLS, max_size=6), cut=st.integers(0, 200), block_size=st.sampled_from([1, 2, 7, 1 << 20])
)
def test_written_rows_even_cut_short_read_as_the_csv_module_reads_them(
    rows: list[list[str]], cut: int, block_size: int
) -> None:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    text = buffer.getvalue()
    for sample in (text, text[:cut], text.replace("\r\n", "\n")):
        module, ours = _both(sample, block_size)
        assert ours == module


@settings(max_examples=400, deadline=None)
@given(text=st.lists(PIECES, max_size=40).map("".join), block_size=st.sampled_from([1, 3, 1 << 20]))
def test_any_text_reads_as_the_csv_module_reads_it(text: str, block_size: int) -> None:
    module, ours = _both(text, block_size)
    assert ours == module


def test_a_comment_over_three_lines_counts_its_lines() -> None:
    text = 'id,comment\r\nB1,"工作扎实，\r\n""亮点""突出\n=建议"\r\nB2,好\r\n'
    ours = CsvRecords(io.StringIO(text, newline=""))
    seen = [(cells, ours.line_num) for cells in ours]
    assert seen == [
        (["id", "comment"], 1),
        (["B1", '工作扎实，\r\n"亮点"突出\n=建议'], 4),
        (["B2", "好"], 5),
    ]
