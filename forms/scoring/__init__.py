"""The scoring engine: pure functions from answers and rules to points, ballot checks, unit aggregates,
grades, stars, composites and ranks. Results never depend on the order of their inputs.

One module per step: `answers` (one answer), `response` (one response), `ballot` (one evaluator's
ballot), `entry` (a ballot being filled), `entry_tally` (the same, counted answer by answer),
`aggregate` (many ballots about one unit), `awards` (grades, stars, composites, ranks).
Everything is re-exported here, each module loaded on first use: import from `forms.scoring`.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from forms.scoring.aggregate import GroupScore, UnitAggregate, UnitBallot, aggregate_unit, trimmed_mean
    from forms.scoring.answers import EPSILON, AnswerProblem, is_answered, is_number, validate_answer
    from forms.scoring.awards import (
        CompositeScore,
        GradeAward,
        StarAward,
        StarChange,
        assign_grades,
        assign_stars,
        composite,
        grade_for,
        rank,
        star_change,
        star_for,
        supervision_score,
    )
    from forms.scoring.ballot import BallotCheck, BallotFlag, check_ballot, quota_limit
    from forms.scoring.entry import (
        MissingAnswer,
        QuotaTally,
        asked_items,
        count_missing,
        dimension_items,
        early_flags,
        missing_answers,
        quota_tallies,
        refused_by,
        required_items,
    )
    from forms.scoring.entry_tally import EarlyWarning, EntryTally
    from forms.scoring.response import (
        ResponseScore,
        VetoHit,
        below_full,
        form_max_total,
        item_full_points,
        item_points,
        score_response,
        visible_items,
    )
    from forms.scoring.ties import QuotaCut, TieKey, cut_at_quota, same_score, tie_key

# Each name's module, imported on first use: the kiosk starts without the year-end modules (aggregates,
# awards, ties), which cost it about 10 ms of start-up.
_HOMES = {
    "aggregate_unit": "aggregate",
    "AnswerProblem": "answers",
    "asked_items": "entry",
    "assign_grades": "awards",
    "assign_stars": "awards",
    "BallotCheck": "ballot",
    "BallotFlag": "ballot",
    "below_full": "response",
    "check_ballot": "ballot",
    "composite": "awards",
    "CompositeScore": "awards",
    "count_missing": "entry",
    "cut_at_quota": "ties",
    "dimension_items": "entry",
    "early_flags": "entry",
    "EarlyWarning": "entry_tally",
    "EntryTally": "entry_tally",
    "EPSILON": "answers",
    "form_max_total": "response",
    "grade_for": "awards",
    "GradeAward": "awards",
    "GroupScore": "aggregate",
    "is_answered": "answers",
    "is_number": "answers",
    "item_full_points": "response",
    "item_points": "response",
    "missing_answers": "entry",
    "MissingAnswer": "entry",
    "quota_limit": "ballot",
    "quota_tallies": "entry",
    "QuotaCut": "ties",
    "QuotaTally": "entry",
    "rank": "awards",
    "refused_by": "entry",
    "required_items": "entry",
    "ResponseScore": "response",
    "same_score": "ties",
    "score_response": "response",
    "star_change": "awards",
    "star_for": "awards",
    "StarAward": "awards",
    "StarChange": "awards",
    "supervision_score": "awards",
    "tie_key": "ties",
    "TieKey": "ties",
    "trimmed_mean": "aggregate",
    "UnitAggregate": "aggregate",
    "UnitBallot": "aggregate",
    "validate_answer": "answers",
    "VetoHit": "response",
    "visible_items": "response",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value  # found once: later look-ups are plain attribute reads
    return value


__all__ = [
    "EPSILON",
    "AnswerProblem",
    "BallotCheck",
    "BallotFlag",
    "CompositeScore",
    "EarlyWarning",
    "EntryTally",
    "GradeAward",
    "GroupScore",
    "MissingAnswer",
    "QuotaCut",
    "QuotaTally",
    "ResponseScore",
    "StarAward",
    "StarChange",
    "TieKey",
    "UnitAggregate",
    "UnitBallot",
    "VetoHit",
    "aggregate_unit",
    "asked_items",
    "assign_grades",
    "assign_stars",
    "below_full",
    "check_ballot",
    "composite",
    "count_missing",
    "cut_at_quota",
    "dimension_items",
    "early_flags",
    "form_max_total",
    "grade_for",
    "is_answered",
    "is_number",
    "item_full_points",
    "item_points",
    "missing_answers",
    "quota_limit",
    "quota_tallies",
    "rank",
    "refused_by",
    "required_items",
    "same_score",
    "score_response",
    "star_change",
    "star_for",
    "supervision_score",
    "tie_key",
    "trimmed_mean",
    "validate_answer",
    "visible_items",
]
