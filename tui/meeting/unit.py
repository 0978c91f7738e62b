"""One unit of the ballot on screen: who reports, the form's items, the progress, the moves between units."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, ProgressBar, Static

from tui.i18n import t
from tui.meeting.model import BallotDraft
from tui.meeting.rows import AnswerGiven, CommentRow, RatingRow, ScoreRow

if TYPE_CHECKING:
    from tui.meeting.app import MeetingApp


class UnitScreen(Screen[None]):
    """The items about one unit; answers are autosaved as they are given."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("pagedown,n", "move(1)", t("meeting.key.next"), key_display="PgDn/n"),
        Binding("pageup,p", "move(-1)", t("meeting.key.previous"), key_display="PgUp/p"),
        Binding("down", "app.focus_next", show=False),
        Binding("up", "app.focus_previous", show=False),
        Binding("j", "jump", t("meeting.key.jump")),
        Binding("r", "review", t("meeting.key.review")),
    ]

    def __init__(self, draft: BallotDraft, index: int) -> None:
        super().__init__(classes="evaluator")
        self.draft = draft
        self.index = index

    @property
    def kiosk(self) -> MeetingApp:
        return cast("MeetingApp", self.app)

    def compose(self) -> ComposeResult:
        spec = self.kiosk.backend.ballot_spec
        unit = spec.units[self.index]
        with Horizontal(id="unit-progress"):
            yield Static(
                t("meeting.unit.progress", n=self.index + 1, total=len(spec.units)), id="unit-counter"
            )
            bar = ProgressBar(total=len(spec.units), show_eta=False, show_percentage=False, id="unit-bar")
            bar.progress = self.index + 1
            yield bar
            yield Static("", id="unit-state")
        with Vertical(id="unit-card"):
            yield Static(unit.name, id="unit-name")
            yield Static(
                t("meeting.unit.who", secretary=unit.secretary or "—", group=unit.liaison_group or "—"),
                id="unit-who",
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
        yield Footer()

    def on_mount(self) -> None:
        self._show_state()
        first_open = self._first_unanswered()
        if first_open is not None:
            first_open.focus()
        else:
            self.focus_next()

    def _first_unanswered(self) -> Widget | None:
        for row in self.query(RatingRow):
            if row.value is None:
                return row
        return None

    def _show_state(self) -> None:
        spec = self.kiosk.backend.ballot_spec
        missing = self.draft.missing_count(spec)
        text = t("meeting.unit.all_done") if missing == 0 else t("meeting.unit.missing", count=missing)
        self.query_one("#unit-state", Static).update(text)

    def on_answer_given(self, message: AnswerGiven) -> None:
        unit = self.kiosk.backend.ballot_spec.units[self.index]
        self.draft.set_answer(unit.unit_id, message.item_id, message.value)
        self.kiosk.queue_answer(self.draft.code, unit.unit_id, message.item_id, message.value)
        self._show_state()
        if message.advance:
            self._advance()

    def _advance(self) -> None:
        """Move to the next rating row; never on into the comment box, where stray keys would land."""
        rows = list(self.query(RatingRow))
        if self.focused in rows:
            position = rows.index(self.focused)
            if position + 1 < len(rows):
                rows[position + 1].focus()

    def action_move(self, step: int) -> None:
        target = self.index + step
        if target >= len(self.kiosk.backend.ballot_spec.units):
            self.kiosk.open_review()
        elif target >= 0:
            self.kiosk.open_unit(target)

    def action_review(self) -> None:
        self.kiosk.open_review()

    def action_jump(self) -> None:
        from tui.meeting.jump import JumpList

        def chosen(index: int | None) -> None:
            if index is not None and index != self.index:
                self.kiosk.open_unit(index)

        self.app.push_screen(JumpList(self.draft, self.index), chosen)
