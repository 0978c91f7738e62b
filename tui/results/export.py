"""The export dialog of the results mode (结果与导出): one kind of export into a folder, off the UI thread."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Select, Static

from forms.errors import KaopingError
from tui.i18n import error_text, t
from tui.wrapped import WrappedText

if TYPE_CHECKING:
    from store.api import CampaignStore


def write_export(campaign: CampaignStore, kind: str, folder: Path, lang: str) -> tuple[Path, int]:
    """Write one export of the campaign into `folder` (made when missing): its path and row count."""
    from exports.kinds import export_kind

    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise KaopingError("meeting.export.folder", path=str(folder), detail=error.strerror or "") from None
    path = folder / f"{kind}-{campaign.id}.csv"
    manifest = export_kind(campaign, kind, path, lang=lang, text=t)
    return path, manifest.rows


class ExportDialog(ModalScreen[None]):
    """Pick a kind and a folder; Enter or the button writes it; Esc closes."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "close", t("key.back"))]

    def __init__(self, campaign: CampaignStore, folder: Path, lang: str) -> None:
        super().__init__()
        self.campaign = campaign
        self.folder = folder
        self.lang = lang

    def compose(self) -> ComposeResult:
        from exports.kinds import KINDS

        with Vertical(id="export-dialog"):
            yield Static(t("polish.export.title"), id="export-dialog-title", markup=False)
            yield Select([(t(f"export.kind.{kind}"), kind) for kind in KINDS], value="summary",
                         allow_blank=False, id="export-dialog-kind")  # fmt: skip
            yield Input(str(self.folder), id="export-dialog-folder")
            yield Button(t("meeting.export.write"), id="export-dialog-write", variant="primary")
            yield WrappedText("", id="export-dialog-message")

    def on_mount(self) -> None:
        self.query_one("#export-dialog-kind", Select).focus()

    @on(Button.Pressed, "#export-dialog-write")
    @on(Input.Submitted, "#export-dialog-folder")
    def write(self) -> None:
        kind = str(self.query_one("#export-dialog-kind", Select).value)
        folder = Path(self.query_one("#export-dialog-folder", Input).value.strip()).expanduser()
        self.query_one("#export-dialog-message", WrappedText).update(t("meeting.export.writing"))
        self.run_export(kind, folder)

    @work(thread=True, exclusive=True, group="export", exit_on_error=False)
    def run_export(self, kind: str, folder: Path) -> None:
        try:
            path, rows = write_export(self.campaign, kind, folder, self.lang)
            text = t("meeting.export.done", path=str(path), rows=rows)
        except KaopingError as error:
            text = error_text(error)
        except Exception as error:  # one sentence, never a traceback on the results screen
            text = t("error.unexpected", detail=f"{type(error).__name__}: {error}")
        self.app.call_from_thread(self.query_one("#export-dialog-message", WrappedText).update, text)

    def action_close(self) -> None:
        self.dismiss(None)
