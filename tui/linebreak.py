"""Chinese line breaking for every wrapped text of the app: no closing mark starts a line, no code split."""

from __future__ import annotations

import re
import unicodedata

NO_LINE_START = frozenset("。，、；：！？）」』》〉】〕”’…—%,.;:!?)]}>·")
"""Marks that close or end something (行首禁则): never at the start of a line."""

NO_LINE_END = frozenset("（「『《〈【〔“‘([{<")
"""Marks that open something (行尾禁则): never at the end of a line."""

_TOKEN = re.compile(r"[A-Za-z0-9_@#$&*+=/\\.:~-]+|\s+|.", re.DOTALL)
"""A run of Latin letters, digits and code marks (a code, a passphrase, a path) is one unbreakable word."""


def cell_width(text: str) -> int:
    """Terminal cells `text` takes: two for a wide (Chinese) character, one otherwise."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def _tokens(text: str) -> list[str]:
    """Pieces between which a line may break, with the no-break rules already glued in."""
    tokens: list[str] = []
    glue_next = False
    for piece in _TOKEN.findall(text):
        if piece.isspace():
            tokens.append(piece)
            glue_next = False
            continue
        if tokens and (glue_next or piece[0] in NO_LINE_START) and not tokens[-1].isspace():
            tokens[-1] += piece
        else:
            tokens.append(piece)
        glue_next = piece[-1] in NO_LINE_END
    return tokens


def _split_long(token: str, width: int) -> list[str]:
    """A word wider than the whole line: cut it (the only case a word is cut)."""
    parts: list[str] = []
    current = ""
    for char in token:
        if current and cell_width(current + char) > width:
            if char in NO_LINE_START and len(current) > 1:
                # A closing mark glued to the word never starts a line: the word's last character comes along.
                parts.append(current[:-1])
                current = current[-1]
            else:
                parts.append(current)
                current = ""
        current += char
    if current:
        parts.append(current)
    return parts


def wrap(text: str, width: int) -> list[str]:
    """`text` in lines of at most `width` cells, broken the way Chinese typesetting expects.

    Existing line breaks are kept; spaces at a break are dropped.
    """
    width = max(2, width)
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for token in _tokens(paragraph):
            if token.isspace():
                if line and cell_width(line + token) <= width:
                    line += token
                elif line:
                    lines.append(line.rstrip())
                    line = ""
                continue
            if cell_width(line + token) <= width:
                line += token
                continue
            if line.strip():
                lines.append(line.rstrip())
            line = ""
            if cell_width(token) > width:
                *full, line = _split_long(token, width)
                lines.extend(full)
            else:
                line = token
        lines.append(line.rstrip())
    return lines


def fill(text: str, width: int) -> str:
    """`wrap` joined with newlines."""
    return "\n".join(wrap(text, width))
