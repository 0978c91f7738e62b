"""The zh/en text catalogue: `t(key, **params)` gives a user-visible string in the current language.

Entries live in the area modules beside this file (common, forms, store, meeting, selfassess, exports),
each a dict `TEXTS = {key: (chinese, english)}`; they are merged into one catalogue here, and a test
checks that keys are unique and both languages take the same placeholders.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping

from forms.errors import KaopingError

from . import (
    common,
    exports,
    forms,
    grid,
    meeting,
    polish,
    results,
    selfassess,
    selfyear,
    serve,
    split,
    store,
    store_trust,
    trust,
)

LANGUAGES = ("zh", "en")
AREAS = (
    common,
    forms,
    store,
    meeting,
    selfassess,
    exports,
    grid,
    serve,
    trust,
    results,
    split,
    store_trust,
    selfyear,
    polish,
)


def _merge() -> dict[str, tuple[str, str]]:
    merged: dict[str, tuple[str, str]] = {}
    for area in AREAS:
        texts: Mapping[str, tuple[str, str]] = area.TEXTS
        for key, pair in texts.items():
            if key in merged:
                raise RuntimeError(f"text key {key!r} defined twice (again in {area.__name__})")
            merged[key] = pair
    return merged


CATALOG: dict[str, tuple[str, str]] = _merge()


def _initial_language() -> str:
    """The language asked for before click parses options, so help texts come out right too."""
    argv = sys.argv[1:]
    for index, arg in enumerate(argv):
        value = argv[index + 1] if arg == "--lang" and index + 1 < len(argv) else None
        if arg.startswith("--lang="):
            value = arg.split("=", 1)[1]
        if value in LANGUAGES:
            return value
        # an unknown --lang is refused by click, in the language of the environment
    env = os.environ.get("KAOPING_LANG", "zh")
    return env if env in LANGUAGES else "zh"


_language = _initial_language()


def set_language(lang: str) -> None:
    """Switch every later `t()` to `lang` ("zh" or "en")."""
    global _language
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}")
    _language = lang


def language() -> str:
    """The current language code."""
    return _language


def t(key: str, /, **params: object) -> str:
    """The text for `key` in the current language, with `params` filled in.

    An unknown key gives the key itself (and the params), so a missing entry never crashes a screen;
    tests/tui/test_i18n.py makes sure every key the code uses is in the catalogue.
    """
    pair = CATALOG.get(key)
    if pair is None:
        return key + (" " + repr(params) if params else "")
    template = pair[0] if _language == "zh" else pair[1]
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template


def error_text(error: KaopingError) -> str:
    """One clear sentence for a `KaopingError` raised anywhere below the UI."""
    params = {name: _render(value) for name, value in error.params.items()}
    code = getattr(error, "errno", None)
    if "reason" in params and isinstance(code, int) and f"polish.errno.{code}" in CATALOG:
        params["reason"] = t(f"polish.errno.{code}")  # the OS's English reason, in our words
    return t(error.key, **params)


def nested_text(value: object) -> str:
    """A catalogue key, a (key, params) pair or a list of pairs (what the cores report) in words."""
    return str(_render(value))


def _render(value: object) -> object:
    """Nested catalogue keys (e.g. a reason) are translated; a (key, params) pair with its parameters, and
    a list of such pairs joined by "；" (e.g. everything still missing); other values pass through."""
    if isinstance(value, str) and value in CATALOG:
        return t(value)
    if isinstance(value, tuple) and len(value) == 2 and isinstance(value[1], dict):
        key, params = value
        if isinstance(key, str) and key in CATALOG:
            return t(key, **params)
    if isinstance(value, list) and value and all(isinstance(v, tuple) for v in value):
        return ("；" if _language == "zh" else "; ").join(str(_render(v)) for v in value)
    return value
