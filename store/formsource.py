"""Where the store gets forms and rules from the forms layer: built-in texts to pin, pinned texts to parse."""

from __future__ import annotations

from functools import lru_cache

from forms.builtin import builtin_form_text as _builtin_text
from forms.builtin import builtin_forms
from forms.errors import InputError
from forms.loader import form_from_text
from forms.model import Form
from forms.rules import Rules, builtin_rules_text, default_rules, rules_from_text


def builtin_form_ids() -> list[str]:
    """The ids of the forms that ship with kaoping."""
    return sorted(builtin_forms())


def builtin_form_text(form_id: str) -> str:
    """The TOML text of a built-in form, to pin into a campaign; InputError for an unknown id."""
    known = builtin_form_ids()
    if form_id not in known:
        raise InputError("store.unknown_form", form=form_id, known=", ".join(known))
    return _builtin_text(form_id)


@lru_cache(maxsize=64)
def parse_form(text: str, name: str) -> Form:
    """A pinned form text parsed by the forms loader (cached: pinned texts never change)."""
    return form_from_text(text, name)


def default_rules_text() -> str:
    """The text of the built-in rules file, pinned into a campaign created without its own."""
    return builtin_rules_text()


@lru_cache(maxsize=16)
def parse_rules(text: str, name: str) -> Rules:
    """Pinned rules text parsed by the forms layer; the documented defaults for an empty text."""
    if not text.strip():
        return default_rules()
    return rules_from_text(text, name)
