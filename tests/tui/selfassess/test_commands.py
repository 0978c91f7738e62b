"""The commands' bad input and the admin's reopen, through click's CliRunner; no app is ever started."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.tui.selfassess.conftest import Campaign, fill_and_submit
from tui.cli import cli
from tui.i18n import set_language


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """The apps the commands would have run (none really starts)."""
    apps: list[object] = []
    monkeypatch.setattr("tui.commands.support.run_app", apps.append)
    return apps


def _run(campaign: Campaign, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--data", str(campaign.context.data_dir), *args])
    set_language("zh")
    return result.exit_code, result.output


def test_unknown_unit_is_refused_before_any_screen(campaign: Campaign, started: list[object]) -> None:
    code, output = _run(campaign, "self-assess", "--unit", "不存在")
    assert code == 2
    assert "不存在" in output and "Traceback" not in output
    assert started == []


def test_self_assess_starts_the_app_for_the_unit(campaign: Campaign, started: list[object]) -> None:
    from tui.selfassess.app import SelfAssessApp

    code, _ = _run(campaign, "self-assess", "--unit", "B011")
    assert code == 0
    (app,) = started
    assert isinstance(app, SelfAssessApp) and app.unit_id == "B011"


def test_review_and_results_start_their_apps(campaign: Campaign, started: list[object]) -> None:
    from tui.results.app import ResultsApp
    from tui.review.app import ReviewApp

    assert _run(campaign, "review")[0] == 0
    assert _run(campaign, "results")[0] == 0
    assert [type(app) for app in started] == [ReviewApp, ResultsApp]


def test_without_a_terminal_the_app_is_refused_cleanly(campaign: Campaign) -> None:
    code, output = _run(campaign, "self-assess")
    assert code == 2
    assert "终端" in output and "Traceback" not in output


def test_no_campaign_is_a_clear_error(tmp_path: Path, started: list[object]) -> None:
    result = CliRunner().invoke(cli, ["--data", str(tmp_path / "empty"), "review"])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert started == []


def test_reopen_needs_a_reason(campaign: Campaign) -> None:
    fill_and_submit(campaign.store, "B011", "star_branch")
    code, output = _run(campaign, "self-assess", "--reopen", "B011", "--passphrase", campaign.passphrase)
    assert code == 2 and "--reason" in output
    code, output = _run(
        campaign, "self-assess", "--reopen", "B011", "--reason", "   ", "--passphrase", campaign.passphrase
    )
    assert code == 2
    code, output = _run(
        campaign,
        "self-assess",
        "--reopen",
        "B011",
        "--reason",
        "长" * 201,
        "--passphrase",
        campaign.passphrase,
    )
    assert code == 2 and "201" in output
    assert campaign.store.self_assessments.self_assessment("B011", "star_branch").state == "submitted"


def test_reopen_refuses_a_wrong_passphrase_and_a_missing_terminal(campaign: Campaign) -> None:
    fill_and_submit(campaign.store, "B011", "star_branch")
    code, output = _run(
        campaign, "self-assess", "--reopen", "B011", "--reason", "更正", "--passphrase", "错误口令"
    )
    assert code == 2 and "口令不正确" in output
    code, output = _run(campaign, "self-assess", "--reopen", "B011", "--reason", "更正")
    assert code == 2 and "终端" in output
    assert campaign.store.self_assessments.self_assessment("B011", "star_branch").state == "submitted"


def test_reopen_of_nothing_submitted_is_refused(campaign: Campaign) -> None:
    code, output = _run(
        campaign, "self-assess", "--reopen", "B021", "--reason", "更正", "--passphrase", campaign.passphrase
    )
    assert code == 2 and "没有已提交" in output


def test_reason_without_reopen_and_unit_with_reopen_are_refused(campaign: Campaign) -> None:
    assert _run(campaign, "self-assess", "--reason", "更正")[0] == 2
    assert _run(campaign, "self-assess", "--unit", "B011", "--reopen", "B011", "--reason", "x")[0] == 2


def test_reopen_with_the_passphrase_is_logged(campaign: Campaign) -> None:
    fill_and_submit(campaign.store, "B011", "star_branch")
    code, output = _run(
        campaign,
        "self-assess",
        "--reopen",
        "B011",
        "--reason",
        "单位申请更正",
        "--passphrase",
        campaign.passphrase,
    )
    assert code == 0, output
    assert "星级党支部" in output
    record = campaign.store.self_assessments.self_assessment("B011", "star_branch")
    assert record.state == "draft"
    assert record.history[-1].action == "reopened" and record.history[-1].note == "单位申请更正"
    assert any("单位申请更正" in entry.detail for entry in campaign.store.audit_trail.audit_log())


def test_english_messages_with_lang_en(campaign: Campaign) -> None:
    code, output = _run(campaign, "--lang", "en", "self-assess", "--reopen", "B011", "--passphrase", "x")
    assert code == 2 and "Give the reason" in output


def test_reopen_under_lang_en_names_the_forms_in_english(campaign: Campaign) -> None:
    fill_and_submit(campaign.store, "B011", "star_branch")
    english = campaign.store.form("star_branch").title.get("en")
    code, output = _run(
        campaign,
        "--lang",
        "en",
        "self-assess",
        "--reopen",
        "B011",
        "--reason",
        "单位申请更正",
        "--passphrase",
        campaign.passphrase,
    )
    assert code == 0, output
    assert english in output and "星级党支部" not in output
