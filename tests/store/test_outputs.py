"""Outputs outside the store: every command that writes a file refuses a path inside the data directory
(symlinks resolved), with one sentence, and leaves the ballots as they were."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from forms.errors import InputError
from store.api import CampaignStore
from store.outputs import refuse_inside_data
from tests.store.store_helpers import good_ballot, make_small_campaign
from tui.cli import cli
from tui.i18n import set_language


@pytest.fixture(autouse=True)
def _chinese() -> None:
    set_language("zh")


def run(data_dir: Path, *args: str) -> Result:
    result = CliRunner().invoke(cli, ["--data", str(data_dir), "--lang", "zh", *args])
    set_language("zh")
    return result


def _closed(data_dir: Path) -> CampaignStore:
    campaign = make_small_campaign(data_dir)
    for code in campaign.codes.issue_codes("members", 3):
        campaign.ballots.seal_ballot(code, "review_ballot", good_ballot(campaign))
    campaign.meeting.close_voting("管理员")
    return campaign


def _snapshot(data_dir: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(data_dir)): path.read_bytes()
        for path in sorted(data_dir.rglob("*.json"))
        if "backups" not in path.parts
    }


def test_every_writing_command_refuses_a_path_inside_the_data_directory(
    data_dir: Path, tmp_path: Path
) -> None:
    campaign = _closed(data_dir)
    shard = next((campaign.dir / "ballots").glob("*.json"))
    link = tmp_path / "looks-outside"
    link.symlink_to(campaign.dir / "ballots")
    before = _snapshot(data_dir)
    export_csv = tmp_path / "ballots.csv"
    assert run(data_dir, "export", "ballots", "-o", str(export_csv)).exit_code == 0
    attempts = [
        ("export", "self", "-o", str(shard)),
        ("export", "ballots", "-o", str(link / shard.name)),
        ("export", "summary", "-o", str(data_dir / "summary.csv")),
        ("report", "-o", str(campaign.dir / "通报.md")),
        ("report", "-o", str(link / "通报.md")),
        ("consolidate", str(export_csv), "-o", str(shard)),
        ("codes", "issue", "--count", "2", "--group", "members", "-o", str(data_dir / "codes.csv")),
        ("codes", "units", "--yes", "-o", str(link / "unit-codes.csv")),
        ("codes", "groups", "--yes", "-o", str(data_dir / "g.csv")),
    ]
    for args in attempts:
        result = run(data_dir, *args)
        assert result.exit_code == 2, (args, result.output)
        assert "数据目录" in result.output and "Traceback" not in result.output, result.output
        assert _snapshot(data_dir) == before, f"{args} changed the store"
    assert campaign.integrity.verify() == []
    assert campaign.ballots.ballot_count() == 3


def test_the_core_check_resolves_symlinks_and_allows_outside(tmp_path: Path) -> None:
    data = tmp_path / "data"
    (data / "campaigns").mkdir(parents=True)
    (tmp_path / "alias").symlink_to(data)
    for inside in (data, data / "x.csv", data / "campaigns" / "a" / "b.csv", tmp_path / "alias" / "x.csv"):
        with pytest.raises(InputError) as caught:
            refuse_inside_data(data, inside)
        assert caught.value.key == "trust.output_inside_data"
    refuse_inside_data(data, tmp_path / "data-export.csv")  # a sibling whose name starts alike is fine
    refuse_inside_data(tmp_path / "alias", tmp_path / "out" / "x.csv")
