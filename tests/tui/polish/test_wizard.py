"""The init wizard: a rejected passphrase leaves the masked field; the key hints are in Chinese."""

from __future__ import annotations

from typing import Any

import pytest
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput
from questionary import Question

from tui.i18n import set_language, t
from tui.wizards.init import Choice, QuestionaryAsker, _passphrase_problem


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
