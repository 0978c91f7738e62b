"""`export_kind(campaign_store, kind, path)`: every export kind as an Excel-safe CSV with its manifest."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

from forms.errors import InputError, ProblemFound
from forms.model import Form
from forms.rules import Rules
from forms.scoring import item_points
from store.api import CampaignStore

from .answer_cells import answer_label, encode_answer
from .ballot_rows import BALLOT_COLUMNS, BallotData, ballot_rows
from .csvio import ProgressCallback, cell, write_csv
from .manifest import Manifest, Signer, signed, write_manifest
from .model import CampaignResults, GroupScore, UnitResult
from .results import campaign_results

KINDS: tuple[str, ...] = ("ballots", "summary", "stars", "self", "supervision", "brands", "codebook")
"""The export kinds, in the order they are listed to the user."""

FORMATS: tuple[str, ...] = ("csv", "xlsx")
"""File formats of an export: CSV is the machine interface, xlsx the one for people (typed cells)."""

DATE_COLUMNS = frozenset({"day"})
PERCENT_COLUMNS = frozenset({"good_rate"})


def column_kind(column_id: str) -> str:
    """How an xlsx export types a column: dates, percentages (shares); the rest by each cell's value."""
    if column_id in DATE_COLUMNS:
        return "date"
    if column_id in PERCENT_COLUMNS or column_id.startswith("share_"):
        return "percent"
    return "text"


def sheet_title(title: str) -> str:
    """A worksheet name Excel accepts: at most 31 characters, none of []:*?/\\."""
    cleaned = "".join(" " if char in "[]:*?/\\" else char for char in title).strip()
    return cleaned[:31] or "Sheet1"


Translate = Callable[..., str]
"""The UI's `t(key, **params)`, passed in so that the core never formats user text itself."""


def _key_only(key: str, /, **params: object) -> str:
    """Without a translator, headers are the stable column ids (the last part of the key)."""
    return key.rsplit(".", 1)[-1] + ("_" + "_".join(str(v) for v in params.values()) if params else "")


def today() -> str:
    """The export's date: the day only, never the time (ballot secrecy)."""
    return datetime.date.today().isoformat()


def write_export(
    kind: str,
    path: Path,
    columns: Sequence[tuple[str, str]],
    rows: Iterable[Sequence[object]],
    *,
    campaign_id: str,
    campaign_name: str,
    closing_digests: Sequence[str] = (),
    terminal_id: str = "",
    forms: Sequence[Form] = (),
    plain: bool = False,
    lang: str = "zh",
    on_progress: ProgressCallback | None = None,
    sign: Signer | None = None,
    file_format: str = "csv",
    sheet_name: str = "",
) -> Manifest:
    """Writes a CSV or an xlsx workbook (header: ids with `plain`, else labels), then its manifest (signed
    with `sign`, the campaign's HMAC, when given); returns the manifest.

    A disk or permission failure is an `InputError` naming the file; neither file is left half-written.
    """
    header = [[column_id for column_id, _ in columns]] if plain else [[label for _, label in columns]]
    try:
        if file_format == "xlsx":
            from .xlsx import write_xlsx

            written = write_xlsx(
                path,
                header[0],
                [column_kind(column_id) for column_id, _ in columns],
                rows,
                sheet_name=sheet_title(sheet_name or kind),
                on_progress=on_progress,
            )
        else:
            written = write_csv(path, header, rows, excel_safe=not plain, on_progress=on_progress)
        manifest = Manifest(
            kind=kind,
            campaign_id=campaign_id,
            campaign_name=campaign_name,
            rows=written.rows,
            sha256=written.sha256,
            excel_safe=not plain,
            columns=tuple(column_id for column_id, _ in columns),
            closing_digests=tuple(closing_digests),
            terminal_id=terminal_id,
            forms=tuple(f"{form.id}@{form.version}" for form in forms),
            day=today(),
            lang=lang,
        )
        if sign is not None:
            manifest = signed(manifest, sign)
        write_manifest(path, manifest)
    except OSError as error:
        raise InputError("export.cannot_write", path=str(path), detail=error.strerror or str(error)) from None
    return manifest


class Exporter:
    """Writes one kind of export of one campaign; `export_kind` is the entry point."""

    def __init__(
        self,
        campaign_store: CampaignStore,
        *,
        plain: bool,
        lang: str,
        text: Translate | None,
        rules: Rules | None = None,
        on_progress: ProgressCallback | None = None,
        file_format: str = "csv",
    ) -> None:
        self.store = campaign_store
        self.file_format = file_format
        self.plain = plain
        self.safe = not plain
        self.lang = lang
        self.text: Translate = text or _key_only
        self.rules = rules or campaign_store.rules()
        self.on_progress = on_progress
        self._results: CampaignResults | None = None

    # ------------------------------------------------------------------ helpers

    def col(self, column_id: str) -> tuple[str, str]:
        """A fixed column: its id and its label from the catalogue."""
        return column_id, self.text(f"export.col.{column_id}")

    def yes_no(self, value: bool) -> object:
        """A yes/no cell: 1/0 for machines, 是/否 for people."""
        if self.plain:
            return 1 if value else 0
        return self.text("export.yes") if value else self.text("export.no")

    def results(self) -> CampaignResults:
        """The campaign's results, computed once per export."""
        if self._results is None:
            self._results = campaign_results(self.store, self.rules)
        return self._results

    def require_results_visible(self) -> None:
        """Results (and ballots) stay hidden while voting is open, unless the rules allow otherwise."""
        if not self.store.meeting.results_visible() and not self.rules.results_before_close:
            raise ProblemFound("export.voting_open")

    def write(
        self,
        kind: str,
        path: Path,
        columns: Sequence[tuple[str, str]],
        rows: Iterable[Sequence[object]],
        forms: Sequence[Form] = (),
    ) -> Manifest:
        """Writes the CSV, then its manifest, and returns the manifest."""
        return write_export(
            kind,
            path,
            columns,
            rows,
            campaign_id=self.store.info.id,
            campaign_name=self.store.info.name,
            # Imported ballots travel on with the digest of the room that sealed them.
            closing_digests=tuple(
                dict.fromkeys(
                    [closing.digest for closing in self.store.meeting.closings()]
                    + self.store.meeting.imported_closings()
                )
            ),
            terminal_id=self.store.store.terminal_id(),
            forms=forms,
            plain=self.plain,
            lang=self.lang,
            on_progress=self.on_progress,
            sign=self.store.manifest_mac,
            file_format=self.file_format,
            sheet_name=self.text(f"export.kind.{kind}") if self.text is not _key_only else kind,
        )

    # ------------------------------------------------------------------ kinds

    def ballots(self, path: Path) -> Manifest:
        """One row per sealed ballot x unit x item (no code, no evaluator, no time finer than the day)."""
        self.require_results_visible()
        forms = {form.id: form for form in self.store.forms()}
        units = self.store.roster.units()
        # Streamed from the store one shard at a time (order: shard, then random id; nothing sorted in
        # memory), so memory stays flat however many ballots there are. The forms used are known only
        # when the last ballot is read: the manifest is built after the rows, from this list.
        used: list[Form] = []
        data = self._ballot_data(forms, used)
        rows = ballot_rows(
            self.store.info.id,
            forms,
            {unit.id: unit.name for unit in units},
            [unit.id for unit in units],
            data,
            self.rules,
            lang=self.lang,
            excel_safe=self.safe,
        )
        columns = [self.col(column_id) for column_id in BALLOT_COLUMNS]
        if not self.plain:
            rows, extra = self.ballot_labels(rows)
            columns += extra
        return self.write("ballots", path, columns, rows, used)

    def _ballot_data(self, forms: dict[str, Form], used: list[Form]) -> Iterator[BallotData]:
        """The sealed ballots as exported, streamed; fills `used` with the pinned forms met, by id."""
        seen: set[str] = set()
        for ballot in self.store.ballots.sealed_ballots(cached=False):
            if ballot.form_id not in seen:
                seen.add(ballot.form_id)
                if ballot.form_id in forms:
                    used.append(forms[ballot.form_id])
                    used.sort(key=lambda form: form.id)
            yield BallotData(
                ballot.ballot_id,
                ballot.terminal_id,
                ballot.form_id,
                ballot.form_version,
                ballot.rater_group,
                ballot.day or "",
                ballot.answers,
                ballot.valid,
            )

    def ballot_labels(
        self, rows: Iterable[tuple[object, ...]]
    ) -> tuple[Iterator[tuple[object, ...]], list[tuple[str, str]]]:
        """For people (not `--plain`): the rater group's name and 有效/无效 in two more columns at the end.

        The id columns stay as they are, so the file still imports and consolidates by column name.
        """
        group_at, valid_at = BALLOT_COLUMNS.index("rater_group"), BALLOT_COLUMNS.index("valid")
        names = {
            group.id: (group.en if self.lang == "en" and group.en else group.zh)
            for group in self.rules.rater_groups
        }
        words = (self.text("polish.export.invalid"), self.text("polish.export.valid"))
        # The two cells depend on the group and validity only: built once per pair, then one tuple
        # concatenation per row (a million rows must not guard a million names).
        ends: dict[tuple[object, object], tuple[object, object]] = {}

        def labelled() -> Iterator[tuple[object, ...]]:
            for row in rows:
                key = (row[group_at], row[valid_at])
                end = ends.get(key)
                if end is None:
                    group = str(key[0])
                    end = ends[key] = (cell(names.get(group, group), self.safe), words[1 if key[1] else 0])
                yield row + end

        extra = [
            ("rater_group_name", self.text("polish.export.col.rater_group_name")),
            ("validity", self.text("polish.export.col.validity")),
        ]
        return labelled(), extra

    def summary(self, path: Path) -> Manifest:
        """One row per unit: ballots, scores, shares, groups, self, supervision, composite, grade, stars."""
        self.require_results_visible()
        results = self.results()
        return self.write_summary(path, results)

    def write_summary(self, path: Path, results: CampaignResults) -> Manifest:
        """The summary table of `results` (also used by consolidation, whose results come from files)."""
        from .official import results_status

        code = results_status(self.store).state
        state = code if self.plain else self.text(f"selfyear.state.{code}")
        columns, rows = summary_table(results, self.text, self.lang, self.plain, state)
        return self.write("summary", path, columns, rows)

    def stars(self, path: Path) -> Manifest:
        """One row per branch: its star this year (within the five-star quota), last year's, the change."""
        from .stars import branch_stars

        found = branch_stars(self.store, self.rules)
        if found is None:
            raise InputError("export.no_star_form", campaign=self.store.info.name)
        ids = (
            "unit_id",
            "unit_name",
            "parent_name",
            "liaison_group",
            "status",
            "score",
            "verified",
            "band_stars",
            "star",
            "last_star",
            "change",
            "star_reason",
            "vetoes",
        )
        from .official import results_status, star_word

        columns = [self.col(column_id) for column_id in ids]
        columns.append(("result_state", self.text("selfyear.col.result_state")))
        safe = self.safe
        plain = self.plain
        status = results_status(self.store)
        state_code = status.state + ("_provisional" if found.provisional else "")
        state = state_code if plain else self.text(f"selfyear.state.{state_code}")

        def stars(count: int | None) -> object:
            # Excel readers see 一星…五星 / 无星级, never a bare 0 that reads as a score.
            if count is None:
                return ""
            return count if plain else star_word(count, self.text)

        def word(prefix: str, code: str | None) -> object:
            if not code:
                return ""
            return cell(code if plain else self.text(f"{prefix}.{code}"), safe)

        rows = (
            (
                cell(row.unit_id, safe),
                cell(row.name, safe),
                cell(row.parent_name, safe),
                cell(row.liaison_group, safe),
                word("export.self_state", row.state),
                _num(row.score),
                self.yes_no(row.verified) if row.score is not None else "",
                stars(row.band_stars),
                stars(row.star),
                stars(row.last_star),
                word("export.change", row.change),
                word("export.star_reason", row.reason),
                cell(("|" if plain else "、").join(row.vetoes), safe),
                state if row.star is not None else "",
            )
            for row in found.rows
        )
        form = self.store.form(found.form_id)
        return self.write("stars", path, columns, rows, [form])

    def self_assessments(self, path: Path) -> Manifest:
        """One row per self-assessment x item: the unit's own answer and points, and the verified ones."""
        ids = (
            "unit_id",
            "unit_name",
            "form_id",
            "form_version",
            "status",
            "item_id",
            "item_label",
            "answer",
            "answer_label",
            "own_points",
            "verified_answer",
            "verified_points",
            "reason",
            "note",
        )
        columns = [self.col(column_id) for column_id in ids]
        names = {unit.id: unit.name for unit in self.store.roster.units()}
        forms = {form.id: form for form in self.store.forms()}
        safe = self.safe

        def rows() -> Iterator[tuple[object, ...]]:
            for assessment in self.store.self_assessments.self_assessments():
                form = forms.get(assessment.form_id)
                if form is None:
                    continue
                verified = assessment.verified_answers()
                reasons = {adjustment.item_id: adjustment.reason for adjustment in assessment.adjustments}
                status = (
                    self.text(f"export.self_state.{assessment.state}") if not self.plain else assessment.state
                )
                for item in form.items():
                    own = assessment.answers.get(item.id)
                    checked = verified.get(item.id)
                    if own is None and checked is None:
                        continue
                    own_points = item_points(form, item, own)
                    checked_points = item_points(form, item, checked)
                    yield (
                        cell(assessment.unit_id, safe),
                        cell(names.get(assessment.unit_id, ""), safe),
                        cell(form.id, safe),
                        cell(assessment.form_version, safe),
                        cell(status, safe),
                        cell(item.id, safe),
                        cell(item.label.get(self.lang), safe),
                        cell(encode_answer(own), safe),
                        cell(answer_label(form, item, own, self.lang) if own is not None else "", safe),
                        _num(own_points),
                        cell(encode_answer(checked), safe),
                        _num(checked_points) if assessment.state == "reviewed" else "",
                        cell(reasons.get(item.id, ""), safe),
                        cell(assessment.notes.get(item.id, ""), safe),
                    )

        return self.write("self", path, columns, rows(), list(forms.values()))

    def supervision(self, path: Path) -> Manifest:
        """One row per visit x item; `kaoping import supervision` reads this layout back."""
        columns = [self.col(column_id) for column_id in SUPERVISION_COLUMNS]
        names = {unit.id: unit.name for unit in self.store.roster.units()}
        forms = {form.id: form for form in self.store.forms()}
        safe = self.safe

        def rows() -> Iterator[tuple[object, ...]]:
            for visit in self.store.visits.visits():
                form = forms.get(visit.form_id)
                if form is None:
                    continue
                for item in form.items():
                    value = visit.answers.get(item.id)
                    if value is None or value == "" or value == []:
                        continue
                    yield (
                        cell(visit.id, safe),
                        cell(visit.unit_id, safe),
                        cell(names.get(visit.unit_id, ""), safe),
                        cell(visit.group, safe),
                        cell(visit.day, safe),
                        cell(form.id, safe),
                        cell(visit.form_version, safe),
                        cell(item.id, safe),
                        cell(item.label.get(self.lang), safe),
                        cell(encode_answer(value), safe),
                        cell(answer_label(form, item, value, self.lang), safe),
                        _num(item_points(form, item, value)),
                        cell(visit.note, safe),
                    )

        used = [
            forms[form_id]
            for form_id in sorted({visit.form_id for visit in self.store.visits.visits()})
            if form_id in forms
        ]
        return self.write("supervision", path, columns, rows(), used)

    def brands(self, path: Path) -> Manifest:
        """The brand vote counted: every registered brand, its votes and place, the top ten marked."""
        self.require_results_visible()
        ids = (
            "place",
            "brand_id",
            "brand_name",
            "unit_id",
            "unit_name",
            "votes",
            "top_ten",
            "outcome",
            "runoff_votes",
        )
        columns = [self.col(column_id) for column_id in ids]
        safe = self.safe

        def status(code: str) -> object:
            if not code:
                return ""
            return cell(code if self.plain else self.text(f"export.brand_status.{code}"), safe)

        rows = (
            (
                tally.place,
                cell(tally.brand_id, safe),
                cell(tally.name, safe),
                cell(tally.unit_id, safe),
                cell(tally.unit_name, safe),
                tally.votes,
                self.yes_no(tally.top_ten),
                status(tally.status),
                "" if tally.runoff_votes is None else tally.runoff_votes,
            )
            for tally in self.results().brands
        )
        return self.write("brands", path, columns, rows)

    def codebook(self, path: Path) -> Manifest:
        """What every code means: forms, sections, items, scales and choices with points, and the columns."""
        ids = (
            "form_id",
            "form_version",
            "scope",
            "section",
            "item_id",
            "item_label",
            "item_type",
            "code",
            "label",
            "points",
            "counts_in_score",
        )
        columns = [self.col(column_id) for column_id in ids]
        forms = self.store.forms()
        safe = self.safe
        lang = self.lang

        def counts(form: Form, item_id: str) -> object:
            # The 五力 of a ballot with a score item do not count: only the score item does (a pivot over
            # the codebook's points would otherwise add them in).
            if form.score_item is None or form.scope != "ballot":
                return self.yes_no(True)
            return self.yes_no(item_id == form.score_item)

        def rows() -> Iterator[tuple[object, ...]]:
            for form in forms:
                for section in form.sections:
                    for item in section.items:
                        base = (
                            cell(form.id, safe),
                            cell(form.version, safe),
                            cell(form.scope, safe),
                            cell(section.title.get(lang), safe),
                            cell(item.id, safe),
                            cell(item.label.get(lang), safe),
                            cell(item.type, safe),
                        )
                        scale = form.scale_of(item)
                        if scale is not None:
                            for level in scale.levels:
                                points = self.rules.rating_points.get(level.code, level.points)
                                yield (
                                    *base,
                                    cell(level.code, safe),
                                    cell(level.label.get(lang), safe),
                                    _num(points),
                                    counts(form, item.id),
                                )
                        elif item.choices:
                            for choice in item.choices:
                                yield (
                                    *base,
                                    cell(choice.code, safe),
                                    cell(choice.label.get(lang), safe),
                                    _num(choice.points),
                                    counts(form, item.id),
                                )
                        else:
                            yield (
                                *base,
                                "",
                                cell(item.help.get(lang), safe),
                                _num(item.points),
                                counts(form, item.id),
                            )
            for kind, kind_columns in COLUMNS_BY_KIND.items():
                for column_id in kind_columns:
                    yield (
                        "",
                        "",
                        cell(kind, safe),
                        "",
                        cell(column_id, safe),
                        cell(self.text(f"export.col.{column_id}"), safe),
                        "column",
                        "",
                        "",
                        "",
                        "",
                    )

        return self.write("codebook", path, columns, rows(), forms)


SUPERVISION_COLUMNS: tuple[str, ...] = (
    "visit_id",
    "unit_id",
    "unit_name",
    "liaison_group",
    "day",
    "form_id",
    "form_version",
    "item_id",
    "item_label",
    "answer",
    "answer_label",
    "points",
    "note",
)
"""Column ids of the supervision export, which is also the layout `import supervision` reads."""

COLUMNS_BY_KIND: dict[str, tuple[str, ...]] = {
    "ballots": BALLOT_COLUMNS,
    "supervision": SUPERVISION_COLUMNS,
}


def _num(value: float | None) -> object:
    """A number cell: "" for none, whole numbers without ".0", others to 4 places."""
    if value is None:
        return ""
    return int(value) if float(value).is_integer() else round(value, 4)


def _pct(value: float | None) -> object:
    """A share (0..1) as a percentage number with two decimals, "" for none."""
    return "" if value is None else round(value * 100, 2)


def _group_mean(group: GroupScore, text: Translate, plain: bool) -> object:
    """A rater group's mean, or where it is withheld (too few ballots) the sentence saying so."""
    if not group.hidden_below:
        return _num(group.mean)
    if plain:
        return ""
    key = "trust.group_withheld" if group.complement else "trust.group_hidden"
    return text(key, min=group.hidden_below)


def summary_table(
    results: CampaignResults, text: Translate, lang: str, plain: bool, state: str = ""
) -> tuple[list[tuple[str, str]], Iterator[tuple[object, ...]]]:
    """The summary's columns and rows: one row per unit, shares and group means as their own columns.

    `state`: the results' state (进行中 / 已核定 / 已公布), written on every row that has a result."""
    safe = not plain

    from .official import star_word

    def stars(count: int | None) -> object:
        # People read 一星…五星 / 无星级; a bare 0 would read as a score. Machines (--plain) get digits.
        if count is None:
            return ""
        return count if plain else star_word(count, text)

    def col(column_id: str) -> tuple[str, str]:
        return column_id, text(f"export.col.{column_id}")

    first = (
        "rank",
        "unit_id",
        "unit_name",
        "liaison_group",
        "valid_ballots",
        "invalid_ballots",
        "mean",
        "trimmed_mean",
        "review_plain",
        "review_score",
        "good_rate",
        "good_and_fairly_good",
    )
    columns = [col(column_id) for column_id in first]
    for code, zh, en in results.scale_levels:
        columns.append((f"share_{code}", text("export.col.share", level=en if lang == "en" and en else zh)))
    columns.append(col("satisfaction"))
    group_ids: list[tuple[str, str]] = []
    if results.units:
        for group in results.units[0].groups:
            group_ids.append((group.group_id, group.label(lang)))
            columns.append(
                (f"group_{group.group_id}", text("export.col.group_mean", group=group.label(lang)))
            )
    for dimension_id, zh, en in results.dimensions:
        label = en if lang == "en" and en else zh
        columns.append((f"dim_{dimension_id}", text("export.col.dimension", dimension=label)))
    columns.extend(col(column_id) for column_id in ("strongest", "weakest"))
    last = (
        "self_own",
        "self_verified",
        "supervision",
        "visits",
        "composite",
        "grade",
        "star",
        "last_star",
        "change",
        "vetoes",
        "tie",
    )
    columns.extend(col(column_id) for column_id in last)
    columns.append(("result_state", text("selfyear.col.result_state")))

    def dimension(code: str | None) -> str:
        return "" if code is None else (code if plain else results.dimension_label(code, lang))

    def tie(unit: UnitResult) -> str:
        over = unit.grade_tied_over or unit.star_tied_over
        return "" if not over else (str(over) if plain else text("export.tie.over", over=over))

    def rows() -> Iterator[tuple[object, ...]]:
        for unit in results.units:
            means = {group.group_id: _group_mean(group, text, plain) for group in unit.groups}
            yield (
                "" if unit.rank is None else unit.rank,
                cell(unit.unit_id, safe),
                cell(unit.name, safe),
                cell(unit.liaison_group, safe),
                unit.valid_ballots,
                unit.invalid_ballots,
                _num(unit.mean),
                _num(unit.trimmed_mean),
                _num(unit.review_plain),
                _num(unit.review_score),
                _pct(unit.good_rate),
                unit.good_and_fairly_good if unit.valid_ballots else "",
                *(
                    _pct(unit.shares.get(code)) if unit.good_rate is not None else ""
                    for code, _, _ in results.scale_levels
                ),
                _num(unit.satisfaction),
                *(means.get(group_id, "") for group_id, _ in group_ids),
                *(_num(unit.dimension_means.get(dimension_id)) for dimension_id, _, _ in results.dimensions),
                cell(dimension(unit.strongest), safe),
                cell(dimension(unit.weakest), safe),
                _num(unit.self_own),
                _num(unit.self_verified),
                _num(unit.supervision),
                unit.visits,
                _num(unit.composite),
                cell((unit.grade or "") if plain else unit.grade_label(lang), safe),
                stars(unit.star),
                stars(unit.last_star),
                cell(unit.change if plain else text(f"export.change.{unit.change}"), safe),
                cell(("|" if plain else "、").join(unit.vetoes), safe),
                cell(tie(unit), safe),
                state if unit.grade or unit.star is not None else "",
            )

    return columns, rows()


def export_kind(
    campaign_store: CampaignStore,
    kind: str,
    path: Path,
    plain: bool = False,
    lang: str = "zh",
    *,
    text: Translate | None = None,
    rules: Rules | None = None,
    on_progress: ProgressCallback | None = None,
    file_format: str = "csv",
) -> Manifest:
    """Writes one export (`KINDS`) of the campaign to `path`, its manifest beside it; returns the manifest.

    `file_format` is "csv" (the machine interface, Excel-safe) or "xlsx" (typed cells for people).

    `text` is the UI's translator for column headers and labels (the TUI and the CLI pass `tui.i18n.t`);
    without it headers are the stable column ids. Reads the store: call it from a worker thread in the TUI.
    """
    from store.outputs import refuse_inside_data

    refuse_inside_data(campaign_store.store.data_dir, path)
    if file_format not in FORMATS:
        raise InputError("export.unknown_kind", kind=file_format, known=", ".join(FORMATS))
    exporter = Exporter(
        campaign_store,
        plain=plain,
        lang=lang,
        text=text,
        rules=rules,
        on_progress=on_progress,
        file_format=file_format,
    )
    writers: dict[str, Callable[[Path], Manifest]] = {
        "ballots": exporter.ballots,
        "summary": exporter.summary,
        "stars": exporter.stars,
        "self": exporter.self_assessments,
        "supervision": exporter.supervision,
        "brands": exporter.brands,
        "codebook": exporter.codebook,
    }
    writer = writers.get(kind)
    if writer is None:
        raise InputError("export.unknown_kind", kind=kind, known=", ".join(KINDS))
    return writer(Path(path))
