"""One form item as a widget: its answer field, an evidence note, and why a value was refused."""

from __future__ import annotations

from dataclasses import dataclass

from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Input, Label, Select, SelectionList, TextArea

from forms.model import AnswerValue, Form, Item
from tui.i18n import language, t
from tui.widgets.field_input import FieldInput

LONG_TEXT = 100
"""A text item allowing more characters than this (or unlimited) gets a multi-line field."""

NOTE_TYPES = frozenset({"rating", "score", "check", "choice", "multi", "deduct", "veto"})
"""Item types that take an evidence note beside the answer (text items are the note themselves)."""


class Unparsable(ValueError):
    """What the user typed is not a value of the item's type; carries the reason to show."""


def _format_number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def bounds_text(item: Item) -> str:
    """A short description of what the item accepts, e.g. "0–10分" or "是/否"."""
    if item.type == "score" and item.min is not None and item.max is not None:
        return t("self.item.range", low=_format_number(item.min), high=_format_number(item.max))
    if item.type == "deduct":
        if item.points is not None:
            return t("self.item.deduct_each", points=_format_number(item.points))
        return t("self.item.deduct_points")
    if item.type in ("check", "veto"):
        return t("self.item.yes_no")
    if item.type == "text" and item.max_length:
        return t("self.item.max_chars", limit=item.max_length)
    return ""


def value_to_text(item: Item, value: AnswerValue, form: Form | None = None) -> str:
    """How an answer reads in a table (the review of a submission, the visit list): a rating by its
    level's label (落实 / 部分落实 / 未落实), never its code, when the `form` is given."""
    if value is None or value == "" or value == []:
        return "—"
    if item.type == "rating" and form is not None and isinstance(value, str):
        scale = form.scale_of(item)
        level = next((lv for lv in scale.levels if lv.code == value), None) if scale else None
        if level is not None:
            return level.label.get(language())
    if isinstance(value, bool):
        return t("self.yes") if value else t("self.no")
    if isinstance(value, (int, float)):
        return _format_number(float(value))
    if isinstance(value, list):
        return "、".join(_choice_label(item, code) for code in value)
    if item.type == "choice":
        return _choice_label(item, value)
    return str(value)


def _choice_label(item: Item, code: str) -> str:
    choice = item.choice(code)
    return choice.label.get(language()) if choice else code


class ItemEditor(Horizontal):
    """The answer field and evidence note of one item; posts `ItemEditor.Edited` with the parsed values."""

    DEFAULT_CSS = """
    ItemEditor {
        height: auto;
        margin-bottom: 1;
    }
    ItemEditor:focus-within .sa-item-label {
        color: $accent;
    }
    ItemEditor.-hidden {
        display: none;
    }
    ItemEditor.-refused Input {
        background: $error 25%;
    }
    ItemEditor .sa-item-label {
        dock: top;
        text-style: bold;
        width: 100%;
    }
    ItemEditor #answer {
        width: 16;
        margin-right: 1;
    }
    ItemEditor #answer.-wide {
        width: 1fr;
        margin-right: 0;
    }
    ItemEditor .sa-note {
        width: 1fr;
    }
    ItemEditor TextArea.sa-long {
        height: 5;
    }
    ItemEditor SelectionList {
        height: auto;
        max-height: 8;
    }
    ItemEditor Input {
        background: $boost;
    }
    ItemEditor Input:focus {
        background: $primary 30%;
    }
    ItemEditor #problem {
        dock: bottom;
        color: $error;
        height: auto;
        width: 100%;
    }
    """
    """The label over the answer and note fields; a refused answer on red, its reason under it.

    One row without a container of its own: the fields are laid out side by side in the editor, the
    label docked above them and the reason below (a section of ten items mounts ten widgets fewer)."""

    @dataclass
    class Edited(Message):
        """The user changed the answer or the note of `item_id`; `problem` is set when it cannot be parsed."""

        editor: ItemEditor
        item_id: str
        value: AnswerValue
        note: str
        problem: str | None = None
        text: str | None = None
        """The answer field's text as typed (kept when it is not a valid value)."""

    @dataclass
    class Focused(Message):
        """A field of this item got the focus (to show its criteria and remember the place)."""

        editor: ItemEditor
        item_id: str

    def __init__(
        self,
        form: Form,
        item: Item,
        value: AnswerValue,
        note: str = "",
        *,
        read_only: bool = False,
        with_note: bool = True,
        typed: str | None = None,
    ) -> None:
        super().__init__(id=f"item-{item.id}", classes="sa-item")
        self.with_note = with_note
        self.form = form
        self.item = item
        self.initial_value = value
        self.initial_note = note
        self.initial_typed = typed
        self.read_only = read_only
        self._loading = True
        self.problem_text = ""
        """The reason the current value was refused, or "" (what the label under the field shows)."""

    def compose(self) -> ComposeResult:
        item = self.item
        lang = language()
        mark = " *" if item.required else ""
        extra = bounds_text(item)
        title = item.label.get(lang) + mark + (f"  [{extra}]" if extra else "")
        yield Label(title, classes="sa-item-label", markup=False)
        answer = self._answer_field()
        takes_note = self.with_note and item.type in NOTE_TYPES
        answer.set_class(not takes_note or item.type == "multi", "-wide")
        yield answer
        if takes_note:
            yield FieldInput(
                self.initial_note,
                placeholder=t("self.item.note_placeholder"),
                id="note",
                classes="sa-note",
                disabled=self.read_only,
            )

    def _answer_field(self) -> Input | TextArea | Select[object] | SelectionList[str]:
        item = self.item
        value = self.initial_value
        lang = language()
        if item.type in ("score", "deduct"):
            text = "" if value is None or isinstance(value, (bool, list)) else str(value)
            if self.initial_typed:
                text = self.initial_typed
            return FieldInput(
                text,
                id="answer",
                classes="sa-number",
                disabled=self.read_only,
                placeholder=bounds_text(item),
            )
        if item.type == "text" and (item.max_length is None or item.max_length > LONG_TEXT):
            # A long answer (up to 1,000 characters) gets lines of its own, soft-wrapped, not a slit.
            return TextArea(
                self.initial_typed or ("" if value is None else str(value)),
                id="answer",
                classes="sa-long",
                disabled=self.read_only,
                placeholder=bounds_text(item),
                soft_wrap=True,
                tab_behavior="focus",
                compact=True,
            )
        if item.type == "text":
            return FieldInput(
                self.initial_typed or ("" if value is None else str(value)),
                id="answer",
                disabled=self.read_only,
                placeholder=bounds_text(item),
            )
        if item.type == "multi":
            picked = value if isinstance(value, list) else []
            return SelectionList[str](
                *[(choice.label.get(lang), choice.code, choice.code in picked) for choice in item.choices],
                id="answer",
                disabled=self.read_only,
            )
        options: list[tuple[str, object]]
        if item.type in ("check", "veto"):
            options = [(t("self.yes"), True), (t("self.no"), False)]
        elif item.type == "rating":
            scale = self.form.scale_of(item)
            options = [(level.label.get(lang), level.code) for level in (scale.levels if scale else ())]
        else:
            options = [(choice.label.get(lang), choice.code) for choice in item.choices]
        initial: object = Select.NULL if value is None else value
        if initial is not Select.NULL and initial not in [code for _, code in options]:
            initial = Select.NULL
        return Select[object](
            options,
            prompt=t("self.item.pick"),
            value=initial,
            id="answer",
            classes="sa-choice",
            disabled=self.read_only,
            compact=True,
        )

    def on_mount(self) -> None:
        # Fields post Changed for their initial values; only edits by the user count.
        self.call_after_refresh(self._loaded)

    def _loaded(self) -> None:
        self._loading = False

    def parse(self) -> AnswerValue:
        """The answer as a value of the item's type; raises `Unparsable` with the reason."""
        field = self.query_one("#answer")
        if isinstance(field, SelectionList):
            return list(field.selected)
        if isinstance(field, Select):
            return None if field.value is Select.NULL else field.value  # type: ignore[return-value]
        if isinstance(field, TextArea):
            return field.text if field.text.strip() else None
        assert isinstance(field, Input)
        text = field.value.strip()
        if self.item.type == "text":
            return field.value if field.value.strip() else None
        if not text:
            return None
        try:
            number = float(text)
        except ValueError:
            raise Unparsable(t("self.item.not_number", text=text)) from None
        if self.item.type == "deduct" and self.item.points is not None:
            if not number.is_integer() or number < 0:
                raise Unparsable(t("self.item.not_count", text=text))
            return int(number)
        return int(number) if number.is_integer() else number

    @property
    def note(self) -> str:
        """The evidence note as typed (empty when the item takes none)."""
        notes = self.query("#note")
        return notes.first(Input).value.strip() if notes else ""

    def show_problem(self, problem: str | None) -> None:
        """Show (or clear) the reason the current value was refused, under the field."""
        self.problem_text = problem or ""
        found = self.query("#problem")
        if not found:
            if not problem:
                return
            # Mounted on the first refusal only: most items are never refused.
            self.mount(Label(problem, id="problem", classes="sa-problem", markup=False))
        else:
            label = found.first(Label)
            label.update(problem or "")
            label.display = bool(problem)
        self.set_class(bool(problem), "-refused")

    def _edited(self) -> None:
        if self._loading or self.read_only:
            return
        text = self.raw_text
        try:
            value = self.parse()
        except Unparsable as error:
            self.post_message(self.Edited(self, self.item.id, None, self.note, str(error), text))
            return
        self.post_message(self.Edited(self, self.item.id, value, self.note, None, text))

    @property
    def raw_text(self) -> str | None:
        """The answer field's text when it is a text field (None for choices)."""
        field = self.query_one("#answer")
        if isinstance(field, TextArea):
            return field.text
        return field.value if isinstance(field, Input) else None

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._edited()

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        self._edited()

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        self._edited()

    def on_selection_list_selected_changed(self, event: SelectionList.SelectedChanged) -> None:  # type: ignore[type-arg]
        event.stop()
        self._edited()

    def on_key(self, event: events.Key) -> None:
        # A rating answered by its scale's keys (1 = 落实, 2 = 部分落实, 3 = 未落实), as on paper.
        if self.read_only or self.item.type != "rating" or not event.character:
            return
        scale = self.form.scale_of(self.item)
        level = scale.level_for_key(event.character) if scale else None
        field = self.query("#answer")
        if level is None or not field or not isinstance(field.first(), Select):
            return
        event.stop()
        event.prevent_default()
        field.first(Select).value = level.code

    def on_descendant_focus(self) -> None:
        self.post_message(self.Focused(self, self.item.id))

    def focus_answer(self) -> None:
        """Put the cursor in the answer field."""
        self.query_one("#answer").focus()
