"""A form or rules file's text (UTF-8, BOM tolerated) and the problem a TOML syntax error makes."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from forms.errors import InputError
from forms.problems import Problem

_AT_LINE = re.compile(r"\s*\(at line (\d+), column \d+\)\s*$")


def syntax_error_location(error: tomllib.TOMLDecodeError) -> tuple[int, str]:
    """(line, message without the position) of a TOML syntax error; Python 3.11 only puts the line in
    the message text ("... (at line 15, column 25)")."""
    text = str(error)
    match = _AT_LINE.search(text)
    if match is None:
        return 0, text
    return int(match.group(1)), text[: match.start()].rstrip()


_UNQUOTED_TEXT = re.compile(r"^\s*[A-Za-z0-9_\-\.\"']+\s*=\s*[^\x00-\x7f]")


def syntax_problem(error: tomllib.TOMLDecodeError, text: str, file: str, path: str) -> Problem:
    """The problem for a TOML syntax error, with a hint for the slips a text editor makes easy:
    Chinese (full-width) quotes or equals sign, and Chinese text without quotes."""
    line, message = syntax_error_location(error)
    lines = text.splitlines()
    source = lines[line - 1] if 0 < line <= len(lines) else ""
    key = "forms.problem.syntax"
    if any(mark in source for mark in "“”‘’"):
        key = "forms.problem.syntax_fullwidth_quotes"
    elif "＝" in source:
        key = "forms.problem.syntax_fullwidth_equals"
    elif _UNQUOTED_TEXT.match(source):
        key = "forms.problem.syntax_unquoted"
    return Problem(file, line, path, key, {"error": message})


def read_text(path: Path) -> str:
    """A form or rules file's text (UTF-8, BOM tolerated); a missing or unreadable file is an InputError."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError("forms.error.no_file", path=str(path)) from None
    except IsADirectoryError:
        raise InputError("forms.error.is_directory", path=str(path)) from None
    except OSError as error:
        raise InputError(
            "forms.error.unreadable", path=str(path), reason=error.strerror or str(error)
        ) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError("forms.error.not_utf8", path=str(path), offset=error.start) from None


def too_deep_problem(file: str, path: str) -> Problem:
    """The problem for a TOML text nested too deeply for the parser (arrays or tables inside each other)."""
    return Problem(file, 0, path, "trust.toml_too_deep", {})
