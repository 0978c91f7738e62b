"""The ballot screens' last step: ask once more (`ConfirmSeal`), seal in a worker, thank or show the error."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import work

from tui.i18n import t
from tui.meeting.messages import BallotSealed
from tui.meeting.screen import MeetingScreen
from tui.widgets import ConfirmDialog

if TYPE_CHECKING:
    from tui.meeting.model import BallotDraft


class ConfirmSeal(ConfirmDialog):
    """Asks once more: a sealed ballot cannot be changed. Returns True to seal."""

    def __init__(self, invalid: bool = False) -> None:
        warning = t("meeting.seal.will_be_invalid") if invalid else None
        super().__init__(
            t("meeting.seal.question"),
            t("meeting.seal.yes"),
            "primary",
            no_label=t("meeting.seal.no"),
            warning=warning,
            classes="evaluator",
        )
        self.invalid = invalid


class SealingScreen(MeetingScreen):
    """A screen an evaluator can seal the ballot from (the review and the brand ballot)."""

    def __init__(self, draft: BallotDraft) -> None:
        super().__init__(classes="evaluator")
        self.draft = draft
        self.sealing = False

    def confirm_seal(self, invalid: bool = False) -> None:
        """Ask once more, then seal; a second Enter while a seal runs does nothing."""

        def confirmed(yes: bool | None) -> None:
            if yes and not self.sealing:
                self.sealing = True
                self.seal()

        self.app.push_screen(ConfirmSeal(invalid=invalid), confirmed)

    @work(thread=True, exclusive=True, group="store", exit_on_error=False)
    def seal(self) -> None:
        self.kiosk.wait_for_saves()
        try:
            self.backend.seal(self.draft)
        except Exception as error:  # shown to the evaluator, the draft stays
            self.post_message(BallotSealed(self.backend.describe(error)))
            return
        self.post_message(BallotSealed(None))

    def on_ballot_sealed(self, message: BallotSealed) -> None:
        self.sealing = False
        if message.error:
            self.notify(
                message.error, title=t("meeting.seal.failed"), severity="error", timeout=10, markup=False
            )
            return
        self.kiosk.show_thanks()
