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
from forms.rounding import format_score
from forms.scoring import ResponseScore, visible_items
from tui.i18n import error_text, language, t
from tui.selfassess.history import actor_text
from tui.selfassess.messages import AnswersSaved, SaveFailed, SubmitRefused, Submitted
from tui.selfassess.session import SelfSession
from tui.widgets import ConfirmDialog, ItemEditor, Panel, star_label, value_to_text
from tui.widgets.breakpoints import preset_breakpoints

OPEN_LISTED = 8
"""How many open items the submit refusal names one by one (then "and N more")."""


def _number(value: float) -> str:
    return format_score(value, trim=True)


def parse_position(position: str | None) -> tuple[str | None, str | None]:
    """(section id, item id) from a saved position "section/item" (either may be missing)."""
    if not position:
        return None, None
    section, _, item = position.partition("/")
    return section or None, item or None


def section_prompt(section: Section, done: bool, unfinished: int = 0) -> str:
    """A section's line in the side list: a completion mark (✓ complete, △ holds unfinished answers that
    are saved but not acceptable yet, ○ still open) and its title."""
    mark = "△ " if unfinished else ("✓ " if done else "○ ")
    return mark + section.title.get(language())


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
        self._marks: dict[str, tuple[bool, int]] = {}
        section_id, self._resume_item = parse_position(session.position)
        sections = session.form.sections
        self.section_index = next((i for i, s in enumerate(sections) if s.id == section_id), 0)

    # ------------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        preset_breakpoints(self)  # the items are styled once, for the width they are shown at
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
                markup=False,
            )
            # The first section is composed with the screen: one mount pass, no empty frame.
            with Panel(id="sa-items"):
                yield from self._section_widgets(self.section_index)
            with Panel(id="sa-criteria"):
                yield Static("", id="sa-criteria-text", markup=False)
        yield Static("", id="sa-totals", classes="sa-totals", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        form = self.session.form
        self.title = form.title.get(language())  # the unit's name is the sub-title already
        self._show_banner()
        self.refresh_totals()
        listing = self.query_one("#sa-sections", OptionList)
        listing.highlighted = self.section_index
        self._mark_unfinished()
        self._focus_after_showing(list(self.query(ItemEditor)), self._resume_item)

    def _mark_unfinished(self) -> None:
        """Show beside each item of the section why what is kept there is not finished yet."""
        if not self.session.editable:
            return
        unfinished = self.session.unfinished(self.session.score())
        for editor in self.query(ItemEditor):
            if editor.item.id in unfinished:
                editor.show_problem(unfinished[editor.item.id])

    def _show_banner(self) -> None:
        banner = self.query_one("#sa-banner", Static)
        text = self.banner_text()
        banner.update(text)
        banner.set_class(not text, "-hidden")

    def banner_text(self) -> str:
        """What the unit must know about its form: sent back with the note, reopened with the reason,
        read-only, and every adjustment of the liaison group with its reason, in the unit's language."""
        session = self.session
        lines: list[str] = []
        if session.state == "returned":
            lines.append(t("self.banner.returned", note=session.return_note or "—"))
        elif not session.editable:
            lines.append(t("self.banner.read_only", state=t(f"self.state.{session.state}")))
        last = session.history[-1] if session.history else None
        if last is not None and last.action == "reopened" and session.editable:
            lines.append(
                t(
                    "selfyear.banner.reopened",
                    day=last.day,
                    actor=actor_text(last.actor),
                    reason=last.note or "—",
                )
            )
        if session.all_adjustments:
            lines.append(t("selfyear.banner.adjusted", count=len(session.adjustments)))
            for item_id, adjustment in session.adjustments.items():
                item = session.form.item(item_id)
                label = item.label.get(language()) if item else item_id
                lines.append(
                    t(
                        "selfyear.banner.adjustment",
                        item=label,
                        original=value_to_text(item, adjustment.original, session.form) if item else "—",
                        value=value_to_text(item, adjustment.value, session.form) if item else "—",
                        reason=adjustment.reason,
                        group=adjustment.group,
                    )
                )
        return "\n".join(lines)

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
        self._mark_unfinished()
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
                typed=self.session.typed.get(item.id),
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
                value=value_to_text(item, adjustment.value, self.session.form),
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
        open_count = len(session.open_items(score))
        line = Text()
        line.append(
            t("self.totals.total", total=_number(score.total), max=_number(score.max_total)), style="bold"
        )
        if session.rates_stars:
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
            mark = (session.section_done(section, score), session.section_unfinished(section, score))
            if self._marks.get(section.id) != mark:
                self._marks[section.id] = mark
                listing.replace_option_prompt_at_index(index, section_prompt(section, *mark))

    def _apply_visibility(self) -> None:
        shown, _ = visible_items(self.session.form, self.session.answers)
        for editor in self.query(ItemEditor):
            editor.set_class(editor.item.id not in shown, "-hidden")

    # ------------------------------------------------------------------ editing

    @on(ItemEditor.Edited)
    def _edited(self, event: ItemEditor.Edited) -> None:
        event.stop()
        session = self.session
        problem = session.enter(event.item_id, event.value, event.note, event.text, event.problem)
        event.editor.show_problem(problem)
        if not session.dirty:
            return  # refused outright (read-only, a note too long): nothing was kept
        # Kept, valid or not: the footer says 已自动保存 only once the store has it.
        self._save_note = t("selfyear.saving")
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
            self._warn_unfinished(self.section_index)
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
        if not self.session.dirty:
            self._save_note = t("self.totals.saved")
        self.refresh_totals()

    def _warn_unfinished(self, index: int | None) -> None:
        """On leaving a section (None: the form) that keeps unfinished answers, say so once."""
        session = self.session
        if not session.editable or not session.form.sections:
            return
        score = session.score()
        if index is None:
            count = len(session.unfinished(score))
        else:
            count = session.section_unfinished(session.form.sections[index], score)
        if count:
            self.notify(
                t("selfyear.leave_unfinished", count=count), severity="warning", timeout=8, markup=False
            )

    def on_save_failed(self, message: SaveFailed) -> None:
        self._save_note = t("self.totals.unsaved")
        self.refresh_totals()
        self.notify(message.reason, title=t("self.save_failed"), severity="error", timeout=8, markup=False)

    # ------------------------------------------------------------------ actions

    async def action_next_section(self) -> None:
        self._warn_unfinished(self.section_index)
        await self.show_section(self.section_index + 1)

    async def action_previous_section(self) -> None:
        self._warn_unfinished(self.section_index)
        await self.show_section(self.section_index - 1)

    def action_leave(self) -> None:
        self._warn_unfinished(None)
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
            self.notify(t("self.read_only"), severity="warning", markup=False)
            return
        score = session.score()
        open_items = session.open_items(score)
        if open_items:
            await self._go_to_first_open(score)
            self.notify(
                self.open_list(open_items),
                title=t("self.submit.title"),
                severity="warning",
                timeout=15,
                markup=False,
            )
            return
        question = t(
            "self.submit.confirm" if session.rates_stars else "selfyear.submit.confirm_no_star",
            total=_number(score.total),
            max=_number(score.max_total),
            star=star_label(session.star(score)),
        )
        # The dialog shows the total and the star being submitted: Enter submits, Escape cancels.
        dialog = ConfirmDialog(question, t("self.key.submit"), default_yes=True)
        self.app.push_screen(dialog, self._confirmed)

    def open_list(self, open_items: dict[str, str]) -> str:
        """What submit still needs, one line per item (the first ones), for the unit to act on."""
        lines = [t("self.submit.incomplete", count=len(open_items))]
        for item_id, reason in list(open_items.items())[:OPEN_LISTED]:
            item = self.session.form.item(item_id)
            label = item.label.get(language()) if item else item_id
            lines.append(t("selfyear.open.line", item=label, reason=reason))
        if len(open_items) > OPEN_LISTED:
            lines.append(t("selfyear.open.more", count=len(open_items) - OPEN_LISTED))
        return "\n".join(lines)

    async def _go_to_first_open(self, score: ResponseScore) -> None:
        open_items = set(self.session.open_items(score))
        for index, section in enumerate(self.session.form.sections):
            for item in section.items:
                if item.id in open_items:
                    if index == self.section_index:
                        # Already shown: focus it rather than rebuild the section under the cursor.
                        self._focus_after_showing(list(self.query(ItemEditor)), item.id)
                    else:
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
        self.notify(t("self.submit.done"), title=t("self.submit.title"), markup=False)
        self._show_banner()
        self.refresh_totals()
        await self.show_section(self.section_index)

    def on_submit_refused(self, message: SubmitRefused) -> None:
        self.notify(message.reason, title=t("self.submit.title"), severity="error", timeout=8, markup=False)
