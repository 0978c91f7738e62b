"""The counting pass (`tally_pass`) gives exactly the tallies of the ballot-by-ballot definition."""

from __future__ import annotations

from dataclasses import replace
from typing import cast

from hypothesis import given, settings
from hypothesis import strategies as st

from exports.tallies import BallotRecord, UnitInfo, tally_ballots, tally_each_ballot
from exports.tally_pass import count_ballots
from forms.builtin import builtin_form
from forms.model import AnswerValue, Form, InvalidRule, Quota, Text
from forms.rules import Rules, TrimMode, default_rules
from forms.scoring import check_ballot
from forms.scoring.ballot import BallotValidity

LEVELS = ("good", "fairly_good", "average", "poor")
ITEMS = ("overall", "political_leadership", "execution", "cohesion", "member_vanguard", "service")
UNITS = ("U1", "U2", "U3", "U4", "U5", "U6", "U7")
# Ids, Chinese labels and an unknown group: stores keep labels, imports may bring anything.
GROUPS = ("leaders", "部门负责人", "Party-member representatives", "served", "visitors", "")

codes = st.sampled_from(LEVELS)
plain_value: st.SearchStrategy[AnswerValue] = st.one_of(codes, st.none(), st.just(""))
odd_value: st.SearchStrategy[AnswerValue] = st.one_of(
    st.just(1), st.just(True), st.just(1.0), st.just(["good"]), st.just(100)
)


def _row(values: st.SearchStrategy[AnswerValue]) -> st.SearchStrategy[dict[str, AnswerValue]]:
    return st.dictionaries(st.sampled_from(ITEMS), values, max_size=len(ITEMS)).map(
        lambda row: {**row, "comment": "好 <b>[red]"}
    )


def _ballots(
    values: st.SearchStrategy[AnswerValue], unique: bool = True
) -> st.SearchStrategy[list[BallotRecord]]:
    """Ballots with distinct ids (as sealed), or `unique` False: an id may repeat (an edited import)."""
    ballot = st.builds(
        BallotRecord,
        st.sampled_from([f"B{n:03d}" for n in range(40)]),
        st.sampled_from(GROUPS),
        st.dictionaries(st.sampled_from((*UNITS, "elsewhere")), _row(values), max_size=len(UNITS) + 1),
    )
    if unique:
        return st.lists(ballot, max_size=25, unique_by=lambda record: record.ballot_id)
    return st.lists(ballot, max_size=25)


def _rules(trim: str, trim_above: int, weighting: bool) -> Rules:
    return replace(
        default_rules(), trim=cast("TrimMode", trim), trim_above=trim_above, group_weighting=weighting
    )


rules_strategy = st.builds(
    _rules, st.sampled_from(["per_group", "overall", "none"]), st.integers(0, 6), st.booleans()
)
units_strategy = st.lists(st.sampled_from(UNITS), unique=True, max_size=len(UNITS)).map(
    lambda ids: [UnitInfo(unit_id, f"单位{unit_id}") for unit_id in ids]
)


def _form(variant: int) -> Form:
    """The built-in review ballot, or one whose quota counts, warns, or judges a dimension."""
    form = builtin_form("review_ballot")
    text = Text("配额", "quota")
    if variant == 1:
        return replace(form, quotas=(Quota("two_good", "overall", ("good", "fairly_good"), text, None, 2),))
    if variant == 2:
        return replace(
            form,
            quotas=(Quota("warn_only", "overall", ("good",), text, 0.3, None, "warn"),),
            invalid_rules=(InvalidRule("same", "all_identical", "service", text),),
        )
    if variant == 3:
        return replace(
            form, invalid_rules=(InvalidRule("full", "all_full_marks", "execution", text, "warn"),)
        )
    return form


@settings(max_examples=300, deadline=None)
@given(_ballots(plain_value), units_strategy, rules_strategy, st.integers(0, 3))
def test_counting_gives_the_tallies_of_the_ballot_by_ballot_definition(
    ballots: list[BallotRecord], units: list[UnitInfo], rules: Rules, variant: int
) -> None:
    form = _form(variant)
    assert tally_ballots(form, rules, units, ballots) == tally_each_ballot(form, rules, units, ballots)


@settings(max_examples=150, deadline=None)
@given(
    st.one_of(_ballots(st.one_of(plain_value, odd_value)), _ballots(plain_value, False)),
    units_strategy,
    rules_strategy,
)
def test_numbers_lists_flags_and_repeated_ids_give_the_same_tallies(
    ballots: list[BallotRecord], units: list[UnitInfo], rules: Rules
) -> None:
    form = builtin_form("review_ballot")
    assert tally_ballots(form, rules, units, ballots) == tally_each_ballot(form, rules, units, ballots)


def test_sealed_review_ballots_are_counted_not_gone_through_one_by_one() -> None:
    """Level codes only (no 好: every ballot valid), distinct ids: the counting pass takes them (None would
    send them one by one)."""
    form = builtin_form("review_ballot")
    unit_ids = ["U1", "U2", "U3"]
    ballots = [
        (
            f"B{n}",
            "党员代表",
            {unit: {item: LEVELS[1 + (n + i) % 3] for item in ITEMS} for i, unit in enumerate(unit_ids)},
        )
        for n in range(12)
    ]
    counted = count_ballots(form, default_rules(), unit_ids, ballots, lambda group: group)
    assert counted is not None
    assert sum(counted.validity) == 12
    assert counted.valid_rated == {"U1": 12, "U2": 12, "U3": 12}


def test_a_number_among_the_answers_sends_the_ballots_one_by_one() -> None:
    form = builtin_form("review_ballot")
    ballots: list[tuple[str, str, dict[str, dict[str, AnswerValue]]]] = [
        ("B1", "leaders", {"U1": {"overall": "good"}, "U2": {"overall": 1}})
    ]
    assert count_ballots(form, default_rules(), ["U1", "U2"], ballots, lambda group: group) is None


@settings(max_examples=300, deadline=None)
@given(
    st.lists(_row(st.one_of(plain_value, odd_value)), max_size=12),
    st.integers(0, 3),
)
def test_ballot_validity_is_check_ballots_verdict(rows: list[dict[str, AnswerValue]], variant: int) -> None:
    form = _form(variant)
    found = BallotValidity(form).valid_of(rows)
    expected = check_ballot(form, {f"U{n}": row for n, row in enumerate(rows)}).valid
    assert found is None or found == expected
    if all(value is None or isinstance(value, str) for row in rows for value in row.values()):
        assert found == expected
