"""Campaign-level results: grades and stars with quotas, star changes, composites, supervision, ranks."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from forms.rules import Rules
from forms.scoring.answers import EPSILON
from forms.scoring.ballot import quota_limit
from forms.scoring.ties import TieKey, cut_at_quota

StarChange = Literal["up", "down", "same", "new"]


def grade_for(score: float, rules: Rules, caps: Sequence[str] = ()) -> str:
    """The grade band code for a score, no better than the worst of `caps` (veto grade caps)."""
    bands = sorted(rules.grades, key=lambda band: band.min_score, reverse=True)
    index = next((i for i, band in enumerate(bands) if score >= band.min_score - EPSILON), len(bands) - 1)
    for cap in caps:
        cap_index = next((i for i, band in enumerate(bands) if band.code == cap), None)
        if cap_index is not None:
            index = max(index, cap_index)
    return bands[index].code


def star_for(
    score: float, rules: Rules, star_cap: int | None = None, satisfaction: float | None = None
) -> int:
    """Stars (1..5, 0 = no star) from the star bands, capped by a veto (`star_cap`) and withheld when
    satisfaction is below the rules' threshold."""
    if (
        satisfaction is not None
        and rules.no_star_below_satisfaction is not None
        and satisfaction < rules.no_star_below_satisfaction - EPSILON
    ):
        return 0
    bands = sorted(rules.stars, key=lambda band: band.min_score, reverse=True)
    stars = next((band.stars for band in bands if score >= band.min_score - EPSILON), 0)
    if star_cap is not None:
        stars = min(stars, star_cap)
    return stars


@dataclass(frozen=True)
class StarAward:
    """A unit's stars: `band_stars` from its score, `stars` after vetoes, satisfaction and the quota;
    `reason` says what lowered it ("veto", "satisfaction", "quota") or is None."""

    unit: str
    score: float
    band_stars: int
    stars: int
    reason: Literal["veto", "satisfaction", "quota"] | None
    tied_over: int = 0  # > 0: kept five stars in a tie that survived the tie-breaks, quota exceeded by this


def assign_stars(
    scores_by_unit: Mapping[str, float],
    rules: Rules,
    star_caps_by_unit: Mapping[str, int | None] | None = None,
    satisfaction_by_unit: Mapping[str, float | None] | None = None,
    tie_keys: Mapping[str, TieKey] | None = None,
    *,
    keep_tie: bool = False,
    quota_over: int | None = None,
    apply_quota: bool = True,
) -> dict[str, StarAward]:
    """Stars for every unit, with the five-star quota applied by the tie rule (`cut_at_quota`).

    The quota allows floor(share x units) five-star units, units being `quota_over` when given (the whole
    set to be rated, not only those rated so far), else the units scored. `apply_quota=False` gives the
    provisional stars of a rating still under way: bands, vetoes and satisfaction, no quota cut.
    The highest scores keep five stars; where equal scores straddle the limit they are ordered by
    `tie_keys` (好-rate, then the count of 好 and 较好); a tie surviving them is never cut through: with
    `keep_tie` (organisations rated by the meeting) it keeps five stars and is marked (`tied_over`);
    without (branches, which have no ballots to break a tie) the whole tie is held at four stars, as
    "quota". The result never depends on unit ids or input order.
    """
    caps = star_caps_by_unit or {}
    satisfactions = satisfaction_by_unit or {}
    awards: dict[str, StarAward] = {}
    for unit in sorted(scores_by_unit):
        score = scores_by_unit[unit]
        band = star_for(score, rules)
        stars = star_for(score, rules, caps.get(unit), satisfactions.get(unit))
        reason: Literal["veto", "satisfaction", "quota"] | None = None
        if stars < band:
            reason = "satisfaction" if stars == 0 and star_for(score, rules, caps.get(unit)) > 0 else "veto"
        awards[unit] = StarAward(unit, score, band, stars, reason)
    if not apply_quota:
        return awards
    counted = quota_over if quota_over is not None else len(scores_by_unit)
    limit = quota_limit(rules.five_star_max_share, None, counted)
    top = max((band.stars for band in rules.stars), default=5)
    five = [award for award in awards.values() if award.stars == top]
    if limit is not None and len(five) > limit:
        cut = cut_at_quota({award.unit: award.score for award in five}, limit, tie_keys, keep_tie=keep_tie)
        next_best = max((band.stars for band in rules.stars if band.stars < top), default=top - 1)
        for unit in cut.moved:
            award = awards[unit]
            awards[unit] = StarAward(unit, award.score, award.band_stars, next_best, "quota")
        for unit in cut.tied:
            award = awards[unit]
            awards[unit] = StarAward(unit, award.score, award.band_stars, award.stars, award.reason, cut.over)
    return awards


def star_change(this_year: int | None, last_year: int | None) -> StarChange:
    """ "new" without last year's star, else "up", "down" or "same" (no star counts as 0)."""
    if last_year is None:
        return "new"
    now = this_year or 0
    if now > last_year:
        return "up"
    if now < last_year:
        return "down"
    return "same"


@dataclass(frozen=True)
class CompositeScore:
    """A composite of sources: the weights actually used (renormalized over the sources present), the
    sources missing, and whether renormalization happened."""

    score: float | None
    weights_used: Mapping[str, float]
    missing: tuple[str, ...]
    renormalized: bool


def composite(sources: Mapping[str, float | None], rules: Rules) -> CompositeScore:
    """Weighted composite of the rules' sources (review, self, supervision) present in `sources`."""
    present = {
        name: weight
        for name, weight in sorted(rules.composite_weights.items())
        if sources.get(name) is not None and weight > 0
    }
    missing = tuple(name for name in sorted(rules.composite_weights) if sources.get(name) is None)
    total_weight = math.fsum(present.values())
    if total_weight <= 0:
        return CompositeScore(None, {}, missing, False)
    used = {name: weight / total_weight for name, weight in present.items()}
    value = math.fsum(used[name] * float(sources[name] or 0.0) for name in used)
    full = math.fsum(weight for weight in rules.composite_weights.values() if weight > 0)
    return CompositeScore(value, used, missing, abs(total_weight - full) > EPSILON)


def supervision_score(visit_totals: Sequence[float], rules: Rules) -> float | None:
    """The year's supervision score from the visits' totals (rules.supervision_method), None if none."""
    if not visit_totals:
        return None
    ordered = sorted(visit_totals)
    method = rules.supervision_method
    if method == "median":
        middle = len(ordered) // 2
        return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2
    if method == "last":
        return visit_totals[-1]
    if method == "min":
        return ordered[0]
    return math.fsum(ordered) / len(ordered)


def rank(scores: Mapping[str, float | None], digits: int = 6) -> dict[str, int]:
    """Competition ranking (1, 2, 2, 4) of units by score, highest first; scores equal when rounded to
    `digits` decimals tie; units without a score get no rank."""
    rounded = {unit: round(score, digits) for unit, score in scores.items() if score is not None}
    ordered = sorted(rounded.values(), reverse=True)
    first: dict[float, int] = {}
    for position, value in enumerate(ordered, start=1):
        first.setdefault(value, position)
    return {unit: first[value] for unit, value in sorted(rounded.items())}


@dataclass(frozen=True)
class GradeAward:
    """A unit's grade: `band_grade` from its score (and veto caps), `grade` after the band quotas;
    `reason` is "quota" when a quota moved it down."""

    unit: str
    score: float
    band_grade: str
    grade: str
    reason: Literal["quota"] | None
    tied_over: int = 0  # > 0: kept its grade in a tie that survived the tie-breaks, quota exceeded by this


def assign_grades(
    scores_by_unit: Mapping[str, float],
    rules: Rules,
    caps_by_unit: Mapping[str, Sequence[str]] | None = None,
    tie_keys: Mapping[str, TieKey] | None = None,
) -> dict[str, GradeAward]:
    """Grades for every unit, applying each band's optional `max_share` from the best band down.

    A band allows floor(share x units) units; the highest scores keep it and those below the limit move
    down one band (and may cascade further). Equal scores straddling the limit are ordered by `tie_keys`
    (好-rate, then the count of 好 and 较好); a tie surviving them keeps the band and is marked with
    `tied_over` (the quota exceeded by that many: reported, never cut at random). The result does not
    depend on unit ids or input order.
    """
    caps = caps_by_unit or {}
    bands = sorted(rules.grades, key=lambda band: band.min_score, reverse=True)
    position = {band.code: index for index, band in enumerate(bands)}
    current = {
        unit: position[grade_for(score, rules, caps.get(unit, ()))] for unit, score in scores_by_unit.items()
    }
    band_of = dict(current)
    over: dict[str, int] = {}
    for index, band in enumerate(bands[:-1]):
        limit = quota_limit(band.max_share, None, len(scores_by_unit))
        members = {unit: scores_by_unit[unit] for unit, at in current.items() if at == index}
        if limit is None or len(members) <= limit:
            continue
        cut = cut_at_quota(members, limit, tie_keys)
        for unit in cut.moved:
            current[unit] = index + 1
        for unit in cut.tied:
            over[unit] = cut.over
    return {
        unit: GradeAward(
            unit,
            scores_by_unit[unit],
            bands[band_of[unit]].code,
            bands[current[unit]].code,
            "quota" if current[unit] != band_of[unit] else None,
            over.get(unit, 0),
        )
        for unit in sorted(scores_by_unit)
    }
