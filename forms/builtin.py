"""The built-in forms (forms/builtin/*.toml): `builtin_forms()`, `builtin_form(id)`, their TOML text."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from importlib import resources

from forms.errors import InputError
from forms.loader import form_from_text
from forms.model import Form

BUILTIN_IDS: tuple[str, ...] = (
    "review_ballot",
    "star_branch",
    "duty_list",
    "supervision_visit",
    "brand_vote",
)
"""The built-in form ids, in the order they are listed to the user."""


def form_order(form_ids: Iterable[str]) -> tuple[str, ...]:
    """`form_ids` in the one order every campaign keeps, however they were chosen (wizard or flags):
    built-in forms in catalogue order, then any others as given; duplicates dropped."""
    unique = list(dict.fromkeys(form_ids))
    rank = {form_id: index for index, form_id in enumerate(BUILTIN_IDS)}
    return tuple(sorted(unique, key=lambda form_id: (rank.get(form_id, len(rank)), unique.index(form_id))))


def _available() -> tuple[str, ...]:
    folder = resources.files("forms") / "builtin"
    return tuple(form_id for form_id in BUILTIN_IDS if (folder / f"{form_id}.toml").is_file())


def builtin_form_text(form_id: str) -> str:
    """The TOML text of a built-in form (the store pins this copy in a campaign); InputError if unknown."""
    if form_id not in _available():
        raise InputError("forms.error.unknown_form", form_id=form_id, known=", ".join(_available()))
    return (resources.files("forms") / "builtin" / f"{form_id}.toml").read_text(encoding="utf-8")


@cache
def builtin_form(form_id: str) -> Form:
    """A built-in form, loaded and checked; InputError if there is no such form."""
    return form_from_text(builtin_form_text(form_id), f"builtin:{form_id}")


def builtin_forms() -> dict[str, Form]:
    """Every built-in form by id, in listing order."""
    return {form_id: builtin_form(form_id) for form_id in _available()}
