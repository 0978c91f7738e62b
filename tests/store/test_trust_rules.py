"""Issue 10 in the store: simulate only on the demo, passphrases that guard something."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from store_helpers import make_small_campaign

from forms.errors import InputError
from store.api import CampaignStore, open_store
from store.passphrases import passphrase_problem
from tui.cli import cli
from tui.i18n import set_language


@pytest.fixture(autouse=True)
def _chinese() -> None:
    set_language("zh")


def run(data_dir: Path, *args: str, lang: str = "zh"):
    result = CliRunner().invoke(cli, ["--data", str(data_dir), "--lang", lang, *args])
    set_language("zh")
    return result


def test_simulate_refuses_a_real_campaign_and_opens_nothing(data_dir: Path) -> None:
    campaign = make_small_campaign(data_dir, open_voting=False)
    result = run(data_dir, "simulate", "--ballots", "3", "--seed", "1")
    assert result.exit_code == 2
    assert "演示活动" in result.output and "Traceback" not in result.output
    assert campaign.voting_state() == "not_open"
    assert campaign.ballot_count() == 0
    assert sum(p.issued for p in campaign.participation()) == 0


def test_simulate_refuses_a_real_campaign_even_with_voting_open(data_dir: Path) -> None:
    campaign = make_small_campaign(data_dir)
    result = run(data_dir, "simulate", "--ballots", "2", "--seed", "1", lang="en")
    assert result.exit_code == 2 and "demo" in result.output
    assert campaign.ballot_count() == 0


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
        small.set_passphrase(weak)
    assert caught.value.key.startswith("trust.passphrase.")
    assert small.check_passphrase("口令123456-考评")  # the old one still stands


def test_a_long_uncommon_passphrase_is_accepted(small: CampaignStore) -> None:
    small.set_passphrase("会议室三号-2026冬")
    assert small.check_passphrase("会议室三号-2026冬")
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
