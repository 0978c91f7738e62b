"""The review page: every unit and its answers in one table, gaps highlighted, the ballot rules checked."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar, cast

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Footer, Static

from forms.scoring.entry import MissingAnswer
from tui.i18n import t
from tui.linebreak import wrap
from tui.meeting.messages import RulesChecked
from tui.meeting.model import BallotDraft
from tui.meeting.review_layout import clip, review_layout
from tui.meeting.seal_step import SealingScreen


class ReviewScreen(SealingScreen):
    """Look over the whole ballot; Enter on a row goes back to that unit, S seals."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s", "seal", t("meeting.key.seal")),
        # priority: the table would take PgUp to scroll, not do what the footer offers
        Binding("pageup,p", "back", t("meeting.key.previous"), key_display="PgUp/p", priority=True),
        Binding("j", "jump", t("meeting.key.jump")),
    ]

    def __init__(self, draft: BallotDraft) -> None:
        super().__init__(draft)
        self.rules_text = ""
        self.blocking = False

    def compose(self) -> ComposeResult:
        yield Static(t("meeting.review.title"), id="review-title", markup=False)
        yield Static("", id="review-summary", markup=False)
        yield Static(t("meeting.review.checking"), id="review-rules", markup=False)
        table: DataTable[Text] = DataTable(id="review-table", cursor_type="row", zebra_stripes=True)
        yield table
        yield Footer()

    def on_mount(self) -> None:
        self.set_class(self.kiosk.high_contrast, "-high-contrast")
        spec = self.kiosk.backend.ballot_spec
        table = cast("DataTable[Text]", self.query_one("#review-table", DataTable))
        questions = [item for item in spec.items if item.kind != "text"]
        has_comment = any(item.kind == "text" for item in spec.items)
        layout = review_layout(
            self.app.size.width,
            [item.label for item in questions],
            t("meeting.review.comment") if has_comment else None,
            [unit.name for unit in spec.units],
        )
        table.header_height = layout.header_height
        table.add_column(Text("#"), key="n", width=layout.number_width)
        table.add_column(Text(t("meeting.review.unit")), key="unit", width=layout.unit_width)
        for item, label in zip(questions, layout.labels, strict=True):
            table.add_column(Text(label), key=item.item_id, width=layout.question_width)
        if layout.comment_label is not None:
            table.add_column(Text(layout.comment_label), key="comment", width=layout.comment_width)
        for number, unit in enumerate(spec.units):
            name_lines = wrap(unit.name, layout.unit_width)
            cells = [Text(str(number + 1), style="dim"), Text("\n".join(name_lines))]
            for item in questions:
                value = self.draft.answer(unit.unit_id, item.item_id)
                if value is None and not item.required:
                    cells.append(Text("—", style="dim"))  # an optional 五力 rating left blank
                elif value is None:
                    # a mark besides the colour: seen on a terminal without colours too
                    cells.append(Text("✗" + t("meeting.review.missing"), style="bold reverse red"))
                else:
                    cells.append(Text(item.label_of(value)))
            if has_comment:
                comment = " ".join(
                    str(self.draft.answer(unit.unit_id, item.item_id) or "")
                    for item in spec.items
                    if item.kind == "text"
                ).strip()
                cells.append(Text(clip(comment, layout.comment_width), style="dim"))
            table.add_row(*cells, key=str(number), height=len(name_lines))
        missing = self.draft.missing_count(spec)
        summary = (
            t("meeting.review.complete", count=len(spec.units))
            if missing == 0
            else t("meeting.review.incomplete", count=missing)
        )
        self.query_one("#review-summary", Static).update(summary)
        self.query_one("#review-summary", Static).set_class(missing > 0, "-error")
        first_gap = next(
            (n for n, unit in enumerate(spec.units) if self.draft.unit_state(spec, unit.unit_id) != "done"),
            0,
        )
        table.move_cursor(row=first_gap)
        table.focus()
        self.check_rules()

    @work(thread=True, exclusive=True, group="store", exit_on_error=False)
    def check_rules(self) -> None:
        try:
            breaks = self.kiosk.backend.entry.check(self.draft)
        except Exception as error:  # shown where the rules would be
            self.app.call_from_thread(self._rules_failed, self.kiosk.backend.describe(error))
            return
        self.post_message(RulesChecked(breaks))

    def _rules_failed(self, text: str) -> None:
        rules = self.query_one("#review-rules", Static)
        rules.update(text)
        rules.set_class(True, "-error")

    def on_rules_checked(self, message: RulesChecked) -> None:
        rules = self.query_one("#review-rules", Static)
        if not message.breaks:
            rules.update(t("meeting.review.rules_ok"))
            rules.set_class(False, "-error")
            return
        self.blocking = any(rule.blocking for rule in message.breaks)
        lines = [("✗ " if rule.blocking else "! ") + rule.text for rule in message.breaks]
        rules.update("\n".join(lines))
        rules.set_class(True, "-error")

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.kiosk.open_unit(event.cursor_row)

    def action_back(self) -> None:
        self.kiosk.open_unit(len(self.kiosk.backend.ballot_spec.units) - 1)

    def action_jump(self) -> None:
        from tui.meeting.jump import JumpList

        table = self.query_one("#review-table", DataTable)

        def chosen(index: int | None) -> None:
            if index is not None:
                self.kiosk.open_unit(index)

        self.app.push_screen(JumpList(self.draft, table.cursor_row), chosen)

    def _missing_text(self, missing: Sequence[MissingAnswer]) -> str:
        """How many answers are missing, naming the first few (unit · item) so they can be found."""
        spec = self.kiosk.backend.ballot_spec
        names = {unit.unit_id: unit.name for unit in spec.units}
        labels = {item.item_id: item.label for item in spec.items}
        shown = "、".join(
            f"{names.get(gap.unit_id, gap.unit_id)}·{labels.get(gap.item_id, gap.item_id)}"
            for gap in missing[:3]
        )
        return t("grid.missing", count=len(missing), first=shown + ("……" if len(missing) > 3 else ""))

    def action_seal(self) -> None:
        missing = self.kiosk.backend.entry.missing(self.draft)
        if missing:
            text = self._missing_text(missing)
            summary = self.query_one("#review-summary", Static)
            summary.update(text)
            summary.set_class(True, "-error")
            self.notify(text, severity="warning", markup=False)
            return
        self.confirm_seal(invalid=self.blocking)
