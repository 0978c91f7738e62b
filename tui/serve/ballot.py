"""The hall's ballot service: codes, answers, review and seal through `MeetingBackend` and the entry rules.

Every method is synchronous and may touch the disk: the web handlers run them on the store's one worker
thread, except a tap that finds the store's lock free, which is answered at once on the event loop
(`answer_if_free`). Whatever the service remembers is touched only while holding the store's lock, on
whichever thread. The ballot rules come only from `forms.scoring` (entry rules while filling,
`check_ballot` through the backend on review). Page loads, the review and the seal read the store afresh,
so the kiosk and other devices are seen; a tap uses the code's draft as this service last read or wrote
it (see `HallService`).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any

from forms.errors import InputError
from forms.model import Item
from forms.scoring import EntryTally, QuotaTally, asked_items, dimension_items, missing_answers
from tui.i18n import t
from tui.meeting.backend import MeetingBackend
from tui.meeting.model import AnswerValue, BallotDraft, CodeState, RuleBreak

MAX_COMMENT = 200
"""The longest comment accepted when the form does not say (the store checks the form's own limit)."""

REMEMBERED_DRAFTS = 1024
"""How many codes' drafts a tap may take from memory (the least recently used are read again)."""

Answers = dict[str, dict[str, AnswerValue]]


@dataclass(frozen=True)
class Level:
    """One level of a rating item as the page shows it: stored code, label, key."""

    value: str
    label: str
    key: str


@dataclass(frozen=True, eq=False)  # hashed by identity: the page caches buttons per question
class Question:
    """One item asked about every unit: the score item, a 五力 dimension, or a comment."""

    item_id: str
    label: str
    kind: str  # "rating" or "text"
    levels: tuple[Level, ...]
    dimension: bool
    max_length: int


@dataclass(frozen=True)
class Tally:
    """A quota so far, for the live line "好 12 / 上限 19"."""

    label: str
    count: int
    limit: int
    full: bool


@dataclass(frozen=True)
class BallotStatus:
    """What the grid shows besides the answers: tallies, early warnings, how much is left."""

    tallies: tuple[Tally, ...]
    warnings: tuple[str, ...]
    missing: int
    answered_units: int


@dataclass(frozen=True)
class BallotState(BallotStatus):
    """The status with a copy of the answers, for a whole page."""

    answers: dict[str, dict[str, AnswerValue]]


@dataclass(frozen=True)
class Outcome:
    """What became of one answer: saved, or refused with the reason (nothing stored)."""

    saved: bool
    refused: str
    status: BallotStatus


@dataclass(frozen=True)
class Review:
    """The review page: what is missing, the rules broken, and whether sealing is allowed."""

    state: BallotState
    missing_units: tuple[str, ...]
    breaks: tuple[RuleBreak, ...]

    @property
    def can_seal(self) -> bool:
        return self.state.missing == 0


@dataclass(frozen=True)
class Tap:
    """One answer posted by the page: the code's unit, item and level (or comment text)."""

    code: str
    unit_id: str
    item_id: str
    value: str


class HallService:
    """One campaign's review ballot, as the hall's web page asks for it.

    A tap needs the whole draft (the 30% cap and the early warnings count every row), and reading a
    draft's 66 small files was half the cost of every tap in a full hall. So the service remembers each
    code's draft as it last read or wrote it: every page load, review and seal reads the store afresh
    and replaces what is remembered; a tap saves through the store (which merges it into the unit's
    file and refuses a code sealed meanwhile) and updates the remembered copy. Only the live tally of a
    code answered at the same moment on the kiosk can lag until that page's next load; the review and
    the seal always check the store's own draft. Drafts are already in the store, keyed by code: holding
    them here adds no link between a person and a sealed ballot, and a seal forgets its code's draft.
    """

    def __init__(self, backend: MeetingBackend) -> None:
        self.backend = backend
        self._drafts: OrderedDict[str, EntryTally] = OrderedDict()
        self.rendered_rows: dict[tuple[str, int, tuple[tuple[str, str], ...]], str] = {}
        """The ballot page's rows as rendered, for `tui.serve.pages` (used on the event loop only)."""
        self.form = backend.form
        self.campaign = backend.campaign
        self.dimensions = str(self.campaign.rules().dimensions)
        self.units = backend.ballot_spec.units
        self.unit_ids = tuple(unit.unit_id for unit in self.units)
        self.in_ballot = frozenset(self.unit_ids)
        dims = {item.id for item in dimension_items(self.form)}
        self.questions = tuple(
            self._question(item, item.id in dims)
            for item in asked_items(self.form, self.dimensions)
            if item.type in ("rating", "text")
        )
        self.by_id = {question.item_id: question for question in self.questions}
        self._level_values = {
            question.item_id: frozenset(level.value for level in question.levels)
            for question in self.questions
        }
        self.score_item = self.form.score_item or (self.questions[0].item_id if self.questions else "")

    def _question(self, item: Item, dimension: bool) -> Question:
        levels: tuple[Level, ...] = ()
        if item.type == "rating":
            scale = self.form.scale_of(item)
            lang = self.backend.lang
            levels = tuple(
                Level(level.code, level.label.get(lang), level.key or str(number + 1))
                for number, level in enumerate(scale.levels if scale else ())
            )
        return Question(
            item.id,
            item.label.get(self.backend.lang),
            item.type,
            levels,
            dimension,
            item.max_length or MAX_COMMENT,
        )

    # -- codes -------------------------------------------------------------------------------------------

    def voting_open(self) -> bool:
        return self.backend.voting_state() == "open"

    def login(self, typed: str) -> tuple[CodeState, str, str]:
        """The code's state, its normalised form and rater group (empty unless it may vote)."""
        state, draft = self.backend.check_code(typed)
        if draft is None:
            return state, "", ""
        return state, draft.code, draft.rater_group

    def still_usable(self, code: str) -> CodeState:
        """Whether a logged-in code may still vote now: FRESH/DRAFT, USED (sealed elsewhere) or CLOSED."""
        if not self.voting_open():
            return CodeState.CLOSED
        status = self.campaign.codes.code_status(code).state
        if status == "used":
            return CodeState.USED
        if status == "unknown":
            return CodeState.UNKNOWN
        return CodeState.DRAFT

    # -- answers -----------------------------------------------------------------------------------------

    def answers(self, code: str) -> Answers:
        """The code's draft answers read afresh from the store (a copy; its counts are remembered)."""
        with self._locked():
            return self._read(code).snapshot()

    def _read(self, code: str) -> EntryTally:
        """The code's draft read afresh from the store, counted, and remembered for its taps (the caller
        holds the store's lock)."""
        draft = self.campaign.ballots.load_draft(code)
        found = (
            {}
            if draft is None
            else {unit: row for unit, row in draft.answers.items() if unit in self.in_ballot}
        )
        entry = EntryTally(self.form, self.unit_ids, self.dimensions, found)
        self._drafts[code] = entry
        self._drafts.move_to_end(code)
        while len(self._drafts) > REMEMBERED_DRAFTS:
            self._drafts.popitem(last=False)
        return entry

    def _remembered(self, code: str) -> EntryTally:
        """The code's draft as this service last read or wrote it, read afresh when not remembered (the
        caller holds the store's lock)."""
        entry = self._drafts.get(code)
        if entry is None:
            return self._read(code)
        self._drafts.move_to_end(code)
        return entry

    def forget(self, code: str) -> None:
        """Drop what is remembered of a code's draft (sealed, or left)."""
        with self._locked():
            self._drafts.pop(code, None)

    def state(self, code: str, entry: EntryTally | None = None) -> BallotState:
        """What the grid shows of the code's draft, answers included (read afresh unless given)."""
        with self._locked():
            entry = self._read(code) if entry is None else entry
            status = self.status(entry)
            return BallotState(
                status.tallies, status.warnings, status.missing, status.answered_units, entry.snapshot()
            )

    def status(self, entry: EntryTally) -> BallotStatus:
        """The live counts of a counted draft, without copying its answers (a tap's reply)."""
        lang = self.backend.lang
        return BallotStatus(
            tuple(self._tally(tally) for tally in entry.quotas()),
            tuple(
                warning.text.get(lang) + " " + t("serve.rule.so_far", count=warning.count)
                for warning in entry.warnings()
            ),
            entry.missing,
            entry.answered(self.score_item),
        )

    def _tally(self, tally: QuotaTally) -> Tally:
        question = self.by_id.get(tally.item)
        labels = [level.label for level in question.levels if level.value in tally.levels] if question else []
        return Tally("/".join(labels) or tally.item, tally.count, tally.limit, tally.full)

    def check_answer(self, unit_id: str, item_id: str, value: str) -> AnswerValue:
        """The value to store for a posted answer; InputError for an unknown unit, item or level."""
        question = self.by_id.get(item_id)
        if unit_id not in self.in_ballot or question is None:
            raise InputError("serve.error.tampered")
        if question.kind == "text":
            cleaned = value.strip()
            if len(cleaned) > question.max_length:
                raise InputError("serve.error.comment_long", limit=question.max_length)
            return cleaned or None
        if value not in self._level_values[item_id]:
            raise InputError("serve.error.tampered")
        return value

    def answer(
        self,
        code: str,
        unit_id: str,
        item_id: str,
        value: str,
        entry: EntryTally | None = None,
    ) -> Outcome:
        """Check one answer against the entry rules and autosave it to the code's draft, or refuse it."""
        with self._locked():
            return self._answer(code, unit_id, item_id, value, self._read(code) if entry is None else entry)

    def _answer(self, code: str, unit_id: str, item_id: str, value: str, entry: EntryTally) -> Outcome:
        stored = self.check_answer(unit_id, item_id, value)
        refusal = entry.refusal(unit_id, item_id, stored)
        if refusal is not None:
            reason = t(
                "serve.refused",
                rule=refusal.text.get(self.backend.lang),
                count=refusal.limit,
                label=self._tally(refusal).label,
            )
            return Outcome(False, reason, self.status(entry))
        self.backend.save_answer(code, unit_id, item_id, stored)
        entry.set(unit_id, item_id, stored)
        return Outcome(True, "", self.status(entry))

    def answer_if_usable(self, code: str, unit_id: str, item_id: str, value: str) -> Outcome | CodeState:
        """`answer` when the code may still vote now; otherwise why not (CLOSED, USED, UNKNOWN)."""
        result = self.answer_many([Tap(code, unit_id, item_id, value)])[0]
        if isinstance(result, BaseException):
            raise result
        return result

    def answer_many(
        self, taps: Sequence[Tap], done: Callable[[int, Any], None] | None = None
    ) -> list[Outcome | CodeState | BaseException]:
        """`answer_if_usable` for taps that arrived together, in order: one result or error per tap, each
        also given to `done(index, result)` the moment it is known.

        One hold of the store's lock for all of them (nobody closes the vote half-way), the voting state
        read once, and each code's draft read once per tap: the draft read also says whether the code
        is still usable (sealed on another device, or unknown), so no separate code-book trip.
        """
        with self._locked():
            return self._answer_all(taps, done)

    def answer_if_free(self, taps: Sequence[Tap]) -> list[Outcome | CodeState | BaseException] | None:
        """`answer_many` at once on the caller's thread if the store's lock is free now; None (nothing
        done) when another thread or process holds it. A tap is a few small writes, not flushed to disk:
        answering it where it arrives costs less than the hand-off to the store's thread and back."""
        with self.campaign.store.locked_if_free() as held:
            return self._answer_all(taps, None) if held else None

    def _answer_all(
        self, taps: Sequence[Tap], done: Callable[[int, Any], None] | None
    ) -> list[Outcome | CodeState | BaseException]:
        results: list[Outcome | CodeState | BaseException] = []
        voting_open = self.voting_open()
        for tap in taps:
            try:
                result: Outcome | CodeState | BaseException = self._tap(tap, voting_open)
            except Exception as error:  # one tap's failure is that tap's answer, never the others'
                result = error
            results.append(result)
            if done is not None:
                done(len(results) - 1, result)
        return results

    def _tap(self, tap: Tap, voting_open: bool) -> Outcome | CodeState:
        self.check_answer(tap.unit_id, tap.item_id, tap.value)  # a tampered post is refused first
        if not voting_open:
            return CodeState.CLOSED
        try:
            return self._answer(tap.code, tap.unit_id, tap.item_id, tap.value, self._remembered(tap.code))
        except InputError as error:  # the store refused the code: sealed elsewhere, or unknown
            state = {"store.code_used": CodeState.USED, "store.code_unknown": CodeState.UNKNOWN}.get(
                error.key
            )
            if state is None:
                raise
            self._drafts.pop(tap.code, None)
            return state

    # -- review and seal ---------------------------------------------------------------------------------

    def review(self, code: str, rater_group: str) -> Review:
        state = self.state(code)
        answers = state.answers
        gaps = missing_answers(self.form, answers, self.unit_ids, self.dimensions)
        missing_units = tuple(dict.fromkeys(gap.unit_id for gap in gaps))
        breaks = tuple(self.backend.entry.check(BallotDraft(code, rater_group, answers)))
        return Review(state, missing_units, breaks)

    def seal(self, code: str, rater_group: str) -> None:
        """Seal the code's draft as its ballot (the store marks the code used in the same step)."""
        with self._locked():
            answers = self._read(code).snapshot()
            gaps = missing_answers(self.form, answers, self.unit_ids, self.dimensions)
            if gaps:
                raise InputError("serve.error.incomplete", count=len(gaps))
            self.backend.seal(BallotDraft(code, rater_group, answers))
            self._drafts.pop(code, None)

    def _locked(self) -> AbstractContextManager[None]:
        """The store's lock (re-entrant): the only guard of what this service remembers."""
        return self.campaign.store.locked()
