"""A store that notices damage before it writes, and heals from the mirror (real files, real processes)."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from store.api import CampaignStore, open_store
from store.errors import StoreCorruptError
from tests.store.store_helpers import KAOPING, good_ballot, make_small_campaign

ROOT = Path(__file__).resolve().parents[2]


def _kaoping(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key != "KAOPING_MIRROR"}
    return subprocess.run(
        [*KAOPING, "--data", str(data_dir), *args], capture_output=True, text=True, cwd=ROOT, env=env
    )


def _holding_shards(campaign: CampaignStore) -> list[Path]:
    return [
        path
        for path in sorted((campaign.dir / "ballots").glob("*.json"))
        if json.loads(path.read_bytes())["ballots"]
    ]


def test_no_seal_beside_a_truncated_ballot_file(data_dir: Path) -> None:
    campaign = make_small_campaign(data_dir, demo=True)
    for code in campaign.codes.issue_codes("members", 3):
        campaign.ballots.seal_ballot(code, "review_ballot", good_ballot(campaign))
    backup = campaign.store.backup(during_voting=True)
    damaged = _holding_shards(campaign)[0]
    damaged.write_bytes(damaged.read_bytes()[: len(damaged.read_bytes()) // 2])
    code = campaign.codes.issue_codes("members", 1)[0]
    with pytest.raises(StoreCorruptError) as error:
        campaign.ballots.seal_ballot(code, "review_ballot", good_ballot(campaign))
    assert error.value.params["path"] == str(damaged) and error.value.params["backup"] == str(backup)
    assert campaign.codes.code_status(code).state == "fresh"
    with pytest.raises(StoreCorruptError):
        campaign.meeting.participation()  # the welcome screen says the store is damaged instead of counting
    simulated = _kaoping(data_dir, "simulate", "--ballots", "2")
    assert simulated.returncode == 1 and simulated.stdout == ""
    assert (
        "已损坏" in simulated.stderr and str(damaged) in simulated.stderr and str(backup) in simulated.stderr
    )
    assert "Traceback" not in simulated.stderr


def test_no_seal_when_a_ballot_vanished_from_a_shard(data_dir: Path) -> None:
    campaign = make_small_campaign(data_dir, demo=True)
    for code in campaign.codes.issue_codes("members", 2):
        campaign.ballots.seal_ballot(code, "review_ballot", good_ballot(campaign))
    shard = _holding_shards(campaign)[0]
    data = json.loads(shard.read_bytes())
    data["ballots"] = {}
    shard.write_text(json.dumps(data), encoding="utf-8")  # still parses: an older copy put back
    (campaign.dir / "ballots" / "ff.json").unlink(missing_ok=True)
    with pytest.raises(StoreCorruptError):
        campaign.ballots.seal_ballot(
            campaign.codes.issue_codes("members", 1)[0], "review_ballot", good_ballot(campaign)
        )


def test_the_mirror_heals_deleted_and_truncated_ballot_files(data_dir: Path, tmp_path: Path) -> None:
    make_small_campaign(data_dir, demo=True)
    mirror = tmp_path / "U盘" / "kaoping-镜像"
    sealed = _kaoping(data_dir, "--mirror", str(mirror), "simulate", "--ballots", "12", "--seed", "7")
    assert sealed.returncode == 0, sealed.stderr
    printed = sealed.stdout.split()
    campaign = open_store(data_dir).campaign()
    assert not list(mirror.rglob("drafts")) and not list(mirror.rglob("pending.json"))
    assert (mirror / "kaoping.json").exists()
    holding = _holding_shards(campaign)
    deleted, truncated = holding[0], holding[1]
    deleted.unlink()
    truncated.write_bytes(truncated.read_bytes()[:100])
    (campaign.dir / "ledger" / "3.json").write_bytes(b"")
    healed = _kaoping(data_dir, "--mirror", str(mirror), "verify")
    assert healed.returncode == 0, healed.stdout + healed.stderr
    for path in (deleted, truncated):
        assert path.relative_to(data_dir).as_posix() in healed.stderr
    assert "镜像" in healed.stderr
    reopened = open_store(data_dir).campaign()
    assert set(printed) == {ballot.ballot_id for ballot in reopened.ballots.sealed_ballots()}
    assert reopened.integrity.verify() == []
    assert [entry.action for entry in reopened.audit_trail.audit_log()].count("store.heal") == 3
    more = _kaoping(data_dir, "--mirror", str(mirror), "simulate", "--ballots", "1")
    assert more.returncode == 0 and more.stderr == ""


def test_a_mirror_copy_that_does_not_verify_is_not_used(data_dir: Path, tmp_path: Path) -> None:
    campaign = make_small_campaign(data_dir, demo=True)
    mirror = tmp_path / "mirror"
    campaign.store.set_mirror(mirror)
    assert _kaoping(data_dir, "mirror").stdout.strip().endswith(str(mirror))
    for code in campaign.codes.issue_codes("members", 3):
        open_store(data_dir).campaign().ballots.seal_ballot(code, "review_ballot", good_ballot(campaign))
    shard = _holding_shards(campaign)[0]
    copy = mirror / shard.relative_to(data_dir)
    forged = json.loads(copy.read_bytes())
    doc = next(iter(forged["ballots"].values()))
    doc["answers"]["U03"]["overall"] = "poor"
    copy.write_text(json.dumps(forged, ensure_ascii=False), encoding="utf-8")
    shard.write_bytes(b"{")
    refused = _kaoping(data_dir, "simulate", "--ballots", "1")
    assert refused.returncode == 1 and "已损坏" in refused.stderr and refused.stdout == ""
    assert shard.read_bytes() == b"{"
    assert _kaoping(data_dir, "mirror", "--off").returncode == 0
    assert open_store(data_dir).mirror is None


def test_after_a_restore_the_mirror_follows_the_restored_data(data_dir: Path, tmp_path: Path) -> None:
    campaign = make_small_campaign(data_dir, demo=True)
    mirror = tmp_path / "mirror"
    campaign.store.set_mirror(mirror)
    for code in campaign.codes.issue_codes("members", 2):
        campaign.ballots.seal_ballot(code, "review_ballot", good_ballot(campaign))
    old = campaign.store.backup(during_voting=True)
    for code in campaign.codes.issue_codes("members", 2):
        campaign.ballots.seal_ballot(code, "review_ballot", good_ballot(campaign))
    campaign.store.restore(old, discard_sealed=2)
    for folder in ("ballots", "ledger"):
        for path in (campaign.dir / folder).glob("*.json"):
            assert (mirror / path.relative_to(data_dir)).read_bytes() == path.read_bytes()
    shard = _holding_shards(campaign)[0]
    shard.unlink()
    healed = open_store(data_dir).campaign()
    assert shard.exists() and healed.ballots.ballot_count() == 2 and healed.integrity.verify() == []


def test_a_mirror_that_cannot_be_written_never_stops_the_vote(data_dir: Path, tmp_path: Path) -> None:
    make_small_campaign(data_dir, demo=True)
    pulled = tmp_path / "拔出的U盘"
    pulled.write_text("not a directory", encoding="utf-8")  # every write into it fails
    sealed = _kaoping(data_dir, "--mirror", str(pulled / "kaoping"), "simulate", "--ballots", "3")
    assert sealed.returncode == 0, sealed.stderr
    assert len(sealed.stdout.split()) == 3
    assert sealed.stderr.count("无法写入镜像目录") == 1 and "U 盘" in sealed.stderr
    assert open_store(data_dir).campaign().integrity.verify() == []


def test_no_closing_over_a_lost_ballot_file(data_dir: Path) -> None:
    campaign = make_small_campaign(data_dir, demo=True)
    for code in campaign.codes.issue_codes("members", 3):
        campaign.ballots.seal_ballot(code, "review_ballot", good_ballot(campaign))
    lost = _holding_shards(campaign)[0]
    lost.unlink()
    with pytest.raises(StoreCorruptError) as error:
        campaign.meeting.close_voting("管理员")
    assert error.value.params["path"] == str(lost)
    assert campaign.meeting.voting_state() == "open" and campaign.meeting.closings() == []
