"""Pinyin initials of Chinese text for type-to-filter (e.g. `nxyz` finds 暖心驿站).

The table (`pinyin_table`) covers every CJK unified ideograph U+4E00..U+9FFF with all its readings; it is
generated from pypinyin's dictionary by scripts/gen_pinyin_table.py and checked in, so no runtime dependency.
"""

from __future__ import annotations

from functools import lru_cache

from tui.meeting.pinyin_table import FIRST, OTHER_READINGS, PRIMARY


@lru_cache(maxsize=1)
def _other_readings() -> dict[str, str]:
    return {entry[0]: entry[1:] for entry in OTHER_READINGS.split()}


@lru_cache(maxsize=8192)
def initials_of(char: str) -> str:
    """Every possible initial of one character: "" when unknown, the character itself for ASCII."""
    if char.isascii():
        return char.lower() if char.isalnum() else ""
    several = _other_readings().get(char)
    if several:
        return several
    offset = ord(char) - FIRST
    if 0 <= offset < len(PRIMARY) and PRIMARY[offset] != "_":
        return PRIMARY[offset]
    return ""


def initials(text: str) -> list[str]:
    """The possible initials of each character of `text` that has one (punctuation and spaces skipped)."""
    return [found for found in (initials_of(char) for char in text) if found]


def matches_initials(text: str, query: str) -> bool:
    """Whether the ASCII letters of `query` spell consecutive initials of `text` (e.g. "fw" in 服务)."""
    letters = query.lower()
    if not letters:
        return True
    sequence = initials(text)
    for start in range(len(sequence) - len(letters) + 1):
        if all(letter in sequence[start + offset] for offset, letter in enumerate(letters)):
            return True
    return False


def matches(text: str, query: str) -> bool:
    """Type-to-filter: a Chinese (or any) substring, or pinyin initials when the query is ASCII letters."""
    query = query.strip()
    if not query:
        return True
    if query.lower() in text.lower():
        return True
    return query.isascii() and query.isalpha() and matches_initials(text, query)
