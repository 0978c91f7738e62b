"""Pinyin initials of Chinese text without a dictionary: the GB2312 level-1 order is the pinyin order.

The 3,755 level-1 characters of GB2312 (every common one) are sorted by pinyin, so the first letter of a
character's reading follows from where its GB2312 code falls. Level-2 characters (sorted by radical) get
no initial; a few common polyphones in agency names are given all their readings.
"""

from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache

# The first GB2312 code of each initial (I, U and V start no reading).
_STARTS = (
    (0xB0A1, "a"),
    (0xB0C5, "b"),
    (0xB2C1, "c"),
    (0xB4EE, "d"),
    (0xB6EA, "e"),
    (0xB7A2, "f"),
    (0xB8C1, "g"),
    (0xB9FE, "h"),
    (0xBBF7, "j"),
    (0xBFA6, "k"),
    (0xC0AC, "l"),
    (0xC2E8, "m"),
    (0xC4C3, "n"),
    (0xC5B6, "o"),
    (0xC5BE, "p"),
    (0xC6DA, "q"),
    (0xC8BB, "r"),
    (0xC8F6, "s"),
    (0xCBFA, "t"),
    (0xCDDA, "w"),
    (0xCEF4, "x"),
    (0xD1B9, "y"),
    (0xD4D1, "z"),
)
_LEVEL1_END = 0xD7F9
_CODES = [start for start, _ in _STARTS]

# Characters with more than one common reading in agency and brand names (行: 银行/执行, 长: 局长/长效).
_POLYPHONES = {
    "行": "hx",
    "长": "cz",
    "重": "zc",
    "乐": "ly",
    "调": "dt",
    "数": "s",
    "会": "hk",
    "都": "d",
    "省": "sx",
    "单": "ds",
    "便": "bp",
    "藏": "cz",
    "朝": "cz",
    "解": "jx",
}


@lru_cache(maxsize=8192)
def initials_of(char: str) -> str:
    """Every possible initial of one character: "" when unknown, the character itself for ASCII."""
    if char.isascii():
        return char.lower() if char.isalnum() else ""
    if char in _POLYPHONES:
        return _POLYPHONES[char]
    try:
        encoded = char.encode("gb2312")
    except UnicodeEncodeError:
        return ""
    if len(encoded) != 2:
        return ""
    code = encoded[0] << 8 | encoded[1]
    if code < _CODES[0] or code > _LEVEL1_END:
        return ""
    return _STARTS[bisect_right(_CODES, code) - 1][1]


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
