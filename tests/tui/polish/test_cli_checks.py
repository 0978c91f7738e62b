"""Full-screen commands without a terminal, and a data directory under a file: one sentence, exit 2."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]


def kaoping(*args: str, lang: str = "zh") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "KAOPING_LANG": lang}
    return subprocess.run(
        [sys.executable, "-m", "tui.cli", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=30,  # a hang fails the test instead of blocking the run
    )


@pytest.mark.parametrize("command", [[], ["meeting"], ["meeting", "--vote", "brands"]])
def test_a_full_screen_command_without_a_terminal_says_so_and_exits_2(
    tmp_path: Path, command: list[str]
) -> None:
    from tests.tui.meeting.conftest import _fixed_campaign

    _fixed_campaign(tmp_path, 4, open_voting=True)
    done = kaoping("--data", str(tmp_path), *command)
    assert done.returncode == 2
    assert done.stdout == ""
    assert len(done.stderr.strip().splitlines()) == 1
    assert "\x1b" not in done.stderr, "nothing drawn"
    assert "终端" in done.stderr


def test_a_data_directory_under_a_regular_file_is_refused_in_chinese(tmp_path: Path) -> None:
    blocker = tmp_path / "file.txt"
    blocker.write_text("x", encoding="utf-8")
    for command in (["campaigns"], ["demo"]):
        done = kaoping("--data", str(blocker / "data"), *command)
        assert done.returncode == 2, done.stderr
        assert len(done.stderr.strip().splitlines()) == 1
        assert "Not a directory" not in done.stderr
        assert "是一个文件" in done.stderr
    english = kaoping("--data", str(blocker / "data"), "campaigns", lang="en")
    assert english.returncode == 2 and "is a file, not a directory" in english.stderr


def test_reopen_without_a_terminal_suggests_only_flags_it_has(tmp_path: Path) -> None:
    import re

    from tests.tui.meeting.conftest import _fixed_campaign
    from tui.commands import load_command

    _fixed_campaign(tmp_path, 4, open_voting=False)
    env_free = kaoping("--data", str(tmp_path), "self-assess", "--reopen", "U01", "--reason", "x")
    assert env_free.returncode == 2
    command = load_command("self-assess")
    assert command is not None
    flags = {opt for param in command.params for opt in param.opts}
    suggested = set(re.findall(r"--[a-z][a-z-]*", env_free.stderr))
    assert suggested and suggested <= flags | {"--help"}, suggested
    assert "--passphrase" in suggested


def test_store_failures_give_the_os_reason_in_our_words() -> None:
    import errno

    from store.errors import StoreReadError, StoreWriteError
    from tui.i18n import error_text, set_language

    full = StoreWriteError(Path("/数据/x.json"), OSError(errno.ENOSPC, "No space left on device"))
    denied = StoreReadError(Path("/数据/y.json"), OSError(errno.EACCES, "Permission denied"))
    set_language("zh")
    assert "磁盘空间已满" in error_text(full) and "No space" not in error_text(full)
    assert "没有权限" in error_text(denied) and "Permission" not in error_text(denied)
    set_language("en")
    try:
        assert "the disk is full" in error_text(full)
    finally:
        set_language("zh")


def test_a_group_without_its_sub_command_shows_its_help_in_chinese(tmp_path: Path) -> None:
    done = kaoping("--data", str(tmp_path), "codes")
    assert done.returncode == 2
    assert done.stderr.startswith("用法：kaoping codes") and "命令：" in done.stderr
    assert "Usage" not in done.stderr and "Error" not in done.stderr
