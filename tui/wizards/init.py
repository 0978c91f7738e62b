"""The `kaoping init` wizard: asks, in Chinese or English, whatever the flags left open."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import Any, Protocol

from store.passphrases import MIN_LENGTH
from tui.i18n import t


@dataclass(frozen=True)
class Choice:
    """One option of a multiple choice: its value and the label shown."""

    value: str
    label: str


@dataclass(frozen=True)
class InitAnswers:
    """Everything `kaoping init` needs; None = not given yet (asked by the wizard or defaulted)."""

    name: str | None = None
    year: int | None = None
    form_ids: tuple[str, ...] | None = None
    codes: dict[str, int] | None = None
    passphrase: str | None = None
    units_file: Path | None = None


class Asker(Protocol):
    """The questions a wizard can ask; `QuestionaryAsker` asks in the terminal, tests pass a fake."""

    def text(self, message: str, default: str, validate: Callable[[str], str | None]) -> str: ...

    def checkbox(self, message: str, choices: Sequence[Choice], checked: Sequence[str]) -> list[str]: ...

    def password(self, message: str, validate: Callable[[str], str | None]) -> str: ...

    def confirm(self, message: str, default: bool) -> bool: ...


class QuestionaryAsker:
    """Asks with questionary; Ctrl+C raises KeyboardInterrupt (the CLI says nothing was changed).

    `input`/`output` are prompt_toolkit's, for tests (`create_pipe_input()`, `DummyOutput()`).
    Questionary's own English (its key hints, "done (3 selections)", "Yes") is replaced by the catalogue's.
    """

    def __init__(self, input: object = None, output: object = None) -> None:
        self._io: dict[str, Any] = {
            key: value for key, value in (("input", input), ("output", output)) if value is not None
        }

    def _print(self, text: str, style: str | None = None) -> None:
        import questionary

        where = {"output": self._io["output"]} if "output" in self._io else {}
        questionary.print(text, style=style, **where)

    def text(self, message: str, default: str, validate: Callable[[str], str | None]) -> str:
        import questionary

        answer = questionary.text(
            message, default=default, validate=lambda v: validate(v) or True, **self._io
        ).unsafe_ask()
        return str(answer)

    def checkbox(self, message: str, choices: Sequence[Choice], checked: Sequence[str]) -> list[str]:
        import questionary

        options = [questionary.Choice(c.label, value=c.value, checked=c.value in checked) for c in choices]
        question = questionary.checkbox(
            message,
            choices=options,
            instruction=t("polish.wizard.checkbox_hint"),
            validate=lambda picked: bool(picked) or t("store.wizard.pick_one"),
            **self._io,
        )
        labels = {choice.value: choice.label for choice in choices}

        def said(answer: list[str]) -> str:
            names = t("polish.wizard.list_separator").join(labels.get(str(v), str(v)) for v in answer)
            return t("polish.wizard.picked", count=len(answer), names=names)

        return [str(value) for value in self._ask(question, message, said)]

    def _ask(self, question: Any, message: str, said: Callable[[Any], str]) -> Any:
        """Ask `question` without questionary's own words for the answer ("done (3 selections)", "Yes"):
        that fragment is left out of the question line, which is erased when answered, and the
        answer is said again below in the interface language."""
        from prompt_toolkit.shortcuts import PromptSession

        for window in question.application.layout.find_all_windows():
            prefix = window.get_line_prefix  # the question line is the session's prompt, drawn here
            session = getattr(getattr(prefix, "func", None), "__self__", None)
            if isinstance(session, PromptSession):
                session.message = partial(_without_answer, session.message)
        question.application.erase_when_done = True
        answer = question.unsafe_ask()
        self._print(f"? {message} {said(answer)}")
        return answer

    def password(self, message: str, validate: Callable[[str], str | None]) -> str:
        """Ask until `validate` passes; a rejected answer is gone from the masked field (a fresh prompt),
        so what is typed next is never appended to what cannot be seen."""
        import questionary

        while True:
            answer = str(questionary.password(message, **self._io).unsafe_ask())
            problem = validate(answer)
            if problem is None:
                return answer
            self._print(problem, style="fg:ansired")

    def confirm(self, message: str, default: bool) -> bool:
        import questionary

        hint = t("polish.wizard.yes_no" if default else "polish.wizard.no_yes")
        question = questionary.confirm(message, default=default, instruction=hint + " ", **self._io)
        return bool(
            self._ask(question, message, lambda yes: t("polish.wizard.yes" if yes else "polish.wizard.no"))
        )


def _without_answer(message: Any) -> Any:
    """A question line's fragments but questionary's own answer (class:answer)."""
    from prompt_toolkit.formatted_text import to_formatted_text

    return [fragment for fragment in to_formatted_text(message) if fragment[0] != "class:answer"]


def _year_problem(text: str) -> str | None:
    return None if text.strip().isdigit() and 2000 <= int(text) <= 2100 else t("store.wizard.bad_year")


def _count_problem(text: str) -> str | None:
    return None if text.strip().isdigit() and 0 <= int(text) <= 5000 else t("store.wizard.bad_count")


def _name_problem(text: str) -> str | None:
    return None if text.strip() else t("store.wizard.name_empty")


def _path_problem(text: str) -> str | None:
    return None if not text.strip() or Path(text.strip()).is_file() else t("store.wizard.no_file")


def _passphrase_problem(text: str) -> str | None:
    from store.passphrases import passphrase_problem

    problem = passphrase_problem(text)
    return None if problem is None else t(problem.key, **problem.params)


def ask_init(
    given: InitAnswers,
    *,
    asker: Asker,
    default_year: int,
    forms: Sequence[Choice],
    rater_groups: Sequence[Choice],
    ask_units: bool,
) -> InitAnswers:
    """Ask for every answer missing from `given`, in the order of the scenario; returns all answers."""
    answers = given
    if answers.year is None:
        year = asker.text(t("store.wizard.year"), str(default_year), _year_problem)
        answers = replace(answers, year=int(year))
    if answers.name is None:
        default_name = t("store.wizard.default_name", year=answers.year)
        answers = replace(
            answers, name=asker.text(t("store.wizard.name"), default_name, _name_problem).strip()
        )
    if answers.form_ids is None:
        picked = asker.checkbox(t("store.wizard.forms"), forms, [choice.value for choice in forms])
        answers = replace(answers, form_ids=tuple(picked))
    if ask_units and answers.units_file is None:
        typed = asker.text(t("store.wizard.units"), "", _path_problem).strip()
        answers = replace(answers, units_file=Path(typed) if typed else None)
    if answers.codes is None:
        codes: dict[str, int] = {}
        for group in rater_groups:
            count = asker.text(t("store.wizard.codes", group=group.label), "0", _count_problem)
            if int(count) > 0:
                codes[group.value] = int(count)
        answers = replace(answers, codes=codes)
    while answers.passphrase is None:
        first = asker.password(t("store.wizard.passphrase", min=MIN_LENGTH), _passphrase_problem)
        again = asker.password(t("store.wizard.passphrase_again"), lambda _v: None)
        if first == again:
            answers = replace(answers, passphrase=first)
        elif not asker.confirm(t("store.wizard.passphrase_mismatch"), True):
            raise KeyboardInterrupt
    return answers
