"""Scoring speed: aggregating a 66-unit review meeting of 500 ballots, and scoring 700 self-assessments."""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Callable

from bench.report import Row, interleave, median, ratio_rows
from forms.builtin import builtin_form
from forms.model import Form, Item, Section, Text
from forms.rules import default_rules
from forms.scoring import UnitBallot, aggregate_unit, check_ballot, score_response

UNITS = 66
BALLOTS = 500
SELF_ASSESSMENTS = 700
LEVELS = ("good", "fairly_good", "average", "poor")
GROUPS = ("leaders", "heads", "members", "served")
DIMENSIONS = ("political_leadership", "execution", "cohesion", "member_vanguard", "service")


def _timed(action: Callable[[], object], repeats: int) -> list[float]:
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def _meeting(rnd: random.Random) -> dict[str, list[UnitBallot]]:
    """500 ballots, each rating all 66 units (overall and five dimensions), by unit."""
    by_unit: dict[str, list[UnitBallot]] = {f"U{n:02d}": [] for n in range(UNITS)}
    for ballot in range(BALLOTS):
        group = GROUPS[ballot % len(GROUPS)]
        for ballots in by_unit.values():
            answers: dict[str, str] = {"overall": rnd.choice(LEVELS)}
            answers.update({dim: rnd.choice(LEVELS) for dim in DIMENSIONS})
            ballots.append(UnitBallot(f"B{ballot:04d}", answers, group, ballot % 37 != 0))
    return by_unit


def _sixty_item_form() -> Form:
    """A unit form of 6 sections x 10 score items (0..10, step 0.5), half needing a note below full."""
    sections = tuple(
        Section(
            id=f"s{s}",
            title=Text(f"第{s + 1}部分"),
            items=tuple(
                Item(
                    id=f"s{s}i{i}",
                    type="score",
                    label=Text(f"题目{s}-{i}"),
                    required=True,
                    min=0.0,
                    max=10.0,
                    step=0.5,
                    note_below_full=i % 2 == 0,
                )
                for i in range(10)
            ),
        )
        for s in range(6)
    )
    return Form(id="bench60", version="1", scope="unit", title=Text("六十题自评表"), sections=sections)


def run(quick: bool) -> list[Row]:
    rnd = random.Random(2025)
    repeats = 3 if quick else 7
    rules = default_rules()
    ballot_form = builtin_form("review_ballot")
    meeting = _meeting(rnd)
    points = rules.rating_points
    scores = [[points[str(ballot.answers["overall"])] for ballot in ballots] for ballots in meeting.values()]

    def aggregate_all() -> None:
        for unit, ballots in meeting.items():
            aggregate_unit(unit, ballot_form, ballots, rules)

    def baseline_means() -> None:
        for values in scores:
            statistics.fmean(values)

    per_ballot = [{unit: meeting[unit][index].answers for unit in meeting} for index in range(BALLOTS)]

    def check_all() -> None:
        for answers in per_ballot:
            check_ballot(ballot_form, answers)

    form60 = _sixty_item_form()
    responses = [
        {item.id: rnd.choice([10.0, 10.0, 9.5, 8.0, 6.5]) for item in form60.items()}
        for _ in range(SELF_ASSESSMENTS)
    ]
    notes = {f"s{s}i{i}": "见台账" for s in range(6) for i in range(0, 10, 4)}

    def score_all() -> None:
        for answers in responses:
            score_response(form60, answers, notes)

    # The aggregate and its baseline in turn (A, B, A, B), so the machine's load falls on both alike.
    paired = interleave({"aggregate": aggregate_all, "baseline": baseline_means}, repeats)
    aggregate_ms = median(paired["aggregate"]) * 1000
    baseline_ms = median(paired["baseline"]) * 1000
    check_ms = median(_timed(check_all, repeats))
    score_ms = median(_timed(score_all, repeats))
    # Targets: the results screen appears right after voting closes (aggregate and check in half a second
    # on a slow laptop), and the self-assessment screen re-scores the form on every answer (<= 5 ms).
    one_ms = score_ms / SELF_ASSESSMENTS
    return [
        Row(
            "scoring: aggregate 66 units x 500 ballots",
            "median",
            aggregate_ms,
            "ms",
            "<= 500 ms",
            aggregate_ms <= 500,
        ),
        Row("scoring: baseline plain means of the same scores", "median", baseline_ms, "ms"),
        *ratio_rows("scoring", "aggregate / plain means", paired["aggregate"], paired["baseline"]),
        Row("scoring: check 500 ballots of 66 units", "median", check_ms, "ms", "<= 500 ms", check_ms <= 500),
        Row(
            "scoring: score 700 self-assessments, 60 items",
            "median",
            score_ms,
            "ms",
            "<= 1000 ms",
            score_ms <= 1000,
        ),
        Row("scoring: score one 60-item self-assessment", "median", one_ms, "ms", "<= 5 ms", one_ms <= 5),
    ]
