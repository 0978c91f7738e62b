"""Click's own texts (help headings, usage errors) in the interface language, from the catalogue."""

from __future__ import annotations

import importlib
from typing import Any

import click

from tui.i18n import CATALOG, language

CLICK_MODULES = ("core", "decorators", "exceptions", "formatting", "parser", "types", "termui")
"""The click modules that bound `gettext` as `_` (and `ngettext`) at import: their texts go through us."""

PREFIX = "polish.click."

WORDS = ("argument", "option", "parameter", "integer", "float", "file", "directory", "path")
"""Words click passes as values into its own templates ("Missing {param_type}"): translated too."""


class _Template(str):
    """A translated click template whose `format` also translates the words click fills in."""

    __slots__ = ()

    def format(self, *args: Any, **kwargs: Any) -> str:
        if language() == "zh":
            kwargs = {key: _word(value) for key, value in kwargs.items()}
        return super().format(*args, **kwargs)


def _word(value: object) -> object:
    if isinstance(value, str) and value in WORDS:
        return CATALOG[PREFIX + value][0]
    return value


def gettext(message: str) -> str:
    """Click's English `message` in the current language (unchanged when the catalogue lacks it)."""
    pair = CATALOG.get(PREFIX + message)
    if pair is None:
        return message
    return _Template(pair[0] if language() == "zh" else pair[1])


def ngettext(singular: str, plural: str, count: int) -> str:
    return gettext(singular if count == 1 else plural)


class KaopingFormatter(click.HelpFormatter):
    """Click's help layout with the headings' colon and spacing of the interface language."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        if prefix is None:
            prefix = gettext("Usage:") + ("" if language() == "zh" else " ")
        super().write_usage(prog, args, prefix)

    def write_heading(self, heading: str) -> None:
        if language() != "zh":
            super().write_heading(heading)
            return
        self.write(f"{'':>{self.current_indent}}{heading}：\n")


def install() -> None:
    """Route click's texts through the catalogue; idempotent, and must run before any decorator fills
    in a text (the version option's message is taken when `tui.cli` is imported)."""
    for name in CLICK_MODULES:
        module = importlib.import_module(f"click.{name}")
        if hasattr(module, "_"):
            module._ = gettext  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = ngettext  # type: ignore[attr-defined]
    click.Context.formatter_class = KaopingFormatter
