"""The dialog where a reviewer changes one item's score: a value checked like the unit's, and a reason."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from forms.model import AnswerValue, Form, Item
from forms.scoring import validate_answer
from tui.i18n import language, t
from tui.widgets import ItemEditor, Unparsable, value_to_text

REASON_MAX_LENGTH = 200
"""A reason is one or two sentences for the unit and the committee to read."""


@dataclass(frozen=True)
class Adjustment:
    """What the reviewer decided: the verified value of the item and why."""

    value: AnswerValue
    reason: str


class AdjustScreen(ModalScreen[Adjustment | None]):
    """Asks for the verified value of one item and the reason; refuses a bad value or no reason in place."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", t("self.key.cancel"))]

    def __init__(self, form: Form, item: Item, original: AnswerValue, current: AnswerValue) -> None:
        super().__init__(classes="sa-dialog")
        self.form = form
        self.item = item
        self.original = original
        self.current = current

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="sa-dialog-box"):
            yield Static(t("review.adjust.title", item=self.item.label.get(language())), markup=False)
            yield Static(
                t("review.adjust.original", value=value_to_text(self.item, self.original, self.form)),
                classes="sa-dialog-question",
                markup=False,
            )
            yield ItemEditor(self.form, self.item, self.current, with_note=False)
            yield Label(t("review.adjust.reason"), markup=False)
            yield Input(id="reason", placeholder=t("review.adjust.reason_placeholder"))
            yield Label("", id="reason-problem", classes="sa-problem", markup=False)
            with Horizontal(classes="sa-dialog-buttons"):
                yield Button(t("self.key.ok"), variant="primary", id="ok")
                yield Button(t("self.key.cancel"), id="cancel")

    def on_mount(self) -> None:
        self.query_one(ItemEditor).focus_answer()

    def on_item_editor_edited(self, event: ItemEditor.Edited) -> None:
        event.stop()
        event.editor.show_problem(event.problem)

    @on(Input.Submitted, "#reason")
    def _reason_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._submit()

    @on(Input.Submitted, "ItemEditor #answer, ItemEditor #note")
    def _field_submitted(self, event: Input.Submitted) -> None:
        # Enter in the item's fields moves on to the reason; only Enter there (or OK) submits.
        event.stop()
        self.query_one("#reason", Input).focus()

    @on(Button.Pressed, "#ok")
    def _ok(self, event: Button.Pressed) -> None:
        event.stop()
        self._submit()

    @on(Button.Pressed, "#cancel")
    def _cancel(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None)

    def _submit(self) -> None:
        editor = self.query_one(ItemEditor)
        try:
            value = editor.parse()
        except Unparsable as error:
            editor.show_problem(str(error))
            editor.focus_answer()
            return
        problem = validate_answer(self.form, self.item.id, value)
        if value is None:
            editor.show_problem(t("review.adjust.value_required"))
            editor.focus_answer()
            return
        if problem is not None:
            editor.show_problem(t(problem.key, **dict(problem.params)))
            editor.focus_answer()
            return
        editor.show_problem(None)
        reason = self.query_one("#reason", Input).value.strip()
        problem_label = self.query_one("#reason-problem", Label)
        if not reason:
            problem_label.update(t("review.adjust.reason_required"))
            self.query_one("#reason", Input).focus()
            return
        if len(reason) > REASON_MAX_LENGTH:
            problem_label.update(t("self.dialog.too_long", length=len(reason), limit=REASON_MAX_LENGTH))
            self.query_one("#reason", Input).focus()
            return
        self.dismiss(Adjustment(value, reason))

    def action_cancel(self) -> None:
        self.dismiss(None)
