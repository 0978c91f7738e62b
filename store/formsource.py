"""Where the store gets forms and rules from the forms layer: built-in texts to pin, pinned texts to parse."""

from __future__ import annotations

import importlib
from functools import lru_cache
from typing import Any

from forms.errors import InputError
from forms.model import Form
from forms.rules import Rules, default_rules


def _builtin() -> Any:
    return importlib.import_module("forms.builtin")


def builtin_form_ids() -> list[str]:
    """The ids of the forms that ship with kaoping."""
    return sorted(_builtin().builtin_forms())


def builtin_form_text(form_id: str) -> str:
    """The TOML text of a built-in form, to pin into a campaign; InputError for an unknown id."""
    known = builtin_form_ids()
    if form_id not in known:
        raise InputError("store.unknown_form", form=form_id, known=", ".join(known))
    return str(_builtin().builtin_form_text(form_id))


@lru_cache(maxsize=64)
def parse_form(text: str, name: str) -> Form:
    """A pinned form text parsed by the forms loader (cached: pinned texts never change)."""
    from forms.loader import form_from_text

    return form_from_text(text, name)


def default_rules_text() -> str:
    """The text of the default rules file, or "" when the forms layer ships none."""
    builtin = _builtin()
    getter = getattr(builtin, "builtin_rules_text", None)
    return str(getter()) if callable(getter) else ""


@lru_cache(maxsize=16)
def parse_rules(text: str, name: str) -> Rules:
    """Pinned rules text parsed by the forms layer; the documented defaults for an empty text."""
    if not text.strip():
        return default_rules()
    rules_module = importlib.import_module("forms.rules")
    from_text = getattr(rules_module, "rules_from_text", None)
    if not callable(from_text):
        raise InputError("store.rules_unsupported", name=name)
    rules = from_text(text, name)
    assert isinstance(rules, Rules)
    return rules
