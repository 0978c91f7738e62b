"""One submitted self-assessment as the liaison group sees it: adjust items, mark reviewed, send back."""

from __future__ import annotations

from typing import ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from exports.stars import is_star_form
from forms.errors import KaopingError
from forms.rounding import format_score
from forms.rules import Rules
from forms.scoring import score_response, star_for, visible_items
from store.api import CampaignStore
from tui.i18n import error_text, language, t
from tui.plain import cells
from tui.review.adjust import Adjustment, AdjustScreen
from tui.review.messages import ActionDone, StoreRefused
from tui.review.model import BoardRow, board_row, check_in_group, percent
from tui.selfassess.history import history_text
from tui.widgets import ConfirmDialog, TextPromptScreen, star_label, value_to_text

NOTE_MAX_LENGTH = 300
"""A send-back note tells the unit what to fix; a paragraph at most."""


class SubmissionScreen(Screen[None]):
    """The items of one submission with the unit's answer, its note and the group's adjustment beside each."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "adjust", t("review.key.adjust")),
        Binding("v", "mark_reviewed", t("review.key.reviewed")),
        Binding("b", "send_back", t("review.key.send_back")),
        Binding("escape", "back", t("key.back")),
    ]

    def __init__(self, store: CampaignStore, group: str, row: BoardRow, rules: Rules) -> None:
        super().__init__(classes="sa-submission")
        self.store = store
        self.group = group
        self.row = row
        self.rules = rules

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="sa-summary", classes="sa-counts", markup=False)
        yield DataTable(id="sa-answers", cursor_type="row", zebra_stripes=True, classes="sa-table")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#sa-answers", DataTable)
        # Fixed widths for the long texts so the answer and the adjustment stay in view at 80 columns.
        table.add_column(t("review.col.item"), key="item", width=26)
        table.add_column(t("review.col.answer"), key="answer")
        table.add_column(t("review.col.verified_value"), key="verified")
        table.add_column(t("review.col.note"), key="note", width=20)
        table.add_column(t("review.col.reason"), key="reason")
        table.focus()
        self.show()

    def show(self) -> None:
        """Fill the summary and the answer table from `self.row`."""
        row = self.row
        record = row.record
        lang = language()
        self.title = f"{row.unit.name} · {row.form.title.get(lang)}"
        table = self.query_one("#sa-answers", DataTable)
        keep = table.cursor_row
        table.clear()
        if record is None:
            return
        shown, _ = visible_items(row.form, record.answers)
        latest = {adjustment.item_id: adjustment for adjustment in record.adjustments}
        for item in row.form.items():
            if item.id not in shown:
                continue
            adjustment = latest.get(item.id)
            table.add_row(
                *cells(
                    item.label.get(lang),
                    value_to_text(item, record.answers.get(item.id), row.form),
                    value_to_text(item, adjustment.value, row.form) if adjustment else "",
                    record.notes.get(item.id, ""),
                    t(
                        "review.adjusted_by",
                        reason=adjustment.reason,
                        group=adjustment.group,
                        day=adjustment.day,
                    )
                    if adjustment
                    else "",
                ),
                key=item.id,
            )
        if table.row_count:
            table.move_cursor(row=min(max(keep, 0), table.row_count - 1))
        own = score_response(row.form, record.answers, record.notes)
        verified = score_response(row.form, record.verified_answers(), record.notes)
        rules = self.rules
        verified_percent = percent(verified.total, verified.max_total)
        summary = t(
            "review.summary" if is_star_form(row.form) else "selfyear.review.summary_no_star",
            state=t(f"self.state.{row.state}"),
            own=format_score(percent(own.total, own.max_total)),
            verified=format_score(verified_percent),
            star=star_label(star_for(verified_percent, rules, verified.star_cap, verified.satisfaction)),
            adjustments=len(record.adjustments),
        )
        if record.return_note and row.state == "returned":
            summary += "\n" + t("self.banner.returned", note=record.return_note)
        if record.history:
            summary += "\n" + history_text(record.history[-4:], {row.unit.id: row.unit.name})
        self.query_one("#sa-summary", Static).update(summary)

    # ------------------------------------------------------------------ actions

    def _editable_for_group(self) -> bool:
        if self.row.state not in ("submitted", "reviewed"):
            self.notify(t("review.not_submitted", unit=self.row.unit.name), severity="warning", markup=False)
            return False
        return True

    def action_adjust(self) -> None:
        if not self._editable_for_group() or self.row.record is None:
            return
        table = self.query_one("#sa-answers", DataTable)
        if not table.row_count:
            return
        item_id = str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)
        item = self.row.form.item(item_id)
        if item is None:
            return
        record = self.row.record
        original = record.answers.get(item_id)
        current = record.verified_answers().get(item_id)

        def decided(adjustment: Adjustment | None) -> None:
            if adjustment is not None:
                self.adjust(item_id, adjustment)

        self.app.push_screen(AdjustScreen(self.row.form, item, original, current), decided)

    @work(thread=True, exclusive=True, group="store")
    def adjust(self, item_id: str, adjustment: Adjustment) -> None:
        """Store the group's verified value of one item with its reason."""
        row = self.row
        try:
            check_in_group(self.store, self.group, row.unit.id)
            self.store.self_assessments.adjust_item(
                row.unit.id, row.form.id, item_id, adjustment.value, adjustment.reason, self.group
            )
        except KaopingError as error:
            self.post_message(StoreRefused(error_text(error)))
            return
        self._reload(t("review.adjusted"))

    def action_mark_reviewed(self) -> None:
        if self.row.state != "submitted":
            self.notify(
                t("review.cannot_review", state=t(f"self.state.{self.row.state}")),
                severity="warning",
                markup=False,
            )
            return

        def confirmed(yes: bool | None) -> None:
            if yes:
                self.mark_reviewed()

        question = t("review.reviewed_confirm", unit=self.row.unit.name)
        self.app.push_screen(ConfirmDialog(question, t("review.key.reviewed")), confirmed)

    @work(thread=True, exclusive=True, group="store")
    def mark_reviewed(self) -> None:
        """Mark the submission reviewed by this group."""
        try:
            check_in_group(self.store, self.group, self.row.unit.id)
            self.store.self_assessments.mark_reviewed(self.row.unit.id, self.row.form.id, self.group)
        except KaopingError as error:
            self.post_message(StoreRefused(error_text(error)))
            return
        self._reload(t("review.marked_reviewed"))

    def action_send_back(self) -> None:
        if self.row.state != "submitted":
            self.notify(
                t("review.cannot_send_back", state=t(f"self.state.{self.row.state}")),
                severity="warning",
                markup=False,
            )
            return

        def noted(note: str | None) -> None:
            if note:
                self.send_back(note)

        prompt = TextPromptScreen(
            t("review.send_back_prompt", unit=self.row.unit.name), max_length=NOTE_MAX_LENGTH
        )
        self.app.push_screen(prompt, noted)

    @work(thread=True, exclusive=True, group="store")
    def send_back(self, note: str) -> None:
        """Return the submission to the unit with the note."""
        try:
            check_in_group(self.store, self.group, self.row.unit.id)
            self.store.self_assessments.send_back(self.row.unit.id, self.row.form.id, note, self.group)
        except KaopingError as error:
            self.post_message(StoreRefused(error_text(error)))
            return
        self._reload(t("review.sent_back"))

    def _reload(self, done: str) -> None:
        """Read the record again (worker thread) and show it."""
        row = self.row
        try:
            record = self.store.self_assessments.self_assessment(row.unit.id, row.form.id)
        except KaopingError as error:
            self.post_message(StoreRefused(error_text(error)))
            return
        self.row = board_row(row.unit, row.form, record)
        self.post_message(ActionDone(done))

    def on_action_done(self, message: ActionDone) -> None:
        message.stop()
        self.notify(message.text, markup=False)
        self.show()

    def on_store_refused(self, message: StoreRefused) -> None:
        message.stop()
        self.notify(message.reason, severity="error", timeout=8, markup=False)

    def action_back(self) -> None:
        self.dismiss(None)
