"""`FieldInput`: a compact one-line field that is styled once, when it is mounted."""

from __future__ import annotations

from textual.reactive import reactive
from textual.widgets import Input


class FieldInput(Input):
    """An `Input` born compact (no border), with Textual's validation off.

    Both save a style pass per field on a form's opening (about 20 ms for 10 items): `Input(compact=True)`
    toggles its class after construction, and a class that changes restyles the field even before it is
    mounted; validation on "changed" adds a `-valid` class when the first value arrives, restyling it once
    more. Editors parse and check answers themselves, so validation had nothing to say.
    """

    compact = reactive(True, toggle_class="-textual-compact")
    """Compact from the start: the class is given with the others, so setting it changes nothing."""

    def __init__(
        self,
        value: str = "",
        *,
        placeholder: str = "",
        id: str | None = None,
        classes: str = "",
        disabled: bool = False,
    ) -> None:
        super().__init__(
            value,
            placeholder=placeholder,
            id=id,
            classes=f"{classes} -textual-compact".strip(),
            disabled=disabled,
            compact=True,
            validate_on=(),
        )
