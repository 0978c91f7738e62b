"""`Store.locked_if_free`: the hall's event loop takes the lock only when nobody holds it, never waiting."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from store.api import open_store
from tests.store.store_helpers import locked_by_another_thread, make_small_campaign

ROOT = Path(__file__).resolve().parents[2]

_HOLDER = """
import sys
from store.api import open_store
store = open_store(sys.argv[1])
with store.locked():
    print("held", flush=True)
    sys.stdin.readline()
"""


def test_a_free_lock_is_taken_and_nests_like_the_waiting_one(data_dir: Path) -> None:
    make_small_campaign(data_dir)
    store = open_store(data_dir)
    with store.locked_if_free() as held:
        assert held
        with store.locked(), store.locked_if_free() as again:  # this thread's own hold is no obstacle
            assert again
    # Released: another process takes it at once.
    other = open_store(data_dir, lock_timeout=2)
    assert other.campaign().info.year == 2026


def test_a_lock_held_by_another_thread_is_not_waited_for(data_dir: Path) -> None:
    make_small_campaign(data_dir)
    store = open_store(data_dir)
    with locked_by_another_thread(store), store.locked_if_free() as held:
        assert not held
    with store.locked_if_free() as held:
        assert held


def test_a_lock_held_by_another_process_is_not_waited_for(data_dir: Path) -> None:
    make_small_campaign(data_dir)
    # Opened first (opening takes the lock). A waiting lock would raise StoreLockedError after 5 s here.
    store = open_store(data_dir, lock_timeout=5)
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(data_dir)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        with store.locked_if_free() as held:
            assert not held
    finally:
        assert holder.stdin is not None
        holder.stdin.write("\n")
        holder.stdin.close()
        holder.wait(timeout=60)
    with store.locked_if_free() as held:
        assert held
