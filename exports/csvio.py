"""Excel-safe CSV: the formula guard, streaming atomic writes with a SHA-256, encoding-aware reading."""

from __future__ import annotations

import codecs
import contextlib
import csv
import hashlib
import io
import itertools
import os
import queue
import re
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from forms.errors import InputError

# Characters that make Excel (and LibreOffice, WPS) read a cell as a formula or a command (OWASP CSV
# Injection), with the full-width forms a Chinese IME produces, which WPS also evaluates.
FORMULA_STARTS = frozenset("=+-@\t\r\n＝＋－＠")
# The apostrophe Excel itself uses to say "this is text"; it also marks our own neutralizing prefix.
TEXT_MARK = "'"
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
UTF8_BOM = codecs.BOM_UTF8
ROWS_PER_CHUNK = 4096


def neutralize(text: str) -> str:
    """`text` made safe for a spreadsheet: a leading formula character gets an apostrophe in front.

    A plain number written as text ("-3", "+1.5") stays as it is: Excel reads it as the number it is, not a
    formula. An existing leading apostrophe before a formula character is doubled so that `restore` can undo
    the guard exactly.
    """
    if not text:
        return text
    first = text[0]
    if first in FORMULA_STARTS:
        if first in "+-" and _PLAIN_NUMBER.fullmatch(text):
            return text
        return TEXT_MARK + text
    if first == TEXT_MARK and len(text) > 1 and (text[1] in FORMULA_STARTS or text[1] == TEXT_MARK):
        return TEXT_MARK + text
    return text


def restore(text: str) -> str:
    """The inverse of `neutralize`: drops the guard apostrophe, and nothing else."""
    if len(text) > 1 and text[0] == TEXT_MARK and (text[1] in FORMULA_STARTS or text[1] == TEXT_MARK):
        return text[1:]
    return text


def cell(value: object, excel_safe: bool = True) -> object:
    """One value as it goes into a row: text guarded (when `excel_safe`), numbers and None as they are."""
    if isinstance(value, str):
        return neutralize(value) if excel_safe else value
    if isinstance(value, bool):
        return int(value)
    return value


@dataclass(frozen=True)
class WrittenFile:
    """What a finished CSV write produced: where, how many data rows, the SHA-256 of the bytes on disk."""

    path: Path
    rows: int
    sha256: str
    excel_safe: bool


ProgressCallback = Callable[[int], None]


def write_csv(
    path: Path,
    header_rows: Sequence[Sequence[str]],
    rows: Iterable[Sequence[object]],
    *,
    excel_safe: bool = True,
    on_progress: ProgressCallback | None = None,
) -> WrittenFile:
    """Streams `rows` into `path` atomically and returns the row count and the file's SHA-256.

    The rows are written through a small in-memory buffer, a chunk at a time, so memory stays flat however
    many rows there are; the hash is computed on the bytes as they are written. Cells must already be
    prepared with `cell()` (callers guard constant vocabulary once, not once per row). Excel-safe output is
    UTF-8 with a BOM, otherwise UTF-8 without one. The file appears only when complete: a failure leaves
    any older file as it was.
    """
    count = 0
    with _replacing(path) as (handle, target), os.fdopen(handle, "wb") as raw:
        sink = _HashingSink(raw)
        if excel_safe:
            sink.put(UTF8_BOM)
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerows(header_rows)
        iterator = iter(rows)
        try:
            while True:
                chunk = _take(iterator, ROWS_PER_CHUNK)
                if not chunk:
                    break
                writer.writerows(chunk)
                count += len(chunk)
                sink.put(_drain(buffer))
                if on_progress is not None:
                    on_progress(count)
            sink.put(_drain(buffer))
        finally:
            sha256 = sink.close()
        raw.flush()
        os.fsync(raw.fileno())
    return WrittenFile(path=target, rows=count, sha256=sha256, excel_safe=excel_safe)


class _HashingSink:
    """Hashes and writes byte chunks on a helper thread while the caller builds the next chunk.

    SHA-256 and file writes release the GIL for large buffers, so they overlap with building rows; the bounded
    queue keeps memory flat. An error on the thread (a full disk) is raised again by `close`.
    """

    def __init__(self, raw: IO[bytes]) -> None:
        self.raw = raw
        self.digest = hashlib.sha256()
        self.queue: queue.Queue[bytes | None] = queue.Queue(maxsize=4)
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, name="csv-writer", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while True:
            data = self.queue.get()
            if data is None:
                return
            if self.error is not None:
                continue  # keep draining so the producer never blocks on a dead writer
            try:
                self.digest.update(data)
                self.raw.write(data)
            except BaseException as error:  # reported to the caller by close()
                self.error = error

    def put(self, data: bytes) -> None:
        """Queues a chunk; raises at once if writing has already failed."""
        if self.error is not None:
            raise self.error
        if data:
            self.queue.put(data)

    def close(self) -> str:
        """Waits for every queued chunk; the hex SHA-256 of all bytes written."""
        self.queue.put(None)
        self.thread.join()
        if self.error is not None:
            raise self.error
        return self.digest.hexdigest()


def _drain(buffer: io.StringIO) -> bytes:
    data = buffer.getvalue().encode("utf-8")
    buffer.seek(0)
    buffer.truncate(0)
    return data


def _take(iterator: Iterator[Sequence[object]], size: int) -> list[Sequence[object]]:
    return list(itertools.islice(iterator, size))


def _remove_quietly(name: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(name)


def write_text_atomic(path: Path, text: str) -> None:
    """Writes a small text file (a manifest, a report) so that it appears whole or not at all."""
    with _replacing(path) as (handle, _target), os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
        out.write(text)
        out.flush()
        os.fsync(out.fileno())


@contextlib.contextmanager
def _replacing(path: Path) -> Iterator[tuple[int, Path]]:
    """A temp file (descriptor, and the target path) beside `path` that replaces it when the block ends well.

    The temp file is in the same directory so `os.replace` is atomic; on any failure it is removed and an
    older file stays as it was. A missing directory is bad input, named before anything is created.
    """
    target = Path(path)
    directory = target.parent if str(target.parent) else Path(".")
    if not directory.is_dir():
        raise InputError("export.no_directory", path=str(directory))
    handle, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=directory)
    try:
        yield handle, target
        os.replace(temp_name, target)
    except BaseException:
        _remove_quietly(temp_name)
        raise


def sha256_of(path: Path) -> str:
    """The SHA-256 of a file's bytes, read in large blocks."""
    digest = hashlib.sha256()
    with open(path, "rb") as source:
        while block := source.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


def detect_encoding(path: Path) -> str:
    """ "utf-8-sig" (BOM or plain UTF-8) when the whole file decodes strictly as UTF-8, else "gb18030".

    Chinese Excel's "CSV" save is GBK (a subset of GB18030); "CSV UTF-8" has a BOM. Nothing is ever decoded
    with errors ignored: a file that is neither raises `InputError` naming the first bad byte's line.
    """
    try:
        with open(path, "rb") as source:
            head = source.read(len(UTF8_BOM))
            decoder = codecs.getincrementaldecoder("utf-8")("strict")
            source.seek(0)
            while block := source.read(1 << 20):
                decoder.decode(block)
            decoder.decode(b"", final=True)
        return "utf-8-sig"
    except UnicodeDecodeError:
        pass
    except FileNotFoundError:
        raise InputError("import.file_missing", file=str(path)) from None
    except IsADirectoryError:
        raise InputError("import.file_missing", file=str(path)) from None
    if head == UTF8_BOM:
        raise InputError("import.bad_utf8", file=str(path), line=bad_line(path, "utf-8"))
    try:
        with open(path, encoding="gb18030", errors="strict") as source:
            while source.read(1 << 20):
                pass
    except UnicodeDecodeError:
        raise InputError("import.unknown_encoding", file=str(path), line=bad_line(path, "gb18030")) from None
    return "gb18030"


def bad_line(path: Path, encoding: str) -> int:
    """The 1-based line of the first byte that does not decode in `encoding`."""
    data = Path(path).read_bytes()
    try:
        data.decode(encoding)
    except UnicodeDecodeError as error:
        return data.count(b"\n", 0, error.start) + 1
    return 1


@dataclass(frozen=True)
class CsvRecord:
    """One data row of a CSV read back: its line number in the file (1-based) and its cells."""

    line: int
    cells: list[str]


def read_csv(path: Path, *, encoding: str | None = None) -> Iterator[CsvRecord]:
    """Streams the rows of a CSV with the line each starts on; blank lines are skipped.

    The encoding is detected when not given. Quoted cells may span lines (comments with newlines); the line
    reported is the one the record starts on, as a spreadsheet user would look for it.
    """
    chosen = encoding or detect_encoding(path)
    with open(path, encoding=chosen, errors="strict", newline="") as source:
        reader = csv.reader(source, strict=True)
        start = 1
        try:
            for cells in reader:
                if any(part.strip() for part in cells):
                    yield CsvRecord(line=start, cells=cells)
                start = reader.line_num + 1
        except csv.Error as error:
            raise InputError(
                "import.bad_csv", file=str(path), line=reader.line_num, detail=str(error)
            ) from None
        except UnicodeDecodeError:  # a binary file, or text in another encoding: one sentence, its line
            raise InputError("import.unknown_encoding", file=str(path), line=bad_line(path, chosen)) from None
