"""Drafts autosaved per code, sealing (one atomic step with the code), paper ballots, sealed-ballot reads."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from typing import Any, cast

from tinydb.table import Document

from forms.errors import InputError, ProblemFound
from forms.model import Form

from .ballot_codes import CodesMixin
from .campaign_base import MAIN, MAX_CODES_PER_ISSUE, check_value
from .core import damaged_record, single, table, today
from .records import CAMPAIGN_WIDE, AnswerValue, BallotAnswers, Draft, ImportOutcome, SealedBallot
from .sealing import ballot_from_doc, ballot_hash, ballot_to_doc, new_ballot_id
from .storage import remove_durably


class BallotsMixin(CodesMixin):
    """Drafts, sealing and the sealed ballots of a campaign."""

    def load_draft(self, code: str) -> Draft | None:
        """The saved draft of a code (None for a fresh code); InputError when unknown or used."""
        with self._op():
            digest, group = self._usable(code)
            data = self.store.read(self._draft_path(digest))
        if data is None:
            return None
        doc = single(data, "draft")
        return Draft(rater_group=group, answers=doc.get("answers", {}), position=doc.get("position"))

    def save_answer(self, code: str, unit_id: str | None, item_id: str, value: AnswerValue) -> None:
        """Autosave one answer of a draft (None clears it). `unit_id` None or "" means `CAMPAIGN_WIDE`."""
        self.save_answers(code, unit_id, {item_id: value})

    def save_answers(self, code: str, unit_id: str | None, answers: Mapping[str, AnswerValue]) -> None:
        """Autosave several answers about one unit at once (e.g. a confirmed row of the ballot)."""
        checked = {item_id: check_value(value) for item_id, value in answers.items()}
        unit_key = unit_id or CAMPAIGN_WIDE

        def put_answers(current: dict[str, Any]) -> None:
            unit_answers = current["answers"].setdefault(unit_key, {})
            for item_id, value in checked.items():
                if value is None:
                    unit_answers.pop(item_id, None)
                else:
                    unit_answers[item_id] = value

        self._update_draft(code, put_answers)

    def save_position(self, code: str, position: str | None) -> None:
        """Remember where the evaluator is in the ballot, so a resumed draft opens there."""

        def put_position(current: dict[str, Any]) -> None:
            current["position"] = position

        self._update_draft(code, put_position)

    def _update_draft(self, code: str, change: Callable[[dict[str, Any]], None]) -> None:
        """Apply `change` to a code's draft (created empty on first use) under the lock; autosave's one path.

        A code with no draft yet must be usable (known, not sealed) before a draft file is created for it.
        """
        digest = self._hash(code)
        if digest is None:
            raise InputError("store.code_unknown")
        with self._op():
            path = self._draft_path(digest)
            if not path.exists():
                digest, _group = self._usable(code)
            with self.store.edit(path) as db:
                draft = db.table("draft", cache_size=0)
                doc = draft.get(doc_id=1)
                current = dict(doc) if doc is not None else {"answers": {}, "position": None}
                change(current)
                draft.upsert(Document(current, doc_id=1))

    def open_draft_count(self) -> int:
        """How many codes have a draft (a ballot begun, not sealed): the admin is warned before closing."""
        with self._op():
            folder = self.dir / "drafts"
            return sum(1 for _ in folder.glob("*.json")) if folder.is_dir() else 0

    def discard_draft(self, code: str) -> None:
        """Throw away a code's draft; the code stays fresh."""
        with self._op():
            digest, _group = self._usable(code)
            remove_durably(self._draft_path(digest))

    def _prepare(
        self, form_id: str, answers: BallotAnswers
    ) -> tuple[Form, dict[str, dict[str, Any]], bool, tuple[str, ...]]:
        """Check a ballot's answers against its form; its validity flags from the scoring rules."""
        from forms.scoring import check_ballot, score_response, validate_answer

        if form_id not in self.info.form_ids:
            raise InputError("store.form_not_in_campaign", form=form_id, known=", ".join(self.info.form_ids))
        form = self.form(form_id)
        if form.scope not in ("ballot", "vote"):
            raise InputError("store.form_not_ballot", form=form_id)
        expected = [CAMPAIGN_WIDE] if form.scope == "vote" else [unit.id for unit in self.meeting_units()]
        if not expected:
            raise InputError("store.no_units")
        cleaned: dict[str, dict[str, Any]] = {}
        for unit_id in expected:
            given = answers.get(unit_id, {})
            row = {item: check_value(value) for item, value in given.items() if value is not None}
            for item_id, value in row.items():
                if form.item(item_id) is None:
                    raise InputError("store.unknown_item", form=form_id, item=item_id)
                problem = validate_answer(form, item_id, value, self._choices_for(form, item_id))
                if problem is not None:
                    raise InputError("store.bad_answer", unit=unit_id, item=item_id, reason=problem.key)
            # The scoring engine knows which required items are shown (show_if) and still unanswered.
            score = score_response(form, row)
            if score.missing:
                raise InputError("store.ballot_incomplete", unit=unit_id, item=score.missing[0])
            if score.problems:
                problem = score.problems[0]
                raise InputError("store.bad_answer", unit=unit_id, item=problem.item, reason=problem.key)
            cleaned[unit_id] = row
        extra = sorted(set(answers) - set(expected))
        if extra and form.scope == "ballot" and any(key != CAMPAIGN_WIDE for key in extra):
            raise InputError("store.unknown_unit", unit=next(key for key in extra if key != CAMPAIGN_WIDE))
        if form.scope == "ballot":
            verdict = check_ballot(form, cleaned)
            reasons = tuple(flag.rule for flag in verdict.flags if flag.action == "invalid")
            return form, cleaned, verdict.valid, reasons
        return form, cleaned, True, ()

    def _choices_for(self, form: Form, item_id: str) -> list[str] | None:
        item = form.item(item_id)
        if item is not None and item.choices_from == "brands":
            return [brand.id for brand in self.brands()]
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
        with self._op():
            self._require_open()
            digest, group = self._usable(code)
            if answers is None:
                data = self.store.read(self._draft_path(digest))
                answers = cast(BallotAnswers, single(data, "draft").get("answers", {}))
            ballots = []
            for form_id in form_ids:
                form, cleaned, valid, reasons = self._prepare(form_id, answers)
                ballots.append(self._new_ballot(form, group, cleaned, valid, reasons))
            docs = [ballot_to_doc(ballot) for ballot in ballots]
            self._commit({"ballots": docs, "code_hash": digest, "source": "code"})
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
            self.store.read_cached(self._ledger_path(ballot_id)), "ledger"
        ):
            ballot_id = new_ballot_id()  # 60 random bits: a repeat is all but impossible, yet never merged
        ballot = SealedBallot(
            ballot_id=ballot_id,
            terminal_id=self.store.terminal_id(),
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

    def sealed_ballots(self, form_id: str | None = None) -> Iterator[SealedBallot]:
        """Every sealed ballot (of one form), in an order unrelated to sealing (shard, then random id)."""
        with self._op():
            found: list[SealedBallot] = []
            for path in (
                sorted((self.dir / "ballots").glob("*.json")) if (self.dir / "ballots").is_dir() else []
            ):
                for key, doc in table(self.store.read_cached(path), "ballots").items():
                    with damaged_record(path, key):
                        if form_id is None or doc.get("form_id") == form_id:
                            found.append(ballot_from_doc(doc))
        return iter(found)

    def ballot_count(self, form_id: str | None = None) -> int:
        """How many ballots are sealed (of one form)."""
        if form_id is None:
            with self._op():
                return len(self._ledger())
        return sum(1 for _ in self.sealed_ballots(form_id))

    def import_sealed_ballots(self, ballots: Iterable[SealedBallot]) -> ImportOutcome:
        """Add ballots sealed on another terminal, keeping their ids and hashes; all or nothing.

        A ballot already here with the same content is skipped; with other content, or whose hash does
        not match its content, the whole import is refused (ProblemFound naming the ballot).
        """
        incoming = list(ballots)
        with self._op():
            ledger = self._ledger()
            fresh: list[dict[str, Any]] = []
            skipped = 0
            seen: dict[str, str] = {}
            for ballot in incoming:
                if ballot_hash(ballot) != ballot.content_hash:
                    raise ProblemFound("store.import_hash", ballot=ballot.ballot_id)
                if ballot.form_id not in self.info.form_ids:
                    raise InputError(
                        "store.form_not_in_campaign", form=ballot.form_id, known=", ".join(self.info.form_ids)
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
                self._commit({"ballots": fresh, "source": "import"})
                self.audit("admin", "ballots.import", f"{len(fresh)} added, {skipped} skipped")
        return ImportOutcome(added=len(fresh), skipped=skipped)

    def issue_paper_slips(self, rater_group: str, count: int) -> None:
        """Record that `count` more paper slips of a rater group were handed out."""
        if rater_group not in self.info.rater_groups:
            raise InputError(
                "store.unknown_rater_group", group=rater_group, known=", ".join(self.info.rater_groups)
            )
        if not 1 <= count <= MAX_CODES_PER_ISSUE:
            raise InputError("store.code_count", count=count, max=MAX_CODES_PER_ISSUE)
        with self._op(), self.store.edit(self._path(MAIN)) as db:
            paper = db.table("paper", cache_size=0)
            current = paper.get(doc_id=1)
            issued = dict(current) if current is not None else {}
            issued[rater_group] = int(issued.get(rater_group, 0)) + count
            paper.upsert(Document(issued, doc_id=1))
        self.audit("admin", "paper.issue", f"{rater_group} x{count}")

    def _paper(self) -> tuple[dict[str, int], dict[str, int]]:
        issued = {k: int(v) for k, v in single(self._main(), "paper").items()}
        used: dict[str, int] = {}
        for entry in self._ledger().values():
            if entry.get("source") == "paper" and entry.get("primary"):
                used[str(entry.get("group"))] = used.get(str(entry.get("group")), 0) + 1
        return issued, used

    def paper_slips_left(self, rater_group: str) -> int:
        """How many paper ballots of a rater group may still be entered."""
        with self._op():
            issued, used = self._paper()
        return max(0, issued.get(rater_group, 0) - used.get(rater_group, 0))

    def seal_paper_ballot(self, rater_group: str, form_id: str, answers: BallotAnswers) -> str:
        """Seal a paper ballot typed in by an operator (no code; counts against the group's paper slips)."""
        with self._op():
            self._require_open()
            issued, used = self._paper()
            if issued.get(rater_group, 0) - used.get(rater_group, 0) <= 0:
                raise InputError("store.no_paper_left", group=rater_group)
            form, cleaned, valid, reasons = self._prepare(form_id, answers)
            ballot = self._new_ballot(form, rater_group, cleaned, valid, reasons)
            self._commit({"ballots": [ballot_to_doc(ballot)], "source": "paper"})
            return ballot.ballot_id
