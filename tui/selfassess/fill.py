"""The fill-in screen: sections with marks, one section's items with criteria, live totals, submit."""

from __future__ import annotations

import asyncio
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from forms.errors import KaopingError
from forms.model import Section
from forms.scoring import ResponseScore, visible_items
from tui.i18n import error_text, language, t
from tui.results.chart import star_label
from tui.selfassess.dialogs import ConfirmScreen
from tui.selfassess.item_editor import ItemEditor, value_to_text
from tui.selfassess.messages import AnswersSaved, SaveFailed, SubmitRefused, Submitted
from tui.selfassess.panel import Panel
from tui.selfassess.session import SelfSession


def _number(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def parse_position(position: str | None) -> tuple[str | None, str | None]:
    """(section id, item id) from a saved position "section/item" (either may be missing)."""
    if not position:
        return None, None
    section, _, item = position.partition("/")
    return section or None, item or None


def section_prompt(section: Section, done: bool) -> str:
    """A section's line in the side list: a completion mark (✓ complete, ○ still open) and its title."""
    return ("✓ " if done else "○ ") + section.title.get(language())


class FillScreen(Screen[None]):
    """Where a unit fills in (or, once submitted, reads) one self-assessment form."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f8,ctrl+n", "next_section", t("self.key.next_section")),
        Binding("f7,ctrl+b", "previous_section", t("self.key.previous_section")),
        Binding("f9", "submit", t("self.key.submit")),
        Binding("escape", "leave", t("key.back")),
    ]

    def __init__(self, session: SelfSession) -> None:
        super().__init__(classes="sa-fill")
        self.session = session
        self.focused_item: str | None = None
        self.last_score: ResponseScore | None = None
        self._save_note = ""
        self._section_lock = asyncio.Lock()
        self._marks: dict[str, bool] = {}
        section_id, self._resume_item = parse_position(session.position)
        sections = session.form.sections
        self.section_index = next((i for i, s in enumerate(sections) if s.id == section_id), 0)

    # ------------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="sa-banner", classes="sa-banner -hidden", markup=False)
        with Horizontal(id="sa-body"):
            # One OptionList rather than a ListView of items: a single widget to mount and lay out.
            yield OptionList(
                *[
                    Option(section_prompt(section, False), id=section.id)
                    for section in self.session.form.sections
                ],
                id="sa-sections",
            )
            # The first section is composed with the screen: one mount pass, no empty frame.
            with Panel(id="sa-items"):
                yield from self._section_widgets(self.section_index)
            with Panel(id="sa-criteria"):
                yield Static("", id="sa-criteria-text", markup=False)
        yield Static("", id="sa-totals", classes="sa-totals")
        yield Footer()

    def on_mount(self) -> None:
        form = self.session.form
        self.title = form.title.get(language())  # the unit's name is the sub-title already
        self._show_banner()
        self.refresh_totals()
        listing = self.query_one("#sa-sections", OptionList)
        listing.highlighted = self.section_index
        self._focus_after_showing(list(self.query(ItemEditor)), self._resume_item)

    def _show_banner(self) -> None:
        banner = self.query_one("#sa-banner", Static)
        session = self.session
        if session.state == "returned":
            text = t("self.banner.returned", note=session.return_note or "—")
        elif not session.editable:
            text = t("self.banner.read_only", state=t(f"self.state.{session.state}"))
        else:
            text = ""
        banner.update(text)
        banner.set_class(not text, "-hidden")

    async def show_section(self, index: int, focus_item: str | None = None) -> None:
        """Replace the item panel with the items of section `index` and focus one of them.

        Serialized by a lock: the old editors must be gone before the new ones (same ids) are mounted.
        """
        async with self._section_lock:
            await self._show_section(index, focus_item)

    async def _show_section(self, index: int, focus_item: str | None) -> None:
        sections = self.session.form.sections
        if not sections:
            return
        self.section_index = max(0, min(index, len(sections) - 1))
        listing = self.query_one("#sa-sections", OptionList)
        if listing.highlighted != self.section_index:
            listing.highlighted = self.section_index
        panel = self.query_one("#sa-items", Panel)
        await panel.remove_children()
        widgets = self._section_widgets(self.section_index)
        await panel.mount_all(widgets)
        self._focus_after_showing([w for w in widgets if isinstance(w, ItemEditor)], focus_item)

    def _section_widgets(self, index: int) -> list[Static | ItemEditor]:
        """The heading and item editors of section `index` (hidden items mounted, but not displayed)."""
        sections = self.session.form.sections
        if not sections:
            return []
        section = sections[index]
        shown, _ = visible_items(self.session.form, self.session.answers)
        widgets: list[Static | ItemEditor] = [
            Static(section.title.get(language()), classes="sa-section-title", markup=False)
        ]
        for item in section.items:
            editor = ItemEditor(
                self.session.form,
                item,
                self.session.answers.get(item.id),
                self.session.notes.get(item.id, ""),
                read_only=not self.session.editable,
            )
            editor.set_class(item.id not in shown, "-hidden")
            widgets.append(editor)
        return widgets

    def _focus_after_showing(self, editors: list[ItemEditor], focus_item: str | None) -> None:
        visible = [editor for editor in editors if not editor.has_class("-hidden")]
        target = next((e for e in visible if e.item.id == focus_item), None) or next(iter(visible), None)
        if target is not None:
            self.call_after_refresh(self._focus_editor, target)
        else:
            self._show_criteria(None)

    def _focus_editor(self, editor: ItemEditor) -> None:
        if self.session.editable:
            editor.focus_answer()
        editor.scroll_visible()
        self._show_criteria(editor)

    def _show_criteria(self, editor: ItemEditor | None) -> None:
        text = self.query_one("#sa-criteria-text", Static)
        section = self.session.form.sections[self.section_index] if self.session.form.sections else None
        if editor is None:
            text.update(section.help.get(language()) if section else "")
            return
        item = editor.item
        help_text = item.help.get(language()) or t("self.criteria.none")
        shown = t("self.criteria.title") + "\n" + help_text
        adjustment = self.session.adjustments.get(item.id)
        if adjustment is not None:
            shown += "\n\n" + t(
                "self.criteria.adjusted",
                value=value_to_text(item, adjustment.value),
                reason=adjustment.reason,
                group=adjustment.group,
                day=adjustment.day,
            )
        text.update(shown)

    # ------------------------------------------------------------------ totals and marks

    def refresh_totals(self) -> None:
        """Recompute the score with the engine and show total, star, deductions, vetoes and the marks."""
        session = self.session
        score = session.score()
        self.last_score = score
        star = session.star(score)
        open_count = len(score.missing) + len(score.notes_missing) + len(score.problems)
        line = Text()
        line.append(
            t("self.totals.total", total=_number(score.total), max=_number(score.max_total)), style="bold"
        )
        line.append("  ·  " + t("self.totals.star", star=star_label(star)))
        line.append("  ·  " + t("self.totals.deductions", points=_number(score.deductions)))
        line.append("  ·  " + t("self.totals.open", count=open_count))
        if self._save_note:
            line.append("  ·  " + self._save_note, style="dim")
        if score.vetoes:
            labels = []
            for hit in score.vetoes:
                item = session.form.item(hit.item)
                labels.append(item.label.get(language()) if item else hit.item)
            line.append("\n")
            line.append(t("self.totals.vetoes", items="；".join(labels)), style="bold red")
        self.query_one("#sa-totals", Static).update(line)
        listing = self.query_one("#sa-sections", OptionList)
        for index, section in enumerate(self.session.form.sections):
            done = SelfSession.section_done(section, score)
            if self._marks.get(section.id) != done:
                self._marks[section.id] = done
                listing.replace_option_prompt_at_index(index, section_prompt(section, done))

    def _apply_visibility(self) -> None:
        shown, _ = visible_items(self.session.form, self.session.answers)
        for editor in self.query(ItemEditor):
            editor.set_class(editor.item.id not in shown, "-hidden")

    # ------------------------------------------------------------------ editing

    @on(ItemEditor.Edited)
    def _edited(self, event: ItemEditor.Edited) -> None:
        event.stop()
        if event.problem is not None:
            event.editor.show_problem(event.problem)
            return
        problem = self.session.enter(event.item_id, event.value, event.note)
        event.editor.show_problem(problem)
        if problem is not None:
            return
        self._apply_visibility()
        self.refresh_totals()
        self.autosave()

    @on(ItemEditor.Focused)
    def _item_focused(self, event: ItemEditor.Focused) -> None:
        event.stop()
        self._show_criteria(event.editor)
        if event.item_id == self.focused_item:
            return
        self.focused_item = event.item_id
        if self.session.editable:
            section = self.session.form.sections[self.section_index]
            self.remember_position(f"{section.id}/{event.item_id}")

    @on(OptionList.OptionSelected, "#sa-sections")
    async def _section_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_index != self.section_index:
            await self.show_section(event.option_index)
        else:
            self._focus_first()

    def _focus_first(self) -> None:
        editors = [e for e in self.query(ItemEditor) if not e.has_class("-hidden")]
        if editors:
            self._focus_editor(editors[0])

    def on_input_submitted(self, event: object) -> None:
        # Enter in a field moves on to the next one, as in a paper form.
        self.focus_next()

    # ------------------------------------------------------------------ store work

    @work(thread=True, group="autosave")
    def autosave(self) -> None:
        """Write the queued answers; the session keeps them in order across overlapping workers."""
        try:
            count = self.session.flush()
        except KaopingError as error:
            self.post_message(SaveFailed(error_text(error)))
            return
        except OSError as error:
            self.post_message(SaveFailed(t("error.unexpected", detail=str(error))))
            return
        if count:
            self.post_message(AnswersSaved(count))

    @work(thread=True, exclusive=True, group="position")
    def remember_position(self, position: str) -> None:
        """Remember the current section and item so the unit resumes here."""
        try:
            self.session.save_position(position)
        except (KaopingError, OSError):
            # Losing the place is harmless; the answers themselves are saved separately.
            return

    def on_answers_saved(self, message: AnswersSaved) -> None:
        self._save_note = t("self.totals.saved")
        self.refresh_totals()

    def on_save_failed(self, message: SaveFailed) -> None:
        self._save_note = t("self.totals.unsaved")
        self.refresh_totals()
        self.notify(message.reason, title=t("self.save_failed"), severity="error", timeout=8)

    # ------------------------------------------------------------------ actions

    async def action_next_section(self) -> None:
        await self.show_section(self.section_index + 1)

    async def action_previous_section(self) -> None:
        await self.show_section(self.section_index - 1)

    def action_leave(self) -> None:
        self.leave_after_saving()

    @work(thread=True, exclusive=True, group="leave")
    def leave_after_saving(self) -> None:
        """Write what is still queued before leaving, so nothing typed is lost on the way out."""
        try:
            self.session.flush()
        except KaopingError as error:
            self.post_message(SaveFailed(error_text(error)))
            return
        self.app.call_from_thread(self._left)

    def _left(self) -> None:
        if getattr(self.app, "form_list", None) is not None:
            self.dismiss(None)
        else:
            self.app.exit()

    async def action_submit(self) -> None:
        session = self.session
        if not session.editable:
            self.notify(t("self.read_only"), severity="warning")
            return
        refused = [editor for editor in self.query(ItemEditor) if editor.problem_text]
        if refused:
            # What the screen shows must be what is submitted: a refused value is not in the session.
            self._focus_editor(refused[0])
            self.notify(t("self.submit.fix_refused"), severity="warning")
            return
        score = session.score()
        if not score.complete:
            await self._go_to_first_open(score)
            self.notify(
                t(
                    "self.submit.incomplete",
                    count=len(score.missing) + len(score.notes_missing) + len(score.problems),
                ),
                severity="warning",
            )
            return
        question = t(
            "self.submit.confirm",
            total=_number(score.total),
            max=_number(score.max_total),
            star=star_label(session.star(score)),
        )
        self.app.push_screen(ConfirmScreen(question, t("self.key.submit")), self._confirmed)

    async def _go_to_first_open(self, score: ResponseScore) -> None:
        open_items = {*score.missing, *score.notes_missing, *(p.item for p in score.problems)}
        for index, section in enumerate(self.session.form.sections):
            for item in section.items:
                if item.id in open_items:
                    await self.show_section(index, focus_item=item.id)
                    return

    def _confirmed(self, confirmed: bool | None) -> None:
        if confirmed:
            self.submit_now()

    @work(thread=True, exclusive=True, group="store")
    def submit_now(self) -> None:
        """Submit in the store; the screen turns read-only when it is done."""
        try:
            self.session.submit()
        except KaopingError as error:
            self.post_message(SubmitRefused(error_text(error)))
            return
        self.post_message(Submitted())

    async def on_submitted(self, message: Submitted) -> None:
        self.notify(t("self.submit.done"), title=t("self.submit.title"))
        self._show_banner()
        self.refresh_totals()
        await self.show_section(self.section_index)

    def on_submit_refused(self, message: SubmitRefused) -> None:
        self.notify(message.reason, title=t("self.submit.title"), severity="error", timeout=8)
