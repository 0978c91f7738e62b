"""`Ballots`: drafts autosaved per code, sealing (one atomic step with the code), paper and sealed ballots."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import replace
from typing import Any, cast

from tinydb.table import Document

from forms.errors import InputError, ProblemFound
from forms.model import Form
from forms.scoring.entry import dimension_items, required_items

from . import draft_log
from .audit_trail import AuditTrail
from .ballot_codes import CampaignCodes
from .campaign_files import DRAFTS_DIR, MAIN, MAX_CODES_PER_ISSUE, CampaignFiles, check_value
from .clock import today
from .errors import StoreWriteError
from .file_data import damaged_record, single, table
from .pinned_forms import PinnedForms
from .records import CAMPAIGN_WIDE, AnswerValue, BallotAnswers, Draft, ImportOutcome, SealedBallot
from .roster import Roster
from .sealing import ballot_from_doc, ballot_hash, ballot_to_doc, new_ballot_id
from .storage import fsync_dir


class Ballots:
    """Drafts, sealing and the sealed ballots of a campaign, typed-in paper ballots included."""

    def __init__(
        self,
        files: CampaignFiles,
        forms: PinnedForms,
        roster: Roster,
        codes: CampaignCodes,
        audit: AuditTrail,
    ) -> None:
        self.files = files
        self._forms = forms
        self._roster = roster
        self._codes = codes
        self._audit = audit

    def load_draft(self, code: str) -> Draft | None:
        """The saved draft of a code (None for a fresh code); InputError when unknown or used."""
        with self.files.op():
            digest, group = self._codes.usable(code)
            found = self.files.fold_draft(digest)
            if found is not None and found.long:
                self.files.compact_draft(digest, found)  # a resume reads one line per unit again
        if found is None:
            return None
        return Draft(rater_group=group, answers=found.answers, position=found.position)

    def save_answer(self, code: str, unit_id: str | None, item_id: str, value: AnswerValue) -> None:
        """Autosave one answer of a draft (None clears it). `unit_id` None or "" means `CAMPAIGN_WIDE`."""
        self.save_answers(code, unit_id, {item_id: value})

    def save_answers(self, code: str, unit_id: str | None, answers: Mapping[str, AnswerValue]) -> None:
        """Autosave several answers about one unit at once (e.g. a confirmed row of the ballot).

        One record is appended to the draft's log: the 1st and the 1,000th answer cost the same."""
        checked = {item_id: check_value(value) for item_id, value in answers.items()}
        with self._draft_op(code) as digest:
            # A draft is not an acknowledged ballot: safe from a kill -9 but not fsynced, so 200 phones
            # tapping at once do not queue behind one disk flush each. A power cut may cost the last
            # seconds of a draft's answers (re-tapped on resume), never a sealed ballot or a code.
            self.files.append_draft(digest, draft_log.answer_record(unit_id or CAMPAIGN_WIDE, checked))

    def save_position(self, code: str, position: str | None) -> None:
        """Remember where the evaluator is in the ballot, so a resumed draft opens there."""
        with self._draft_op(code) as digest:
            self.files.append_draft(digest, draft_log.position_record(position))

    @contextmanager
    def _draft_op(self, code: str) -> Iterator[str]:
        """Hold the lock for one autosave of a code's draft; yields the code hash. A code with no draft
        yet must be usable (known, not sealed) before its draft is begun."""
        digest = self.files.code_hash(code)
        if digest is None:
            raise InputError("store.code_unknown")
        with self.files.op():
            if not self.files.has_draft(digest):
                digest, _group = self._codes.usable(code)
                folder = self.files.dir / DRAFTS_DIR
                if not folder.is_dir():
                    try:
                        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
                        fsync_dir(folder.parent)
                    except OSError as error:
                        raise StoreWriteError(folder, error) from error
            yield digest

    def open_draft_count(self) -> int:
        """How many codes have a draft (a ballot begun, not sealed): the admin is warned before closing."""
        with self.files.op():
            folder = self.files.dir / DRAFTS_DIR
            if not folder.is_dir():
                return 0
            # A draft is a log per code (or, from older versions, a folder or a single file): each code
            # once, whatever form its draft is in; temp files of a compaction are not drafts.
            return len(
                {
                    entry.name.split(".")[0]
                    for entry in folder.iterdir()
                    if not entry.name.startswith(".")
                    and (entry.is_dir() or entry.suffix in (".json", ".log"))
                }
            )

    def discard_draft(self, code: str) -> None:
        """Throw away a code's draft; the code stays fresh."""
        with self.files.op():
            digest, _group = self._codes.usable(code)
            self.files.remove_draft(digest)

    def _prepare(
        self, form_id: str, answers: BallotAnswers
    ) -> tuple[Form, dict[str, dict[str, Any]], bool, tuple[str, ...]]:
        """Check a ballot's answers against its form; its validity flags from the scoring rules."""
        from forms.scoring import check_ballot, score_response, validate_answer

        if form_id not in self.files.info.form_ids:
            raise InputError(
                "store.form_not_in_campaign", form=form_id, known=", ".join(self.files.info.form_ids)
            )
        form = self._forms.form(form_id)
        if form.scope not in ("ballot", "vote"):
            raise InputError("store.form_not_ballot", form=form_id)
        expected = (
            [CAMPAIGN_WIDE] if form.scope == "vote" else [unit.id for unit in self._roster.meeting_units()]
        )
        if not expected:
            raise InputError("store.no_units")
        cleaned: dict[str, dict[str, Any]] = {}
        # The campaign's dimensions mode decides whether the ballot's 五力 items must be answered
        # (forms.scoring.entry): an optional or absent dimension never holds a ballot back.
        optional = self._not_required(form)
        # Whether a row is valid depends on the form and the row only (the unit is named only when a row
        # is refused, and a refusal ends the seal): a row equal to one already checked needs no second
        # check. Most rows of a long ballot repeat (the same levels), so this is most of a seal's work.
        checked_rows: set[tuple[tuple[str, str, Any], ...]] = set()
        for unit_id in expected:
            given = answers.get(unit_id, {})
            row = {item: check_value(value) for item, value in given.items() if value is not None}
            signature = tuple(
                sorted((k, type(v).__name__, tuple(v) if isinstance(v, list) else v) for k, v in row.items())
            )
            if signature in checked_rows:
                cleaned[unit_id] = row
                continue
            for item_id, value in row.items():
                if form.item(item_id) is None:
                    raise InputError("store.unknown_item", form=form_id, item=item_id)
                problem = validate_answer(form, item_id, value, self._choices_for(form, item_id))
                if problem is not None:
                    raise InputError("store.bad_answer", unit=unit_id, item=item_id, reason=problem.key)
            # The scoring engine knows which required items are shown (show_if) and still unanswered.
            score = score_response(form, row)
            missing = [item for item in score.missing if item not in optional]
            if missing:
                raise InputError("store.ballot_incomplete", unit=unit_id, item=missing[0])
            if score.problems:
                problem = score.problems[0]
                raise InputError("store.bad_answer", unit=unit_id, item=problem.item, reason=problem.key)
            checked_rows.add(signature)
            cleaned[unit_id] = row
        extra = sorted(set(answers) - set(expected))
        if extra and form.scope == "ballot" and any(key != CAMPAIGN_WIDE for key in extra):
            raise InputError("store.unknown_unit", unit=next(key for key in extra if key != CAMPAIGN_WIDE))
        if form.scope == "ballot":
            verdict = check_ballot(form, cleaned)
            reasons = tuple(flag.rule for flag in verdict.flags if flag.action == "invalid")
            return form, cleaned, verdict.valid, reasons
        return form, cleaned, True, ()

    def _not_required(self, form: Form) -> frozenset[str]:
        """The items of a review ballot the campaign's `dimensions` mode lets an evaluator leave blank."""
        if form.scope != "ballot":
            return frozenset()
        required = {item.id for item in required_items(form, self._forms.rules().dimensions)}
        return frozenset(item.id for item in dimension_items(form) if item.id not in required)

    def _choices_for(self, form: Form, item_id: str) -> list[str] | None:
        item = form.item(item_id)
        if item is not None and item.choices_from == "brands":
            return [brand.id for brand in self._roster.brands()]
        return None

    def seal_ballot(self, code: str, form_id: str, answers: BallotAnswers | None = None) -> str:
        """Seal the ballot of `code` for `form_id` and mark the code used, in one atomic step.

        `answers` default to the code's draft. Returns the new random ballot id once the ballot is
        durable. InputError when the code is unknown or used, voting is not open, or an answer is bad.
        """
        return self.seal_ballots(code, [form_id], answers)[0]

    def seal_ballots(
        self, code: str, form_ids: Sequence[str], answers: BallotAnswers | None = None
    ) -> list[str]:
        """Seal one code's answers to several forms (e.g. the review ballot and the brand vote) and mark
        the code used, all in one atomic step; the ids in the order of `form_ids`."""
        if not form_ids or len(set(form_ids)) != len(form_ids):
            raise InputError("store.seal_forms", forms=", ".join(form_ids))
        with self.files.op():
            self.files.require_open()
            digest, group = self._codes.usable(code)
            if answers is None:
                found = self.files.read_draft(digest)
                answers = cast(BallotAnswers, found[0] if found is not None else {})
            ballots = []
            for form_id in form_ids:
                form, cleaned, valid, reasons = self._prepare(form_id, answers)
                ballots.append(self._new_ballot(form, group, cleaned, valid, reasons))
            docs = [ballot_to_doc(ballot) for ballot in ballots]
            self.files.commit({"ballots": docs, "code_hash": digest, "source": "code"})
            return [ballot.ballot_id for ballot in ballots]

    def _new_ballot(
        self,
        form: Form,
        group: str,
        answers: dict[str, dict[str, Any]],
        valid: bool,
        reasons: tuple[str, ...],
    ) -> SealedBallot:
        ballot_id = new_ballot_id()
        while str(int(ballot_id, 16)) in table(
            self.files.store.read_cached(self.files.ledger_path(ballot_id)), "ledger"
        ):
            ballot_id = new_ballot_id()  # 60 random bits: a repeat is all but impossible, yet never merged
        ballot = SealedBallot(
            ballot_id=ballot_id,
            terminal_id=self.files.store.terminal_id(),
            form_id=form.id,
            form_version=form.version,
            rater_group=group,
            day=today(),
            answers=answers,
            valid=valid,
            invalid_reasons=reasons,
            content_hash="",
        )
        return replace(ballot, content_hash=ballot_hash(ballot))

    def sealed_ballots(self, form_id: str | None = None, *, cached: bool = True) -> Iterator[SealedBallot]:
        """Every sealed ballot (of one form), in an order unrelated to sealing (shard, then random id).

        A generator that reads one shard file at a time, under the lock only while reading it, so an
        export of millions of rows holds one shard in memory. `cached=False` (an export) reads each shard
        afresh and leaves nothing in the parse cache, which repeated results views reuse.
        """
        folder = self.files.dir / "ballots"
        with self.files.op():
            paths = sorted(folder.glob("*.json")) if folder.is_dir() else []
        for path in paths:
            with self.files.op():
                data = self.files.store.read_cached(path) if cached else self.files.store.read(path)
            for key, doc in table(data, "ballots").items():
                with damaged_record(path, key):
                    ballot = (
                        ballot_from_doc(doc) if form_id is None or doc.get("form_id") == form_id else None
                    )
                if ballot is not None:
                    yield ballot  # outside the lock: the caller may write a file between two ballots

    def ballot_count(self, form_id: str | None = None) -> int:
        """How many ballots are sealed (of one form)."""
        if form_id is None:
            with self.files.op():
                return len(self.files.ledger())
        return sum(1 for _ in self.sealed_ballots(form_id))

    def import_sealed_ballots(self, ballots: Iterable[SealedBallot]) -> ImportOutcome:
        """Add ballots sealed on another terminal, keeping their ids and hashes; all or nothing.

        A ballot already here with the same content is skipped; with other content, or whose hash does
        not match its content, the whole import is refused (ProblemFound naming the ballot).
        """
        incoming = list(ballots)
        with self.files.op():
            ledger = self.files.ledger()
            fresh: list[dict[str, Any]] = []
            skipped = 0
            seen: dict[str, str] = {}
            for ballot in incoming:
                if ballot_hash(ballot) != ballot.content_hash:
                    raise ProblemFound("store.import_hash", ballot=ballot.ballot_id)
                if ballot.form_id not in self.files.info.form_ids:
                    raise InputError(
                        "store.form_not_in_campaign",
                        form=ballot.form_id,
                        known=", ".join(self.files.info.form_ids),
                    )
                try:
                    key = str(int(ballot.ballot_id, 16))
                except ValueError:
                    raise ProblemFound("store.import_hash", ballot=ballot.ballot_id) from None
                known = ledger.get(key, {}).get("hash") or seen.get(key)
                if known is not None:
                    if known != ballot.content_hash:
                        raise ProblemFound("store.import_conflict", ballot=ballot.ballot_id)
                    skipped += 1
                    continue
                seen[key] = ballot.content_hash
                fresh.append(ballot_to_doc(ballot))
            if fresh:
                self.files.commit({"ballots": fresh, "source": "import"})
                self._audit.audit("admin", "ballots.import", f"{len(fresh)} added, {skipped} skipped")
        return ImportOutcome(added=len(fresh), skipped=skipped)

    def issue_paper_slips(self, rater_group: str, count: int) -> None:
        """Record that `count` more paper slips of a rater group were handed out."""
        if rater_group not in self.files.info.rater_groups:
            raise InputError(
                "store.unknown_rater_group", group=rater_group, known=", ".join(self.files.info.rater_groups)
            )
        if not 1 <= count <= MAX_CODES_PER_ISSUE:
            raise InputError("store.code_count", count=count, max=MAX_CODES_PER_ISSUE)
        with self.files.op(), self.files.store.edit(self.files.path(MAIN)) as db:
            paper = db.table("paper", cache_size=0)
            current = paper.get(doc_id=1)
            issued = dict(current) if current is not None else {}
            issued[rater_group] = int(issued.get(rater_group, 0)) + count
            paper.upsert(Document(issued, doc_id=1))
        self._audit.audit("admin", "paper.issue", f"{rater_group} x{count}")

    def _paper(self) -> tuple[dict[str, int], dict[str, int]]:
        issued = {k: int(v) for k, v in single(self.files.main(), "paper").items()}
        used: dict[str, int] = {}
        for entry in self.files.ledger().values():
            if entry.get("source") == "paper" and entry.get("primary"):
                used[str(entry.get("group"))] = used.get(str(entry.get("group")), 0) + 1
        return issued, used

    def paper_slips_left(self, rater_group: str) -> int:
        """How many paper ballots of a rater group may still be entered."""
        with self.files.op():
            issued, used = self._paper()
        return max(0, issued.get(rater_group, 0) - used.get(rater_group, 0))

    def seal_paper_ballot(self, rater_group: str, form_id: str, answers: BallotAnswers) -> str:
        """Seal a paper ballot typed in by an operator (no code; counts against the group's paper slips)."""
        with self.files.op():
            self.files.require_open()
            issued, used = self._paper()
            if issued.get(rater_group, 0) - used.get(rater_group, 0) <= 0:
                raise InputError("store.no_paper_left", group=rater_group)
            form, cleaned, valid, reasons = self._prepare(form_id, answers)
            ballot = self._new_ballot(form, rater_group, cleaned, valid, reasons)
            self.files.commit({"ballots": [ballot_to_doc(ballot)], "source": "paper"})
            return ballot.ballot_id
