"""CSV read as bytes in large blocks: the lines `open(newline="")` gives, plain ones split without csv."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from itertools import chain
from typing import IO, TYPE_CHECKING

from .csvio import UTF8_BOM

if TYPE_CHECKING:
    from _csv import Reader  # the csv.reader object's type (line_num), for annotations only

BLOCK_BYTES = 1 << 20


def byte_lines(source: IO[bytes], block_bytes: int = BLOCK_BYTES) -> Iterator[bytes]:
    """The file's lines as bytes, each with its line break, split as `open(..., newline="")` splits text
    (at \\r\\n, \\r or \\n, nothing else), a leading UTF-8 BOM left out as "utf-8-sig" does.

    Read a block at a time (memory stays flat) and split in C: no decoding, no object per cell, no Python
    frame per line. A line cut by a block's end is carried to the next block, so a \\r\\n split across
    blocks stays one break.
    """
    return chain.from_iterable(_blocks(source, block_bytes))


def _blocks(source: IO[bytes], block_bytes: int) -> Iterator[list[bytes]]:
    rest = source.read(max(block_bytes, len(UTF8_BOM)))
    if rest.startswith(UTF8_BOM):
        rest = rest[len(UTF8_BOM) :]
    pending = [rest]
    while block := source.read(block_bytes):
        pending.append(block)
        if b"\n" not in block and b"\r" not in block:
            continue  # one long line: gathered, not copied again with every block
        lines = b"".join(pending).splitlines(keepends=True)
        pending = [lines.pop()]
        yield lines
    yield b"".join(pending).splitlines(keepends=True)


def plain_cells(line: bytes, limit: int) -> list[str] | None:
    """The cells of a line without a quote character, exactly as csv.reader gives them; None when the
    line needs csv.reader (a quote, or longer than the csv module's field limit, which it must enforce).

    Without a quote a cell can hold neither a comma nor a line break, so splitting at commas is csv's
    own parse. Raises UnicodeDecodeError for bytes that are not UTF-8.
    """
    if b'"' in line or len(line) > limit:
        return None
    text = line.rstrip(b"\r\n").decode("utf-8")
    return text.split(",") if text else []  # a bare line break is a record of no cells to csv.reader


def decoded(first: bytes, rest: Iterator[bytes]) -> Iterator[str]:
    """`first` and then the lines of `rest`, decoded as UTF-8 (strictly), one at a time as csv.reader
    asks for them: a quoted record takes the lines it spans and no more."""
    yield first.decode("utf-8")
    for line in rest:
        yield line.decode("utf-8")


def record_reader(first: bytes, rest: Iterator[bytes]) -> Reader:
    """A strict csv.reader over `first` and the lines after it, for one record that needs csv's parse."""
    return csv.reader(decoded(first, rest), strict=True)
