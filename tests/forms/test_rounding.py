"""Rounding half up (四舍五入) everywhere (issue 14, why 10): one helper in forms/."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from hypothesis import given
from hypothesis import strategies as st

from forms.rounding import format_score, round_half_up


def test_halves_go_up_as_written() -> None:
    assert round_half_up(0.7 * 38.5) == 27.0  # 26.95 as computed: Python's round() and :.1f give 26.9
    assert round_half_up(43.75) == 43.8
    assert round_half_up(-26.95) == -27.0
    assert format_score(26.95) == "27.0" and format_score(43.75) == "43.8"
    assert format_score(2.675, 2) == "2.68"
    assert format_score(80.0, trim=True) == "80" and format_score(None) == "—"


@given(st.integers(min_value=-(10**6), max_value=10**6), st.integers(min_value=0, max_value=3))
def test_any_decimal_written_number_rounds_like_decimal_half_up(thousandths: int, digits: int) -> None:
    written = Decimal(thousandths).scaleb(-3)
    expected = written.quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)
    assert round_half_up(float(written), digits) == float(expected)
