"""The ballot-in-progress rules shared by the kiosk grid and the hall page (forms.scoring.entry)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from forms.builtin import builtin_form
from forms.model import AnswerValue
from forms.scoring import (
    EntryTally,
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

FORM = builtin_form("review_ballot")
UNITS = [f"U{n:02d}" for n in range(1, 67)]


def test_the_30_percent_cap_of_66_units_is_19_and_refuses_the_20th_good() -> None:
    # floor(0.30 x 66) = 19: nineteen 好 are allowed, the twentieth is refused at the moment it is typed.
    answers = {unit: {"overall": "good"} for unit in UNITS[:19]}
    (tally,) = quota_tallies(FORM, answers, len(UNITS))
    assert (tally.count, tally.limit, tally.full, tally.exceeded) == (19, 19, True, False)
    refusal = refused_by(FORM, answers, len(UNITS), UNITS[19], "overall", "good")
    assert refusal is not None and refusal.rule == "good_share" and refusal.count == 20
    # Other levels, and changing a unit that already holds 好, are never refused.
    assert refused_by(FORM, answers, len(UNITS), UNITS[19], "overall", "fairly_good") is None
    assert refused_by(FORM, answers, len(UNITS), UNITS[0], "overall", "good") is None


def test_all_the_same_so_far_is_flagged_after_five_units_not_before() -> None:
    four = {unit: {"overall": "average"} for unit in UNITS[:4]}
    assert early_flags(FORM, four) == ()
    five = {unit: {"overall": "average"} for unit in UNITS[:5]}
    assert [flag.rule for flag in early_flags(FORM, five)] == ["all_identical"]
    five["U05"]["overall"] = "poor"
    assert early_flags(FORM, five) == ()


def test_optional_dimensions_are_offered_but_not_required() -> None:
    dims = {item.id for item in dimension_items(FORM)}
    assert len(dims) == 5 and "overall" not in dims
    assert [item.id for item in required_items(FORM, "optional")] == ["overall"]
    assert {item.id for item in required_items(FORM, "required")} >= dims | {"overall"}
    assert {item.id for item in asked_items(FORM, "off")}.isdisjoint(dims)
    answers = {unit: {"overall": "good" if n % 4 == 0 else "fairly_good"} for n, unit in enumerate(UNITS)}
    assert missing_answers(FORM, answers, UNITS, "optional") == ()
    missing = missing_answers(FORM, answers, UNITS, "required")
    assert len(missing) == 66 * 5
    del answers["U07"]
    assert [(m.unit_id, m.item_id) for m in missing_answers(FORM, answers, UNITS, "optional")] == [
        ("U07", "overall")
    ]


LEVELS = ("good", "fairly_good", "average", "poor", None)
ITEMS = ("overall", "political_leadership")


def _refused_by_recount(
    answers: dict[str, dict[str, AnswerValue]], unit_id: str, item_id: str, value: AnswerValue
) -> QuotaTally | None:
    """The rule as first written: every quota counted before and after the answer, over a changed copy."""
    changed = {unit: dict(row) for unit, row in answers.items()}
    changed.setdefault(unit_id, {})[item_id] = value
    before = {tally.rule: tally for tally in quota_tallies(FORM, answers, len(UNITS))}
    for tally in quota_tallies(FORM, changed, len(UNITS)):
        broken = tally.action == "invalid" and tally.item == item_id and tally.exceeded
        if broken and tally.count > before[tally.rule].count:
            return tally
    return None


@settings(max_examples=300, deadline=None)
@given(
    rows=st.dictionaries(
        st.sampled_from(UNITS),
        st.dictionaries(st.sampled_from(ITEMS), st.sampled_from(LEVELS), max_size=2),
        max_size=len(UNITS),
    ),
    unit_id=st.sampled_from(UNITS),
    item_id=st.sampled_from(ITEMS),
    value=st.sampled_from(LEVELS),
)
def test_the_refusal_counts_only_the_changed_answer_yet_agrees_with_a_full_recount(
    rows: dict[str, dict[str, AnswerValue]], unit_id: str, item_id: str, value: AnswerValue
) -> None:
    assert refused_by(FORM, rows, len(UNITS), unit_id, item_id, value) == _refused_by_recount(
        rows, unit_id, item_id, value
    )
    missing = count_missing(FORM, rows, UNITS, "optional")
    assert missing == len(missing_answers(FORM, rows, UNITS, "optional"))


TALLY_UNITS = UNITS[:12]  # a short ballot reaches its quota (3 of 12) and the early warnings quickly
TALLY_VALUES = ("good", "fairly_good", "average", "poor", "", None)


@settings(max_examples=200, deadline=None)
@given(
    steps=st.lists(
        st.tuples(
            st.sampled_from([*TALLY_UNITS, "OUTSIDE"]),
            st.sampled_from(ITEMS),
            st.sampled_from(TALLY_VALUES),
        ),
        max_size=60,
    ),
    dimensions=st.sampled_from(["optional", "required", "off"]),
)
def test_the_running_tally_agrees_with_every_full_recount_after_each_answer(
    steps: list[tuple[str, str, AnswerValue]], dimensions: str
) -> None:
    tally = EntryTally(FORM, TALLY_UNITS, dimensions)
    answers: dict[str, dict[str, AnswerValue]] = {}
    for unit_id, item_id, value in steps:
        expected_refusal = refused_by(FORM, answers, len(TALLY_UNITS), unit_id, item_id, value)
        assert tally.refusal(unit_id, item_id, value) == expected_refusal
        tally.set(unit_id, item_id, value)
        row = answers.setdefault(unit_id, {})
        if value is None:
            row.pop(item_id, None)
        else:
            row[item_id] = value
        assert tally.answers == answers
        assert tally.quotas() == quota_tallies(FORM, answers, len(TALLY_UNITS))
        flags = early_flags(FORM, answers)
        assert [(w.rule, w.text, w.count) for w in tally.warnings()] == [
            (flag.rule, flag.text, flag.count) for flag in flags
        ]
        assert tally.missing == count_missing(FORM, answers, TALLY_UNITS, dimensions)
        answered = sum(1 for unit in TALLY_UNITS if answers.get(unit, {}).get("overall") not in (None, ""))
        assert tally.answered("overall") == answered
    # Built from the answers at once, it holds the same counts as built answer by answer.
    rebuilt = EntryTally(FORM, TALLY_UNITS, dimensions, answers)
    assert (rebuilt.quotas(), rebuilt.warnings(), rebuilt.missing) == (
        tally.quotas(),
        tally.warnings(),
        tally.missing,
    )
    assert rebuilt.snapshot() == answers and rebuilt.snapshot() is not rebuilt.answers


def test_the_running_tally_refuses_the_20th_good_of_66_and_warns_when_all_are_the_same() -> None:
    tally = EntryTally(FORM, UNITS, "optional")
    for unit in UNITS[:5]:
        tally.set(unit, "overall", "good")
    assert [warning.rule for warning in tally.warnings()] == ["all_identical", "all_full_marks"]
    for unit in UNITS[:5]:
        tally.set(unit, "overall", "average")
    assert [warning.rule for warning in tally.warnings()] == ["all_identical"]
    tally.set(UNITS[4], "overall", "poor")
    assert tally.warnings() == ()
    for unit in UNITS[5:24]:
        tally.set(unit, "overall", "good")
    refusal = tally.refusal(UNITS[24], "overall", "good")
    assert refusal is not None and (refusal.count, refusal.limit) == (20, 19)
    assert tally.refusal(UNITS[5], "overall", "good") is None  # already 好: no change in the count
    assert tally.missing == 66 - 24 and tally.answered("overall") == 24
