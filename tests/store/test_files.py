"""The storage layer on disk: atomic 0600 UTF-8 files, broken files refused untouched, schema versions."""

from __future__ import annotations

import json
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from forms.errors import InputError
from store import storage
from store.api import open_store
from store.errors import SchemaError, StoreCorruptError
from tests.store.store_helpers import make_small_campaign


def _all_files(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file() and p.suffix == ".json"]


def test_files_are_private_utf8_and_leave_no_temp_files(data_dir: Path) -> None:
    campaign = make_small_campaign(data_dir)
    for path in _all_files(data_dir):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
        path.read_bytes().decode("utf-8")
    raw = (campaign.dir / "campaign.json").read_bytes().decode("utf-8")
    assert "市测试局1" in raw  # Chinese kept as text, whatever the locale
    assert not list(data_dir.rglob("*.tmp"))


def test_utf8_whatever_the_locale(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LC_ALL", "C")
    monkeypatch.setenv("PYTHONIOENCODING", "ascii")
    campaign = make_small_campaign(data_dir)
    assert open_store(data_dir).campaign(campaign.id).roster.unit("U02").name == "市测试局2"


def test_a_bad_value_fails_before_the_disk_is_touched(data_dir: Path) -> None:
    path = data_dir / "x.json"
    storage.write_atomic(path, storage.encode({"t": {"1": {"a": 1}}}))
    before = path.read_bytes()
    with pytest.raises(ValueError):
        storage.AtomicJSONStorage(path).write({"t": {"1": {"a": float("nan")}}})
    with pytest.raises(TypeError):
        storage.AtomicJSONStorage(path).write({"t": {"1": {"a": object()}}})
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    ("damage", "reason"),
    [
        (lambda raw: b"", "store.reason.empty"),
        (lambda raw: raw[: len(raw) // 2], "store.reason.not_json"),
        (lambda raw: raw + b"}garbage", "store.reason.not_json"),
        (lambda raw: b"\xff\xfe" + raw, "store.reason.not_utf8"),
        (lambda raw: b"[1, 2, 3]", "store.reason.not_tables"),
        (lambda raw: json.dumps({"info": {}}).encode(), "store.reason.no_schema"),
    ],
    ids=["empty", "truncated", "trailing-garbage", "not-utf8", "not-tables", "no-schema"],
)
def test_a_broken_file_is_refused_named_with_the_newest_backup_and_left_as_it_was(
    data_dir: Path, damage: Callable[[bytes], bytes], reason: str
) -> None:
    campaign = make_small_campaign(data_dir)
    good_backup = campaign.store.backup(during_voting=True)
    target = campaign.dir / "campaign.json"
    broken = damage(target.read_bytes())
    target.write_bytes(broken)
    with pytest.raises(StoreCorruptError) as error:
        open_store(data_dir).campaign()
    assert error.value.params["path"] == str(target)
    assert error.value.params["reason"] == reason
    assert error.value.params["backup"] == str(good_backup)
    assert error.value.exit_code == 1
    assert target.read_bytes() == broken


def test_a_broken_file_without_a_backup_says_so(data_dir: Path) -> None:
    campaign = make_small_campaign(data_dir)
    for backup in campaign.store.backups():
        backup.unlink()
    shard = campaign.dir / "codebook" / "0.json"
    shard.parent.mkdir()
    shard.write_bytes(b"")
    with pytest.raises(StoreCorruptError) as error:
        campaign.codes.issue_codes("members", 1)
    assert error.value.key == "store.corrupt_no_backup"
    assert shard.read_bytes() == b""


def test_a_newer_schema_is_refused_and_an_older_one_migrated(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    campaign = make_small_campaign(data_dir)
    target = campaign.dir / "campaign.json"
    payload = json.loads(target.read_text(encoding="utf-8"))
    payload["_kaoping"]["1"]["schema"] = storage.SCHEMA_VERSION + 1
    target.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
    newer = target.read_bytes()
    with pytest.raises(SchemaError) as error:
        open_store(data_dir).campaign()
    assert error.value.params["found"] == storage.SCHEMA_VERSION + 1
    assert target.read_bytes() == newer

    # A later kaoping (schema N + 1) migrates a file of this version on read and writes N + 1 back.
    payload["_kaoping"]["1"]["schema"] = storage.SCHEMA_VERSION
    target.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")

    def add_field(data: storage.Data) -> storage.Data:
        if "info" in data:
            data["info"]["1"]["migrated"] = True
        return data

    monkeypatch.setattr(storage, "SCHEMA_VERSION", storage.SCHEMA_VERSION + 1)
    monkeypatch.setitem(storage.MIGRATIONS, storage.SCHEMA_VERSION - 1, add_field)
    data = storage.read_file(target)
    assert data is not None and data["info"]["1"]["migrated"] is True
    campaign.meeting.set_passphrase("新口令123456-考评")
    assert json.loads(target.read_text(encoding="utf-8"))["_kaoping"]["1"]["schema"] == storage.SCHEMA_VERSION


def test_backups_rotate_and_restore_brings_the_data_back(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from store import core
    from store.backups import backup_kind

    campaign = make_small_campaign(data_dir)
    backup = campaign.store.backup(during_voting=True)
    campaign.roster.import_units(campaign.roster.units()[:3])
    assert len(campaign.roster.units()) == 3
    sheet = campaign.dir / "codes" / "ballot-codes.csv"
    sheet.parent.mkdir()
    sheet.write_text("序号,评议人类别,测评码\r\n1,党员代表,ABCD-EFGH\r\n", encoding="utf-8-sig")
    safety = campaign.store.restore(backup).safety
    assert len(open_store(data_dir).campaign().roster.units()) == 11
    assert safety is not None and safety.exists()
    assert "ABCD-EFGH" in sheet.read_text(encoding="utf-8-sig"), "the printed codes survive a restore"
    monkeypatch.setattr(core, "BACKUPS_KEPT", 3)
    protected = [path for path in campaign.store.backups() if backup_kind(path) in ("open", "restore")]
    assert len(protected) == 2, "the backups taken when voting opened and before the restore"
    for _ in range(25):
        campaign.store.backup(during_voting=True)
    assert sorted(set(campaign.store.backups()) - set(protected)) == sorted(campaign.store.backups()[:3])
    assert set(protected) <= set(campaign.store.backups()), "manual backups never rotate these away"


def test_restore_refuses_a_bad_backup_and_changes_nothing(data_dir: Path, tmp_path: Path) -> None:
    import zipfile

    campaign = make_small_campaign(data_dir)
    before = {p: p.read_bytes() for p in _all_files(data_dir)}
    bad = tmp_path / "bad.zip"
    with zipfile.ZipFile(bad, "w") as archive:
        archive.writestr("kaoping.json", b"{")
    with pytest.raises(InputError) as error:
        campaign.store.restore(bad)
    assert error.value.key == "store.backup_invalid"
    evil = tmp_path / "evil.zip"
    with zipfile.ZipFile(evil, "w") as archive:
        archive.writestr("kaoping.json", storage.encode({}))
        archive.writestr("../../etc/x.json", storage.encode({}))
    with pytest.raises(InputError):
        campaign.store.restore(evil)
    (tmp_path / "not.zip").write_text("不是压缩包", encoding="utf-8")
    with pytest.raises(InputError):
        campaign.store.restore(tmp_path / "not.zip")
    assert {p: p.read_bytes() for p in _all_files(data_dir)} == before


def test_lock_timeout_is_a_clear_error_not_a_hang(data_dir: Path) -> None:
    import subprocess
    import sys
    import time

    from store.errors import StoreLockedError

    make_small_campaign(data_dir)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import fcntl, sys, time\n"
            "import os\n"
            f"f = os.open({str(data_dir)!r}, os.O_RDONLY)\n"
            "fcntl.flock(f, fcntl.LOCK_EX)\nprint('held', flush=True)\ntime.sleep(30)\n",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        started = time.monotonic()
        with pytest.raises(StoreLockedError) as error:
            open_store(data_dir, lock_timeout=0.3)
        assert time.monotonic() - started < 5
        assert error.value.key == "store.locked" and error.value.exit_code == 1
    finally:
        holder.kill()
        holder.wait()
    assert open_store(data_dir, lock_timeout=0.3).campaign().info.year == 2026


def test_reads_see_another_process_writes(data_dir: Path) -> None:
    import subprocess
    import sys

    campaign = make_small_campaign(data_dir)
    assert campaign.roster.units()[0].name == "市测试局1"
    script = (
        "from store.api import open_store\n"
        f"c = open_store({str(data_dir)!r}).campaign()\n"
        "units = c.roster.units()\n"
        "from dataclasses import replace\n"
        "c.roster.import_units([replace(units[0], name='市测试局一（改名）'), *units[1:]])\n"
    )
    subprocess.run([sys.executable, "-c", script], check=True, cwd=Path(__file__).resolve().parents[2])
    assert campaign.roster.units()[0].name == "市测试局一（改名）"


def test_an_unreadable_file_is_a_clear_error(data_dir: Path) -> None:
    from store.errors import StoreReadError

    campaign = make_small_campaign(data_dir)
    target = campaign.dir / "campaign.json"
    target.unlink()
    target.mkdir()  # reading a directory fails with an OS error, even for root
    with pytest.raises(StoreReadError) as error:
        open_store(data_dir).campaign()
    assert error.value.key == "store.read_failed" and error.value.params["path"] == str(target)


def test_backups_carry_no_file_times(data_dir: Path) -> None:
    import zipfile

    campaign = make_small_campaign(data_dir)
    with zipfile.ZipFile(campaign.store.backup(during_voting=True)) as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert "kaoping.json" in archive.namelist()
