"""The init wizard: a rejected passphrase leaves the masked field; the key hints are in Chinese."""

from __future__ import annotations

import io
import re
from typing import Any

import pytest
from prompt_toolkit.data_structures import Size
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput
from prompt_toolkit.output.vt100 import Vt100_Output
from questionary import Question

from tui.i18n import set_language, t
from tui.wizards.init import Choice, InitAnswers, QuestionaryAsker, _passphrase_problem, ask_init


def test_a_rejected_passphrase_does_not_stay_in_the_masked_field() -> None:
    with create_pipe_input() as pipe:
        asker = QuestionaryAsker(input=pipe, output=DummyOutput())
        pipe.send_text("abc\r")  # too short: refused
        pipe.send_text("def-secret\r")
        assert asker.password("管理员口令：", _passphrase_problem) == "def-secret"


def test_questionary_hints_follow_the_interface_language(monkeypatch: pytest.MonkeyPatch) -> None:
    import questionary

    seen: dict[str, object] = {}
    real_checkbox, real_confirm = questionary.checkbox, questionary.confirm

    def checkbox(*args: Any, **kwargs: Any) -> Question:
        seen["checkbox"] = kwargs.get("instruction")
        return real_checkbox(*args, **kwargs)

    def confirm(*args: Any, **kwargs: Any) -> Question:
        seen["confirm"] = kwargs.get("instruction")
        return real_confirm(*args, **kwargs)

    monkeypatch.setattr(questionary, "checkbox", checkbox)
    monkeypatch.setattr(questionary, "confirm", confirm)
    set_language("zh")
    with create_pipe_input() as pipe:
        asker = QuestionaryAsker(input=pipe, output=DummyOutput())
        pipe.send_text("\r")
        asker.checkbox("使用哪些测评表？", [Choice("a", "甲")], ["a"])
        pipe.send_text("y")
        asker.confirm("继续？", True)
    assert seen["checkbox"] == t("polish.wizard.checkbox_hint") and "空格" in str(seen["checkbox"])
    assert "是" in str(seen["confirm"])


# ---------------------------------------------------------------------- what the wizard prints, as a whole

ESCAPES = re.compile(
    r"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(\x07|\x1b\\)|\x1b[()][0-9A-Za-z]|\x1b[=>78]"
)


def _terminal() -> tuple[io.StringIO, Vt100_Output]:
    screen = io.StringIO()
    return screen, Vt100_Output(screen, lambda: Size(rows=40, columns=100), term="xterm", enable_cpr=False)


def _run_init_wizard(lang: str) -> str:
    """The whole init wizard in a terminal, with a rejected passphrase and a mismatch: what it printed."""
    set_language(lang)
    screen, output = _terminal()
    forms = [Choice("review_ballot", t("store.wizard.forms")), Choice("duty_list", t("store.wizard.units"))]
    groups = [Choice("members", t("store.wizard.year")), Choice("leaders", t("store.wizard.name"))]
    with create_pipe_input() as pipe:
        asker = QuestionaryAsker(input=pipe, output=output)
        for typed in [
            "\r",
            "\r",
            "\r",
            "\r",
            "5\r",
            "0\r",
            "abc\r",
            "长口令-一二三四五六\r",
            "不一样的口令\r",
        ]:
            pipe.send_text(typed)
        pipe.send_text("y")  # try again
        pipe.send_text("长口令-一二三四五六\r长口令-一二三四五六\r")
        answers = ask_init(
            InitAnswers(), asker=asker, default_year=2026, forms=forms, rater_groups=groups, ask_units=True
        )
    assert answers.passphrase == "长口令-一二三四五六" and answers.form_ids == ("review_ballot", "duty_list")
    return ESCAPES.sub(" ", screen.getvalue())


def test_the_init_wizard_prints_no_english_in_chinese() -> None:
    from tests.tui.polish.test_cli_language import _english_words, _names, every_command

    shown = _run_init_wizard("zh")
    assert "2026" in shown and "已选 2 项" in shown and "至少 10 个字符" in shown, shown
    words = _english_words(shown, _names(every_command()), [])
    assert words == [], f"English {sorted(set(words))} in the Chinese wizard: {shown!r}"


def test_the_init_wizard_prints_no_chinese_in_english() -> None:
    from tests.tui.polish.test_cli_language import CJK

    try:
        shown = _run_init_wizard("en")
    finally:
        set_language("zh")
    typed = "长口令-一二三四五六"  # the wizard never echoes a passphrase; this only guards the check itself
    assert "2 picked" in shown and not CJK.findall(shown.replace(typed, "")), shown


def test_the_restore_question_answers_in_the_interface_language() -> None:
    set_language("zh")
    screen, output = _terminal()
    with create_pipe_input() as pipe:
        asker = QuestionaryAsker(input=pipe, output=output)
        pipe.send_text("\r")
        assert asker.confirm("确定恢复吗？", False) is False
        pipe.send_text("y")
        assert asker.confirm("确定恢复吗？", False) is True
    shown = ESCAPES.sub(" ", screen.getvalue())
    assert "No" not in shown and "Yes" not in shown, shown
    assert "否" in shown and "是" in shown
