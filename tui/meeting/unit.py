"""One unit of the ballot on screen: who reports, the form's items, the progress, the moves between units."""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import Footer, Input, ProgressBar, Static

from tui.i18n import t
from tui.meeting.model import BallotDraft
from tui.meeting.rows import AnswerGiven, CommentRow, RatingRow, ScoreRow
from tui.meeting.screen import MeetingScreen


class UnitScreen(MeetingScreen):
    """The items about one unit; answers are autosaved as they are given."""

    AUTO_FOCUS = None

    BINDINGS: ClassVar[list[BindingType]] = [
        # The footer offers only the keys that work everywhere on the page: in the comment box n and p are
        # letters typed into the comment, so they stay hidden shortcuts of the rating rows. Priority, or the
        # items' scroll container's own PgDn/PgUp (scrolling, hidden) would hide them from the footer.
        Binding("pagedown", "move(1)", t("meeting.key.next"), key_display="PgDn", priority=True),
        Binding("pageup", "move(-1)", t("meeting.key.previous"), key_display="PgUp", priority=True),
        Binding("n", "move(1)", show=False),
        Binding("p", "move(-1)", show=False),
        Binding("down,tab", "cursor(1)", show=False),
        Binding("up,shift+tab", "cursor(-1)", show=False),
        Binding("j", "jump", t("meeting.key.jump")),
        Binding("r", "review", t("meeting.key.review")),
    ]

    def __init__(self, draft: BallotDraft, index: int) -> None:
        super().__init__(classes="evaluator")
        self.draft = draft
        self.index = index
        self.current = 0
        """Index in `stops` of the item the next key is for; moves at once, the focus follows later."""
        self.leaving = False

    def compose(self) -> ComposeResult:
        spec = self.backend.ballot_spec
        unit = spec.units[self.index]
        with Horizontal(id="unit-progress"):
            yield Static(
                t("meeting.unit.progress", n=self.index + 1, total=len(spec.units)),
                id="unit-counter",
                markup=False,
            )
            bar = ProgressBar(total=len(spec.units), show_eta=False, show_percentage=False, id="unit-bar")
            bar.progress = self.index + 1
            yield bar
            yield Static("", id="unit-state", markup=False)
        with Vertical(id="unit-card"):
            yield Static(unit.name, id="unit-name", markup=False)
            yield Static(
                t("meeting.unit.who", secretary=unit.secretary or "—", group=unit.liaison_group or "—"),
                id="unit-who",
                markup=False,
            )
        with VerticalScroll(id="unit-items"):
            for number, item in enumerate(spec.items):
                value = self.draft.answer(unit.unit_id, item.item_id)
                row_id = f"item-{number}"
                row: Widget
                if item.kind == "score":
                    row = ScoreRow(item, value, id=row_id)
                elif item.kind == "text":
                    row = CommentRow(item, value, id=row_id)
                else:
                    row = RatingRow(item, value, id=row_id)
                yield row
        yield Static("", id="unit-help", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self._show_state()
        stops = self.stops
        open_rows = [
            number for number, stop in enumerate(stops) if isinstance(stop, RatingRow) and stop.value is None
        ]
        self.current = open_rows[0] if open_rows else 0
        if stops:
            stops[self.current].focus()
        self._show_help()

    def _show_help(self) -> None:
        """The criteria of the item under the cursor, below the items."""
        spec = self.backend.ballot_spec
        hint = spec.items[self.current].hint if self.current < len(spec.items) else ""
        self.query_one("#unit-help", Static).update(hint)

    @property
    def stops(self) -> list[Widget]:
        """Where the cursor can be, in order: each rating row, and the box of each score or comment."""
        found: list[Widget] = []
        for row in self.query(".answer-row"):
            found.extend([row] if isinstance(row, RatingRow) else list(row.query(Input)))
        return found

    def action_cursor(self, step: int) -> None:
        """Arrows and Tab move the cursor (and then the focus) between the items."""
        stops = self.stops
        if stops:
            self.current = max(0, min(len(stops) - 1, self.current + step))
            stops[self.current].focus()
            self._show_help()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """A click into a score or comment box moves the cursor there too."""
        if isinstance(event.widget, Input):
            stops = self.stops
            if event.widget in stops:
                self.current = stops.index(event.widget)
                self._show_help()

    def on_rating_row_clicked(self, message: RatingRow.Clicked) -> None:
        stops = self.stops
        if message.row in stops:
            self.current = stops.index(message.row)
            self._show_help()

    def take_key(self, key: str) -> bool:
        """Handle a key in the order it was typed, straight from the app (True when it was used).

        Widgets each have their own message queue, so keys that reach different rows while the focus
        is still moving can be handled out of order. The app hands every key of this screen here first,
        in typing order; only typing into a score or comment box goes the usual way.
        """
        if self.leaving:
            return True  # typed ahead of the next unit's page: dropped rather than put on this unit
        stops = self.stops
        on_row = bool(stops) and isinstance(stops[self.current], RatingRow)
        moves = {"down": 1, "tab": 1, "up": -1, "shift+tab": -1}
        if key in moves:
            self.action_cursor(moves[key])
        elif key == "pagedown" or (on_row and key == "n"):
            self.action_move(1)
        elif key == "pageup" or (on_row and key == "p"):
            self.action_move(-1)
        elif on_row and key == "j":
            self.action_jump()
        elif on_row and key == "r":
            self.action_review()
        elif on_row and key in ("delete", "backspace"):
            row = stops[self.current]
            assert isinstance(row, RatingRow)
            row.clear()
        elif on_row and key.isdigit():
            self.rate_key(key)
        else:
            return False
        return True

    def on_key(self, event: events.Key) -> None:
        """Number keys typed before the first row has the focus still count, for the current row."""
        if event.key.isdigit():
            event.stop()
            self.rate_key(event.key)

    def rate_key(self, key: str) -> None:
        """A number key: answer the current row and move the cursor on to the next rating row at once.

        Keys typed in a burst all reach the row that had the focus before the focus could follow, so
        the cursor, not the focus, decides which row a key is for; the cursor stops before any box.
        """
        stops = self.stops
        if not stops or not isinstance(stops[self.current], RatingRow):
            return
        row = stops[self.current]
        assert isinstance(row, RatingRow)
        if not row.choose(key):
            return
        if self.current + 1 < len(stops) and isinstance(stops[self.current + 1], RatingRow):
            self.current += 1
            stops[self.current].focus()
            self._show_help()

    def _show_state(self) -> None:
        spec = self.backend.ballot_spec
        missing = self.draft.missing_count(spec)
        text = t("meeting.unit.all_done") if missing == 0 else t("meeting.unit.missing", count=missing)
        self.query_one("#unit-state", Static).update(text)

    def on_answer_given(self, message: AnswerGiven) -> None:
        unit = self.backend.ballot_spec.units[self.index]
        self.draft.set_answer(unit.unit_id, message.item_id, message.value)
        self.kiosk.queue_answer(self.draft.code, unit.unit_id, message.item_id, message.value)
        self._show_state()

    def action_move(self, step: int) -> None:
        target = self.index + step
        if target >= 0:
            self.leaving = True
        if target >= len(self.backend.ballot_spec.units):
            self.kiosk.open_review()
        elif target >= 0:
            self.kiosk.open_unit(target)

    def action_review(self) -> None:
        self.leaving = True
        self.kiosk.open_review()

    def action_jump(self) -> None:
        from tui.meeting.jump import JumpList

        def chosen(index: int | None) -> None:
            if index is not None and index != self.index:
                self.kiosk.open_unit(index)

        self.app.push_screen(JumpList(self.draft, self.index), chosen)
