"""The grid ballot: every unit on one screen like the paper 测评表; keys rate and move, the quota is live."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import Footer, Static

from tui.i18n import t
from tui.meeting.gridview import GridLine, GridView, grid_lines
from tui.meeting.model import AnswerValue, BallotDraft
from tui.meeting.screen import MeetingScreen


class GridScreen(MeetingScreen):
    """One evaluator's ballot as a grid. Every key is a binding of this screen, handled in typing order
    (the grid keeps the focus throughout, so no key can overtake another)."""

    AUTO_FOCUS = "#grid"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("1", "rate('1')", t("grid.key.rate"), key_display="1-4"),
        *(Binding(key, f"rate('{key}')", show=False) for key in "234567"),
        Binding("down", "cursor(1)", show=False),
        Binding("up", "cursor(-1)", show=False),
        Binding("pagedown", "page(1)", show=False),
        Binding("pageup", "page(-1)", show=False),
        Binding("home,left_square_bracket", "first", show=False),
        Binding("end,right_square_bracket", "last", show=False),
        Binding("delete,backspace", "clear", show=False),
        Binding("j", "jump", t("grid.key.jump")),
        Binding("d", "dimensions", t("grid.key.dimensions")),
        Binding("c", "comment", t("grid.key.comment")),
        Binding("h", "contrast", t("grid.key.contrast")),
        Binding("r", "review", t("grid.key.review")),
    ]

    def __init__(self, draft: BallotDraft, index: int) -> None:
        super().__init__(classes="evaluator")
        self.draft = draft
        self.start_unit = index
        self.expanded: set[int] = set()
        self.notice = ""
        """The last refusal or hint, shown until the next answer is given."""
        self.leaving = False

    @property
    def grid(self) -> GridView:
        return self.query_one("#grid", GridView)

    def compose(self) -> ComposeResult:
        spec = self.backend.ballot_spec
        with Horizontal(id="grid-bar"):
            yield Static("", id="grid-progress", markup=False)
            yield Static("", id="grid-tally", markup=False)
            yield Static("", id="grid-mode", markup=False)
        yield Static("", id="grid-message", markup=False)
        yield GridView(spec, self.draft, id="grid")
        yield Footer()

    def on_mount(self) -> None:
        self._apply_contrast()
        grid = self.grid
        lines = grid_lines(self.backend.ballot_spec, self.expanded)
        grid.set_lines(lines, self._line_of(lines, self.start_unit))
        self._show_state()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hide the keys that do nothing on this ballot (五力 when not optional, comments when none)."""
        spec = self.backend.ballot_spec
        if action == "dimensions":
            return spec.dimensions == "optional" and bool(spec.dimension_ids)
        if action == "comment":
            return any(item.kind == "text" for item in spec.items)
        return True

    # -- what the screen says ------------------------------------------------------------------------

    def _apply_contrast(self) -> None:
        on = self.kiosk.high_contrast
        self.set_class(on, "-high-contrast")
        if self.is_mounted:
            self.grid.set_class(on, "-high-contrast")
            self.grid.refresh()

    def _show_state(self) -> None:
        """The progress, the live quota tallies and the early invalid-ballot warnings."""
        backend = self.backend
        spec = backend.ballot_spec
        done = sum(1 for unit in spec.units if self.draft.unit_state(spec, unit.unit_id) == "done")
        self.query_one("#grid-progress", Static).update(t("grid.progress", done=done, total=len(spec.units)))
        tally_text = Text()
        for tally in backend.entry.tallies(self.draft):
            if tally_text:
                tally_text.append("  ")
            words = t(
                "grid.tally",
                levels=backend.entry.level_labels(tally.item, tally.levels),
                count=tally.count,
                limit=tally.limit,
            )
            # full is underlined, not coloured, so it reads the same in high contrast and 16 colours
            style = "bold red" if tally.exceeded else ("bold underline" if tally.full else "bold")
            tally_text.append(words, style=style)
        self.query_one("#grid-tally", Static).update(tally_text)
        mode = ""
        if spec.dimension_ids:
            mode = t("grid.dims_required" if spec.dimensions == "required" else "grid.dims_optional")
        if self.kiosk.high_contrast:
            mode = (mode + "  " if mode else "") + "◆" + t("grid.contrast_on")
        self.query_one("#grid-mode", Static).update(Text(mode))
        warnings = backend.entry.early_warnings(self.draft)
        score = spec.score_item or ""
        answered = sum(1 for unit in spec.units if self.draft.answer(unit.unit_id, score) is not None)
        lines = [self.notice] if self.notice else []
        lines += ["! " + t("grid.early_flag", rule=rule, count=answered) for rule in warnings]
        message = self.query_one("#grid-message", Static)
        message.update(Text("\n".join(lines)))
        message.set_class(bool(lines), "-error")

    def _say(self, text: str) -> None:
        self.notice = text
        self._show_state()

    # -- answers ----------------------------------------------------------------------------------------

    def give(self, line: GridLine, value: AnswerValue) -> bool:
        """Answer one line, unless a quota of the ballot refuses it (then say why; nothing changes)."""
        backend = self.backend
        unit = backend.ballot_spec.units[line.unit]
        if self.draft.answer(unit.unit_id, line.item_id) == value:
            self.notice = ""
            self._show_state()
            return True
        if value is not None:
            refused = backend.entry.refusal(self.draft, unit.unit_id, line.item_id, value)
            if refused is not None:
                levels = backend.entry.level_labels(refused.item, refused.levels)
                self._say(
                    t(
                        "grid.refused",
                        levels=levels,
                        count=refused.count - 1,
                        limit=refused.limit,
                        rule=refused.text.get(backend.lang),
                    )
                )
                self.app.bell()
                return False
        self.draft.set_answer(unit.unit_id, line.item_id, value)
        self.kiosk.queue_answer(self.draft.code, unit.unit_id, line.item_id, value)
        self.notice = ""
        self.grid.refresh()
        self._show_state()
        return True

    def _moved(self) -> None:
        """Keep the draft's place in memory; a resumed grid starts at its first gap instead (one write
        per answer is enough for the disk)."""
        self.draft.position = self.grid.current.unit

    def action_rate(self, key: str) -> None:
        if self.leaving:
            return
        grid = self.grid
        line = grid.current
        item = self.backend.ballot_spec.item(line.item_id)
        choice = item.choice_for_key(key) if item else None
        if choice is None:
            return
        if self.give(line, choice.value):
            grid.move_to(grid.cursor + 1)
            self._moved()

    def action_clear(self) -> None:
        self.give(self.grid.current, None)

    def on_grid_view_clicked(self, message: GridView.Clicked) -> None:
        grid = self.grid
        grid.move_to(message.line)
        self._moved()
        if message.value is not None:
            self.give(grid.current, message.value)
        elif message.part == "dims":
            self.action_dimensions()
        elif message.part == "comment":
            self.action_comment()

    # -- moving ------------------------------------------------------------------------------------------

    def _go(self, index: int) -> None:
        grid = self.grid
        grid.move_to(index)
        self._moved()

    def action_cursor(self, step: int) -> None:
        self._go(self.grid.cursor + step)

    def action_page(self, step: int) -> None:
        self._go(self.grid.cursor + step * self.grid.page)

    def action_first(self) -> None:
        self._go(0)

    def action_last(self) -> None:
        self._go(len(self.grid.lines) - 1)

    @staticmethod
    def _line_of(lines: list[GridLine], unit: int) -> int:
        return next((n for n, line in enumerate(lines) if line.unit == unit and not line.dimension), 0)

    def action_jump(self) -> None:
        from tui.meeting.jump import JumpList

        def chosen(index: int | None) -> None:
            if index is not None:
                self._go(self._line_of(self.grid.lines, index))

        self.app.push_screen(JumpList(self.draft, self.grid.current.unit), chosen)

    def action_dimensions(self) -> None:
        """Open or close the current unit's 五力 lines (optional mode); the cursor stays on its unit."""
        spec = self.backend.ballot_spec
        if spec.dimensions != "optional" or not spec.dimension_ids:
            return  # required: always open; off: none (check_action keeps the key out of the footer)
        grid = self.grid
        line = grid.current
        if line.unit in self.expanded:
            self.expanded.discard(line.unit)
        else:
            self.expanded.add(line.unit)
        lines = grid_lines(spec, self.expanded)
        cursor = self._line_of(lines, line.unit)
        if line.unit in self.expanded:
            cursor += 1  # straight onto the first dimension: its keys rate it at once
        grid.set_lines(lines, cursor)

    def action_comment(self) -> None:
        from tui.meeting.comment import CommentBox

        spec = self.backend.ballot_spec
        item = next((item for item in spec.items if item.kind == "text"), None)
        if item is None:
            return
        unit = spec.units[self.grid.current.unit]
        line = GridLine(self.grid.current.unit, item.item_id, True)  # give() needs only unit and item
        current = self.draft.answer(unit.unit_id, item.item_id)

        def written(text: str | None) -> None:
            if text is not None:
                self.give(line, text.strip() or None)

        self.app.push_screen(
            CommentBox(unit.name, current if isinstance(current, str) else "", item.max_length), written
        )

    def action_contrast(self) -> None:
        self.kiosk.high_contrast = not self.kiosk.high_contrast
        self._apply_contrast()
        self._show_state()

    def action_review(self) -> None:
        self.leaving = True
        self.kiosk.open_review()
