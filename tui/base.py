"""The Textual App base every kaoping app shares: the stylesheet, the language and the context."""

from __future__ import annotations

import gc
import sys
from pathlib import Path, PurePath
from typing import Any, ClassVar

from textual.app import App
from textual.notifications import SeverityLevel

from tui.context import AppContext
from tui.i18n import set_language, t
from tui.linebreak import fill

STYLES = Path(__file__).parent / "styles"

GIL_SWITCH_SECONDS = 0.001
"""How long a thread waiting for the interpreter waits before the running one must yield (Python's
default is 0.005). A store worker reads many small files, and after each read it waits for the
interpreter while the screen styles and renders: a 250-unit board took 20 ms of the worker's CPU
and 130-330 ms of wall time at the default, 45-90 ms at this value."""


def toast_width(screen_width: int) -> int:
    """The text width of a Textual toast: 60 cells or half the screen, less its border and padding (and
    one cell more: a 57-cell line was seen re-wrapped by the toast at 120 columns, in a real terminal)."""
    return max(10, min(60, screen_width // 2) - 4)


class KaopingApp(App[object]):
    """Base of the home, meeting, self-assessment, review and results apps."""

    STYLESHEETS: ClassVar[tuple[str, ...]] = ()
    """The area stylesheets (in `tui/styles/`) this app uses besides `base.tcss`; parsing only those keeps
    start-up short (the meeting kiosk does not parse the self-assessment rules)."""

    CSS_PATH: ClassVar[list[str | PurePath]] = [STYLES / "base.tcss"]

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]  # noqa: RUF012 - Textual declares it
    """Screens get `-narrow` or `-wide`: at 120 columns side lists are wide enough for whole names."""

    ENABLE_COMMAND_PALETTE = False
    """Textual's palette speaks English only (Quit, Screenshot, Theme): no `^p palette` in any mode."""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls.CSS_PATH = [STYLES / "base.tcss", *(STYLES / name for name in cls.STYLESHEETS)]

    def __init__(self, context: AppContext) -> None:
        set_language(context.lang)
        sys.setswitchinterval(GIL_SWITCH_SECONDS)
        super().__init__()
        self.context = context
        self.title = t("app.title")
        self.sub_title = t("app.subtitle")

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """A toast whose text is broken into lines by the Chinese rules (Textual would break anywhere);
        always plain text: a toast often carries data (a name, a file), never markup (`markup` is kept
        for Textual's signature and ignored)."""
        message = fill(message, toast_width(self.size.width))
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    def on_ready(self) -> None:
        """The first screen is shown: resume the garbage collector `tui.cli.main` paused for start-up.

        What start-up built lives as long as the app, so it is frozen out of every later collection.
        """
        if not gc.isenabled():
            gc.freeze()
            gc.enable()
