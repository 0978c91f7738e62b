"""`WrappedText`: a plain-text widget broken into lines by `tui.linebreak` (dialogs, messages)."""

from __future__ import annotations

from rich.text import Text
from textual.geometry import Size
from textual.visual import VisualType
from textual.widgets import Static

from tui.linebreak import cell_width, fill, wrap


class WrappedText(Static):
    """Shows `text` as plain text (never markup), wrapped by the Chinese line-breaking rules."""

    DEFAULT_CSS = """
    WrappedText {
        height: auto;
    }
    """

    def __init__(self, text: str = "", *, id: str | None = None, classes: str | None = None) -> None:
        self.text = text
        super().__init__(text, id=id, classes=classes, markup=False)

    def update(self, content: VisualType = "", *, layout: bool = True) -> None:
        self.text = str(content)
        super().update(self.text, layout=layout)

    def render(self) -> Text:
        return Text(fill(self.text, self.content_region.width or 80), end="")

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return min(container.width, max((cell_width(line) for line in self.text.split("\n")), default=0))

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(wrap(self.text, width))
