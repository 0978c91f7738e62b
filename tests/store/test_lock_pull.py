"""The directory lock cannot be pulled away, and a read-only copy verifies without writing anything."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from store.api import open_store
from store.errors import StoreLockedError
from tests.store.store_helpers import KAOPING, good_ballot, make_small_campaign

ROOT = Path(__file__).resolve().parents[2]

_HOLDER = """
import sys, time
from store.api import open_store
store = open_store(sys.argv[1])
with store.locked():
    print("held", flush=True)
    time.sleep(60)
"""


@pytest.mark.parametrize("how", ["deleted", "replaced"])
def test_removing_the_lock_file_lets_no_second_writer_in(data_dir: Path, how: str) -> None:
    make_small_campaign(data_dir)
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(data_dir)], stdout=subprocess.PIPE, text=True, cwd=ROOT
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        # What an insider does to get a second writer in: pull every lock-looking file away.
        for path in data_dir.iterdir():
            if path.is_file() and "lock" in path.name:
                path.unlink()
                if how == "replaced":
                    path.write_bytes(b"")
        (data_dir / ".kaoping.lock").unlink(missing_ok=True)
        if how == "replaced":
            (data_dir / ".kaoping.lock").write_bytes(b"")
        with pytest.raises(StoreLockedError):
            open_store(data_dir, lock_timeout=0.3).campaign().codes.issue_unit_codes()
    finally:
        holder.kill()
        holder.wait()
    assert open_store(data_dir, lock_timeout=2).campaign().info.year == 2026


def _verify_read_only(copy: Path) -> subprocess.CompletedProcess[str]:
    """`kaoping verify` on `copy` mounted read-only (root ignores file modes, so a private read-only bind
    mount); an ordinary user gets a tree without write permission instead."""
    command = [*KAOPING, "--data", str(copy), "verify"]
    if os.geteuid() == 0:
        script = 'mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" && shift && exec "$@"'
        command = ["unshare", "-m", "sh", "-c", script, "sh", str(copy), *command]
    else:
        for directory, _dirs, files in os.walk(copy):
            for name in files:
                os.chmod(Path(directory) / name, 0o444)
            os.chmod(directory, 0o555)
    return subprocess.run(command, capture_output=True, text=True, cwd=ROOT)


def test_verify_works_on_a_read_only_copy(data_dir: Path, tmp_path: Path) -> None:
    campaign = make_small_campaign(data_dir)
    code = campaign.codes.issue_codes("members", 1)[0]
    campaign.ballots.seal_ballot(code, "review_ballot", good_ballot(campaign))
    copy = tmp_path / "只读副本"
    shutil.copytree(data_dir, copy)
    for stray in copy.rglob("*lock*"):
        stray.unlink()
    before = sorted((p.relative_to(copy), p.stat().st_mtime_ns) for p in copy.rglob("*"))
    try:
        done = _verify_read_only(copy)
        assert done.returncode == 0, done.stderr
        assert "1" in done.stdout
        assert sorted((p.relative_to(copy), p.stat().st_mtime_ns) for p in copy.rglob("*")) == before
    finally:
        for directory, _dirs, _files in os.walk(copy):
            os.chmod(directory, stat.S_IRWXU)


def test_stray_temp_files_are_swept_by_the_next_command(data_dir: Path) -> None:
    campaign = make_small_campaign(data_dir)
    strays = [
        campaign.dir / "ballots" / ".3f.json.4242.tmp",
        campaign.dir / ".campaign.json.999.tmp",
        data_dir / ".kaoping.json.77.tmp",
    ]
    for stray in strays:
        stray.parent.mkdir(parents=True, exist_ok=True)
        stray.write_bytes(b'{"half":')
    keep = campaign.dir / "ballots" / "notes.tmp.json"
    open_store(data_dir).campaign().integrity.verify()
    assert not [stray for stray in strays if stray.exists()]
    assert not keep.exists() or keep.is_file()
