"""Rounding half up (四舍五入), the one way every score is rounded and shown."""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal, localcontext

NOISE = Decimal("1e-9")
"""Float noise from the arithmetic (0.7 x 38.5 = 26.949999999999996) is dropped at this place first."""


def round_half_up(value: float, digits: int = 1) -> float:
    """`value` rounded to `digits` decimals, halves away from zero, as written (26.95 -> 27.0,
    43.75 -> 43.8), not by the float's binary value nor to the even neighbour."""
    if not math.isfinite(value):
        return value
    with localcontext() as context:
        context.prec = 400  # room for every digit of any finite float, to nine decimals
        # repr() is the shortest text that reads back as the same float: the number as people wrote it.
        exact = Decimal(repr(float(value))).quantize(NOISE, rounding=ROUND_HALF_UP)
        return float(exact.quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP))


def format_score(value: float | None, digits: int = 1, *, trim: bool = False, empty: str = "—") -> str:
    """A score as text, rounded half up to `digits` decimals (`trim`: without trailing zeros)."""
    if value is None:
        return empty
    text = f"{round_half_up(value, digits):.{digits}f}"
    if trim and "." in text:
        text = text.rstrip("0").rstrip(".")
    return text
