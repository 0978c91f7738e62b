"""`BallotEntry`: the ballot rules of a draft as it is filled and reviewed, in the evaluator's words.

Pure (no disk: safe on the UI thread). The rules themselves are `forms.scoring`'s, shared with the hall page.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from forms.model import Form
from forms.scoring import MissingAnswer, QuotaTally, early_flags, missing_answers, quota_tallies, refused_by
from tui.i18n import t
from tui.meeting.model import AnswerValue, BallotDraft, RuleBreak

if TYPE_CHECKING:
    from tui.meeting.backend import MeetingBackend


class BallotEntry:
    """Quota tallies, refusals, early warnings, missing answers and the review's rule breaks of a draft."""

    def __init__(self, backend: MeetingBackend) -> None:
        self._backend = backend

    def check(self, draft: BallotDraft) -> list[RuleBreak]:
        """The ballot rules this draft breaks, each with what breaks it, in the user's words."""
        from forms.scoring import check_ballot  # not needed before the first review page

        result = check_ballot(self._backend.form, self._backend.ballot_answers(draft))
        names = {unit.unit_id: unit.name for unit in self._backend.ballot_spec.units}
        breaks: list[RuleBreak] = []
        for flag in result.flags:
            text = flag.text.get(self._backend.lang)
            if flag.kind == "quota":
                shown = "、".join(names.get(unit, unit) for unit in flag.units[:6])
                more = "…" if len(flag.units) > 6 else ""
                text += " " + t("meeting.rule.quota", count=flag.count, limit=flag.limit, units=shown + more)
            else:
                text += " " + t("meeting.rule.all_units", count=flag.count)
            breaks.append(RuleBreak(text, flag.action == "invalid"))
        return breaks

    def _now(self, draft: BallotDraft) -> tuple[Form, dict[str, dict[str, AnswerValue]], int]:
        backend = self._backend
        return backend.form, backend.ballot_answers(draft), len(backend.ballot_spec.units)

    def tallies(self, draft: BallotDraft) -> tuple[QuotaTally, ...]:
        """Each quota of the ballot with its count so far and its limit ("好 12 / 上限 19")."""
        return quota_tallies(*self._now(draft))

    def refusal(
        self, draft: BallotDraft, unit_id: str, item_id: str, value: AnswerValue
    ) -> QuotaTally | None:
        """The quota that giving `value` would break (the answer is then refused), or None."""
        return refused_by(*self._now(draft), unit_id, item_id, value)

    def early_warnings(self, draft: BallotDraft) -> list[str]:
        """The invalid-ballot rules the answers so far already meet, in the user's words."""
        form, answers, _ = self._now(draft)
        return [flag.text.get(self._backend.lang) for flag in early_flags(form, answers)]

    def missing(self, draft: BallotDraft) -> tuple[MissingAnswer, ...]:
        """Every answer the campaign requires that the draft still lacks, in unit then form order."""
        form, answers, _ = self._now(draft)
        units = [unit.unit_id for unit in self._backend.ballot_spec.units]
        return missing_answers(form, answers, units, self._backend.dimensions)

    def level_labels(self, item_id: str, levels: Sequence[str]) -> str:
        """The labels of some levels of a rating item, as the evaluator reads them ("好")."""
        item = self._backend.ballot_spec.item(item_id)
        return "/".join(item.label_of(level) if item else level for level in levels)
