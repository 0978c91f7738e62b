"""The scoring engine: pure functions from answers and rules to points, ballot checks, unit aggregates,
grades, stars, composites and ranks. Results never depend on the order of their inputs.

One module per step: `answers` (one answer), `response` (one response), `ballot` (one evaluator's
ballot), `entry` (a ballot being filled), `entry_tally` (the same, counted answer by answer),
`aggregate` (many ballots about one unit), `awards` (grades, stars, composites, ranks).
Everything is re-exported here: import from `forms.scoring`.
"""

from __future__ import annotations

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
