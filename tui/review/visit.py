"""The screen where a liaison group records or edits one supervision visit."""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Label, Select, Static

from forms.errors import KaopingError
from forms.model import AnswerValue, Form
from forms.rounding import format_score
from forms.scoring import score_response, visible_items
from store.api import CampaignStore, Unit, Visit
from tui.i18n import error_text, language, t
from tui.review.messages import StoreRefused
from tui.review.model import check_in_group, group_units, percent
from tui.widgets import ItemEditor, Panel, Unparsable

VISIT_NOTE_MAX_LENGTH = 500
"""The visit's notes: what was seen and what the unit must put right."""


def parse_day(text: str) -> str | None:
    """An ISO day (YYYY-MM-DD) from what was typed, or None; "2026/3/5" and "2026.3.5" are forgiven."""
    cleaned = text.strip().replace("/", "-").replace(".", "-")
    parts = cleaned.split("-")
    if len(parts) != 3 or not all(part.isdigit() for part in parts):
        return None
    try:
        return date(int(parts[0]), int(parts[1]), int(parts[2])).isoformat()
    except ValueError:
        return None


class VisitScreen(Screen[None]):
    """Records a new visit (`visit` None) or edits one; nothing is written until every field is right."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s,f2", "save", t("review.key.save")),
        Binding("escape", "cancel", t("self.key.cancel")),
    ]

    def __init__(self, store: CampaignStore, group: str, visit: Visit | None) -> None:
        super().__init__(classes="sa-visit")
        self.store = store
        self.group = group
        self.visit = visit
        self.form: Form | None = None
        self.units: list[Unit] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Panel(id="sa-visit-body", classes="sa-form-scroll")
        yield Static("", id="sa-visit-total", classes="sa-totals", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.title = t("review.visit.edit_title") if self.visit else t("review.visit.new_title")
        self.load()

    @work(thread=True, exclusive=True, group="store")
    def load(self) -> None:
        """Read the visit form and the group's units, then build the fields."""
        try:
            form_id = self.visit.form_id if self.visit else None
            if form_id is None:
                forms = self.store.forms_of_scope("visit")
                if not forms:
                    self.post_message(StoreRefused(t("review.visit.no_form")))
                    return
                form = forms[0]
            else:
                form = self.store.form(form_id)
            units = group_units(self.store, self.group)
        except KaopingError as error:
            self.post_message(StoreRefused(error_text(error)))
            return
        self.app.call_from_thread(self._build, form, units)

    def _build(self, form: Form, units: list[Unit]) -> None:
        self.form = form
        self.units = units
        visit = self.visit
        body = self.query_one("#sa-visit-body", Panel)
        lang = language()
        widgets = [
            Static(form.title.get(lang), classes="sa-section-title", markup=False),
            Label(t("review.visit.day"), markup=False),
            Input(
                visit.day if visit else date.today().isoformat(),
                id="day",
                placeholder="2026-05-20",
                compact=True,
                classes="sa-visit-day",
            ),
            Label("", id="day-problem", classes="sa-problem", markup=False),
            Label(t("review.visit.unit"), markup=False),
            Select[str](
                [(unit.name, unit.id) for unit in units],
                prompt=t("self.item.pick"),
                value=visit.unit_id if visit else Select.NULL,
                id="unit",
                disabled=visit is not None,
                compact=True,
                classes="sa-visit-unit",
            ),
            Label("", id="unit-problem", classes="sa-problem", markup=False),
        ]
        answers = dict(visit.answers) if visit else {}
        shown, _ = visible_items(form, answers)
        for section in form.sections:
            widgets.append(Static(section.title.get(lang), classes="sa-section-title", markup=False))
            for item in section.items:
                editor = ItemEditor(form, item, answers.get(item.id), with_note=False)
                editor.set_class(item.id not in shown, "-hidden")
                widgets.append(editor)
        widgets.append(Label(t("review.visit.note"), markup=False))
        widgets.append(
            Input(
                visit.note if visit else "",
                id="visit-note",
                placeholder=t("review.visit.note_placeholder"),
                compact=True,
            )
        )
        widgets.append(Label("", id="note-problem", classes="sa-problem", markup=False))
        body.mount_all(widgets)
        self.call_after_refresh(self._ready)

    def _ready(self) -> None:
        self.query_one("#day", Input).focus()
        self._refresh_total()

    # ------------------------------------------------------------------ checking

    def _answers(self) -> tuple[dict[str, AnswerValue], list[ItemEditor]]:
        """The parsed answers of every field, and the editors whose value cannot be parsed."""
        answers: dict[str, AnswerValue] = {}
        bad: list[ItemEditor] = []
        for editor in self.query(ItemEditor):
            try:
                value = editor.parse()
            except Unparsable as error:
                editor.show_problem(str(error))
                bad.append(editor)
                continue
            if value is not None:
                answers[editor.item.id] = value
        return answers, bad

    def on_item_editor_edited(self, event: ItemEditor.Edited) -> None:
        event.stop()
        if self.form is None:
            return
        if event.problem is not None:
            event.editor.show_problem(event.problem)
            return
        problem = None
        from forms.scoring import validate_answer

        found = validate_answer(self.form, event.item_id, event.value)
        if found is not None:
            problem = t(found.key, **dict(found.params))
        event.editor.show_problem(problem)
        self._refresh_total()

    def _refresh_total(self) -> None:
        if self.form is None:
            return
        answers, _ = self._answers()
        shown, _ = visible_items(self.form, answers)
        for editor in self.query(ItemEditor):
            editor.set_class(editor.item.id not in shown, "-hidden")
        score = score_response(self.form, answers)
        self.query_one("#sa-visit-total", Static).update(
            t("review.visit.total", total=format_score(percent(score.total, score.max_total)))
        )

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()

    # ------------------------------------------------------------------ saving

    def action_save(self) -> None:
        form = self.form
        if form is None:
            return
        first_bad: object = None
        day = parse_day(self.query_one("#day", Input).value)
        self.query_one("#day-problem", Label).update("" if day else t("review.visit.bad_day"))
        if day is None:
            first_bad = first_bad or self.query_one("#day", Input)
        unit_select = self.query_one("#unit", Select)
        unit_id = None if unit_select.value is Select.NULL else str(unit_select.value)
        self.query_one("#unit-problem", Label).update("" if unit_id else t("review.visit.unit_required"))
        if unit_id is None:
            first_bad = first_bad or unit_select
        answers, bad = self._answers()
        shown, _ = visible_items(form, answers)
        answers = {item_id: value for item_id, value in answers.items() if item_id in shown}
        score = score_response(form, answers)
        problems = {problem.item: t(problem.key, **dict(problem.params)) for problem in score.problems}
        for editor in self.query(ItemEditor):
            if editor in bad:
                continue
            if editor.item.id in problems:
                editor.show_problem(problems[editor.item.id])
            elif editor.item.id in score.missing:
                editor.show_problem(t("review.visit.item_required"))
            else:
                editor.show_problem(None)
                continue
            first_bad = first_bad or editor
        for editor in bad:
            first_bad = first_bad or editor
        note = self.query_one("#visit-note", Input).value.strip()
        too_long = len(note) > VISIT_NOTE_MAX_LENGTH
        self.query_one("#note-problem", Label).update(
            t("self.dialog.too_long", length=len(note), limit=VISIT_NOTE_MAX_LENGTH) if too_long else ""
        )
        if too_long:
            first_bad = first_bad or self.query_one("#visit-note", Input)
        if first_bad is not None:
            if isinstance(first_bad, ItemEditor):
                first_bad.focus_answer()
            elif hasattr(first_bad, "focus"):
                first_bad.focus()
            self.notify(t("review.visit.fix_first"), severity="warning", markup=False)
            return
        assert day is not None and unit_id is not None
        self.save(form, unit_id, day, answers, note)

    @work(thread=True, exclusive=True, group="store")
    def save(self, form: Form, unit_id: str, day: str, answers: dict[str, AnswerValue], note: str) -> None:
        """Write the visit in one step (add or update)."""
        try:
            check_in_group(self.store, self.group, unit_id)
            if self.visit is None:
                self.store.visits.add_visit(unit_id, self.group, day, form.id, answers, note)
            else:
                self.store.visits.update_visit(self.visit.id, day=day, answers=answers, note=note)
        except KaopingError as error:
            self.post_message(StoreRefused(error_text(error)))
            return
        self.app.call_from_thread(self._saved)

    def _saved(self) -> None:
        self.notify(t("review.visit.saved"), markup=False)
        self.dismiss(None)

    def on_store_refused(self, message: StoreRefused) -> None:
        message.stop()
        self.notify(message.reason, severity="error", timeout=8, markup=False)

    def action_cancel(self) -> None:
        self.dismiss(None)
