"""`RosterProblem`: one thing wrong in an imported table (roster, brands, visits), by line and column."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class RosterProblem:
    """One thing wrong in the file: its line, the column header as written, a catalogue key with params."""

    line: int
    column: str
    key: str
    params: Mapping[str, object] = field(default_factory=dict)
