"""Source line numbers for a TOML text: tomllib gives none, so the text is scanned for table headers and keys.

A table is named by its path of array names and 0-based indices, e.g. ``("sections", 1, "items", 0)``
for the first ``[[sections.items]]`` after the second ``[[sections]]``; the root table is ``()``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

TablePath = tuple[str | int, ...]

_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\[\]]+?)\s*(\]\]?)\s*(?:#.*)?$")
_KEY = re.compile(r"""^\s*("(?:[^"\\]|\\.)*"|'[^']*'|[A-Za-z0-9_\-]+)\s*(?:\.\s*[A-Za-z0-9_\-"']+\s*)*=""")


@dataclass
class LineMap:
    """Where each table starts and where each key of a table is written (1-based lines)."""

    tables: dict[TablePath, int] = field(default_factory=dict)
    keys: dict[tuple[TablePath, str], int] = field(default_factory=dict)

    def table(self, path: TablePath) -> int:
        """The line of the table's header (0 when unknown; the root table starts at line 1)."""
        if not path:
            return 1
        return self.tables.get(path, 0)

    def key(self, path: TablePath, key: str) -> int:
        """The line of `key = ...` in the table, else the table's line."""
        return self.keys.get((path, key)) or self.table(path)


def _segments(name: str) -> list[str]:
    return [part.strip().strip('"').strip("'") for part in name.split(".")]


def scan(text: str) -> LineMap:
    """Map the tables and keys of a TOML text to their lines (multi-line strings and arrays skipped)."""
    result = LineMap()
    current: TablePath = ()
    last_index: dict[TablePath, int] = {}  # array path (no index) -> index of its latest element
    open_quote: str | None = None
    depth = 0  # open brackets of a multi-line array or inline table value
    for number, line in enumerate(text.splitlines(), start=1):
        if open_quote is not None:
            if open_quote in line:
                open_quote = None
            continue
        if depth > 0:
            depth += _bracket_balance(line)
            continue
        header = _HEADER.match(line)
        if header and not line.lstrip().startswith("#"):
            is_array = header.group(1) == "[[" and header.group(3) == "]]"
            path: list[str | int] = []
            names = _segments(header.group(2))
            for name in names[:-1]:
                path.append(name)
                prefix = tuple(path)
                if prefix in last_index:
                    path.append(last_index[prefix])
            path.append(names[-1])
            array_path = tuple(path)
            if is_array:
                index = last_index.get(array_path, -1) + 1
                # a new element of a parent array resets the child arrays' counting
                for known in [
                    p for p in last_index if len(p) > len(array_path) and p[: len(array_path)] == array_path
                ]:
                    del last_index[known]
                last_index[array_path] = index
                path.append(index)
            current = tuple(path)
            result.tables.setdefault(current, number)
            continue
        key = _KEY.match(line)
        if key:
            name = key.group(1).strip('"').strip("'")
            result.keys.setdefault((current, name), number)
            value = line[key.end() :]
            open_quote = _opens_multiline(value)
            if open_quote is None:
                depth = max(0, _bracket_balance(value))
    return result


def _opens_multiline(value: str) -> str | None:
    for quote in ('"""', "'''"):
        if value.count(quote) % 2 == 1:
            return quote
    return None


def _bracket_balance(text: str) -> int:
    """Open minus closed brackets and braces outside strings and comments."""
    balance = 0
    quote: str | None = None
    escaped = False
    for char in text:
        if quote:
            if escaped:
                escaped = False
            elif char == "\\" and quote == '"':
                escaped = True
            elif char == quote:
                quote = None
            continue
        if char in "\"'":
            quote = char
        elif char == "#":
            break
        elif char in "[{":
            balance += 1
        elif char in "]}":
            balance -= 1
    return balance
