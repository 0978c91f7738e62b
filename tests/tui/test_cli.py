"""The root command: lazy loading that matches the area modules, global options, clean errors."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from tui.cli import cli
from tui.commands import AREA_MODULES, COMMAND_MODULES, area_commands

ROOT = Path(__file__).resolve().parents[2]


def test_the_lazy_map_names_every_command_of_every_area_and_nothing_else() -> None:
    declared = {command.name: module for module in AREA_MODULES for command in area_commands(module)}
    assert declared == COMMAND_MODULES


def test_help_lists_every_command_in_both_languages() -> None:
    # Help texts are chosen when the command modules load, from --lang on the command line: so a real process.
    for lang, sentence in (("zh", "机关党建年度考核"), ("en", "year-end Party-building assessment")):
        done = subprocess.run(
            [sys.executable, "-c", "from tui.cli import main; main()", "--lang", lang, "--help"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            env={"PATH": "/usr/bin:/bin", "COLUMNS": "200"},
        )
        assert done.returncode == 0, done.stderr
        assert sentence in done.stdout
        for name in COMMAND_MODULES:
            assert f"  {name} " in done.stdout, name


def test_a_command_loads_only_its_own_area() -> None:
    script = (
        "import sys\n"
        "from tui.cli import cli\n"
        "cli.get_command(None, 'meeting')\n"
        "print(sorted(m for m in sys.modules if m.startswith('tui.commands.')))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "['tui.commands.meeting']"


def test_an_unknown_command_is_bad_usage() -> None:
    result = CliRunner().invoke(cli, ["投票"])
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_version() -> None:
    result = CliRunner().invoke(cli, ["--version"])
    assert result.exit_code == 0
    assert "kaoping，版本" in result.output  # click's texts follow the interface language


def test_main_pauses_the_garbage_collector_only_for_start_up(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import gc

    from tui.cli import main

    monkeypatch.setattr(sys, "argv", ["kaoping", "--lang", "en", "forms", "list"])
    try:
        with pytest.raises(SystemExit) as done:
            main()
        assert done.value.code == 0
        assert "review_ballot" in capsys.readouterr().out
        assert gc.isenabled(), "a command that opens no screen must run with the collector on"
    finally:
        gc.enable()
