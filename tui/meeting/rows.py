"""The answer rows of a unit screen: a rating row (keys 1-4 or a click), a score row, a comment row."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Input, Static

from tui.i18n import t
from tui.meeting.model import AnswerValue, ItemSpec


@dataclass
class AnswerGiven(Message):
    """The evaluator gave (or cleared, with None) the answer to one item of the unit on screen."""

    item_id: str
    value: AnswerValue


class RatingRow(Widget, can_focus=True):
    """One rating item: its label above the levels; the level key or a click on a level chooses it."""

    value: reactive[str | None] = reactive(None)

    @dataclass
    class Clicked(Message):
        """The evaluator clicked this row: the screen's cursor moves here."""

        row: RatingRow

    def __init__(self, item: ItemSpec, value: AnswerValue, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="answer-row")
        self.item = item
        self.set_reactive(RatingRow.value, value if isinstance(value, str) else None)
        self._spans: list[tuple[int, int, str]] = []

    def render(self) -> Text:
        text = Text()
        text.append(self.item.label, style="bold")
        text.append("\n")
        self._spans = []
        for choice in self.item.choices:
            chosen = choice.value == self.value
            # brackets mark the choice without colour or reverse video (a monochrome terminal, a photocopy)
            label = f"[{choice.key} {choice.label}]" if chosen else f" {choice.key} {choice.label} "
            column = _line_width(text)
            text.append(label, style="reverse bold" if chosen else "")
            self._spans.append((column, column + Text(label).cell_len, choice.value))
            text.append("  ")
        if self.value is None:
            text.append(t("meeting.unit.unanswered"), style="italic")
        return text

    def watch_value(self) -> None:
        self.set_class(self.value is not None, "-answered")

    def on_key(self, event: events.Key) -> None:
        if event.key in ("delete", "backspace"):
            event.stop()
            self.clear()
            return
        if self.item.choice_for_key(event.key) is None:
            return
        event.stop()
        # Keys typed in a burst were all queued here before the focus could move on: the screen's own
        # cursor (moved at once, unlike the focus) says which row each one is for.
        screen = self.screen
        rate = getattr(screen, "rate_key", None)
        if rate is not None:
            rate(event.key)
        else:
            self.choose(event.key)

    def clear(self) -> None:
        """Take the answer back (Delete or Backspace)."""
        self.value = None
        self.post_message(AnswerGiven(self.item.item_id, None))

    def choose(self, key: str) -> bool:
        """Choose the level bound to `key`; False when the key means nothing here."""
        choice = self.item.choice_for_key(key)
        if choice is None:
            return False
        self.value = choice.value
        self.post_message(AnswerGiven(self.item.item_id, choice.value))
        return True

    def on_click(self, event: events.Click) -> None:
        self.focus()
        self.post_message(self.Clicked(self))
        if event.y != 1:
            return
        for start, end, value in self._spans:
            if start <= event.x < end:
                self.value = value
                self.post_message(AnswerGiven(self.item.item_id, value))


def _line_width(text: Text) -> int:
    """The cell width of the last line of `text` (where the next span starts)."""
    return Text(text.plain.rsplit("\n", 1)[-1]).cell_len


class ScoreRow(Horizontal):
    """One score item: a number within its bounds, saved as soon as it is a valid number."""

    def __init__(self, item: ItemSpec, value: AnswerValue, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="answer-row score-row")
        self.item = item
        self.initial = "" if value is None else item.label_of(value)
        self._last: AnswerValue = value

    def compose(self) -> ComposeResult:
        bounds = t("meeting.unit.bounds", low=_num(self.item.minimum), high=_num(self.item.maximum))
        yield Static(
            Text.assemble((self.item.label, "bold"), " ", (bounds, "dim")),
            classes="score-label",
            markup=False,
        )
        field = Input(self.initial, type="number", max_length=8, classes="score-input", select_on_focus=False)
        field.cursor_blink = False
        yield field
        yield Static("", classes="score-error", markup=False)

    @on(Input.Changed)
    def typed(self, event: Input.Changed) -> None:
        event.stop()
        error = self.query_one(".score-error", Static)
        raw = event.value.strip()
        if not raw:
            error.update("")
            self._give(None)
            return
        try:
            number = float(raw)
        except ValueError:
            error.update(t("meeting.unit.not_number"))
            return
        if not self.item.minimum <= number <= self.item.maximum:
            error.update(
                t("meeting.unit.out_of_range", low=_num(self.item.minimum), high=_num(self.item.maximum))
            )
            return
        error.update("")
        self._give(number)

    def _give(self, value: AnswerValue) -> None:
        if value != self._last:
            self._last = value
            self.post_message(AnswerGiven(self.item.item_id, value))

    @on(Input.Submitted)
    def submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.screen.focus_next()


class CommentRow(Horizontal):
    """The optional comment about the unit; saved as it is typed (the saver keeps only the last text)."""

    def __init__(self, item: ItemSpec, value: AnswerValue, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="answer-row comment-row")
        self.item = item
        self.initial = value if isinstance(value, str) else ""
        self._last: str | None = self.initial or None

    def compose(self) -> ComposeResult:
        yield Static(Text(self.item.label, style="bold"), classes="comment-label", markup=False)
        field = Input(
            self.initial,
            placeholder=t("meeting.unit.comment_placeholder"),
            max_length=self.item.max_length,
            classes="comment-input",
            select_on_focus=False,
        )
        field.cursor_blink = False
        yield field

    @on(Input.Changed)
    def typed(self, event: Input.Changed) -> None:
        event.stop()
        text = event.value.strip() or None
        if text != self._last:
            self._last = text
            self.post_message(AnswerGiven(self.item.item_id, text))

    @on(Input.Submitted)
    def submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.screen.focus_next()


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)
