"""Backups that link nothing, and a restore that cannot silently lose ballots (real files, real processes)."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from forms.errors import InputError
from store import storage
from store.api import CampaignStore, open_store
from store.backups import backup_kind
from store.errors import StoreWriteError
from tests.store.store_helpers import KAOPING, good_ballot, make_small_campaign
from tests.store.test_durability import FaultyOs
from tui.cli import cli

ROOT = Path(__file__).resolve().parents[2]
PASSPHRASE = "口令123456-考评"


def run(data_dir: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--data", str(data_dir), *args], catch_exceptions=False)


def _seal(campaign: CampaignStore, count: int) -> list[str]:
    return [
        campaign.ballots.seal_ballot(code, "review_ballot", good_ballot(campaign))
        for code in campaign.codes.issue_codes("members", count)
    ]


def test_a_backup_holds_no_drafts_and_finishes_an_interrupted_seal_first(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    campaign = make_small_campaign(data_dir)
    _seal(campaign, 1)
    drafting, crashing = campaign.codes.issue_codes("served", 2)
    campaign.ballots.save_answer(drafting, "U01", "overall", "good")
    for unit_id, row in good_ballot(campaign).items():
        campaign.ballots.save_answers(crashing, unit_id, row)
    monkeypatch.setattr(storage, "os", FaultyOs("replace", 3, errno.EIO))
    with pytest.raises(StoreWriteError):
        campaign.ballots.seal_ballot(crashing, "review_ballot")  # the commit record stays behind
    monkeypatch.setattr(storage, "os", os)
    assert (campaign.dir / "pending.json").exists()
    backup = open_store(data_dir).backup(during_voting=True)
    with zipfile.ZipFile(backup) as archive:
        names = archive.namelist()
        blob = b"".join(archive.read(name) for name in names)
    assert not [name for name in names if "/drafts/" in name or name.endswith("pending.json")]
    assert b"code_hash" not in blob
    assert sum(1 for name in names if "/ledger/" in name) >= 1
    assert open_store(data_dir).campaign().ballots.ballot_count() == 2, "the interrupted seal was finished"


def test_backup_during_voting_needs_the_flag_and_the_passphrase(data_dir: Path) -> None:
    make_small_campaign(data_dir, open_voting=False)
    before_vote = run(data_dir, "backup")
    assert before_vote.exit_code == 0, "no vote yet: no passphrase needed"
    open_store(data_dir).campaign().meeting.open_voting("管理员")
    with pytest.raises(InputError) as error:
        open_store(data_dir).backup()
    assert error.value.key == "store_trust.backup_during_voting"
    count = len(open_store(data_dir).backups())
    refused = run(data_dir, "backup", "--passphrase", PASSPHRASE)
    assert refused.exit_code == 2 and "--during-voting" in refused.output
    no_passphrase = run(data_dir, "backup", "--during-voting")
    assert no_passphrase.exit_code == 2 and "交互式终端" in no_passphrase.output
    wrong = run(data_dir, "backup", "--during-voting", "--passphrase", "不对的口令")
    assert wrong.exit_code == 2 and "口令不正确" in wrong.output
    assert len(open_store(data_dir).backups()) == count
    done = run(data_dir, "backup", "--during-voting", "--passphrase", PASSPHRASE)
    assert done.exit_code == 0, done.output
    assert "已封存 0 张" in done.output and "不含草稿" in done.output
    assert len(open_store(data_dir).backups()) == count + 1


def test_restore_that_drops_ballots_or_a_closing_needs_the_count_repeated(data_dir: Path) -> None:
    campaign = make_small_campaign(data_dir)
    _seal(campaign, 2)
    old = campaign.store.backup(during_voting=True)
    _seal(campaign, 3)
    campaign.meeting.close_voting("管理员")
    args = ["restore", str(old), "--yes", "--passphrase", PASSPHRASE]
    refused = run(data_dir, *args)
    assert refused.exit_code == 2
    assert "3 张已封存的选票" in refused.output and "1 次结束投票" in refused.output
    assert "--discard-sealed 3" in refused.output
    wrong_count = run(data_dir, *args, "--discard-sealed", "2")
    assert wrong_count.exit_code == 2
    assert open_store(data_dir).campaign().ballots.ballot_count() == 5
    done = run(data_dir, *args, "--discard-sealed", "3")
    assert done.exit_code == 0, done.output
    assert "恢复前 5 张选票、1 次结束投票；恢复后 2 张、0 次" in done.output
    restored = open_store(data_dir).campaign()
    assert restored.ballots.ballot_count() == 2 and restored.integrity.verify() == []
    entry = restored.audit_trail.audit_log()[-1]
    assert entry.action == "data.restore"
    assert "before [2026年度测试考核: 5 ballots, 1 closings]" in entry.detail
    assert "after [2026年度测试考核: 2 ballots, 0 closings]" in entry.detail


def test_twenty_manual_backups_never_rotate_the_open_close_and_restore_backups(data_dir: Path) -> None:
    campaign = make_small_campaign(data_dir)
    _seal(campaign, 1)
    campaign.meeting.close_voting("管理员")
    first = campaign.store.backup()
    assert run(data_dir, "restore", str(first), "--yes", "--passphrase", PASSPHRASE).exit_code == 0
    kept = {path for path in campaign.store.backups() if backup_kind(path) != "manual"}
    assert {backup_kind(path) for path in kept} == {"open", "close", "restore"}
    for _ in range(21):
        assert run(data_dir, "backup", "--passphrase", PASSPHRASE).exit_code == 0
    assert kept <= set(campaign.store.backups())


# ---------------------------------------------------------------------- kill -9 inside restore


def _kaoping(data_dir: Path, *args: str, crash_at: int | None = None) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key != "KAOPING_CRASH_AT"}
    if crash_at is not None:
        env["KAOPING_CRASH_AT"] = f"restore:{crash_at}"
    return subprocess.run(
        [*KAOPING, "--data", str(data_dir), *args], capture_output=True, text=True, cwd=ROOT, env=env
    )


def test_a_kill_at_every_step_of_restore_leaves_the_old_or_the_new_data_and_says_which(
    data_dir: Path, tmp_path: Path
) -> None:
    campaign = make_small_campaign(data_dir)
    old_ids = set(_seal(campaign, 2))
    backup = tmp_path / "备份.zip"
    shutil.copy(campaign.store.backup(during_voting=True), backup)
    new_ids = old_ids | set(_seal(campaign, 3))
    restore = ["restore", str(backup), "--yes", "--passphrase", PASSPHRASE, "--discard-sealed", "3"]
    outcomes: dict[int, str] = {}
    for step in range(1, 40):
        run_dir = tmp_path / f"run{step}"
        shutil.copytree(data_dir, run_dir)
        killed = _kaoping(run_dir, *restore, crash_at=step)
        if killed.returncode == 0:
            break
        assert killed.returncode == -9, killed.stderr
        assert (run_dir / "kaoping.json").exists()
        assert list((run_dir / "campaigns").glob("*/campaign.json")), "never without its campaigns"
        after = _kaoping(run_dir, "verify")
        assert after.returncode == 0, after.stderr
        assert (run_dir / "campaigns").is_dir() and list((run_dir / "campaigns").glob("*/campaign.json"))
        ids = {ballot.ballot_id for ballot in open_store(run_dir).campaign().ballots.sealed_ballots()}
        if ids == old_ids:
            outcomes[step] = "restored"
            assert "已完成" in after.stderr, (step, after.stderr)
        else:
            assert ids == new_ids, step
            outcomes[step] = "as before"
            assert "已撤销" in after.stderr, (step, after.stderr)
        assert not [p for p in run_dir.iterdir() if p.name.startswith((".restore-", ".old-"))]
        assert not (run_dir / "restore-journal.json").exists()
        again = _kaoping(run_dir, "verify")
        assert again.returncode == 0 and again.stderr == "", "said once, then done"
    else:
        pytest.fail("the restore never finished")
    assert len(outcomes) >= 7, outcomes  # a kill before and after every rename of the restore
    assert set(outcomes.values()) == {"restored", "as before"}
