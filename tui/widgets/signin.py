"""The sign-in screen of the unit, group and admin apps: a code checked against the store in a worker."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar, Generic, TypeVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Label, Static

from forms.errors import KaopingError
from tui.i18n import error_text, t

T = TypeVar("T")


class SignInScreen(Screen[T], Generic[T]):
    """Asks for a code and dismisses with what `verify(code)` returns; a refusal is shown under the field."""

    DEFAULT_CSS = """
    SignInScreen {
        align: center middle;
    }
    SignInScreen #signin-box {
        width: 60;
        max-width: 95%;
        height: auto;
        border: round $primary;
        padding: 1 2;
    }
    SignInScreen #signin-title {
        text-style: bold;
        margin-bottom: 1;
    }
    SignInScreen #problem {
        color: $error;
        height: auto;
        width: 100%;
    }
    """
    """A box in the middle of the screen: title, prompt, the code field and the refusal under it."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "app.quit", t("key.quit"))]
    """Escape leaves the app: nothing is open before sign-in."""

    def __init__(self, title: str, prompt: str, verify: Callable[[str], T], *, password: bool = True) -> None:
        super().__init__()
        self.heading = title
        self.prompt = prompt
        self.verify = verify
        self.password = password

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="signin-box"):
            yield Static(self.heading, id="signin-title", markup=False)
            yield Label(self.prompt, markup=False)
            yield Input(password=self.password, id="code", max_length=64)
            yield Label("", id="problem", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#code", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        code = event.value.strip()
        if not code:
            self._refuse(t("self.signin.empty"))
            return
        self.query_one("#code", Input).disabled = True
        self._check(code)

    @work(thread=True, exclusive=True, group="store")
    def _check(self, code: str) -> None:
        try:
            result = self.verify(code)
        except KaopingError as error:
            self.app.call_from_thread(self._refuse, error_text(error))
            return
        self.app.call_from_thread(self.dismiss, result)

    def _refuse(self, reason: str) -> None:
        field = self.query_one("#code", Input)
        field.disabled = False
        field.value = ""
        field.focus()
        self.query_one("#problem", Label).update(reason)
