"""Crashes, disk faults and concurrent terminals: the store always opens, verifies, and loses nothing."""

from __future__ import annotations

import errno
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from store import draft_log, storage
from store.api import CampaignStore, open_store
from store.errors import StoreWriteError
from store.simulate import simulate_ballots
from tests.store.store_helpers import KAOPING, good_ballot, make_small_campaign

ROOT = Path(__file__).resolve().parents[2]


def check_invariants(data_dir: Path, printed: list[str]) -> CampaignStore:
    """The store opens, verify passes, every printed id is there exactly once, no code used without a seal."""
    campaign = open_store(data_dir).campaign()
    assert campaign.integrity.verify() == []
    ids = [ballot.ballot_id for ballot in campaign.ballots.sealed_ballots()]
    assert len(ids) == len(set(ids))
    assert set(printed) <= set(ids)
    assert len(printed) == len(set(printed))
    assert not (campaign.dir / "pending.json").exists()
    return campaign


# ---------------------------------------------------------------------- kill -9


def _forked_sealer(data_dir: Path, seed: int) -> tuple[int, int]:
    """Fork a child that seals ballots forever and writes each id to a pipe once durable."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        try:
            os.close(read_end)
            campaign = open_store(data_dir, lock_timeout=30.0).campaign()
            os.write(write_end, b"ready\n")
            for ballot_id in simulate_ballots(campaign, 10_000, random.Random(seed)):
                os.write(write_end, (ballot_id + "\n").encode())
        except BaseException as error:  # said through the pipe: a child that seals nothing says why
            os.write(
                write_end, f"failed: {type(error).__name__}: {error}".replace("\n", " ").encode() + b"\n"
            )
        finally:
            os._exit(0)
    os.close(write_end)
    return pid, read_end


def _read_lines(fd: int, count: int) -> str:
    """Block until the child has written `count` lines ("ready", then ballot ids); return what came after
    "ready". Waiting for the child's own progress, not a fixed time, keeps the loop meaningful when the
    machine is loaded."""
    received = b""
    while received.count(b"\n") < count:
        chunk = os.read(fd, 4096)
        if not chunk:
            break
        received += chunk
    head, _, rest = received.partition(b"\n")
    assert head == b"ready", head
    return rest.decode()


def _drain(fd: int) -> str:
    chunks = []
    while chunk := os.read(fd, 65536):
        chunks.append(chunk)
    os.close(fd)
    return b"".join(chunks).decode()


def test_kill_9_at_random_moments_one_hundred_times(demo_data: tuple[Path, object]) -> None:
    """`simulate` on the demo (66 organizations: a ballot is 66 autosaved rows, then the seal), killed
    100 times at random moments: nothing acknowledged is lost, nothing is doubled or half-done."""
    data_dir = demo_data[0]
    rng = random.Random(20261125)
    printed: list[str] = []
    for kill in range(100):
        pid, fd = _forked_sealer(data_dir, seed=kill)
        # Kill while the child seals, not while it starts: on a loaded machine start-up alone can take
        # longer than the random delay, and the loop would then test nothing.
        started = _read_lines(fd, 1 + rng.randrange(3))
        time.sleep(rng.uniform(0.0, 0.08))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        lines = (started + _drain(fd)).splitlines()
        failures = [line for line in lines if line.startswith("failed:")]
        assert not failures, failures
        printed.extend(line for line in lines if line.strip())
        if kill % 10 == 9:
            check_invariants(data_dir, printed)
    campaign = check_invariants(data_dir, printed)
    assert len(printed) > 20, "the children sealed almost nothing: the loop tests too little"
    used = sum(p.used for p in campaign.meeting.participation())
    assert used == campaign.ballots.ballot_count()  # one sealed ballot per used code, nothing half-done


def _kill_cli_loop(data_dir: Path, kills: int, rng: random.Random) -> list[str]:
    """Kill `kaoping simulate` (this checkout's) at a random moment after its first durable ballot."""
    printed: list[str] = []
    env = {**os.environ, "KAOPING_DATA": str(data_dir), "PYTHONUNBUFFERED": "1"}
    for _ in range(kills):
        child = subprocess.Popen(
            [*KAOPING, "simulate", "--ballots", "1000"], stdout=subprocess.PIPE, env=env, text=True, cwd=ROOT
        )
        assert child.stdout is not None
        # Kill while it seals: wait for its first sealed id (start-up time varies with the machine's load).
        first = child.stdout.readline()
        time.sleep(rng.uniform(0.0, 0.1))
        child.send_signal(signal.SIGKILL)
        out, _ = child.communicate()
        printed.extend((first + out).split())
        check_invariants(data_dir, printed)
    return printed


def test_kill_9_of_the_simulate_command(data_dir: Path) -> None:
    make_small_campaign(data_dir, demo=True)
    printed = _kill_cli_loop(data_dir, 8, random.Random(3))
    assert len(printed) >= 8


# ---------------------------------------------------------------------- concurrent terminals


def test_three_processes_sealing_at_once_lose_and_double_nothing(data_dir: Path) -> None:
    make_small_campaign(data_dir, demo=True)
    children = [
        subprocess.Popen(
            [sys.executable, "-m", "store.simulate", str(data_dir), "12", str(seed)],
            stdout=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )
        for seed in range(3)
    ]
    printed: list[str] = []
    for child in children:
        out, _ = child.communicate(timeout=120)
        assert child.returncode == 0
        printed.extend(out.split())
    assert len(printed) == 3 * 12
    campaign = check_invariants(data_dir, printed)
    assert campaign.ballots.ballot_count() == len(printed)
    assert sum(p.used for p in campaign.meeting.participation()) == 36


# ---------------------------------------------------------------------- disk faults


class FaultyOs:
    """The `os` module, except that one function fails with `code` on its `nth` call."""

    def __init__(self, target: str, nth: int, code: int) -> None:
        self.target, self.nth, self.code, self.calls = target, nth, code, 0

    def __getattr__(self, name: str) -> Any:
        real = getattr(os, name)
        if name != self.target:
            return real

        def failing(*args: Any, **kwargs: Any) -> Any:
            self.calls += 1
            if self.calls == self.nth:
                raise OSError(self.code, os.strerror(self.code))
            return real(*args, **kwargs)

        return failing


@pytest.fixture(scope="module")
def fault_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, str]:
    """A campaign with one sealed ballot and a second code with a complete draft."""
    data_dir = tmp_path_factory.mktemp("faults") / "data"
    campaign = make_small_campaign(data_dir)
    first, second = campaign.codes.issue_codes("members", 2)
    campaign.ballots.seal_ballot(first, "review_ballot", good_ballot(campaign))
    for unit_id, row in good_ballot(campaign).items():
        campaign.ballots.save_answers(second, unit_id, row)
    return data_dir, first, second


@pytest.mark.parametrize("code", [errno.EIO, errno.ENOSPC], ids=["EIO", "ENOSPC"])
@pytest.mark.parametrize("target", ["write", "fsync", "replace"])
def test_a_failing_disk_during_a_seal_gives_an_error_and_keeps_everything_consistent(
    fault_template: tuple[Path, str, str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    target: str,
    code: int,
) -> None:
    template, first, second = fault_template
    outcomes: set[str] = set()
    for nth in range(1, 12):
        data_dir = tmp_path / f"run{nth}"
        shutil.copytree(template, data_dir)
        campaign = open_store(data_dir).campaign()
        faulty = FaultyOs(target, nth, code)
        monkeypatch.setattr(storage, "os", faulty)
        try:
            campaign.ballots.seal_ballot(second, "review_ballot")
            outcomes.add("sealed")
        except StoreWriteError as error:
            assert error.errno == code
            outcomes.add("failed")
        finally:
            monkeypatch.setattr(storage, "os", os)
        reopened = check_invariants(data_dir, [])
        assert reopened.codes.code_status(first).state == "used"
        state = reopened.codes.code_status(second).state
        count = reopened.ballots.ballot_count()
        # Either both steps happened (the code is used and its ballot is there) or neither did
        # (the code still has its whole draft).
        if state == "used":
            assert count == 2
        else:
            assert state == "draft" and count == 1
            draft = reopened.ballots.load_draft(second)
            assert draft is not None and len(draft.answers) == 10
        assert not list(data_dir.rglob("*.tmp"))
    assert outcomes == {"sealed", "failed"}


# A draft answer is one append to the draft's log, not fsynced (see the next test): its failure points
# are opening the log and the write.
@pytest.mark.parametrize("target", ["open", "write"])
def test_a_failing_disk_during_autosave_keeps_the_previous_answers(
    small: CampaignStore, monkeypatch: pytest.MonkeyPatch, target: str
) -> None:
    code = small.codes.issue_codes("heads", 1)[0]
    small.ballots.save_answer(code, "U01", "overall", "good")
    monkeypatch.setattr(draft_log, "os", FaultyOs(target, 1, errno.ENOSPC))
    with pytest.raises(StoreWriteError) as error:
        small.ballots.save_answer(code, "U02", "overall", "average")
    monkeypatch.setattr(draft_log, "os", os)
    assert error.value.key == "store.write_failed"
    draft = small.ballots.load_draft(code)
    assert draft is not None and draft.answers["U01"]["overall"] == "good"
    small.ballots.save_answer(code, "U02", "overall", "average")
    assert (small.ballots.load_draft(code) or draft).answers["U02"]["overall"] == "average"


class CountingOs:
    """The `os` module, counting the calls of `fsync`."""

    def __init__(self) -> None:
        self.fsyncs = 0

    def __getattr__(self, name: str) -> Any:
        real = getattr(os, name)
        if name != "fsync":
            return real

        def counted(*args: Any, **kwargs: Any) -> Any:
            self.fsyncs += 1
            return real(*args, **kwargs)

        return counted


def test_a_draft_answer_is_atomic_but_not_fsynced_while_the_seal_is_durable(
    small: CampaignStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    code = small.codes.issue_codes("heads", 1)[0]
    counting = CountingOs()
    monkeypatch.setattr(storage, "os", counting)
    for unit_id, row in good_ballot(small).items():
        small.ballots.save_answers(code, unit_id, row)
    # A draft is not an acknowledged ballot: 200 phones never queue on fsync. The flushes are the drafts
    # folder's entry (once per campaign) and the new draft log's (once per ballot), never one per answer.
    assert counting.fsyncs <= 2
    second = small.codes.issue_codes("heads", 1)[0]
    before = counting.fsyncs
    for unit_id, row in good_ballot(small).items():
        small.ballots.save_answers(second, unit_id, row)
    assert counting.fsyncs - before <= 1
    assert not list(small.dir.rglob("*.tmp"))  # appends: nothing half-written for a kill -9 to leave
    small.ballots.seal_ballot(code, "review_ballot")
    assert counting.fsyncs >= 4  # the commit record, the ballot, the ledger and the code: all durable
    monkeypatch.setattr(storage, "os", os)
    assert small.codes.code_status(code).state == "used"


def test_write_atomic_fsyncs_unless_told_the_file_is_a_draft(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    counting = CountingOs()
    monkeypatch.setattr(storage, "os", counting)
    storage.write_atomic(tmp_path / "sealed.json", b"{}")
    assert counting.fsyncs == 2  # the file and its directory
    storage.write_atomic(tmp_path / "draft.json", '{"答":1}'.encode(), durable=False)
    assert counting.fsyncs == 2
    assert (tmp_path / "draft.json").read_bytes() == '{"答":1}'.encode()


# ---------------------------------------------------------------------- double voting


def test_a_used_code_is_refused_also_after_a_restart(data_dir: Path) -> None:
    campaign = make_small_campaign(data_dir)
    code = campaign.codes.issue_codes("members", 1)[0]
    campaign.ballots.seal_ballot(code, "review_ballot", good_ballot(campaign))
    script = (
        "import sys\nfrom store.api import open_store\n"
        f"c = open_store({str(data_dir)!r}).campaign()\n"
        f"print(c.codes.code_status({code!r}).state)\n"
        "try:\n"
        f"    c.ballots.seal_ballot({code!r}, 'review_ballot')\n"
        "except Exception as error:\n"
        "    print(error.key)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert done.stdout.split() == ["used", "store.code_used"]


def test_a_crash_between_the_two_steps_is_finished_on_the_next_open(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    campaign = make_small_campaign(data_dir)
    code = campaign.codes.issue_codes("members", 1)[0]
    for unit_id, row in good_ballot(campaign).items():
        campaign.ballots.save_answers(code, unit_id, row)
    # The commit record and the ballot shard are written (2 replaces), then the codes file fails:
    # what a power cut between sealing the ballot and marking the code used leaves behind.
    monkeypatch.setattr(storage, "os", FaultyOs("replace", 3, errno.EIO))
    with pytest.raises(StoreWriteError):
        campaign.ballots.seal_ballot(code, "review_ballot")
    monkeypatch.setattr(storage, "os", os)
    assert (campaign.dir / "pending.json").exists()
    restarted = open_store(data_dir).campaign()
    assert restarted.codes.code_status(code).state == "used"
    assert restarted.ballots.ballot_count() == 1
    with pytest.raises(Exception) as again:
        restarted.ballots.seal_ballot(code, "review_ballot", good_ballot(restarted))
    assert getattr(again.value, "key", "") == "store.code_used"
    assert not (campaign.dir / "pending.json").exists()
    assert not list((campaign.dir / "drafts").iterdir())
    assert check_invariants(data_dir, []).ballots.ballot_count() == 1
