"""The welcome screen: the campaign, the meeting, 已投/应投, and the box for the ballot code."""

from __future__ import annotations

from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Center, Vertical
from textual.timer import Timer
from textual.widgets import Footer, Input, Static

from tui.i18n import t
from tui.meeting.messages import CodeChecked, InfoLoaded
from tui.meeting.model import CodeState
from tui.meeting.screen import MeetingScreen


class WelcomeScreen(MeetingScreen):
    """Asks the next evaluator for the code on their slip."""

    BINDINGS: ClassVar[list[BindingType]] = []
    AUTO_FOCUS = "#code"

    def __init__(self, notice: str = "") -> None:
        super().__init__()
        self.notice = notice

    def compose(self) -> ComposeResult:
        with Center(), Vertical(id="welcome-card"):
            yield Static(self.backend.campaign_name, id="welcome-campaign", markup=False)
            yield Static(self.backend.meeting_name, id="welcome-meeting", markup=False)
            yield Static("", id="welcome-count", markup=False)
            yield Static(t("meeting.welcome.prompt"), id="welcome-prompt", markup=False)
            yield Input(
                placeholder=t("meeting.welcome.placeholder"),
                id="code",
                max_length=40,
                select_on_focus=False,
            )
            yield Static(self.notice, id="welcome-message", markup=False)
            yield Static(t("meeting.welcome.privacy"), id="welcome-privacy", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        code_input = self.query_one("#code", Input)
        code_input.cursor_blink = False
        if self.kiosk.exit_when_ready:
            self.call_after_refresh(self.kiosk.report_ready)
        self.load_info()
        # The voting state shown is the store's now: re-read while this screen waits for a code.
        self.set_interval(self.kiosk.state_poll_seconds, self.poll_info)
        if self.kiosk.wait_left() > 0:
            self._start_wait()
        else:
            self._take_type_ahead(code_input)

    def _take_type_ahead(self, code_input: Input) -> None:
        """Keys the next evaluator typed while the thank-you screen showed land in the code field."""
        typed, enter = self.kiosk.type_ahead, self.kiosk.type_ahead_enter
        self.kiosk.type_ahead, self.kiosk.type_ahead_enter = "", False
        if typed:
            code_input.value = typed
            code_input.cursor_position = len(typed)
            if enter:
                self.call_after_refresh(code_input.action_submit)

    def on_screen_resume(self) -> None:
        """Back from the admin panel: the state may have changed, and a lock may have begun there."""
        self.poll_info()
        if self.kiosk.wait_left() > 0:
            self._start_wait()

    @work(thread=True, exclusive=True, group="poll", exit_on_error=False)
    def poll_info(self) -> None:
        """The periodic re-read: its own group, so it never cancels a code being checked."""
        self._read_info()

    @work(thread=True, exclusive=True, group="store", exit_on_error=False)
    def load_info(self) -> None:
        self._read_info()

    def _read_info(self) -> None:
        try:
            self.post_message(InfoLoaded(self.backend.info()))
        except Exception as error:  # a locked or damaged store: say so, keep the kiosk up
            self.app.call_from_thread(self.store_failed, self.backend.describe(error))

    def on_info_loaded(self, message: InfoLoaded) -> None:
        info = message.info
        text = t("meeting.welcome.count", voted=info.voted, expected=info.expected)
        if info.voting_state == "closed":
            text += "  " + t("polish.welcome.closed")
        elif not info.voting_open:
            text += "  " + t("meeting.welcome.not_open")
        self.query_one("#welcome-count", Static).update(text)

    def _say(self, text: str, error: bool = True) -> None:
        message = self.query_one("#welcome-message", Static)
        message.update(text)
        message.set_class(error, "-error")

    @on(Input.Submitted, "#code")
    def code_typed(self, event: Input.Submitted) -> None:
        code = event.value.strip()
        if self.kiosk.wait_left() > 0:
            self._start_wait()  # say why nothing happens, and for how long
            return
        if not code:
            self._say(t("meeting.welcome.empty"))
            return
        event.input.disabled = True
        self._say(t("meeting.welcome.checking"), error=False)
        self.check_code(code)

    @work(thread=True, exclusive=True, group="store", exit_on_error=False)
    def check_code(self, code: str) -> None:
        try:
            state, draft = self.backend.check_code(code)
        except Exception as error:  # the code is not counted as wrong: the store failed
            self.app.call_from_thread(self.store_failed, self.backend.describe(error))
            return
        self.post_message(CodeChecked(code, state, draft))

    def store_failed(self, text: str) -> None:
        """The store could not answer: the sentence, and the code box ready for another try."""
        code_input = self.query_one("#code", Input)
        code_input.disabled = self.kiosk.wait_left() > 0
        code_input.focus()
        self._say(text)

    def on_code_checked(self, message: CodeChecked) -> None:
        code_input = self.query_one("#code", Input)
        code_input.disabled = False
        if message.state in (CodeState.FRESH, CodeState.DRAFT) and message.draft is not None:
            code_input.value = ""
            self.kiosk.begin_ballot(message.draft)
            return
        code_input.value = ""
        code_input.focus()
        if message.state is CodeState.USED:
            self._say(t("meeting.welcome.used"))
        elif message.state is CodeState.CLOSED:
            self._say(t("meeting.welcome.closed"))
        elif self.kiosk.record_wrong_code():
            self._start_wait()
        else:
            self._say(t("meeting.welcome.unknown"))

    _countdown: Timer | None = None

    def _start_wait(self) -> None:
        code_input = self.query_one("#code", Input)
        code_input.disabled = True
        self._show_wait()
        if self._countdown is None:
            self._countdown = self.set_interval(1.0, self._show_wait)
            self.set_timer(self.kiosk.wait_left() + 0.05, self._show_wait)

    def _show_wait(self) -> None:
        """Why the code box is locked and how many seconds are left, counted down."""
        left = self.kiosk.wait_left()
        if left <= 0:
            self._end_wait()
            return
        seconds = max(1, round(left))
        key = (
            "polish.welcome.locked_admin"
            if self.kiosk.lock_reason == "passphrase"
            else "meeting.welcome.wait"
        )
        self._say(t(key, seconds=seconds))

    def _end_wait(self) -> None:
        if self._countdown is not None:
            self._countdown.stop()
            self._countdown = None
        if self.query_one("#code", Input).disabled is False:
            return
        code_input = self.query_one("#code", Input)
        code_input.disabled = False
        code_input.focus()
        self._say(t("meeting.welcome.try_again"), error=False)
