"""The error every kaoping layer raises: a catalogue key, its parameters and an exit code.

The cores (forms, store, exports) never format user-facing sentences themselves: they raise a
`KaopingError` naming a key of the text catalogue in `tui/i18n`, and the CLI or the app turns it into
one clear sentence in the user's language.
"""

from __future__ import annotations


class KaopingError(Exception):
    """A problem the user can act on; `exit_code` 2 is bad usage or bad input."""

    exit_code = 2

    def __init__(self, key: str, /, **params: object) -> None:
        self.key = key
        self.params = params
        detail = ", ".join(f"{name}={value!r}" for name, value in params.items())
        super().__init__(f"{key}({detail})" if detail else key)


class InputError(KaopingError):
    """Bad usage or bad input (exit 2): a file, an option or a value the user must correct."""

    exit_code = 2


class ProblemFound(KaopingError):
    """A check ran and found a problem (exit 1): a broken form, a tampered store, a conflict."""

    exit_code = 1
