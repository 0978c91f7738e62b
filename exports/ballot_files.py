"""Reading ballot exports back: manifest checks, dedupe by id and content, conflicts with their sources."""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from sys import intern
from typing import IO, TYPE_CHECKING

from forms.errors import InputError, ProblemFound
from forms.model import AnswerValue, Form

from .answer_cells import decode_answer
from .ballot_rows import BALLOT_COLUMNS, BallotData
from .csv_lines import byte_lines, plain_cells, record_reader
from .csvio import TEXT_MARK, bad_line, restore
from .manifest import Manifest, Signer, check_mac, verify_against_manifest

if TYPE_CHECKING:
    from _csv import Reader  # the csv.reader object's type (line_num), for annotations only

FormLookup = Callable[[str, str], Form | None]
"""Finds the form of a given id and version (None when unknown)."""


@dataclass(frozen=True)
class Source:
    """Where a ballot was read: the file and the line its first row is on."""

    file: str
    line: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}"


@dataclass(frozen=True)
class Conflict:
    """The same ballot id with different content in two places."""

    ballot_id: str
    first: Source
    second: Source


@dataclass
class BallotSet:
    """Ballots read from one or more exports: unique ballots, duplicates skipped, conflicts found."""

    campaign_id: str = ""
    campaign_name: str = ""
    ballots: dict[str, BallotData] = field(default_factory=dict)
    unit_names: dict[str, str] = field(default_factory=dict)
    unit_order: list[str] = field(default_factory=list)
    forms: dict[str, str] = field(default_factory=dict)  # form id -> version
    closing_digests: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    file_digests: dict[str, tuple[str, ...]] = field(default_factory=dict)  # file -> its closing digests
    file_ballots: dict[str, list[str]] = field(default_factory=dict)  # file -> ids of the ballots it holds
    rows: int = 0
    duplicates: int = 0
    conflicts: list[Conflict] = field(default_factory=list)
    _sources: dict[str, Source] = field(default_factory=dict, repr=False)  # where each id was first read

    def conflicting_ids(self) -> set[str]:
        """The ids of ballots found with two different contents."""
        return {conflict.ballot_id for conflict in self.conflicts}


def read_ballot_files(
    paths: Sequence[Path],
    find_form: FormLookup,
    *,
    campaign_id: str | None = None,
    pinned_versions: Mapping[str, str] | None = None,
    on_rows: Callable[[int], None] | None = None,
    sign: Signer | None = None,
) -> BallotSet:
    """Reads ballot exports into one set, refusing what cannot be trusted.

    Every file must match its manifest (kind, SHA-256, row count), belong to one campaign (`campaign_id`
    when given, else the first file's) and use one version per form (the `pinned_versions` when given).
    Every file is checked before any rows are read, so a refused file adds nothing. `on_rows` is told the
    running number of rows read. With `sign` (the campaign's HMAC) every manifest must carry its MAC.
    """
    result = BallotSet()
    manifests: list[tuple[Path, Manifest]] = []
    for path in paths:
        manifest = verify_against_manifest(path, "ballots")
        expected = campaign_id or (manifests[0][1].campaign_id if manifests else manifest.campaign_id)
        if manifest.campaign_id != expected:
            raise InputError(
                "import.other_campaign", file=str(path), other=manifest.campaign_id, campaign=expected
            )
        for entry in manifest.forms:
            form_id, _, version = entry.partition("@")
            wanted = (pinned_versions or {}).get(form_id) or result.forms.get(form_id)
            if wanted is not None and wanted != version:
                raise InputError(
                    "import.other_form", file=str(path), form=entry, expected=f"{form_id}@{wanted}"
                )
            if find_form(form_id, version) is None:
                raise InputError("import.unknown_form", file=str(path), form=entry)
            result.forms[form_id] = version
        if sign is not None:  # after the campaign and forms, whose refusals say more
            check_mac(path, manifest, sign)
        manifests.append((path, manifest))
        if not result.campaign_id:
            result.campaign_id = manifest.campaign_id
            result.campaign_name = manifest.campaign_name
    caches: dict[tuple[bool, tuple[str, ...]], _Caches] = {}
    for path, manifest in manifests:
        # What was decoded in one file serves the next one with the same guard and columns (the terminals
        # of one meeting write the same rows).
        shared = caches.setdefault((manifest.excel_safe, manifest.columns or BALLOT_COLUMNS), _Caches())
        _read_one(path, manifest, find_form, result, on_rows, shared)
        result.files.append(str(path))
        result.file_digests[str(path)] = manifest.closing_digests
        for digest in manifest.closing_digests:
            if digest not in result.closing_digests:
                result.closing_digests.append(digest)
    return result


def _read_one(
    path: Path,
    manifest: Manifest,
    find_form: FormLookup,
    result: BallotSet,
    on_rows: Callable[[int], None] | None,
    caches: _Caches,
) -> None:
    columns = manifest.columns or BALLOT_COLUMNS
    missing = [name for name in BALLOT_COLUMNS if name not in columns]
    if missing:
        raise InputError("import.bad_header", file=str(path), column=missing[0])
    at = {name: columns.index(name) for name in BALLOT_COLUMNS}
    width = len(columns)
    c_form, c_version, c_terminal = at["form_id"], at["form_version"], at["terminal_id"]
    c_ballot, c_day, c_group = at["ballot_id"], at["day"], at["rater_group"]
    c_unit, c_name, c_item, c_answer, c_valid = (
        at["unit_id"],
        at["unit_name"],
        at["item_id"],
        at["answer"],
        at["valid"],
    )
    # The cells that say which ballot a row belongs to come first in an export, the row's own cells after:
    # then a row that starts with the very bytes of the ballot's last plain row, and ends with the very bytes
    # of a plain row already read and checked (its "tail"), is that row again, answer and all.
    ballot_cells = 1 + max(c_form, c_version, c_terminal, c_ballot, c_day, c_group)
    tails_usable = min(c_unit, c_name, c_item, c_answer) >= ballot_cells
    limit = csv.field_size_limit()
    guarded = manifest.excel_safe
    name = str(path)
    count = 0
    offset = 0  # lines that are not a data row's first line (header, blank lines, a quoted cell's breaks)
    here = 0  # the line the record being read starts on
    current_id: str | None = None
    current: dict[str, dict[str, AnswerValue]] = {}
    answers: dict[str, AnswerValue] = {}
    answers_of: str | None = None  # the unit whose answers `answers` holds, in the current ballot
    meta: tuple[str, str, str, str, str, bool] = ("", "", "", "", "", True)
    start_line = 0
    finished: set[str] = set()
    forms_cache = caches.forms
    form: Form | None = None
    decoded = caches.decoded
    by_item: dict[str, dict[str, AnswerValue]] = {}
    tails = caches.tails
    known: dict[bytes, tuple[str, str, AnswerValue]] = {}
    head = _NO_HEAD  # the bytes before the tail in the current ballot's last plain row
    cut = len(head)
    ids = caches.ids
    form_key = ("", "")
    units_seen = result.unit_names
    order = result.unit_order
    next_report = _REPORT_EVERY
    reader: Reader | None = None

    def plain(text: str) -> str:
        return restore(text) if guarded and text[:1] == TEXT_MARK else text

    with _opened(path) as source:
        lines = byte_lines(source)
        try:
            header: list[str] | None = None
            for line in lines:
                here = offset + 1
                header = plain_cells(line, limit)
                if header is None:
                    reader = record_reader(line, lines)
                    header = next(reader)
                    offset += reader.line_num - 1
                offset += 1
                if any(part.strip() for part in header):
                    break
                header = None
            if header is None or len(header) != width:
                raise InputError("import.bad_header", file=name, column=columns[0] if columns else "")
            for line in lines:
                # The hot path: this ballot's cells, then the tail of a row already read and checked (in
                # any ballot of the form): a few look-ups, no split, no decode.
                if line.startswith(head):
                    hit = known.get(line[cut:])
                    if hit is not None:
                        seen_unit, seen_item, seen_value = hit
                        if seen_unit is not answers_of:  # a unit's rows come together: mostly the same
                            answers = current.setdefault(seen_unit, {})
                            answers_of = seen_unit
                        answers[seen_item] = seen_value
                        count += 1
                        continue
                here = count + offset + 1
                cells = plain_cells(line, limit)
                plain_row = cells is not None
                if cells is None:  # a quote: csv's own parse, over the lines the record spans
                    reader = record_reader(line, lines)
                    cells = next(reader)
                    offset += reader.line_num - 1
                if len(cells) != width:
                    if not any(part.strip() for part in cells):
                        offset += 1
                        continue  # a blank line, as a spreadsheet leaves at the end
                    raise InputError(
                        "import.row_width", file=name, line=here, actual=len(cells), expected=width
                    )
                ballot_id = cells[c_ballot]
                if ballot_id != current_id:
                    if not ballot_id.strip() and not any(part.strip() for part in cells):
                        offset += 1
                        continue
                    ballot_id = plain(ballot_id)
                    if ballot_id != current_id:
                        _finish(result, name, current_id, meta, current, start_line, finished)
                        start_line = here
                        if ballot_id in finished:  # rows of one ballot are written together
                            raise InputError(
                                "import.bad_value",
                                file=name,
                                line=start_line,
                                column="ballot_id",
                                value=ballot_id,
                            )
                        current_id = ballot_id
                        current = {}
                        answers_of = None
                        head = _NO_HEAD  # another ballot: its rows must not match the last one's start
                        cut = len(head)
                        meta = (
                            plain(cells[c_form]),
                            plain(cells[c_version]),
                            plain(cells[c_terminal]),
                            plain(cells[c_day]),
                            plain(cells[c_group]),
                            plain(cells[c_valid]) == "1",
                        )
                        if (meta[0], meta[1]) != form_key:
                            form_key = (meta[0], meta[1])
                            form = forms_cache.get(form_key)
                            if form is None:
                                form = find_form(*form_key)
                                if form is None:
                                    raise InputError(
                                        "import.unknown_form", file=name, form="@".join(form_key)
                                    )
                                forms_cache[form_key] = form
                            by_item = decoded.setdefault(form_key, {})
                            known = tails.setdefault(form_key, {})
                # Ids as read -> the id restored and shared (a million rows, not a million copies).
                raw = cells[c_unit]
                unit_id = ids.get(raw)
                if unit_id is None:
                    unit_id = ids[raw] = intern(plain(raw))
                raw = cells[c_item]
                item_id = ids.get(raw)
                if item_id is None:
                    item_id = ids[raw] = intern(plain(raw))
                raw = cells[c_answer]
                codes = by_item.get(item_id)
                if codes is None:
                    codes = by_item[item_id] = {}
                value = codes.get(raw)
                repeats = True
                if value is None:
                    assert form is not None  # set with the ballot's first row
                    item = form.item(item_id)
                    text = plain(raw)
                    if item is None:
                        raise InputError(
                            "import.bad_value", file=name, line=here, column="item_id", value=item_id
                        )
                    try:
                        value = decode_answer(item, text)
                    except ValueError:
                        raise InputError(
                            "import.bad_value", file=name, line=here, column="answer", value=text
                        ) from None
                    repeats = (
                        item.type != "text"
                    )  # free text is rarely repeated: comments must not fill caches
                    if repeats:
                        codes[raw] = value
                if unit_id not in current and unit_id not in units_seen:
                    units_seen[unit_id] = plain(cells[c_name])
                    order.append(unit_id)
                answers = current.setdefault(unit_id, {})
                answers_of = unit_id
                answers[item_id] = value
                count += 1
                if plain_row and tails_usable:
                    cut = _after_commas(line, ballot_cells)
                    head = line[:cut]
                    if repeats:
                        if len(known) >= _MAX_TAILS:
                            known.clear()  # an odd file with endless distinct rows: memory stays flat
                        known[line[cut:]] = (unit_id, item_id, value)
                if on_rows is not None and count >= next_report:
                    on_rows(result.rows + count)
                    next_report = count + _REPORT_EVERY
        except csv.Error as error:
            line_num = here + (reader.line_num - 1 if reader is not None else 0)
            raise InputError("import.bad_csv", file=name, line=line_num, detail=str(error)) from None
        except UnicodeDecodeError:  # a binary file, or text in another encoding: one sentence, its line
            raise InputError("import.unknown_encoding", file=name, line=bad_line(path, "utf-8-sig")) from None
    _finish(result, name, current_id, meta, current, start_line, finished)
    if count != manifest.rows:
        raise ProblemFound("import.row_count", file=name, actual=count, expected=manifest.rows)
    result.rows += count
    if on_rows is not None:
        on_rows(result.rows)


@dataclass
class _Caches:
    """What reading decodes once and reuses, for files of one guard and one column layout."""

    forms: dict[tuple[str, str], Form] = field(default_factory=dict)
    # Decoded answers by form, item and answer code: the few codes of a scale repeat on every row.
    decoded: dict[tuple[str, str], dict[str, dict[str, AnswerValue]]] = field(default_factory=dict)
    # Tails of plain rows already read, by form: the row's unit, item and decoded answer.
    tails: dict[tuple[str, str], dict[bytes, tuple[str, str, AnswerValue]]] = field(default_factory=dict)
    ids: dict[str, str] = field(default_factory=dict)  # ids as read -> restored and interned


_NO_HEAD = b"\n"
"""What no data row starts with (a line break ends a line): the hot path is off until a plain row is read."""
_MAX_TAILS = 1 << 16
_REPORT_EVERY = 8192


def _after_commas(line: bytes, cells: int) -> int:
    """Where the cell after the first `cells` cells of a plain line starts (UTF-8 never hides a comma)."""
    at = -1
    for _ in range(cells):
        at = line.index(b",", at + 1)
    return at + 1


def _finish(
    result: BallotSet,
    name: str,
    ballot_id: str | None,
    meta: tuple[str, str, str, str, str, bool],
    answers: dict[str, dict[str, AnswerValue]],
    start_line: int,
    finished: set[str],
) -> None:
    """Adds the ballot just read to `result`: new, a duplicate of one read before, or a conflict with it."""
    if ballot_id is None:
        return
    form_id, version, terminal, day, group, valid = meta
    source = Source(name, start_line)
    result.file_ballots.setdefault(name, []).append(ballot_id)
    finished.add(ballot_id)
    seen = result._sources.get(ballot_id)
    if seen is None:
        result._sources[ballot_id] = source
        result.ballots[ballot_id] = BallotData(
            ballot_id, terminal, form_id, version, group, day, answers, valid
        )
        return
    # The same id again (a file merged twice, or two terminals' exports of one ballot): the same
    # ballot when everything it holds is equal, else a conflict naming both places.
    first = result.ballots[ballot_id]
    held = (first.form_id, first.form_version, first.terminal_id, first.day, first.rater_group)
    if held == (form_id, version, terminal, day, group) and first.answers == answers:
        result.duplicates += 1
    else:
        result.conflicts.append(Conflict(ballot_id, seen, source))


@contextmanager
def _opened(path: Path) -> Iterator[IO[bytes]]:
    """The export opened for reading its bytes, with a missing file as one clear sentence."""
    try:
        with Path(path).open("rb") as source:
            yield source
    except (FileNotFoundError, IsADirectoryError) as error:
        if error.filename != str(path):
            raise
        raise InputError("import.file_missing", file=str(path)) from None


def ballots_without_conflicts(ballots: BallotSet) -> list[BallotData]:
    """The unique ballots, leaving out every ballot id found with two contents (neither can be trusted)."""
    bad = ballots.conflicting_ids()
    return [ballots.ballots[ballot_id] for ballot_id in sorted(ballots.ballots) if ballot_id not in bad]


def source_of(ballots: BallotSet, ballot_id: str) -> Source | None:
    """Where a ballot was first read (file and line)."""
    return ballots._sources.get(ballot_id)
