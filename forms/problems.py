"""`Problem`: one thing wrong in a form or rules file, at FILE:LINE: path, worded by a catalogue key."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from forms.errors import ProblemFound


@dataclass(frozen=True)
class Problem:
    """A problem found in a TOML file: where (file, line, item path) and what (a `forms.problem.*` key and
    its parameters; the UI words it in the user's language)."""

    file: str
    line: int
    path: str
    key: str
    params: Mapping[str, object] = field(default_factory=dict)

    @property
    def location(self) -> str:
        """`FILE:LINE: path` (the line omitted when unknown)."""
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.path}"

    def render(self, translate: Callable[..., str]) -> str:
        """`FILE:LINE: path: what is wrong`, the last part from `translate(key, **params)` (tui.i18n.t)."""
        return f"{self.location}: {translate(self.key, **self.params)}"

    def sort_key(self) -> tuple[str, int, str, str]:
        """Problems sort by file, then line."""
        return (self.file, self.line, self.path, self.key)


def unknown_key(file: str, line: int, path: str, key: str, known: Iterable[str], prefix: str = "") -> Problem:
    """An unknown key, with the closest known key as a suggestion when one is close (a typo), else
    the list of known keys; `prefix` (e.g. "show_if.") is shown before the names, not compared."""
    names = list(known)
    close = difflib.get_close_matches(key, names, n=1, cutoff=0.75)
    if close:
        params: dict[str, object] = {"key": prefix + key, "suggestion": prefix + close[0]}
        return Problem(file, line, path, "forms.problem.unknown_key_typo", params)
    listed = ", ".join(prefix + name for name in names)
    return Problem(file, line, path, "forms.problem.unknown_key", {"key": prefix + key, "known": listed})


def broken_file(key: str, file: str, problems: list[Problem]) -> ProblemFound:
    """The error refusing a file with `problems` (sorted in place, by file then line): it names the first
    problem's line and key and counts them all, so the user knows where to start."""
    problems.sort(key=Problem.sort_key)
    first = problems[0]
    return ProblemFound(key, file=file, line=first.line, count=len(problems), first=first.key)
