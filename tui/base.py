"""The Textual App base every kaoping app shares: the stylesheet, the language and the context."""

from __future__ import annotations

from pathlib import Path, PurePath
from typing import ClassVar

from textual.app import App

from tui.context import AppContext
from tui.i18n import set_language, t

STYLES = Path(__file__).parent / "styles"


class KaopingApp(App[object]):
    """Base of the home, meeting, self-assessment, review and results apps."""

    CSS_PATH: ClassVar[list[str | PurePath]] = [*sorted(STYLES.glob("*.tcss"))]

    def __init__(self, context: AppContext) -> None:
        set_language(context.lang)
        super().__init__()
        self.context = context
        self.title = t("app.title")
        self.sub_title = t("app.subtitle")
