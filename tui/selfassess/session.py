"""A unit's self-assessment in progress: checks at entry, live score and star, ordered autosave.

No Textual here: the fill-in screen and the benchmark drive the same object. Store calls block on
disk, so `flush`, `save_position` and `submit` are meant for worker threads; `check` and `accept`
are cheap and run on the UI thread.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from forms.errors import InputError
from forms.model import AnswerValue, Form, Section
from forms.rules import Rules
from forms.scoring import (
    ResponseScore,
    below_full,
    is_answered,
    score_response,
    star_for,
    validate_answer,
)
from store.api import Adjustment, CampaignStore, SelfAssessment, SelfEvent, Unit
from tui.i18n import t

NOTE_MAX_LENGTH = 500
"""An evidence note longer than this is refused at entry (a note, not a report; attach files elsewhere)."""

EDITABLE_STATES = frozenset({"draft", "returned"})
"""States in which the unit may still change its answers (no record yet counts as a draft)."""


def _as_text(value: AnswerValue) -> str:
    """An answer as the unit would have typed it (to keep a refused value as typed)."""
    if value is None:
        return ""
    if isinstance(value, list):
        return "、".join(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def problem_text(key: str, params: dict[str, object]) -> str:
    """The sentence for a scoring engine's problem key, with its parameters."""
    return t(key, **params)


@dataclass
class SelfSession:
    """One unit's answers to one form, as the fill-in screen edits them."""

    store: CampaignStore
    unit: Unit
    form: Form
    rules: Rules
    state: str | None
    answers: dict[str, AnswerValue]
    notes: dict[str, str]
    position: str | None = None
    return_note: str = ""
    adjustments: dict[str, Adjustment] = field(default_factory=dict)
    """The liaison group's latest adjustment of each item (shown to the unit beside its own answer)."""
    history: tuple[SelfEvent, ...] = ()
    """What happened to the form (submitted, sent back, reopened with the reason...), oldest first."""
    all_adjustments: tuple[Adjustment, ...] = ()
    """Every adjustment of the liaison group, in order (the unit sees each with its reason)."""
    typed: dict[str, str] = field(default_factory=dict)
    """Entries kept as typed that are not (yet) a value of their item: saved, shown, never scored."""
    _pending: dict[str, tuple[AnswerValue, str, str | None]] = field(default_factory=dict, repr=False)
    _pending_lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _write_lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @classmethod
    def open(cls, store: CampaignStore, unit: Unit, form_id: str) -> SelfSession:
        """Load the unit's saved answers, notes and place (blocking: call from a worker)."""
        form = store.form(form_id)
        record = store.self_assessments.self_assessment(unit.id, form_id)
        return cls.from_record(store, unit, form, store.rules(), record)

    @classmethod
    def from_record(
        cls, store: CampaignStore, unit: Unit, form: Form, rules: Rules, record: SelfAssessment | None
    ) -> SelfSession:
        """A session over an already loaded record (None: the unit has not started)."""
        if record is None:
            return cls(store, unit, form, rules, None, {}, {})
        return cls(
            store,
            unit,
            form,
            rules,
            record.state,
            dict(record.answers),
            dict(record.notes),
            record.position,
            record.return_note if record.state == "returned" else "",
            {adjustment.item_id: adjustment for adjustment in record.adjustments},
            tuple(record.history),
            tuple(record.adjustments),
            dict(record.typed),
        )

    # ------------------------------------------------------------------ reading

    @property
    def editable(self) -> bool:
        """Whether the unit may still change answers (not yet submitted, or sent back)."""
        return self.state is None or self.state in EDITABLE_STATES

    def score(self) -> ResponseScore:
        """The running score from the scoring engine (hidden items neither count nor are required)."""
        return score_response(self.form, self.answers, self.notes)

    def percent(self, score: ResponseScore) -> float:
        """The total on the 0..100 scale the star bands use."""
        if score.max_total <= 0:
            return 0.0
        return score.total / score.max_total * 100.0

    @property
    def rates_stars(self) -> bool:
        """Whether the form gives a star (星级党支部), or only a score (主体责任清单 shows no star)."""
        from exports.stars import is_star_form

        return is_star_form(self.form)

    def star(self, score: ResponseScore) -> int:
        """The star this response would give alone (0 = none): vetoes and the satisfaction rule applied."""
        return star_for(self.percent(score), self.rules, score.star_cap, score.satisfaction)

    def section_done(self, section: Section, score: ResponseScore) -> bool:
        """No shown item of the section is missing an answer, a required note, or holds a bad answer."""
        open_items = {*self.open_items(score)}
        return not any(item.id in open_items for item in section.items)

    def unfinished(self, score: ResponseScore) -> dict[str, str]:
        """Items holding something saved but not yet acceptable, with why: a lowered score without its
        note, an entry that is not a valid value. These are kept and marked, never dropped."""
        found: dict[str, str] = {}
        for item_id, text in self.typed.items():
            found[item_id] = self.typed_problem(item_id, text)
        for item_id in score.notes_missing:
            found.setdefault(item_id, t("self.item.note_required"))
        for problem in score.problems:
            found.setdefault(problem.item, problem_text(problem.key, dict(problem.params)))
        return found

    def open_items(self, score: ResponseScore) -> dict[str, str]:
        """Everything submit still needs, in form order, with the reason: unfinished items and missing
        required answers."""
        reasons = self.unfinished(score)
        for item_id in score.missing:
            reasons.setdefault(item_id, t("selfyear.open.missing"))
        order = [item.id for item in self.form.items()]
        return {item_id: reasons[item_id] for item_id in order if item_id in reasons}

    def typed_problem(self, item_id: str, text: str) -> str:
        """Why a kept entry is not a value of its item (as the field would say it)."""
        item = self.form.item(item_id)
        if item is None:
            return t("self.item.unknown", item=item_id)
        try:
            number = float(text.strip())
        except ValueError:
            return t("self.item.not_number", text=text)
        value: AnswerValue = int(number) if number.is_integer() else number
        problem = validate_answer(self.form, item_id, value)
        if problem is not None:
            return problem_text(problem.key, dict(problem.params))
        return t("selfyear.typed_invalid", text=text)

    def section_unfinished(self, section: Section, score: ResponseScore) -> int:
        """How many items of the section are kept but unfinished (the mark in the section list)."""
        unfinished = self.unfinished(score)
        return sum(1 for item in section.items if item.id in unfinished)

    # ------------------------------------------------------------------ entering

    def check(self, item_id: str, value: AnswerValue, note: str) -> str | None:
        """Why this answer and note are not acceptable yet, or None when they are."""
        item = self.form.item(item_id)
        if item is None:
            return t("self.item.unknown", item=item_id)
        if not self.editable:
            return t("self.read_only")
        problem = validate_answer(self.form, item_id, value)
        if problem is not None:
            return problem_text(problem.key, dict(problem.params))
        if len(note) > NOTE_MAX_LENGTH:
            return t("self.item.note_too_long", limit=NOTE_MAX_LENGTH, length=len(note))
        if self._needs_note(item_id, value, note):
            return t("self.item.note_required")
        return None

    def _needs_note(self, item_id: str, value: AnswerValue, note: str) -> bool:
        item = self.form.item(item_id)
        return (
            item is not None
            and item.note_below_full
            and is_answered(value)
            and not note.strip()
            and below_full(self.form, item, value)
        )

    def accept(self, item_id: str, value: AnswerValue, note: str, typed: str | None = None) -> None:
        """Take an answer (or, with `typed`, an entry kept as typed) and queue it for the next `flush`."""
        if typed is not None and typed.strip():
            self.answers.pop(item_id, None)
            self.typed[item_id] = typed
            value = None
        else:
            typed = None
            self.typed.pop(item_id, None)
            if is_answered(value):
                self.answers[item_id] = value
            else:
                self.answers.pop(item_id, None)
        if note:
            self.notes[item_id] = note
        else:
            self.notes.pop(item_id, None)
        if self.state is None:
            self.state = "draft"
        with self._pending_lock:
            self._pending[item_id] = (value if is_answered(value) else None, note, typed)

    def enter(
        self,
        item_id: str,
        value: AnswerValue,
        note: str,
        text: str | None = None,
        unparsable: str | None = None,
    ) -> str | None:
        """Take what the unit typed, valid or not, and say why it is not acceptable yet (None: it is).

        Nothing typed is lost: a lowered score without its note is kept as the answer and marked; a
        value out of bounds or not a number (`unparsable`, with the raw `text`) is kept as typed.
        Refused outright (not kept) only when the form is read-only, the item unknown, or the note
        longer than `NOTE_MAX_LENGTH`.
        """
        item = self.form.item(item_id)
        if item is None:
            return t("self.item.unknown", item=item_id)
        if not self.editable:
            return t("self.read_only")
        if len(note) > NOTE_MAX_LENGTH:
            return t("self.item.note_too_long", limit=NOTE_MAX_LENGTH, length=len(note))
        if unparsable is not None:
            self.accept(item_id, None, note, typed=text or "")
            return unparsable
        problem = validate_answer(self.form, item_id, value)
        if problem is not None:
            raw = text if text is not None and text.strip() else _as_text(value)
            self.accept(item_id, None, note, typed=raw)
            return problem_text(problem.key, dict(problem.params))
        self.accept(item_id, value, note)
        return t("self.item.note_required") if self._needs_note(item_id, value, note) else None

    # ------------------------------------------------------------------ writing (worker threads)

    @property
    def dirty(self) -> bool:
        """Whether answers are waiting to be written."""
        with self._pending_lock:
            return bool(self._pending)

    def flush(self) -> int:
        """Write every queued answer, in order; returns how many were written.

        One writer at a time: a later flush takes the later value of an item only after an earlier
        flush has finished writing the older one, so the store never ends with a stale answer.
        """
        with self._write_lock:
            with self._pending_lock:
                batch = self._pending
                self._pending = {}
            written = 0
            try:
                for item_id, (value, note, typed) in batch.items():
                    self.store.self_assessments.save_self_answer(
                        self.unit.id, self.form.id, item_id, value, note, typed=typed
                    )
                    written += 1
            except BaseException:
                # Put back what was not written (unless newer values arrived meanwhile), then report.
                with self._pending_lock:
                    for item_id, entry in list(batch.items())[written:]:
                        self._pending.setdefault(item_id, entry)
                raise
            return written

    def save_position(self, position: str) -> None:
        """Remember where the unit is (section/item), so a restart resumes there."""
        self.position = position
        self.store.self_assessments.save_self_position(self.unit.id, self.form.id, position)

    def submit(self) -> None:
        """Write what is queued, then submit; refused when the response is incomplete."""
        self.flush()
        score = self.score()
        if self.open_items(score):
            raise InputError("self.submit.incomplete", count=len(self.open_items(score)))
        self.store.self_assessments.submit_self(self.unit.id, self.form.id, actor=self.unit.id)
        self.state = "submitted"
        self.return_note = ""
