"""Consolidation: ballot exports of several terminals merged, checked, counted and summarised."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from forms.builtin import builtin_forms
from forms.errors import InputError, ProblemFound
from forms.model import Form
from forms.rules import Rules, default_rules
from store.api import CampaignStore, SealedBallot

from .ballot_files import BallotSet, ballots_without_conflicts, read_ballot_files, source_of
from .ballot_rows import CAMPAIGN_WIDE, BallotData
from .compute import (
    BallotRecord,
    ResultSources,
    UnitInfo,
    compute_results,
    split_runoffs,
    tally_brands,
)
from .csvio import ProgressCallback
from .kinds import Translate, summary_table, write_export
from .manifest import Manifest
from .model import BrandTally, CampaignResults
from .results import ballot_form_of, registered_brands, self_scores, unit_infos, visit_totals


@dataclass(frozen=True)
class Consolidated:
    """What a consolidation found and produced: the ballots read, the results and the summary's manifest."""

    ballots: BallotSet
    results: CampaignResults | None
    manifest: Manifest | None
    counted: int


def form_finder(campaign_store: CampaignStore | None) -> Callable[[str, str], Form | None]:
    """Finds forms by id and version: the campaign's pinned copies first, then the built-in forms."""
    pinned = {(form.id, form.version): form for form in campaign_store.forms()} if campaign_store else {}
    builtin = {(form.id, form.version): form for form in builtin_forms().values()}

    def find(form_id: str, version: str) -> Form | None:
        return pinned.get((form_id, version)) or builtin.get((form_id, version))

    return find


def read_exports(
    paths: Sequence[Path],
    campaign_store: CampaignStore | None,
    on_rows: ProgressCallback | None = None,
) -> BallotSet:
    """Reads and checks ballot exports (see `read_ballot_files`) against the campaign when there is one."""
    if not paths:
        raise InputError("consolidate.no_files")
    pinned = {form.id: form.version for form in campaign_store.forms()} if campaign_store else None
    ballots = read_ballot_files(
        list(paths),
        form_finder(campaign_store),
        campaign_id=campaign_store.info.id if campaign_store else None,
        pinned_versions=pinned,
        on_rows=on_rows,
        sign=campaign_store.manifest_mac if campaign_store else None,
    )
    if campaign_store is not None:
        # As strict as the kiosk: every answer and ballot rule, then each file's closing digest.
        check_closing_digests(ballots, sealed_for_import(ballots, campaign_store))
    return ballots


def check_closing_digests(ballots: BallotSet, sealed: Sequence[SealedBallot]) -> None:
    """Refuse a file whose ballots do not give a closing digest its (signed) manifest names: for each
    terminal, the digest over the hashes of that terminal's ballots in the file is one of the manifest's
    closing digests (the minutes), so a ballot added, dropped or changed after the close is seen."""
    from store.api import closing_digest

    hashes = {ballot.ballot_id: ballot.content_hash for ballot in sealed}
    terminal = {ballot.ballot_id: ballot.terminal_id for ballot in sealed}
    conflicting = {side.file for c in ballots.conflicts for side in (c.first, c.second)}
    for file in ballots.files:
        if file in conflicting:  # reported as a conflict, naming both files: refused or left out there
            continue
        by_terminal: dict[str, list[str]] = {}
        for ballot_id in ballots.file_ballots.get(file, []):
            if ballot_id in hashes:
                by_terminal.setdefault(terminal[ballot_id], []).append(hashes[ballot_id])
        known = set(ballots.file_digests.get(file, ()))
        for found in by_terminal.values():
            if closing_digest(found) not in known:
                raise ProblemFound("trust.import_digest", file=file, count=len(found))


def results_of(
    ballots: BallotSet, campaign_store: CampaignStore | None, rules: Rules | None
) -> CampaignResults:
    """The results of the consolidated ballots (conflicting ones left out), with the campaign's rules.

    With the campaign's store at hand, the units' liaison groups, last year's stars, self-assessments and
    supervision come from it; without, the units are those the ballots name.
    """
    find = form_finder(campaign_store)
    forms = {form_id: find(form_id, version) for form_id, version in ballots.forms.items()}
    if campaign_store is not None:
        form = ballot_form_of(campaign_store)
        chosen_rules = rules or campaign_store.rules()
    else:
        candidates = [form for form in forms.values() if form is not None and form.scope == "ballot"]
        if not candidates:
            raise InputError("consolidate.no_ballot_form")
        form = candidates[0]
        chosen_rules = rules or default_rules()
    kept = ballots_without_conflicts(ballots)
    records = [
        BallotRecord(ballot.ballot_id, ballot.rater_group, ballot.answers)
        for ballot in kept
        if ballot.form_id == form.id
    ]
    votes, rounds = split_runoffs(
        (forms.get(ballot.form_id), ballot.answers.get(CAMPAIGN_WIDE, {})) for ballot in kept
    )
    if campaign_store is not None:
        units = unit_infos(campaign_store.roster.meeting_units())
        brands = registered_brands(campaign_store)
    else:
        units = [
            UnitInfo(unit_id, ballots.unit_names.get(unit_id, ""))
            for unit_id in ballots.unit_order
            if unit_id != CAMPAIGN_WIDE
        ]
        brands = [(brand, brand, "", "") for brand in sorted({brand for vote in votes for brand in vote})]
    sources = ResultSources(
        campaign_id=ballots.campaign_id,
        campaign_name=ballots.campaign_name,
        rules=chosen_rules,
        ballot_form=form,
        units=units,
        ballots=records,
        closed=True,
        closing_digests=tuple(ballots.closing_digests),
        brands=_tally(votes, brands, rounds),
    )
    if campaign_store is not None:
        # What only the campaign's own store knows: its year, self-assessments and supervision.
        form_of = {pinned.id: pinned for pinned in campaign_store.forms()}
        sources = replace(
            sources,
            year=campaign_store.info.year,
            self_scores=self_scores(campaign_store.self_assessments.self_assessments(), form_of),
            visit_totals=visit_totals(campaign_store, form_of),
        )
    return compute_results(sources)


def _tally(
    votes: list[list[str]], brands: list[tuple[str, str, str, str]], rounds: list[list[list[str]]]
) -> tuple[BrandTally, ...]:
    return tally_brands([vote for vote in votes if vote], brands, rounds) if brands else ()


def write_summary(
    results: CampaignResults,
    path: Path,
    *,
    text: Translate,
    lang: str = "zh",
    plain: bool = False,
    on_progress: ProgressCallback | None = None,
) -> Manifest:
    """The consolidated summary CSV with its manifest (closing digests of every file merged)."""
    columns, rows = summary_table(results, text, lang, plain)
    return write_export(
        "summary",
        path,
        columns,
        rows,
        campaign_id=results.campaign_id,
        campaign_name=results.campaign_name,
        closing_digests=results.closing_digests,
        plain=plain,
        lang=lang,
        on_progress=on_progress,
    )


def sealed_for_import(ballots: BallotSet, campaign_store: CampaignStore) -> list[SealedBallot]:
    """The read ballots as `SealedBallot`s for `import_sealed_ballots`, with the hash the store checks.

    The validity and its reasons are computed again with the campaign's form, exactly as the store does at
    sealing, and every meeting unit gets its (possibly empty) answers, so an unchanged ballot hashes the same.
    """
    from forms.scoring import check_ballot
    from store.api import ballot_hash

    meeting = [unit.id for unit in campaign_store.roster.meeting_units()]
    forms = {form.id: form for form in campaign_store.forms()}
    sealed: list[SealedBallot] = []
    brands = [brand.id for brand in campaign_store.roster.brands()]
    for ballot in ballots_without_conflicts(ballots):
        form = forms.get(ballot.form_id)
        if form is None:
            raise InputError("import.unknown_form", file=", ".join(ballots.files), form=ballot.form_id)
        _check_answers(ballots, ballot, form, meeting, brands)
        if form.scope == "ballot":
            unknown = sorted(set(ballot.answers) - set(meeting))
            if unknown:
                raise InputError("import.unknown_unit", unit=unknown[0], ballot=ballot.ballot_id)
            answers = {unit_id: dict(ballot.answers.get(unit_id, {})) for unit_id in meeting}
            verdict = check_ballot(form, answers)
            valid = verdict.valid
            reasons = tuple(flag.rule for flag in verdict.flags if flag.action == "invalid")
        else:
            answers = {unit_id: dict(values) for unit_id, values in ballot.answers.items()}
            valid, reasons = True, ()
        record = SealedBallot(
            ballot_id=ballot.ballot_id,
            terminal_id=ballot.terminal_id,
            form_id=ballot.form_id,
            form_version=ballot.form_version,
            rater_group=ballot.rater_group,
            day=ballot.day or None,
            answers=answers,
            valid=valid,
            invalid_reasons=reasons,
            content_hash="",
        )
        sealed.append(SealedBallot(**{**record.__dict__, "content_hash": ballot_hash(record)}))
    return sealed


def _check_answers(
    ballots: BallotSet, ballot: BallotData, form: Form, meeting: Sequence[str], brands: Sequence[str]
) -> None:
    """The kiosk's answer checks for an imported ballot (scale levels, numbers in range, picks limits and
    known brands, required items, known units); the first problem refuses the whole import, naming the
    file, the line the ballot starts on, the unit, the item and the value."""
    from forms.scoring import score_response, validate_answer

    source = source_of(ballots, ballot.ballot_id)
    where = {"file": source.file if source else "", "line": source.line if source else 0}
    expected = meeting if form.scope == "ballot" else [CAMPAIGN_WIDE]
    for unit_id in sorted(set(ballot.answers) | set(expected)):
        row = dict(ballot.answers.get(unit_id, {}))
        if unit_id not in expected:
            raise InputError("trust.import_bad_unit", **where, unit=unit_id)
        for item_id, value in row.items():
            item = form.item(item_id)
            choices = brands if item is not None and item.choices_from == "brands" else None
            problem = validate_answer(form, item_id, value, choices)
            if problem is not None:
                raise InputError(
                    "trust.import_bad_answer", **where, unit=unit_id, item=item_id, value=str(value)
                )
        score = score_response(form, row)
        if score.missing:
            raise InputError("trust.import_missing", **where, unit=unit_id, item=score.missing[0])
        if score.problems:
            bad = score.problems[0]
            raise InputError(
                "trust.import_bad_answer", **where, unit=unit_id, item=bad.item, value=str(row.get(bad.item))
            )
