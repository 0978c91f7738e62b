"""The admin door (F12 + passphrase) and the admin panel: participation, open/close voting, results, quit."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, cast

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import (
    Button,
    DataTable,
    Digits,
    Footer,
    Input,
    Select,
    Static,
    TabbedContent,
    TabPane,
)

from forms.errors import KaopingError
from tui.i18n import t
from tui.meeting.messages import VotingClosed
from tui.meeting.model import CloseReceipt, GroupParticipation
from tui.meeting.screen import MeetingModal, MeetingScreen
from tui.plain import cells
from tui.widgets import ConfirmDialog

if TYPE_CHECKING:
    from tui.meeting.reopen import ReopenRequest


EXPORT_KINDS = ("ballots", "summary", "brands")
"""What the meeting's staff take away on a USB stick after the meeting (exports.kinds)."""


def digest_lines(digest: str, per_line: int = 4) -> str:
    """The digest in groups of 8 characters, `per_line` groups a line: easy to read out and copy."""
    groups = [digest[i : i + 8] for i in range(0, len(digest), 8)]
    return "\n".join(" ".join(groups[i : i + per_line]) for i in range(0, len(groups), per_line))


class PassphraseScreen(MeetingModal[bool]):
    """Asks for the admin passphrase; returns True only when it is right."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", t("key.back"))]

    def compose(self) -> ComposeResult:
        with Vertical(id="passphrase-box"):
            yield Static(t("meeting.admin.passphrase_title"), id="passphrase-title", markup=False)
            field = Input(password=True, id="passphrase", placeholder=t("meeting.admin.passphrase_hint"))
            field.cursor_blink = False
            yield field
            yield Static("", id="passphrase-message", classes="-error", markup=False)
        yield Footer()

    @on(Input.Submitted, "#passphrase")
    def submitted(self, event: Input.Submitted) -> None:
        event.stop()
        event.input.disabled = True
        self.check(event.value)

    @work(thread=True, exclusive=True, group="store", exit_on_error=False)
    def check(self, passphrase: str) -> None:
        backend = self.backend
        try:
            ok = backend.check_passphrase(passphrase)
        except Exception as error:  # the store failed: not a wrong passphrase
            self.app.call_from_thread(self._failed, backend.describe(error))
            return
        self.app.call_from_thread(self._checked, ok)

    def _failed(self, text: str) -> None:
        field = self.query_one("#passphrase", Input)
        field.disabled = False
        field.focus()
        self.query_one("#passphrase-message", Static).update(text)

    def on_mount(self) -> None:
        if self.kiosk.wait_left() > 0:
            self._wait()

    def _checked(self, ok: bool) -> None:
        kiosk = self.kiosk
        if ok:
            kiosk.wrong_tries = 0
            self.dismiss(True)
            return
        field = self.query_one("#passphrase", Input)
        field.value = ""
        if kiosk.record_wrong_code(
            "passphrase"
        ):  # wrong passphrases count like wrong codes: guessing gets slow
            self._wait()
            return
        field.disabled = False
        field.focus()
        self.query_one("#passphrase-message", Static).update(t("meeting.admin.passphrase_wrong"))

    def _wait(self) -> None:
        kiosk = self.kiosk
        self.query_one("#passphrase", Input).disabled = True
        seconds = max(1, round(kiosk.wait_left()))
        # say why: wrong passphrases here, or wrong ballot codes at the welcome screen
        key = (
            "meeting.admin.passphrase_wait"
            if kiosk.lock_reason == "passphrase"
            else "polish.admin.locked_by_codes"
        )
        self.query_one("#passphrase-message", Static).update(t(key, seconds=seconds))
        self.set_timer(kiosk.wait_left() + 0.05, self._end_wait)

    def _end_wait(self) -> None:
        field = self.query_one("#passphrase", Input)
        field.disabled = False
        field.focus()
        self.query_one("#passphrase-message", Static).update("")

    def action_cancel(self) -> None:
        self.dismiss(False)


class ConfirmClose(ConfirmDialog):
    """Closing voting is final for this session: ask once more, saying how many ballots are half-filled."""

    def __init__(self, open_ballots: int = 0) -> None:
        warning = t("polish.admin.close_open_ballots", count=open_ballots) if open_ballots else None
        super().__init__(
            t("meeting.admin.close_question"),
            t("meeting.admin.close"),
            "error",
            no_label=t("meeting.seal.no"),
            warning=warning,
        )
        self.open_ballots = open_ballots


class AdminScreen(MeetingScreen):
    """What the meeting's staff need: who voted (by group only), voting on and off, the minutes, results."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "leave", t("meeting.admin.leave")),
        Binding("f5", "refresh", t("meeting.admin.refresh")),
    ]

    def compose(self) -> ComposeResult:
        yield Static(
            t("meeting.admin.title", campaign=self.backend.campaign_name),
            id="admin-title",
            markup=False,
        )
        with TabbedContent(id="admin-tabs"):
            with TabPane(t("meeting.admin.tab_voting"), id="tab-voting"), VerticalScroll():
                yield Static("", id="admin-state", markup=False)
                # The closing receipt comes first: it is what the minutes need, whole on an 80x24 screen.
                yield Static("", id="admin-receipt-title", markup=False)
                yield Digits("", id="admin-count")
                yield Static("", id="admin-digest", markup=False)
                table: DataTable[str] = DataTable(id="admin-participation", cursor_type="none")
                yield table
                with Horizontal(id="admin-actions"):
                    yield Button(t("meeting.admin.open"), id="open-voting", variant="success")
                    yield Button(t("trust.reopen.button"), id="reopen-voting")
                    yield Button(t("meeting.admin.close"), id="close-voting", variant="error")
                    yield Button(t("meeting.admin.quit"), id="quit-app")
            with TabPane(t("meeting.admin.tab_results"), id="tab-results"):
                from tui.meeting.results import ResultsView

                yield ResultsView(id="admin-results")
            with TabPane(t("meeting.admin.tab_export"), id="tab-export"), Vertical(id="export-box"):
                yield Static(t("meeting.export.intro"), id="export-intro", markup=False)
                yield Select(
                    [(t(f"export.kind.{kind}"), kind) for kind in EXPORT_KINDS],
                    value=EXPORT_KINDS[0],
                    allow_blank=False,
                    id="export-kind",
                )
                # Never inside the data directory (store.outputs): home, or the USB stick typed here.
                yield Input(str(Path.home() / "kaoping-exports"), id="export-folder")
                yield Button(t("meeting.export.write"), id="export-write", variant="primary")
                yield Static("", id="export-message", markup=False)
        yield Footer()

    _focused_action = False
    receipt: CloseReceipt | None = None

    def on_mount(self) -> None:
        table = cast("DataTable[str]", self.query_one("#admin-participation", DataTable))
        table.add_columns(
            t("meeting.admin.group"),
            t("meeting.admin.issued"),
            t("meeting.admin.used"),
            t("meeting.admin.left"),
        )
        self.action_refresh()

    def action_refresh(self) -> None:
        self.load()

    @work(thread=True, exclusive=True, group="store", exit_on_error=False)
    def load(self) -> None:
        backend = self.backend
        try:
            state = backend.voting_state()
            groups = backend.participation()
            receipt = backend.last_closing() if state == "closed" else None
        except Exception as error:  # shown to the admin; F5 tries again
            self.app.call_from_thread(
                self.notify, backend.describe(error), severity="error", timeout=10, markup=False
            )
            return
        self.app.call_from_thread(self._show, state, groups, receipt)

    def _show(self, state: str, groups: list[GroupParticipation], receipt: CloseReceipt | None) -> None:
        self.query_one("#admin-state", Static).update(t(f"meeting.admin.state_{state}"))
        self.query_one("#open-voting", Button).display = state == "not_open"
        self.query_one("#close-voting", Button).display = state == "open"
        # After a close, reopening is its own deliberate act: shown, never focused, never one Enter away.
        self.query_one("#reopen-voting", Button).display = state == "closed"
        self.receipt = receipt
        if not self._focused_action:
            # The admin came for the voting action: put it under Enter, not three Tabs away.
            self._focused_action = True
            if state == "closed":
                # After a close nothing reopens by Enter: the focus goes to the tabs (reopen is its own act).
                self.query_one("#admin-tabs Tabs").focus(scroll_visible=False)
            else:
                button = self.query_one("#close-voting" if state == "open" else "#open-voting", Button)
                button.focus(scroll_visible=False)  # the panel opens at its top, the state and receipt first
        table = cast("DataTable[str]", self.query_one("#admin-participation", DataTable))
        table.clear()
        for group in groups:
            table.add_row(
                *cells(
                    self.backend.group_label(group.group),
                    str(group.issued),
                    str(group.used),
                    str(group.issued - group.used),
                )
            )
        table.add_row(
            *cells(
                t("meeting.admin.total"),
                str(sum(g.issued for g in groups)),
                str(sum(g.used for g in groups)),
                str(sum(g.issued - g.used for g in groups)),
            )
        )
        self._show_receipt(receipt)
        from tui.meeting.results import ResultsView

        self.query_one("#admin-results", ResultsView).refresh_results()

    def _show_receipt(self, receipt: CloseReceipt | None) -> None:
        title = self.query_one("#admin-receipt-title", Static)
        count = self.query_one("#admin-count", Digits)
        digest = self.query_one("#admin-digest", Static)
        visible = receipt is not None
        for widget in (title, count, digest):
            widget.display = visible
        if receipt is None:
            return
        title.update(t("meeting.admin.receipt_title"))
        count.update(str(receipt.count))
        groups = digest_lines(receipt.digest)
        shown = t("meeting.admin.receipt", count=receipt.count, digest=groups)
        digest.update("\n".join([*receipt.lines, shown]) if receipt.lines else shown)

    @on(Button.Pressed, "#open-voting")
    def _open_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.open_voting()

    @on(Button.Pressed, "#reopen-voting")
    def _reopen_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if self.receipt is None:
            return
        from tui.meeting.reopen import ReopenDialog

        def reopen(request: ReopenRequest | None) -> None:
            if request is not None:
                self.reopen_voting(request)

        self.app.push_screen(ReopenDialog(self.receipt), reopen)

    @on(Button.Pressed, "#close-voting")
    def _close_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.ask_close()

    @on(Button.Pressed, "#quit-app")
    def _quit_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.app.exit()

    @on(Button.Pressed, "#export-write")
    def _export_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        kind = str(self.query_one("#export-kind", Select).value)
        folder = self.query_one("#export-folder", Input).value.strip()
        self.query_one("#export-message", Static).update(t("meeting.export.writing"))
        self.export(kind, Path(folder).expanduser())

    @work(thread=True, exclusive=True, group="export", exit_on_error=False)
    def export(self, kind: str, folder: Path) -> None:
        backend = self.backend
        try:
            if not backend.results_visible():
                text = t("meeting.export.not_closed")
            else:
                path, rows = backend.export(kind, folder)
                text = t("meeting.export.done", path=str(path), rows=rows)
        except Exception as error:  # one sentence for the admin, never a traceback
            text = backend.describe(error)
        self.app.call_from_thread(self.query_one("#export-message", Static).update, text)

    @work(thread=True, exclusive=True, group="store", exit_on_error=False)
    def open_voting(self) -> None:
        try:
            self.backend.open_voting()
        except Exception as error:  # shown to the admin
            self.app.call_from_thread(
                self.notify, self.backend.describe(error), severity="error", markup=False
            )
        self.app.call_from_thread(self.load)

    @work(thread=True, exclusive=True, group="reopen", exit_on_error=False)
    def reopen_voting(self, request: ReopenRequest) -> None:
        try:
            self.backend.reopen_voting(request.passphrase, request.reason, request.count, request.digest)
            self.app.call_from_thread(self.notify, t("trust.reopen.done"), markup=False)
        except Exception as error:  # wrong passphrase, mismatch: one sentence for the admin
            text = self.backend.describe(error)
            self.app.call_from_thread(self.notify, text, severity="error", markup=False)
        self.app.call_from_thread(self.load)

    @work(thread=True, exclusive=True, group="store", exit_on_error=False)
    def ask_close(self) -> None:
        """Count the ballots begun and not sealed (on any seat), then ask before closing."""
        try:
            open_ballots = self.backend.open_ballots()
        except Exception as error:  # shown to the admin; closing is not offered blind
            self.app.call_from_thread(
                self.notify, self.backend.describe(error), severity="error", markup=False
            )
            return
        self.app.call_from_thread(self._confirm_close, open_ballots)

    def _confirm_close(self, open_ballots: int) -> None:
        def confirmed(yes: bool | None) -> None:
            if yes:
                self.close_voting()

        self.app.push_screen(ConfirmClose(open_ballots), confirmed)

    @work(thread=True, exclusive=True, group="store", exit_on_error=False)
    def close_voting(self) -> None:
        try:
            receipt = self.backend.close_voting()
        except Exception as error:  # shown to the admin
            self.app.call_from_thread(
                self.notify, self.backend.describe(error), severity="error", markup=False
            )
            return
        self.post_message(VotingClosed(receipt))
        self.prepare_results()

    @work(thread=True, group="results", exit_on_error=False)
    def prepare_results(self) -> None:
        """The closed vote counted once in the background, so the results open at once later; a failure
        here is only a slower first opening (the results screen counts and says what is wrong)."""
        # A failure costs only a slower first opening: the results screen counts again and says why.
        with contextlib.suppress(KaopingError, OSError):
            self.backend.prepare_results()

    def on_voting_closed(self, message: VotingClosed) -> None:
        self._show_receipt(message.receipt)
        self.load()

    def action_leave(self) -> None:
        self.dismiss(None)
