"""The scoring engine: pure functions from answers and rules to points, ballot checks, unit aggregates,
grades, stars, composites and ranks. Results never depend on the order of their inputs.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from forms.model import Answers, AnswerValue, Form, Item, RuleAction, Text
from forms.rules import Rules

EPSILON = 1e-9
StarChange = Literal["up", "down", "same", "new"]


# --------------------------------------------------------------------------- one answer


@dataclass(frozen=True)
class AnswerProblem:
    """Why an answer is refused: the item, a catalogue key (`forms.answer.*`) and its parameters."""

    item: str
    key: str
    params: Mapping[str, object] = field(default_factory=dict)


def is_answered(value: AnswerValue) -> bool:
    """Whether a value counts as an answer (False is an answer to a yes/no item; "" and [] are not)."""
    return value is not None and value != "" and value != []


def _is_number(value: AnswerValue) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _on_step(value: float, start: float, step: float) -> bool:
    ratio = (value - start) / step
    return abs(ratio - round(ratio)) <= 1e-6


def _fmt(number: float) -> str:
    """A number for a message: no trailing ".0"."""
    return f"{number:g}"


def validate_answer(
    form: Form, item_id: str, value: AnswerValue, choices: Sequence[str] | None = None
) -> AnswerProblem | None:
    """Whether `value` may be entered for the item; the reason when it may not.

    `choices` is the run-time list of codes for an item with `choices_from` (e.g. the brand ids);
    without it such codes are not checked. An empty value is accepted here (required-ness is checked by
    `score_response` when the response is submitted).
    """
    item = form.item(item_id)
    if item is None:
        return AnswerProblem(item_id, "forms.answer.unknown_item", {"item": item_id})
    if not is_answered(value):
        return None
    kind = item.type
    if kind == "rating":
        scale = form.scale_of(item)
        if not isinstance(value, str) or scale is None or scale.level(value) is None:
            codes = "/".join(level.code for level in scale.levels) if scale else ""
            return AnswerProblem(item.id, "forms.answer.unknown_level", {"value": value, "levels": codes})
        return None
    if kind in ("score", "deduct"):
        if not _is_number(value):
            return AnswerProblem(item.id, "forms.answer.not_a_number", {"value": value})
        assert isinstance(value, (int, float))
        low = item.min if item.min is not None else 0.0
        high = item.max
        if kind == "deduct" and item.points is None and item.cap is not None and high is None:
            high = item.cap
        if value < low or (high is not None and value > high):
            return AnswerProblem(
                item.id,
                "forms.answer.out_of_range",
                {"value": _fmt(value), "min": _fmt(low), "max": _fmt(high) if high is not None else "∞"},
            )
        if kind == "deduct" and item.points is not None and value != int(value):
            return AnswerProblem(item.id, "forms.answer.not_whole", {"value": _fmt(value)})
        if item.step and not _on_step(float(value), low, item.step):
            return AnswerProblem(
                item.id, "forms.answer.off_step", {"value": _fmt(value), "step": _fmt(item.step)}
            )
        return None
    if kind in ("check", "veto"):
        if not isinstance(value, bool):
            return AnswerProblem(item.id, "forms.answer.not_yes_no", {"value": value})
        return None
    if kind == "text":
        if not isinstance(value, str):
            return AnswerProblem(item.id, "forms.answer.not_text", {"value": value})
        if item.max_length is not None and len(value) > item.max_length:
            return AnswerProblem(
                item.id, "forms.answer.too_long", {"length": len(value), "max": item.max_length}
            )
        return None
    known = _known_codes(item, choices)
    if kind == "choice":
        if not isinstance(value, str):
            return AnswerProblem(item.id, "forms.answer.not_a_choice", {"value": value})
        if known is not None and value not in known:
            return AnswerProblem(item.id, "forms.answer.unknown_choice", {"value": value})
        return None
    # multi
    if not isinstance(value, list) or not all(isinstance(code, str) for code in value):
        return AnswerProblem(item.id, "forms.answer.not_a_choice", {"value": value})
    if len(set(value)) != len(value):
        return AnswerProblem(item.id, "forms.answer.picked_twice", {})
    if known is not None:
        for code in value:
            if code not in known:
                return AnswerProblem(item.id, "forms.answer.unknown_choice", {"value": code})
    if item.max_picks is not None and len(value) > item.max_picks:
        return AnswerProblem(item.id, "forms.answer.too_many", {"count": len(value), "max": item.max_picks})
    return None


def _known_codes(item: Item, choices: Sequence[str] | None) -> set[str] | None:
    if item.choices_from:
        return set(choices) if choices is not None else None
    return {choice.code for choice in item.choices}


# --------------------------------------------------------------------------- one response


@dataclass(frozen=True)
class VetoHit:
    """A veto item answered yes, and the caps it imposes (grade code, star count; 0 = no star)."""

    item: str
    grade_cap: str | None
    star_cap: int | None


@dataclass(frozen=True)
class ResponseScore:
    """The score of one response.

    `item_points` holds every shown item that earns or loses points (weighted; deductions negative);
    `section_points` the subtotals; `part_points` each part's sum floored at 0 before its weight;
    `total` lies in 0..`max_total`. For a form with a `score_item` (ballots) the total is that item's
    points. `missing` lists required shown items without an answer, `notes_missing` the items below
    full marks whose evidence note is empty, `problems` the answers `validate_answer` refuses;
    `hidden` the items whose `show_if` does not hold (neither required nor scored).
    """

    item_points: Mapping[str, float]
    section_points: Mapping[str, float]
    part_points: Mapping[str, float]
    total: float
    max_total: float
    deductions: float
    missing: tuple[str, ...]
    notes_missing: tuple[str, ...]
    problems: tuple[AnswerProblem, ...]
    hidden: tuple[str, ...]
    vetoes: tuple[VetoHit, ...]

    @property
    def complete(self) -> bool:
        """Whether the response can be submitted: nothing missing, no note missing, no bad answer."""
        return not self.missing and not self.notes_missing and not self.problems

    @property
    def star_cap(self) -> int | None:
        """The tightest star cap of the vetoes hit (0 = no star), or None."""
        caps = [hit.star_cap for hit in self.vetoes if hit.star_cap is not None]
        return min(caps) if caps else None

    @property
    def grade_caps(self) -> tuple[str, ...]:
        """The grade codes the vetoes hit cap the grade to (`grade_for` picks the worst)."""
        return tuple(hit.grade_cap for hit in self.vetoes if hit.grade_cap is not None)


def visible_items(form: Form, answers: Answers) -> tuple[set[str], set[str]]:
    """(shown, hidden) item ids: an item is hidden when its `show_if` fails or names a hidden item."""
    shown: set[str] = set()
    hidden: set[str] = set()
    # show_if may only point at items the validator proved acyclic; resolve by repeated passes.
    pending = list(form.items())
    while pending:
        progress = False
        rest = []
        for item in pending:
            condition = item.show_if
            if condition is None:
                shown.add(item.id)
                progress = True
            elif condition.item in hidden:
                hidden.add(item.id)
                progress = True
            elif condition.item in shown or form.item(condition.item) is None:
                (shown if condition.holds(answers) else hidden).add(item.id)
                progress = True
            else:
                rest.append(item)
        if not progress:  # a cycle (refused by validation): treat the rest as hidden
            hidden.update(item.id for item in rest)
            break
        pending = rest
    return shown, hidden


def item_full_points(form: Form, item: Item) -> float:
    """An item's full marks, weighted (0 for text, veto and deduct items)."""
    return _raw_full(form, item) * item.weight


def _raw_full(form: Form, item: Item) -> float:
    kind = item.type
    if kind == "rating":
        scale = form.scale_of(item)
        if item.points is not None:
            return item.points
        return scale.full_points if scale else 0.0
    if kind == "score":
        return item.max if item.max is not None else 0.0
    if kind == "check":
        return item.points or 0.0
    if kind == "choice":
        return max((choice.points for choice in item.choices), default=0.0)
    if kind == "multi":
        best = sorted((choice.points for choice in item.choices), reverse=True)
        if item.max_picks is not None:
            best = best[: item.max_picks]
        total = sum(point for point in best if point > 0)
        return min(total, item.cap) if item.cap is not None else total
    return 0.0


def item_points(form: Form, item: Item, value: AnswerValue) -> float | None:
    """The weighted points an answer earns (negative for a deduction), or None when it earns none."""
    if not is_answered(value):
        return None
    kind = item.type
    raw: float
    if kind == "rating":
        scale = form.scale_of(item)
        level = scale.level(value) if scale and isinstance(value, str) else None
        if scale is None or level is None:
            return None
        raw = level.points
        if item.points is not None and scale.full_points:
            raw = level.points / scale.full_points * item.points
    elif kind == "score":
        if not _is_number(value):
            return None
        assert isinstance(value, (int, float))
        raw = float(value)
    elif kind == "check":
        if not isinstance(value, bool):
            return None
        raw = (item.points or 0.0) if value else 0.0
    elif kind == "choice":
        choice = item.choice(value) if isinstance(value, str) else None
        raw = choice.points if choice else 0.0
    elif kind == "multi":
        if not isinstance(value, list):
            return None
        raw = sum(choice.points for code in set(value) if (choice := item.choice(code)) is not None)
        if item.cap is not None:
            raw = min(raw, item.cap)
    elif kind == "deduct":
        if not _is_number(value):
            return None
        assert isinstance(value, (int, float))
        taken = float(value) * item.points if item.points is not None else float(value)
        if item.cap is not None:
            taken = min(taken, item.cap)
        return -max(0.0, taken) * item.weight
    else:
        return None
    return raw * item.weight


def below_full(form: Form, item: Item, value: AnswerValue) -> bool:
    """Whether an answer earns less than the item's full marks (a deduction taken counts as below):
    where `note_below_full` demands an evidence note."""
    earned = item_points(form, item, value)
    if earned is None:
        return False
    if item.type == "deduct":
        return earned < 0
    return earned < item_full_points(form, item) - EPSILON


def form_max_total(form: Form) -> float:
    """The form's full marks: `max_total` when declared, else computed from its items and parts."""
    if form.max_total is not None:
        return form.max_total
    if form.score_item:
        item = form.item(form.score_item)
        return item_full_points(form, item) if item else 0.0
    return _weighted_total({section.id: _section_full(form, section.id) for section in form.sections}, form)


def _section_full(form: Form, section_id: str) -> float:
    for section in form.sections:
        if section.id == section_id:
            return sum(item_full_points(form, item) for item in section.items)
    return 0.0


def _weighted_total(section_points: Mapping[str, float], form: Form) -> float:
    if not form.parts:
        return max(0.0, sum(section_points.values()))
    total = 0.0
    for part_id, part_sum in _part_sums(section_points, form).items():
        part = form.part(part_id)
        total += (part.weight if part else 0.0) * part_sum
    return total


def _part_sums(section_points: Mapping[str, float], form: Form) -> dict[str, float]:
    sums = {part.id: 0.0 for part in form.parts}
    for section in form.sections:
        if section.part in sums:
            sums[section.part] += section_points.get(section.id, 0.0)
    return {part_id: max(0.0, value) for part_id, value in sums.items()}


def _too_few_picks(item: Item, value: AnswerValue) -> AnswerProblem | None:
    """Fewer picks than `min_picks` (checked on submission, not while the user is still picking)."""
    if item.type == "multi" and isinstance(value, list) and len(value) < item.min_picks:
        return AnswerProblem(item.id, "forms.answer.too_few", {"count": len(value), "min": item.min_picks})
    return None


def score_response(form: Form, answers: Answers, notes: Mapping[str, str] | None = None) -> ResponseScore:
    """Score one response: item points, subtotals, parts, total, missing answers and notes, vetoes."""
    notes = notes or {}
    shown, hidden = visible_items(form, answers)
    points: dict[str, float] = {}
    missing: list[str] = []
    notes_missing: list[str] = []
    problems: list[AnswerProblem] = []
    vetoes: list[VetoHit] = []
    section_points: dict[str, float] = {}
    deductions = 0.0
    for section in form.sections:
        subtotal = 0.0
        for item in section.items:
            if item.id not in shown:
                continue
            value = answers.get(item.id)
            if not is_answered(value):
                if item.required:
                    missing.append(item.id)
                continue
            problem = validate_answer(form, item.id, value) or _too_few_picks(item, value)
            if problem is not None:
                problems.append(problem)
                continue
            if item.type == "veto":
                if value is True:
                    vetoes.append(VetoHit(item.id, item.veto_grade, item.veto_stars))
                continue
            earned = item_points(form, item, value)
            if earned is None:
                continue
            points[item.id] = earned
            subtotal += earned
            if earned < 0:
                deductions -= earned
            if (
                item.note_below_full
                and not (notes.get(item.id) or "").strip()
                and below_full(form, item, value)
            ):
                notes_missing.append(item.id)
        section_points[section.id] = subtotal
    max_total = form_max_total(form)
    total = points.get(form.score_item, 0.0) if form.score_item else _weighted_total(section_points, form)
    total = min(max(total, 0.0), max_total) if max_total > 0 else max(total, 0.0)
    return ResponseScore(
        item_points=points,
        section_points=section_points,
        part_points=_part_sums(section_points, form),
        total=total,
        max_total=max_total,
        deductions=deductions,
        missing=tuple(missing),
        notes_missing=tuple(notes_missing),
        problems=tuple(problems),
        hidden=tuple(item.id for item in form.items() if item.id in hidden),
        vetoes=tuple(vetoes),
    )


# --------------------------------------------------------------------------- one ballot


@dataclass(frozen=True)
class BallotFlag:
    """A ballot rule that fired: its id, kind, text, action, the units concerned, count and limit."""

    rule: str
    kind: Literal["quota", "all_identical", "all_full_marks"]
    text: Text
    action: RuleAction
    units: tuple[str, ...]
    count: int = 0
    limit: int = 0


@dataclass(frozen=True)
class BallotCheck:
    """The verdict on one evaluator's ballot (answers about every unit)."""

    flags: tuple[BallotFlag, ...]

    @property
    def valid(self) -> bool:
        """False when any flag's action is "invalid"."""
        return not any(flag.action == "invalid" for flag in self.flags)

    @property
    def warnings(self) -> tuple[BallotFlag, ...]:
        """The flags that only warn."""
        return tuple(flag for flag in self.flags if flag.action == "warn")


def quota_limit(max_share: float | None, max_count: int | None, units: int) -> int | None:
    """How many units a quota allows on a ballot of `units` units: floor(share x units) (30% of 66 is
    19, never rounded up), and at most `max_count`; None when unlimited."""
    limits = []
    if max_share is not None:
        limits.append(math.floor(max_share * units + EPSILON))
    if max_count is not None:
        limits.append(max_count)
    return min(limits) if limits else None


def check_ballot(form: Form, answers_by_unit: Mapping[str, Answers]) -> BallotCheck:
    """Apply the form's quotas and invalid rules to one ballot; flags in rule order, units sorted."""
    units = sorted(answers_by_unit)
    flags: list[BallotFlag] = []
    for quota in form.quotas:
        limit = quota_limit(quota.max_share, quota.max_count, len(units))
        if limit is None:
            continue
        hits = tuple(unit for unit in units if _value_in(answers_by_unit[unit].get(quota.item), quota.levels))
        if len(hits) > limit:
            flags.append(BallotFlag(quota.id, "quota", quota.text, quota.action, hits, len(hits), limit))
    for rule in form.invalid_rules:
        item = form.item(rule.item)
        values = [answers_by_unit[unit].get(rule.item) for unit in units]
        answered = [value for value in values if is_answered(value)]
        # Rules only judge a ballot where the item was answered for at least two units, all of them.
        if item is None or len(answered) < 2 or len(answered) != len(values):
            continue
        if rule.kind == "all_identical":
            fired = all(_same(value, answered[0]) for value in answered)
        else:
            full = item_full_points(form, item)
            earned = [item_points(form, item, value) for value in answered]
            fired = full > 0 and all(e is not None and e >= full - EPSILON for e in earned)
        if fired:
            flags.append(BallotFlag(rule.id, rule.kind, rule.text, rule.action, tuple(units), len(units), 0))
    return BallotCheck(tuple(flags))


def _value_in(value: AnswerValue, codes: Sequence[str]) -> bool:
    if isinstance(value, list):
        return any(code in codes for code in value)
    return isinstance(value, str) and value in codes


def _same(a: AnswerValue, b: AnswerValue) -> bool:
    if isinstance(a, list) and isinstance(b, list):
        return sorted(a) == sorted(b)
    return a == b


# --------------------------------------------------------------------------- many ballots, one unit


@dataclass(frozen=True)
class UnitBallot:
    """One evaluator's answers about one unit: the ballot's id (for a stable order), its rater group,
    and whether the whole ballot was valid (`check_ballot`)."""

    ballot_id: str
    answers: Answers
    group: str | None = None
    valid: bool = True


@dataclass(frozen=True)
class GroupScore:
    """One rater group's valid ballots about a unit, their mean, and the group's weight."""

    group: str
    count: int
    mean: float | None
    weight: float


@dataclass(frozen=True)
class UnitAggregate:
    """A unit's result from many ballots.

    `score` is the review score: the group-weighted score when the rules weight groups and at least
    one group has scores (weights of the groups present renormalized; `groups_missing` names the
    others), else the trimmed mean. `trimmed` says whether the highest and lowest were dropped.
    `ungrouped` counts valid scores whose ballot has no rater group: they are in the mean and the
    trimmed mean but cannot be weighted, so a group-weighted score leaves them out.
    """

    unit: str
    ballots: int
    valid: int
    invalid: int
    scored: int
    mean: float | None
    trimmed_mean: float | None
    trimmed: bool
    level_counts: Mapping[str, int]
    level_shares: Mapping[str, float]
    good_rate: float | None
    satisfaction: float | None
    by_group: tuple[GroupScore, ...]
    group_weighted: float | None
    groups_missing: tuple[str, ...]
    dimension_means: Mapping[str, float]
    score: float | None
    ungrouped: int = 0


def trimmed_mean(values: Sequence[float], trim_above: int) -> tuple[float | None, bool]:
    """(mean, trimmed): with more than `trim_above` values drop one highest and one lowest first."""
    if not values:
        return None, False
    ordered = sorted(values)
    if len(ordered) > trim_above and len(ordered) > 2:
        kept = ordered[1:-1]
        return math.fsum(kept) / len(kept), True
    return math.fsum(ordered) / len(ordered), False


def _mean(values: Sequence[float]) -> float | None:
    return math.fsum(sorted(values)) / len(values) if values else None


def aggregate_unit(unit: str, form: Form, ballots: Iterable[UnitBallot], rules: Rules) -> UnitAggregate:
    """Aggregate the ballots about one unit (order-independent: they are sorted by id first).

    The score item's points come from `rules.rating_points` for its level codes (the campaign may
    change 好/较好/一般/差 = 100/80/60/40), falling back to the form's scale.
    """
    ordered = sorted(ballots, key=lambda ballot: (ballot.ballot_id, ballot.group or ""))
    valid = [ballot for ballot in ordered if ballot.valid]
    score_item = form.item(form.score_item) if form.score_item else None
    scale = form.scale_of(score_item) if score_item else None
    scores: list[float] = []
    ungrouped = 0
    scores_by_group: dict[str, list[float]] = {}
    level_counts: dict[str, int] = {code: 0 for code in (scale.codes if scale else ())}
    for ballot in valid:
        value = ballot.answers.get(score_item.id) if score_item else None
        if score_item is None or not is_answered(value):
            continue
        points: float | None
        if isinstance(value, str) and value in rules.rating_points and score_item.type == "rating":
            points = rules.rating_points[value]
        else:
            points = item_points(form, score_item, value)
        if points is None:
            continue
        scores.append(points)
        if isinstance(value, str) and value in level_counts:
            level_counts[value] += 1
        if ballot.group:
            scores_by_group.setdefault(ballot.group, []).append(points)
        else:
            ungrouped += 1
    counted = sum(level_counts.values())
    shares = {code: (count / counted if counted else 0.0) for code, count in level_counts.items()}
    best = scale.levels[0].code if scale and scale.levels else None
    good_rate = shares[best] if best is not None and counted else None
    satisfaction = (
        math.fsum(shares[code] * rules.satisfaction_points.get(code, 0.0) for code in sorted(shares))
        if counted
        else None
    )
    mean = _mean(scores)
    trimmed, was_trimmed = trimmed_mean(scores, rules.trim_above)
    by_group: list[GroupScore] = []
    weighted_sum = 0.0
    weight_present = 0.0
    for group in rules.rater_groups:
        group_scores = scores_by_group.get(group.id, [])
        group_mean = _mean(group_scores)
        by_group.append(GroupScore(group.id, len(group_scores), group_mean, group.weight))
        if group_mean is not None:
            weighted_sum += group.weight * group_mean
            weight_present += group.weight
    known_groups = {group.id for group in rules.rater_groups}
    for group_id in sorted(set(scores_by_group) - known_groups):
        group_scores = scores_by_group[group_id]
        by_group.append(GroupScore(group_id, len(group_scores), _mean(group_scores), 0.0))
    group_weighted = weighted_sum / weight_present if weight_present > 0 else None
    groups_missing = (
        tuple(group.id for group in rules.rater_groups if group.id not in scores_by_group)
        if group_weighted is not None
        else ()
    )
    dimensions: dict[str, float] = {}
    for item in form.items():
        if item.type != "rating" or (score_item and item.id == score_item.id):
            continue
        values = [
            earned
            for ballot in valid
            if (earned := _rating_points(form, item, ballot.answers.get(item.id), rules)) is not None
        ]
        if values:
            dimensions[item.id] = math.fsum(sorted(values)) / len(values)
    score = group_weighted if rules.group_weighting and group_weighted is not None else trimmed
    return UnitAggregate(
        unit=unit,
        ballots=len(ordered),
        valid=len(valid),
        invalid=len(ordered) - len(valid),
        scored=len(scores),
        mean=mean,
        trimmed_mean=trimmed,
        trimmed=was_trimmed,
        level_counts=level_counts,
        level_shares=shares,
        good_rate=good_rate,
        satisfaction=satisfaction,
        by_group=tuple(by_group),
        group_weighted=group_weighted,
        groups_missing=groups_missing,
        dimension_means=dimensions,
        score=score,
        ungrouped=ungrouped,
    )


def _rating_points(form: Form, item: Item, value: AnswerValue, rules: Rules) -> float | None:
    if isinstance(value, str) and value in rules.rating_points:
        return rules.rating_points[value]
    return item_points(form, item, value)


# --------------------------------------------------------------------------- grades, stars, composite


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


def assign_stars(
    scores_by_unit: Mapping[str, float],
    rules: Rules,
    star_caps_by_unit: Mapping[str, int | None] | None = None,
    satisfaction_by_unit: Mapping[str, float | None] | None = None,
) -> dict[str, StarAward]:
    """Stars for every unit, with the five-star quota applied.

    The quota allows floor(share x units) five-star units. The highest scores keep five stars; units
    tied with the last score that would break the quota are ALL demoted to four stars, so the quota is
    never exceeded and the result never depends on unit ids or input order.
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
    limit = quota_limit(rules.five_star_max_share, None, len(scores_by_unit))
    top = max((band.stars for band in rules.stars), default=5)
    five = [award for award in awards.values() if award.stars == top]
    if limit is not None and len(five) > limit:
        five.sort(key=lambda award: -award.score)
        cutoff = five[limit].score  # the best score that no longer fits
        next_best = max((band.stars for band in rules.stars if band.stars < top), default=top - 1)
        for award in five:
            if award.score <= cutoff + EPSILON:
                awards[award.unit] = StarAward(award.unit, award.score, award.band_stars, next_best, "quota")
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


def assign_grades(
    scores_by_unit: Mapping[str, float],
    rules: Rules,
    caps_by_unit: Mapping[str, Sequence[str]] | None = None,
) -> dict[str, GradeAward]:
    """Grades for every unit, applying each band's optional `max_share` from the best band down.

    A band allows floor(share x units) units; the highest scores keep it, and units tied at the score
    that would break the quota all move down one band (and may cascade further), so a quota is never
    exceeded and the result does not depend on unit ids or input order.
    """
    caps = caps_by_unit or {}
    bands = sorted(rules.grades, key=lambda band: band.min_score, reverse=True)
    position = {band.code: index for index, band in enumerate(bands)}
    current = {
        unit: position[grade_for(score, rules, caps.get(unit, ()))] for unit, score in scores_by_unit.items()
    }
    band_of = dict(current)
    for index, band in enumerate(bands[:-1]):
        limit = quota_limit(band.max_share, None, len(scores_by_unit))
        members = sorted(
            (unit for unit, at in current.items() if at == index), key=lambda u: -scores_by_unit[u]
        )
        if limit is None or len(members) <= limit:
            continue
        cutoff = scores_by_unit[members[limit]]
        for unit in members:
            if scores_by_unit[unit] <= cutoff + EPSILON:
                current[unit] = index + 1
    return {
        unit: GradeAward(
            unit,
            scores_by_unit[unit],
            bands[band_of[unit]].code,
            bands[current[unit]].code,
            "quota" if current[unit] != band_of[unit] else None,
        )
        for unit in sorted(scores_by_unit)
    }
