"""The base of every meeting screen and dialog: typed access to the kiosk app and its store backend."""

from __future__ import annotations

from typing import TYPE_CHECKING, Generic, TypeVar, cast

from textual.screen import ModalScreen, Screen

if TYPE_CHECKING:
    from textual.dom import DOMNode

    from tui.meeting.app import MeetingApp
    from tui.meeting.backend import MeetingBackend

T = TypeVar("T")


def kiosk_of(node: DOMNode) -> MeetingApp:
    """The kiosk `node` is mounted in: the one place the meeting package narrows `App` to `MeetingApp`
    (the app imports every screen, so no screen imports the app at run time)."""
    return cast("MeetingApp", node.app)


class MeetingScreen(Screen[None]):
    """A full screen of the kiosk (welcome, ballot, review, paper entry, admin...)."""

    @property
    def kiosk(self) -> MeetingApp:
        """The meeting app this screen belongs to."""
        return kiosk_of(self)

    @property
    def backend(self) -> MeetingBackend:
        """The kiosk's store backend (every store call goes through it, in a worker)."""
        return kiosk_of(self).backend


class MeetingModal(ModalScreen[T], Generic[T]):
    """A dialog of the kiosk that needs the app (the passphrase, the jump list)."""

    @property
    def kiosk(self) -> MeetingApp:
        """The meeting app this dialog belongs to."""
        return kiosk_of(self)

    @property
    def backend(self) -> MeetingBackend:
        """The kiosk's store backend."""
        return kiosk_of(self).backend
