"""Reopening a closed vote from the admin panel: its own dialog, never a default, with the minutes named."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from tui.i18n import t
from tui.meeting.model import CloseReceipt


@dataclass(frozen=True)
class ReopenRequest:
    """What the admin typed to reopen: the passphrase and the reason (checked by the store)."""

    passphrase: str
    reason: str
    count: int
    digest: str


class ReopenDialog(ModalScreen[ReopenRequest | None]):
    """Names the count and digest already in the minutes, asks the passphrase and a reason; Cancel has
    the focus, so no stray Enter reopens anything."""

    DEFAULT_CSS = """
    ReopenDialog {
        align: center middle;
    }
    ReopenDialog #reopen-box {
        width: 70;
        max-width: 95%;
        height: auto;
        padding: 1 2;
        border: thick $primary;
        background: $surface;
    }
    ReopenDialog #reopen-question {
        margin-bottom: 1;
    }
    ReopenDialog #reopen-buttons {
        height: auto;
        align: center middle;
    }
    ReopenDialog #reopen-buttons Button {
        margin: 0 1;
    }
    """
    """Centred and boxed like the confirm dialog (tui.widgets.ConfirmDialog)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", t("trust.reopen.cancel"))]

    def __init__(self, receipt: CloseReceipt) -> None:
        super().__init__()
        self.receipt = receipt

    def compose(self) -> ComposeResult:
        groups = " ".join(self.receipt.digest[i : i + 8] for i in range(0, len(self.receipt.digest), 8))
        with Vertical(id="reopen-box"):
            yield Static(
                t("trust.reopen.question", count=self.receipt.count, digest=groups),
                id="reopen-question",
                markup=False,
            )
            yield Input(password=True, id="reopen-passphrase", placeholder=t("trust.reopen.passphrase"))
            yield Input(id="reopen-reason", placeholder=t("trust.reopen.reason"), max_length=200)
            yield Static("", id="reopen-problem", classes="-error", markup=False)
            with Horizontal(id="reopen-buttons"):
                yield Button(t("trust.reopen.yes"), id="reopen-yes", variant="warning")
                yield Button(t("trust.reopen.cancel"), id="reopen-no")

    def on_mount(self) -> None:
        self.query_one("#reopen-no", Button).focus()

    @on(Button.Pressed, "#reopen-no")
    def _cancel(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None)

    @on(Button.Pressed, "#reopen-yes")
    def _reopen(self, event: Button.Pressed) -> None:
        event.stop()
        passphrase = self.query_one("#reopen-passphrase", Input).value
        reason = self.query_one("#reopen-reason", Input).value.strip()
        if not passphrase or not reason:
            self.query_one("#reopen-problem", Static).update(t("trust.reopen.both_needed"))
            return
        self.dismiss(ReopenRequest(passphrase, reason, self.receipt.count, self.receipt.digest))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()  # Enter in a field moves on; only the button reopens
        self.focus_next()

    def action_cancel(self) -> None:
        self.dismiss(None)
