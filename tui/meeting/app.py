"""`MeetingApp`: the kiosk that walks evaluators through their ballots in turn, and its admin door."""

from __future__ import annotations

import queue
import sys
import time
from typing import Any, ClassVar

from textual import events, work
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.worker import Worker, WorkerState, get_current_worker

from tui.base import KaopingApp
from tui.context import AppContext
from tui.i18n import t
from tui.meeting.backend import MeetingBackend
from tui.meeting.messages import SaveFailed
from tui.meeting.model import AnswerValue, BallotDraft

KIOSK_KEYS = ("ctrl+q", "ctrl+c", "ctrl+z", "ctrl+x", "ctrl+v", "ctrl+s", "ctrl+p", "ctrl+backslash")
"""Keys that could quit, suspend, screenshot, open the palette or touch the clipboard: all swallowed."""

PRIORITY_KEYS = frozenset((*KIOSK_KEYS, "f12"))
"""Keys the app's own priority bindings handle before any screen sees them."""

WRONG_TRIES_BEFORE_WAIT = 5
READY_MARKER = "KAOPING-MEETING-READY"
"""Printed when the welcome screen is ready, if the app was asked to exit then (bench/bench_meeting.py)."""


def _thanks_screen() -> type[Screen[Any]]:
    from tui.meeting.thanks import ThanksScreen

    return ThanksScreen


class MeetingApp(KaopingApp, inherit_bindings=False):
    """The meeting terminal: evaluator screens in turn, F12 + passphrase for the admin panel.

    `mode` is "ballot" (the review ballot), "brands" (the service-brand vote) or "paper" (an operator
    types paper ballots). Every evaluator gets freshly built screens; nothing of the last one survives.
    """

    STYLESHEETS = ("meeting.tcss",)

    ENABLE_COMMAND_PALETTE = False
    ESCAPE_TO_MINIMIZE = False
    BINDINGS: ClassVar[list[BindingType]] = [
        *(Binding(key, "kiosk_ignore", show=False, priority=True) for key in KIOSK_KEYS),
        Binding("f12", "admin", t("meeting.key.admin"), show=False, priority=True),
    ]

    def __init__(
        self,
        context: AppContext,
        backend: MeetingBackend,
        *,
        mode: str = "ballot",
        double_entry: bool = False,
        idle_timeout: float = 180.0,
        thanks_seconds: float = 8.0,
        wait_seconds: float = 30.0,
        exit_when_ready: bool = False,
    ) -> None:
        super().__init__(context)
        self.backend = backend
        self.mode = mode
        self.double_entry = double_entry
        self.idle_timeout = idle_timeout
        self.thanks_seconds = thanks_seconds
        self.wait_seconds = wait_seconds
        self.exit_when_ready = exit_when_ready
        self.ballot: BallotDraft | None = None
        self.high_contrast = False
        """The evaluator's high-contrast choice: kept across their screens, dropped when the ballot ends."""
        self.wrong_tries = 0
        self.locked_until = 0.0
        self.lock_reason = "code"
        """What locked the terminal: "code" (wrong ballot codes) or "passphrase" (wrong admin passphrases)."""
        self.state_poll_seconds = 2.0
        """How often the welcome screen and an open ballot re-read the voting state (opened, closed)."""
        self.type_ahead = ""
        """Keys typed on the thank-you screen, for the next welcome's code field."""
        self.type_ahead_enter = False
        self.last_activity = time.monotonic()
        self._closing = False
        self._saves: queue.Queue[tuple[str, str, str, AnswerValue] | tuple[str, int] | None] = queue.Queue()
        self.title = t("meeting.title")
        self.sub_title = backend.campaign_name

    # -- start-up and the evaluator's way through -------------------------------------------------------

    def on_mount(self) -> None:
        self._save_loop()
        self.set_interval(max(0.05, min(1.0, self.idle_timeout / 4)), self._check_idle)
        self.set_interval(self.state_poll_seconds, self._check_voting)
        self.push_screen(self._first_screen())

    def _first_screen(self) -> Screen[Any]:
        if self.mode == "paper":
            from tui.meeting.paper import PaperScreen

            return PaperScreen(double_entry=self.double_entry)
        from tui.meeting.welcome import WelcomeScreen

        return WelcomeScreen()

    async def _replace(self, screen: Screen[Any]) -> None:
        """Show `screen` as the only screen above the default one (modals and all else dropped)."""
        while len(self.screen_stack) > 2:
            await self.pop_screen()
        await self.switch_screen(screen)

    def go(self, screen: Screen[Any]) -> None:
        """Move to `screen` once the current handler has finished."""
        self.call_later(self._replace, screen)

    def show_welcome(self, notice: str = "") -> None:
        """Forget the current ballot and show a brand-new welcome screen."""
        self.ballot = None
        self.high_contrast = False
        if not isinstance(self.screen, _thanks_screen()):
            self.type_ahead, self.type_ahead_enter = "", False  # only the thank-you screen types ahead
        self.clear_notifications()
        self._clipboard = ""
        if self.mode == "paper":
            self.go(self._first_screen())
            return
        from tui.meeting.welcome import WelcomeScreen

        self.go(WelcomeScreen(notice=notice))

    def begin_ballot(self, draft: BallotDraft) -> None:
        """A valid code was typed: show the instructions, then the units (or the brand list)."""
        from tui.meeting.instructions import InstructionScreen

        self.ballot = draft
        self.wrong_tries = 0
        self.go(InstructionScreen(draft))

    def open_unit(self, index: int) -> None:
        """Show the unit at `index` (report order) of the current ballot."""
        if self.ballot is None:
            return
        if self.mode == "brands":
            from tui.meeting.brands import BrandScreen

            self.go(BrandScreen(self.ballot))
            return
        spec = self.backend.ballot_spec
        index = max(0, min(index, len(spec.units) - 1))
        self.ballot.position = index
        self.queue_position(self.ballot.code, index)
        if spec.is_grid:
            from tui.meeting.grid import GridScreen

            self.go(GridScreen(self.ballot, index))
            return
        from tui.meeting.unit import UnitScreen  # a form that is not a rating grid: one page per unit

        self.go(UnitScreen(self.ballot, index))

    def open_review(self) -> None:
        if self.ballot is None:
            return
        from tui.meeting.review import ReviewScreen

        self.go(ReviewScreen(self.ballot))

    def show_thanks(self) -> None:
        from tui.meeting.thanks import ThanksScreen

        self.ballot = None
        self.high_contrast = False
        self.go(ThanksScreen())

    def report_ready(self) -> None:
        """The welcome screen is painted and takes input: say so on stdout and leave (the benchmark)."""
        stdout = sys.__stdout__
        if stdout is not None:
            stdout.write(READY_MARKER + "\n")
            stdout.flush()
        self.exit()

    # -- wrong codes ---------------------------------------------------------------------------------------

    def wait_left(self) -> float:
        """Seconds until another code may be tried (0 when not locked)."""
        return max(0.0, self.locked_until - time.monotonic())

    def record_wrong_code(self, reason: str = "code") -> bool:
        """Count a wrong code (or passphrase: `reason`); True when the terminal must now wait."""
        self.wrong_tries += 1
        if self.wrong_tries >= WRONG_TRIES_BEFORE_WAIT:
            self.wrong_tries = 0
            self.locked_until = time.monotonic() + self.wait_seconds
            self.lock_reason = reason
            return True
        return False

    # -- autosave: one thread writes every answer, in order ------------------------------------------------

    def queue_answer(self, code: str, unit_id: str, item_id: str, value: AnswerValue) -> None:
        self._saves.put((code, unit_id, item_id, value))

    def queue_position(self, code: str, index: int) -> None:
        self._saves.put((code, index))

    def wait_for_saves(self) -> None:
        """Block (in a worker thread) until every queued answer is on disk."""
        self._saves.join()

    @work(thread=True, group="saver", exit_on_error=False)
    def _save_loop(self) -> None:
        """Write queued answers in order until the app closes; whatever is queued is written first."""
        worker = get_current_worker()
        while True:
            try:
                job = self._saves.get(timeout=0.1)
            except queue.Empty:
                if self._closing or worker.is_cancelled:
                    return  # nothing left to write: a thread worker must end by itself
                continue
            try:
                if job is None:
                    self._closing = True
                elif len(job) == 4:
                    self.backend.save_answer(*job)
                else:
                    self.backend.save_position(*job)
            except Exception as error:  # every failure is shown; the loop keeps saving
                self.post_message(SaveFailed(self.backend.describe(error)))
            finally:
                self._saves.task_done()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """The last safety net: a worker that failed anyway is reported, never a crash of the kiosk."""
        if event.state is WorkerState.ERROR and event.worker.error is not None:
            text = self.backend.describe(event.worker.error)
            self.notify(text, title=t("meeting.worker_failed"), severity="error", timeout=10, markup=False)

    def on_save_failed(self, message: SaveFailed) -> None:
        self.notify(message.text, title=t("meeting.save_failed"), severity="error", timeout=10, markup=False)

    async def action_quit(self) -> None:
        """Leave for real (only the admin panel calls this); the saver writes what is queued, then ends."""
        self._saves.put(None)
        self.exit()

    def exit(self, *args: Any, **kwargs: Any) -> None:
        self._saves.put(None)
        super().exit(*args, **kwargs)

    def on_unmount(self) -> None:
        self._closing = True

    # -- kiosk safety ----------------------------------------------------------------------------------------

    def action_kiosk_ignore(self) -> None:
        """Ctrl+C, Ctrl+Q, Ctrl+Z, the palette and clipboard keys do nothing here."""

    def action_screenshot(self, filename: str | None = None, path: str | None = None) -> None:
        """No screenshots of a ballot ever reach the disk."""

    def deliver_screenshot(
        self, filename: str | None = None, path: str | None = None, time_format: str | None = None
    ) -> str | None:
        return None

    def copy_to_clipboard(self, text: str) -> None:
        """Nothing typed on this terminal is kept for the next person."""
        self._clipboard = ""

    def action_admin(self) -> None:
        from tui.meeting.admin import AdminScreen, PassphraseScreen

        if isinstance(self.screen, (AdminScreen, PassphraseScreen)):
            return

        def opened(ok: bool | None) -> None:
            if ok:
                self.push_screen(AdminScreen())

        self.push_screen(PassphraseScreen(), opened)

    # -- idle timeout ---------------------------------------------------------------------------------

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, (events.Key, events.MouseDown)):
            self.last_activity = time.monotonic()
        if isinstance(event, events.Key) and not event.is_forwarded and event.key not in PRIORITY_KEYS:
            from tui.meeting.unit import UnitScreen

            screen = self.screen
            if isinstance(screen, UnitScreen) and screen.take_key(event.key):
                return  # handled here, in typing order (see UnitScreen.take_key)
        await super().on_event(event)

    def _check_voting(self) -> None:
        """While a ballot is open here, notice when voting was closed under it (here or elsewhere)."""
        from tui.meeting.admin import AdminScreen, PassphraseScreen

        if self.ballot is None or self.mode == "paper":
            return
        if any(isinstance(screen, (AdminScreen, PassphraseScreen)) for screen in self.screen_stack):
            return
        self._read_voting_state(self.ballot.code)

    @work(thread=True, exclusive=True, group="voting-state", exit_on_error=False)
    def _read_voting_state(self, code: str) -> None:
        try:
            state = self.backend.voting_state()
        except Exception:  # a busy or locked store: the next poll tries again
            return
        if state != "open":
            self.call_from_thread(self._voting_closed_under, code)

    def _voting_closed_under(self, code: str) -> None:
        """Tell the evaluator kindly, and leave the ballot; its draft stays as it was."""
        if self.ballot is not None and self.ballot.code == code:
            self.show_welcome(t("polish.kiosk.closed_under_you"))

    def _check_idle(self) -> None:
        from tui.meeting.admin import AdminScreen, PassphraseScreen

        if self.ballot is None or self.mode == "paper":
            return
        if any(isinstance(screen, (AdminScreen, PassphraseScreen)) for screen in self.screen_stack):
            return
        if time.monotonic() - self.last_activity >= self.idle_timeout:
            self.show_welcome(t("meeting.welcome.abandoned"))
