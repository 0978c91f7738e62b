"""Ballot exports read as bytes: the same lines, cells and ballots as csv.reader over the text, or the same refusal."""

from __future__ import annotations

import csv
import io
import tempfile
from collections.abc import Sequence
from pathlib import Path
from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

import exports.ballot_files
from exports.ballot_files import BallotSet, read_ballot_files, source_of
from exports.ballot_rows import BALLOT_COLUMNS
from exports.consolidate import form_finder
from exports.csv_lines import byte_lines, plain_cells
from exports.csvio import sha256_of
from exports.manifest import Manifest, write_manifest
from forms.errors import InputError, ProblemFound

LIMIT = csv.field_size_limit()
# Chinese text, the CSV specials, both line breaks, the formula starts and the guard apostrophe.
TRICKY = "a中文，,\"'\r\n =+-@＝\t\x00"
ENDINGS = ("\r\n", "\n", "\r")


def _text_lines(data: bytes) -> list[bytes]:
    """The lines Python's own text layer gives, as "utf-8-sig" with newline="" (what csv.reader wants)."""
    text = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8-sig", newline="")
    return [line.encode("utf-8") for line in text]


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="a中\r\n,\"'", max_size=40), st.booleans(), st.integers(1, 9))
def test_byte_lines_are_the_lines_of_a_text_file(text: str, bom: bool, block: int) -> None:
    data = (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8")
    assert list(byte_lines(io.BytesIO(data), block)) == _text_lines(data)


def _written(rows: Sequence[Sequence[str]], endings: Sequence[str]) -> bytes:
    out = io.StringIO()
    for cells, ending in zip(rows, endings, strict=False):
        csv.writer(out, lineterminator=ending).writerow(cells)
    return out.getvalue().encode("utf-8")


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.lists(st.text(alphabet=TRICKY, max_size=6), min_size=1, max_size=5), max_size=6),
    st.lists(st.sampled_from(ENDINGS), min_size=6, max_size=6),
    st.text(alphabet=TRICKY, max_size=30),
)
def test_a_line_without_a_quote_splits_as_csv_reader_reads_it(
    rows: list[list[str]], endings: list[str], raw: str
) -> None:
    data = _written(rows, endings) + raw.encode("utf-8")  # written by csv.writer, then anything at all
    for line in byte_lines(io.BytesIO(data)):
        cells = plain_cells(line, LIMIT)
        if b'"' in line:
            assert cells is None
            continue
        assert cells == next(csv.reader([line.decode("utf-8")], strict=True))


def test_a_line_longer_than_the_csv_field_limit_is_left_to_csv_reader() -> None:
    assert plain_cells(b"a," + b"x" * LIMIT + b"\r\n", LIMIT) is None
    assert plain_cells(b"a,b\r\n", LIMIT) == ["a", "b"]


# ---------------------------------------------------------------- whole exports, fast path against csv.reader

FORM = ("review_ballot", "2025.1")
UNITS = ("U01", "U02", "单位3", "'=U4", "U,5")
ITEMS = ("overall", "execution", "service", "comment", "nope", "'=overall")
ANSWERS = ("good", "fairly_good", "average", "poor", "great", "'=good", "")
BALLOTS = ("b1", "b2", "'-b3", "b4", "", "b1")
TERMINALS = ("t1", "终端2", "t,3")
GROUPS = ("leaders", "members")


@st.composite
def export_bytes(draw: st.DrawFn) -> tuple[bytes, int]:
    """An export as a terminal writes it (Chinese comments with quotes and line breaks, the guard apostrophe,
    any of the three line breaks, rows repeated), and in one file of four the odd things a file meets: a
    ballot's rows out of order, an unknown item, stray blank lines, a short row, no final break, a byte that
    is not UTF-8."""
    odd = draw(st.integers(0, 3)) == 0
    lines: list[tuple[list[str], str]] = []
    if odd and draw(st.booleans()):
        lines.append(([""], draw(st.sampled_from(ENDINGS))))
    lines.append((list(BALLOT_COLUMNS), "\r\n"))
    rows = 0
    file_ending = draw(st.sampled_from(ENDINGS))
    for number in range(draw(st.integers(0, 5))):
        ballot = draw(st.sampled_from(BALLOTS)) if odd else BALLOTS[number]
        terminal, group = (
            draw(st.sampled_from(TERMINALS if odd else TERMINALS[:2])),
            draw(st.sampled_from(GROUPS)),
        )
        valid = draw(st.sampled_from(("1", "0"))) if odd else "1"
        for _ in range(draw(st.integers(1, 16))):
            shape = draw(st.integers(0, 29)) if odd else 9
            ending = draw(st.sampled_from(ENDINGS)) if odd else file_ending
            if shape == 0:
                lines.append((draw(st.sampled_from([[""], [""] * 15, ["  "] * 15])), ending))
                continue
            # Few distinct rows in a plain file, so that rows come again (the hot path).
            item = draw(st.sampled_from(ITEMS if odd else ("overall", "execution") * 4 + ("comment",)))
            answer = draw(st.text(alphabet=TRICKY, max_size=8)) if item == "comment" else ""
            answer = answer or draw(st.sampled_from(ANSWERS if odd else ("good", "poor")))
            unit = draw(st.sampled_from(UNITS if odd else ("U01", "单位3", "'=U4")))
            if shape == 1:
                terminal = draw(st.sampled_from(TERMINALS))  # a ballot's rows that disagree on its terminal
            row = ["2026-x", *FORM, terminal, ballot, "2026-12-20", group, unit, f"单位{unit}"]
            row += [item, "标签", answer, "好", "100", valid]
            if shape == 2:
                row.pop()
            lines.append((row, ending))
            rows += 1
    data = bytearray(b"\xef\xbb\xbf" if draw(st.booleans()) else b"")
    data += _written([cells for cells, _ in lines], [ending for _, ending in lines])
    if odd and draw(st.booleans()):
        data = data.rstrip(b"\r\n")
    if odd and draw(st.integers(0, 4)) == 0:
        at = draw(st.integers(0, len(data)))
        data[at:at] = b"\xff"
    return bytes(data), rows


def _write_export(path: Path, data: bytes, rows: int, excel_safe: bool = True) -> Path:
    path.write_bytes(data)
    manifest = Manifest("ballots", "2026-x", "测试", rows, sha256_of(path), excel_safe, BALLOT_COLUMNS)
    write_manifest(path, manifest)
    return path


Outcome = tuple[object, ...]


def _outcome(paths: list[Path]) -> Outcome:
    """Everything a read gives (every ballot with its answers in order, the units, sources, duplicates,
    conflicts), or the refusal with its key and parameters."""
    try:
        read: BallotSet = read_ballot_files(paths, form_finder(None))
    except (InputError, ProblemFound) as error:
        return ("refused", type(error).__name__, error.key, error.params)
    ballots = [
        (ballot, [(unit, list(answers.items())) for unit, answers in ballot.answers.items()])
        for ballot in read.ballots.values()
    ]
    sources = [str(source_of(read, ballot_id)) for ballot_id in read.ballots]
    found = (read.unit_names, read.unit_order, read.file_ballots, read.rows, read.duplicates, read.conflicts)
    return ("read", ballots, sources, *found)


def _csv_reader_only(_line: bytes, _limit: int) -> None:
    return None


def _both_ways(paths: list[Path]) -> tuple[Outcome, Outcome]:
    fast = _outcome(paths)
    with mock.patch.object(exports.ballot_files, "plain_cells", _csv_reader_only):
        slow = _outcome(paths)
    return fast, slow


@settings(max_examples=300, deadline=None)
@given(export_bytes(), export_bytes(), st.booleans())
def test_reading_plain_lines_directly_gives_what_csv_reader_gives(
    first: tuple[bytes, int], second: tuple[bytes, int], same_file_twice: bool
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        one = _write_export(Path(folder) / "room1.csv", *first)
        two = one if same_file_twice else _write_export(Path(folder) / "room2.csv", *second)
        fast, slow = _both_ways([one, two])
        assert fast == slow


def _export_text(rows: list[list[str]], ending: str = "\r\n") -> bytes:
    return b"\xef\xbb\xbf" + _written([list(BALLOT_COLUMNS), *rows], [ending] * (len(rows) + 1))


def _row(ballot: str, unit: str, item: str, answer: str) -> list[str]:
    return [
        "2026-x",
        *FORM,
        "t1",
        ballot,
        "2026-12-20",
        "leaders",
        unit,
        "单位",
        item,
        "",
        answer,
        "",
        "",
        "1",
    ]


def test_rows_seen_before_are_not_split_again(tmp_path: Path) -> None:
    """The hot path is taken: a ballot's repeated rows are matched whole, not split cell by cell."""
    rows = [_row(f"b{n}", f"U{u}", "overall", "good") for n in range(20) for u in range(10)]
    path = _write_export(tmp_path / "room.csv", _export_text(rows), len(rows))
    calls: list[bytes] = []

    def counting(line: bytes, limit: int) -> list[str] | None:
        calls.append(line)
        return plain_cells(line, limit)

    with mock.patch.object(exports.ballot_files, "plain_cells", counting):
        read = read_ballot_files([path], form_finder(None))
    assert read.rows == 200 and len(read.ballots) == 20
    assert len(calls) <= 1 + 10 + 20  # the header, each distinct row once, each ballot's first row


def _refusal(tmp_path: Path, data: bytes, rows: int) -> tuple[str, dict[str, object]]:
    path = _write_export(tmp_path / "room.csv", data, rows)
    fast, slow = _both_ways([path])
    assert fast == slow
    try:
        read_ballot_files([path], form_finder(None))
    except (InputError, ProblemFound) as error:
        return error.key, dict(error.params)
    raise AssertionError("not refused")


def test_a_bad_row_after_a_multi_line_comment_names_its_own_line(tmp_path: Path) -> None:
    comment = '工作扎实，"亮点"突出,\n但台账不全\r\n建议改进'
    rows = [
        _row("b1", "U01", "overall", "good"),
        _row("b1", "U01", "comment", comment),  # lines 3 to 5
        _row("b1", "U02", "overall", "good"),
        _row("b1", "U02", "superb", "good"),  # line 7
    ]
    key, params = _refusal(tmp_path, _export_text(rows), 4)
    assert (key, params["line"], params["column"]) == ("import.bad_value", 7, "item_id")


def test_a_ballot_whose_rows_come_back_later_is_refused_even_when_its_rows_were_seen(tmp_path: Path) -> None:
    rows = [_row("b1", "U01", "overall", "good"), _row("b2", "U01", "overall", "good")]
    rows.append(_row("b1", "U01", "overall", "good"))  # the very bytes of line 2, after another ballot
    key, params = _refusal(tmp_path, _export_text(rows, "\r"), 3)
    assert (key, params["line"], params["column"]) == ("import.bad_value", 4, "ballot_id")


def test_a_quote_left_open_is_refused_naming_the_line_csv_stopped_on(tmp_path: Path) -> None:
    data = _export_text([_row("b1", "U01", "overall", "good")]) + b'2026-x,"review_ballot\r\nx\r\n'
    key, params = _refusal(tmp_path, data, 2)
    assert (key, params["line"]) == ("import.bad_csv", 4)


def test_a_byte_that_is_not_utf8_in_a_row_seen_before_is_refused(tmp_path: Path) -> None:
    rows = [_row("b1", f"U0{n}", "overall", "good") for n in range(3)]
    data = _export_text(rows) + _written([_row("b1", "U01", "overall", "good")], ["\r\n"]).replace(
        b"good", b"go\xffd"
    )
    key, params = _refusal(tmp_path, data, 4)
    assert (key, params["line"]) == ("import.unknown_encoding", 5)


def test_a_long_line_is_refused_as_csv_reader_refuses_it(tmp_path: Path) -> None:
    rows = [_row("b1", "U01", "comment", "长" * (LIMIT + 1))]
    key, params = _refusal(tmp_path, _export_text(rows), 1)
    assert (key, params["line"]) == ("import.bad_csv", 2)


def test_more_distinct_rows_than_the_tails_kept_read_the_same(tmp_path: Path) -> None:
    rows = [_row(f"b{n}", f"U{u}", "overall", "good") for n in range(5) for u in range(30)]
    path = _write_export(tmp_path / "room.csv", _export_text(rows), len(rows))
    whole = _outcome([path])
    with mock.patch.object(exports.ballot_files, "_MAX_TAILS", 4):
        assert _outcome([path]) == whole


def test_a_guarded_and_an_unguarded_file_read_together_keep_their_own_meaning(tmp_path: Path) -> None:
    """What one file taught (restored ids, decoded answers, rows' tails) is not reused by a file whose
    apostrophes mean something else."""
    rows = [_row("b1", "'=U4", "overall", "good")] * 2
    guarded = _write_export(tmp_path / "guarded.csv", _export_text(rows), 2)
    rows = [_row("b2", "'=U4", "overall", "good")] * 2
    plain = _write_export(tmp_path / "plain.csv", _export_text(rows), 2, excel_safe=False)
    read = read_ballot_files([guarded, plain], form_finder(None))
    assert read.unit_order == ["=U4", "'=U4"]
    assert list(read.ballots["b2"].answers) == ["'=U4"]
