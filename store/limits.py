"""Limits on what the store keeps: how many units a roster may hold, and which characters text may not."""

from __future__ import annotations

import re
from collections.abc import Iterable

from forms.errors import InputError

MAX_UNITS = 5000
"""Units (organizations and branches) in one roster: the seed city has ~770; a bigger file is a mistake
(or an attack) that would slow every command, so it is refused with the limit named."""

MAX_ROSTER_BYTES = 5 * 1024 * 1024
"""A roster file larger than this is refused before it is read: 5,000 rows fit in well under 2 MB."""

_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufeff\u2028\u2029]")
"""NUL and other control characters, a byte-order mark inside the text, line and paragraph separators:
never typed by a person, they come from a damaged or crafted file and hide in names shown elsewhere."""


def forbidden_character(text: str) -> str | None:
    """The first character of `text` a name or cell may not hold, as `U+XXXX` (None when clean)."""
    found = _FORBIDDEN.search(text)
    return None if found is None else f"U+{ord(found.group()):04X}"


def check_unit_count(count: int) -> None:
    """Refuse a roster of more than `MAX_UNITS` units, naming the limit."""
    if count > MAX_UNITS:
        raise InputError("trust.too_many_units", count=count, limit=MAX_UNITS)


def check_clean(texts: Iterable[tuple[str, str]]) -> None:
    """Refuse the first (what, text) pair whose text holds a forbidden character."""
    for what, text in texts:
        bad = forbidden_character(text)
        if bad is not None:
            raise InputError("trust.forbidden_character", what=what, character=bad)
