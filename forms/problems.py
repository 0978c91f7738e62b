"""`Problem`: one thing wrong in a form or rules file, at FILE:LINE: path, worded by a catalogue key."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field


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
