"""Issue 10 in the store: simulate only on the demo, passphrases that guard something."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from forms.errors import InputError
from store.api import CampaignStore, Closing, open_store
from store.passphrases import passphrase_problem
from tests.store.store_helpers import make_small_campaign
from tui.cli import cli
from tui.i18n import set_language


@pytest.fixture(autouse=True)
def _chinese() -> None:
    set_language("zh")


def run(data_dir: Path, *args: str, lang: str = "zh") -> Result:
    result = CliRunner().invoke(cli, ["--data", str(data_dir), "--lang", lang, *args])
    set_language("zh")
    return result


def test_simulate_refuses_a_real_campaign_and_opens_nothing(data_dir: Path) -> None:
    campaign = make_small_campaign(data_dir, open_voting=False)
    result = run(data_dir, "simulate", "--ballots", "3", "--seed", "1")
    assert result.exit_code == 2
    assert "演示活动" in result.output and "Traceback" not in result.output
    assert campaign.meeting.voting_state() == "not_open"
    assert campaign.ballots.ballot_count() == 0
    assert sum(p.issued for p in campaign.meeting.participation()) == 0


def test_simulate_refuses_a_real_campaign_even_with_voting_open(data_dir: Path) -> None:
    campaign = make_small_campaign(data_dir)
    result = run(data_dir, "simulate", "--ballots", "2", "--seed", "1", lang="en")
    assert result.exit_code == 2 and "demo" in result.output
    assert campaign.ballots.ballot_count() == 0


def test_simulate_still_serves_the_demo(data_dir: Path) -> None:
    make_small_campaign(data_dir, open_voting=False, demo=True)
    result = run(data_dir, "simulate", "--ballots", "2", "--seed", "1")
    assert result.exit_code == 0, result.output
    assert len(result.output.split()) == 2


@pytest.mark.parametrize(
    "weak",
    [
        "123456",
        "kaoping-demo",
        "KAOPING-DEMO",
        "password",
        "1234567890",
        "88888888",
        "woaini1314",
        "a123456789",
        "口令123",
        "aaaaaaaaaaaa",
        "qwertyuiop",
    ],
)
def test_weak_passphrases_are_refused_for_a_real_campaign(small: CampaignStore, weak: str) -> None:
    with pytest.raises(InputError) as caught:
        small.meeting.set_passphrase(weak)
    assert caught.value.key.startswith("trust.passphrase.")
    assert small.meeting.check_passphrase("口令123456-考评")  # the old one still stands


def test_a_long_uncommon_passphrase_is_accepted(small: CampaignStore) -> None:
    small.meeting.set_passphrase("会议室三号-2026冬")
    assert small.meeting.check_passphrase("会议室三号-2026冬")
    assert passphrase_problem("会议室三号-2026冬") is None


def test_init_refuses_weak_passphrases_with_one_sentence_and_creates_nothing(data_dir: Path) -> None:
    for weak, words in (
        ("123456", "至少要 10 个字符"),
        ("kaoping-demo", "演示口令"),
        ("1234567890", "最常见"),
    ):
        result = run(
            data_dir, "init", "--name", "2026年度考核", "--year", "2026", "--passphrase", weak, "--yes"
        )
        assert result.exit_code == 2, result.output
        assert words in result.output and "Traceback" not in result.output
        assert open_store(data_dir).campaigns() == []


def test_init_wizard_names_the_problem_of_a_weak_passphrase() -> None:
    from tui.wizards import init as wizard

    assert "最常见" in (wizard._passphrase_problem("woaini1314") or "")
    assert "10" in (wizard._passphrase_problem("短口令") or "")
    assert wizard._passphrase_problem("会议室三号-2026冬") is None


# ---------------------------------------------------------------------- voting states


def _sealed_and_closed(data_dir: Path) -> tuple[CampaignStore, Closing]:
    from tests.store.store_helpers import good_ballot

    campaign = make_small_campaign(data_dir)
    for code in campaign.codes.issue_codes("members", 3):
        campaign.ballots.seal_ballot(code, "review_ballot", good_ballot(campaign))
    return campaign, campaign.meeting.close_voting("管理员")


def test_a_closed_vote_never_opens_again_by_the_plain_open(data_dir: Path) -> None:
    campaign, _closing = _sealed_and_closed(data_dir)
    with pytest.raises(InputError) as caught:
        campaign.meeting.open_voting("管理员")
    assert caught.value.key == "trust.voting.reopen_separately"
    assert campaign.meeting.voting_state() == "closed"


def test_reopen_needs_passphrase_reason_and_the_recorded_count_and_leaves_an_audit_line(
    data_dir: Path,
) -> None:
    campaign, closing = _sealed_and_closed(data_dir)
    good = "口令123456-考评"
    refusals = {
        "trust.voting.wrong_passphrase": ("不对的口令很长很长", "更正", 3, None),
        "trust.voting.reason_required": (good, "  ", 3, None),
        "trust.voting.confirm_mismatch": (good, "更正", 4, None),
    }
    for key, (passphrase, reason, count, digest) in refusals.items():
        with pytest.raises(InputError) as caught:
            campaign.meeting.reopen_voting("管理员", passphrase, reason, count, digest)
        assert caught.value.key == key
        assert campaign.meeting.voting_state() == "closed"
    with pytest.raises(InputError):
        campaign.meeting.reopen_voting("管理员", good, "更正", 3, "0" * 64)
    campaign.meeting.reopen_voting("管理员", good, "一位评议人因停电未能投票", 3, closing.digest[:8])
    assert campaign.meeting.voting_state() == "open"
    entry = campaign.audit_trail.audit_log()[-1]
    assert entry.action == "voting.reopen"
    assert "3" in entry.detail and closing.digest in entry.detail and "停电" in entry.detail


def test_results_are_hidden_while_voting_is_open(data_dir: Path) -> None:
    campaign = make_small_campaign(data_dir)
    assert not campaign.meeting.results_visible()
    result = run(data_dir, "results")
    assert result.exit_code == 1 and "投票仍在进行中" in result.output
    report = run(data_dir, "report", "-o", str(data_dir.parent / "通报.md"))
    assert report.exit_code == 1
    campaign.meeting.close_voting("管理员")
    assert campaign.meeting.results_visible()


def test_voting_command_status_open_close_reopen(data_dir: Path) -> None:
    campaign = make_small_campaign(data_dir, open_voting=False)
    good = "口令123456-考评"
    status = run(data_dir, "voting", "status")
    assert status.exit_code == 0 and "投票未开始" in status.output
    wrong = run(data_dir, "voting", "open", "--passphrase", "不对的口令很长很长")
    assert wrong.exit_code == 2 and campaign.meeting.voting_state() == "not_open"
    assert run(data_dir, "voting", "open", "--passphrase", good).exit_code == 0
    assert campaign.meeting.voting_state() == "open"
    closed = run(data_dir, "voting", "close", "--passphrase", good)
    assert closed.exit_code == 0, closed.output
    digest = campaign.meeting.closings()[-1].digest
    assert "0 张票" in closed.output and digest[:8] in closed.output
    again = run(data_dir, "voting", "open", "--passphrase", good)
    assert again.exit_code == 2 and "reopen" in again.output
    no_reason = run(data_dir, "voting", "reopen", "--passphrase", good)
    assert no_reason.exit_code == 2 and "理由" in no_reason.output
    no_count = run(data_dir, "voting", "reopen", "--passphrase", good, "--reason", "补投")
    assert no_count.exit_code == 2 and "--count 0" in no_count.output and digest[:8] in no_count.output
    assert campaign.meeting.voting_state() == "closed"
    done = run(data_dir, "voting", "reopen", "--passphrase", good, "--reason", "补投", "--count", "0")
    assert done.exit_code == 0, done.output
    assert campaign.meeting.voting_state() == "open"
    assert campaign.audit_trail.audit_log()[-1].action == "voting.reopen"
    status = run(data_dir, "voting", "status", lang="en")
    assert "voting open" in status.output and digest[:8] in status.output
