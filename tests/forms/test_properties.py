"""Property tests of the scoring engine: bounds, order independence, the composite's scale, the star quota."""

from __future__ import annotations

import math
import random
from collections.abc import Callable

from hypothesis import given, settings
from hypothesis import strategies as st

from forms.builtin import builtin_form
from forms.model import AnswerValue, Form, ItemType
from forms.rules import default_rules
from forms.scoring import (
    UnitBallot,
    aggregate_unit,
    assign_stars,
    check_ballot,
    composite,
    quota_limit,
    score_response,
    trimmed_mean,
)

LEVELS = ("good", "fairly_good", "average", "poor")
GROUPS = ("leaders", "heads", "members", "served", None)


def _on_grid(low: float, step: float) -> Callable[[int], float]:
    """The `k`-th point of a score item's grid (bound now, so each item keeps its own grid)."""
    return lambda k: low + k * step


def _score_answers(form: Form) -> st.SearchStrategy[dict[str, AnswerValue]]:
    """Valid-or-missing answers for every scored item of a unit form, plus deductions and vetoes."""
    fields: dict[str, st.SearchStrategy[AnswerValue]] = {}
    for item in form.items():
        if item.type == "score" and item.max is not None:
            low = item.min or 0.0
            steps = round((item.max - low) / (item.step or 1))
            fields[item.id] = st.one_of(st.none(), st.integers(0, steps).map(_on_grid(low, item.step or 1)))
        elif item.type == "rating":
            scale = form.scale_of(item)
            assert scale is not None
            fields[item.id] = st.one_of(st.none(), st.sampled_from(scale.codes))
        elif item.type in ("check", "veto"):
            fields[item.id] = st.one_of(st.none(), st.booleans())
        elif item.type == "deduct":
            fields[item.id] = st.one_of(st.none(), st.integers(0, 50))
    return st.fixed_dictionaries(fields)


@settings(max_examples=150, deadline=None)
@given(_score_answers(builtin_form("star_branch")))
def test_star_branch_total_stays_within_bounds(answers: dict[str, AnswerValue]) -> None:
    form = builtin_form("star_branch")
    score = score_response(form, answers)
    assert 0 <= score.total <= score.max_total == 100
    for part, value in score.part_points.items():
        assert value >= 0, part
    # no deduction item takes more than its cap
    for item in form.items():
        if item.type == "deduct" and item.id in score.item_points:
            assert -score.item_points[item.id] <= (item.cap or 0) + 1e-9


@settings(max_examples=100, deadline=None)
@given(_score_answers(builtin_form("duty_list")))
def test_duty_list_total_stays_within_bounds(answers: dict[str, AnswerValue]) -> None:
    score = score_response(builtin_form("duty_list"), answers)
    assert 0 <= score.total <= 100


@given(st.lists(st.floats(0, 100, allow_nan=False), min_size=1, max_size=60), st.integers(0, 10))
def test_trimmed_mean_lies_between_min_and_max(values: list[float], threshold: int) -> None:
    mean, _ = trimmed_mean(values, threshold)
    assert mean is not None
    assert min(values) - 1e-9 <= mean <= max(values) + 1e-9


ballots = st.lists(
    st.builds(
        lambda index, code, dim, group, valid: UnitBallot(
            f"b{index}", {"overall": code, "service": dim} if dim else {"overall": code}, group, valid
        ),
        st.integers(0, 10_000),
        st.sampled_from(LEVELS),
        st.one_of(st.none(), st.sampled_from(LEVELS)),
        st.sampled_from(GROUPS),
        st.booleans(),
    ),
    max_size=40,
    unique_by=lambda ballot: ballot.ballot_id,
)


@settings(max_examples=150, deadline=None)
@given(ballots, st.randoms(use_true_random=False), st.sampled_from(["per_group", "overall", "none"]))
def test_aggregate_does_not_depend_on_ballot_order(
    unit_ballots: list[UnitBallot], rnd: random.Random, trim: str
) -> None:
    from dataclasses import replace
    from typing import cast

    from forms.rules import TrimMode

    form = builtin_form("review_ballot")
    rules = replace(default_rules(), trim=cast("TrimMode", trim))
    first = aggregate_unit("U01", form, unit_ballots, rules)
    shuffled = list(unit_ballots)
    rnd.shuffle(shuffled)
    assert aggregate_unit("U01", form, shuffled, rules) == first
    if first.score is not None:
        assert 40 <= first.score <= 100
        assert first.mean is not None and 40 <= first.mean <= 100
        assert first.good_rate is not None and 0 <= first.good_rate <= 1
        assert math.isclose(sum(first.level_shares.values()), 1.0)
        plain = first.group_weighted_plain
        assert plain is None or 40 <= plain <= 100


@settings(max_examples=100, deadline=None)
@given(
    st.dictionaries(st.text(min_size=1, max_size=4), st.sampled_from(LEVELS), min_size=1, max_size=30),
    st.randoms(use_true_random=False),
)
def test_ballot_check_does_not_depend_on_unit_order(codes: dict[str, str], rnd: random.Random) -> None:
    form = builtin_form("review_ballot")
    answers = {unit: {"overall": code} for unit, code in codes.items()}
    items = list(answers.items())
    rnd.shuffle(items)
    assert check_ballot(form, dict(items)) == check_ballot(form, answers)


weights = st.lists(st.floats(0.01, 1), min_size=3, max_size=3).map(lambda raw: [w / sum(raw) for w in raw])


@given(
    weights,
    st.fixed_dictionaries(
        {
            "review": st.one_of(st.none(), st.floats(0, 100)),
            "self": st.one_of(st.none(), st.floats(0, 100)),
            "supervision": st.one_of(st.none(), st.floats(0, 100)),
        }
    ),
)
def test_weights_summing_to_one_keep_the_composite_on_the_scale(
    normalized: list[float], sources: dict[str, float | None]
) -> None:
    from dataclasses import replace

    rules = replace(
        default_rules(),
        composite_weights=dict(zip(("review", "self", "supervision"), normalized, strict=True)),
    )
    result = composite(sources, rules)
    present = [value for value in sources.values() if value is not None]
    if not present:
        assert result.score is None
        return
    assert result.score is not None
    assert min(present) - 1e-9 <= result.score <= max(present) + 1e-9
    assert math.isclose(sum(result.weights_used.values()), 1.0)


@settings(max_examples=150, deadline=None)
@given(
    st.dictionaries(st.text(min_size=1, max_size=5), st.floats(0, 100), min_size=1, max_size=80),
    st.randoms(use_true_random=False),
)
def test_five_star_quota_is_never_exceeded(scores: dict[str, float], rnd: random.Random) -> None:
    rules = default_rules()
    keep = rnd.random() < 0.5  # organisations keep a surviving tie (reported); branches hold it
    awards = assign_stars(scores, rules, keep_tie=keep)
    limit = quota_limit(rules.five_star_max_share, None, len(scores))
    assert limit is not None
    five = sum(1 for award in awards.values() if award.stars == 5)
    # the quota is exceeded only by a tie that survived the tie-breaks, and then by exactly `tied_over`
    tied = [award for award in awards.values() if award.tied_over]
    assert five <= limit + (tied[0].tied_over if tied else 0)
    assert len({round(award.score, 6) for award in tied}) <= 1
    assert all(award.stars == 5 for award in tied)
    assert keep or (five <= limit and not tied)
    # a unit keeps five stars only if every better unit does too
    for award in awards.values():
        if award.stars == 5:
            assert all(other.stars == 5 for other in awards.values() if other.score > award.score)
    items = list(scores.items())
    rnd.shuffle(items)
    assert assign_stars(dict(items), rules, keep_tie=keep) == awards


@given(
    st.dictionaries(
        st.text(min_size=1, max_size=4), st.one_of(st.none(), st.integers(0, 20).map(float)), max_size=40
    )
)
def test_rank_is_one_plus_the_number_of_better_scores(scores: dict[str, float | None]) -> None:
    from forms.scoring import rank

    ranks = rank(scores)
    scored = {unit: value for unit, value in scores.items() if value is not None}
    assert set(ranks) == set(scored)
    for unit, value in scored.items():
        assert ranks[unit] == 1 + sum(1 for other in scored.values() if other > value)


@settings(max_examples=100, deadline=None)
@given(
    st.dictionaries(st.text(min_size=1, max_size=5), st.floats(0, 100), min_size=1, max_size=60),
    st.floats(0.05, 1.0),
)
def test_grade_quota_is_never_exceeded(scores: dict[str, float], share: float) -> None:
    from dataclasses import replace

    from forms.scoring import assign_grades

    rules = default_rules()
    rules = replace(
        rules,
        grades=tuple(
            replace(band, max_share=share) if band.code == "good" else band for band in rules.grades
        ),
    )
    grades = assign_grades(scores, rules)
    limit = quota_limit(share, None, len(scores))
    assert limit is not None
    good = sum(1 for award in grades.values() if award.grade == "good")
    tied = [award for award in grades.values() if award.tied_over and award.grade == "good"]
    assert good <= limit + (tied[0].tied_over if tied else 0)
    assert len({round(award.score, 6) for award in tied}) <= 1  # only one tie, at the limit
    # equal scores, with no tie-break data, always get the same grade
    by_score: dict[float, set[str]] = {}
    for award in grades.values():
        by_score.setdefault(round(award.score, 6), set()).add(award.grade)
    assert all(len(found) == 1 for found in by_score.values())
    order = ["good", "fairly_good", "average", "poor"]
    for award in grades.values():
        assert order.index(award.grade) >= order.index(award.band_grade)  # a quota only moves down


@st.composite
def random_forms(draw: st.DrawFn) -> tuple[Form, dict[str, AnswerValue]]:
    """A random unit form (score, check, rating, choice, multi and deduct items, with or without parts)
    that passes validation, and random valid answers to it."""
    from forms.model import Choice, Item, Level, Part, Scale, Section, Text

    scale = Scale("r", Text("等级"), (Level("a", Text("好"), 100, "1"), Level("b", Text("差"), 40, "2")))
    use_parts = draw(st.booleans())
    split = draw(st.floats(0.1, 0.9))
    parts = (Part("p1", Text("基础"), split), Part("p2", Text("评议"), 1 - split)) if use_parts else ()
    sections = []
    answers: dict[str, AnswerValue] = {}
    for s in range(draw(st.integers(1, 4))):
        items = []
        for i in range(draw(st.integers(1, 5))):
            ident = f"s{s}i{i}"
            kind: ItemType = draw(st.sampled_from(["score", "check", "rating", "choice", "multi", "deduct"]))
            weight = draw(st.sampled_from([1.0, 0.5, 2.0, 0.0]))
            if kind == "score":
                high = draw(st.integers(1, 20))
                items.append(
                    Item(ident, "score", Text("打分"), min=0.0, max=float(high), step=1.0, weight=weight)
                )
                answers[ident] = draw(st.integers(0, high))
            elif kind == "check":
                items.append(
                    Item(ident, "check", Text("是否"), points=float(draw(st.integers(0, 10))), weight=weight)
                )
                answers[ident] = draw(st.booleans())
            elif kind == "rating":
                points = draw(st.one_of(st.none(), st.integers(1, 10).map(float)))
                items.append(Item(ident, "rating", Text("评价"), scale="r", points=points, weight=weight))
                answers[ident] = draw(st.sampled_from(["a", "b"]))
            elif kind in ("choice", "multi"):
                choices = tuple(
                    Choice(f"c{n}", Text(f"选项{n}"), float(draw(st.integers(0, 5)))) for n in range(3)
                )
                cap = draw(st.one_of(st.none(), st.integers(1, 8).map(float))) if kind == "multi" else None
                items.append(
                    Item(
                        ident,
                        kind,
                        Text("选择"),
                        choices=choices,
                        cap=cap,
                        max_picks=3 if kind == "multi" else None,
                    )
                )
                if kind == "choice":
                    answers[ident] = draw(st.sampled_from(["c0", "c1", "c2"]))
                else:
                    answers[ident] = draw(st.lists(st.sampled_from(["c0", "c1", "c2"]), unique=True))
            else:
                items.append(
                    Item(
                        ident,
                        "deduct",
                        Text("减分"),
                        points=float(draw(st.integers(1, 5))),
                        cap=float(draw(st.integers(1, 10))),
                    )
                )
                answers[ident] = draw(st.integers(0, 10))
        part = ("p1" if s % 2 == 0 or len(parts) < 2 else "p2") if use_parts else None
        sections.append(Section(f"s{s}", Text(f"栏目{s}"), tuple(items), part=part))
    if use_parts and not any(section.part == "p2" for section in sections):
        sections.append(
            Section(
                "tail",
                Text("评议"),
                (Item("tail_i", "score", Text("满意度"), max=100.0, step=1.0),),
                part="p2",
            )
        )
        answers["tail_i"] = draw(st.integers(0, 100))
    form = Form("random", "1", "unit", Text("随机表"), tuple(sections), scales=(scale,), parts=parts)
    return form, answers


@settings(max_examples=200, deadline=None)
@given(random_forms())
def test_any_valid_form_scores_within_its_full_marks(case: tuple[Form, dict[str, AnswerValue]]) -> None:
    from forms.validate import check_form

    form, answers = case
    assert [problem.key for problem in check_form(form)] == []
    score = score_response(form, answers)
    assert score.problems == ()
    assert 0 <= score.total <= score.max_total + 1e-9
    full = score_response(form, {})
    assert full.total == 0  # nothing answered: nothing earned
