"""The written tie rule at a quota: who keeps a band or the last places when equal scores straddle it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

TieKey = tuple[float, ...]
"""A unit's tie-break values in the rules' order (higher is better), e.g. (好-rate, count of 好 and 较好)."""

SCORE_DIGITS = 6
"""Scores equal when rounded to this many decimals tie (the same rounding as `rank`)."""


@dataclass(frozen=True)
class QuotaCut:
    """The outcome of a quota of `limit` places over some scored units.

    `kept` hold the places; `moved` lose them (the next band, no five stars, no 十佳 place). `tied` are
    kept units in a tie that survived every tie-break at the limit: they all keep the place, `over` says
    by how many the limit is exceeded ("并列，超出限额 N 个"), and the body decides.
    """

    kept: tuple[str, ...]
    moved: tuple[str, ...]
    tied: tuple[str, ...] = ()
    over: int = 0
    broken: bool = False  # a tie at the limit was decided by a tie-break key


def same_score(a: float, b: float) -> bool:
    """Whether two scores tie under the rule (equal to `SCORE_DIGITS` decimals)."""
    return round(a, SCORE_DIGITS) == round(b, SCORE_DIGITS)


def cut_at_quota(
    scores: Mapping[str, float],
    limit: int | None,
    keys: Mapping[str, TieKey] | None = None,
    *,
    keep_tie: bool = True,
) -> QuotaCut:
    """Apply a quota of `limit` places to `scores` (highest first) with the tie rule.

    Units scoring above the tie at the limit keep their place; those below lose it. When equal scores
    straddle the limit, the tied units are ordered by their tie-break `keys` (missing keys break nothing);
    groups with equal keys stay together: a group that fits keeps its places, a group that straddles the
    limit all keep theirs and are reported as `tied` (with `keep_tie` False they all lose them instead, the
    older rule still used for branch stars, which have no ballots to break a tie). Never depends on unit
    ids or input order.
    """
    units = sorted(scores, key=lambda unit: (-round(scores[unit], SCORE_DIGITS), unit))
    if limit is None or len(units) <= limit:
        return QuotaCut(tuple(sorted(units)), ())
    boundary = round(scores[units[limit]], SCORE_DIGITS)  # the best score that no longer fits
    above = [unit for unit in units if round(scores[unit], SCORE_DIGITS) > boundary]
    tie = [unit for unit in units if round(scores[unit], SCORE_DIGITS) == boundary]
    below = [unit for unit in units if round(scores[unit], SCORE_DIGITS) < boundary]
    left = limit - len(above)
    if left <= 0:
        return QuotaCut(tuple(sorted(above)), tuple(sorted(tie + below)))
    known = keys or {}
    groups: dict[TieKey, list[str]] = {}
    for unit in tie:
        groups.setdefault(known.get(unit, ()), []).append(unit)
    kept = list(above)
    moved = list(below)
    tied: list[str] = []
    over = 0
    for key in sorted(groups, reverse=True):
        members = groups[key]
        if left <= 0:
            moved.extend(members)
        elif len(members) <= left:
            kept.extend(members)
            left -= len(members)
        elif keep_tie:
            kept.extend(members)
            tied.extend(members)
            over = len(members) - left
            left = 0
        else:
            moved.extend(members)
            left = 0
    return QuotaCut(
        tuple(sorted(kept)),
        tuple(sorted(moved)),
        tuple(sorted(tied)),
        over,
        broken=len(groups) > 1,
    )


def tie_key(values: Sequence[float | None]) -> TieKey:
    """A tie-break key from values in the rules' order; a missing value ranks below any known one."""
    return tuple(float("-inf") if value is None else float(value) for value in values)
