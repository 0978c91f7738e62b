"""Every kaoping command against an empty and a damaged data directory: a clear sentence, never a traceback.

The commands are found by walking the real `kaoping` group, so a command added later is covered too. Each
runs with the least it accepts (a file argument names a file that does not exist) and must exit 1 or 2
with a message on stderr (or 0 where success is right), print no traceback, change no file, and never
start a Textual app when the store cannot be opened.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from store.api import open_store
from tui.cli import cli
from tui.i18n import set_language

MISSING = "缺少的文件.csv"
NAME = "2026年度市直机关党建考核"  # user data: may appear in an English sentence
# Commands that succeed on an empty data directory, and may write there: that is their job.
SUCCEED_WHEN_EMPTY = {"demo", "forms list", "forms show", "forms check", "units template"}
# Commands that read no campaign: they succeed whatever the data directory holds.
NEED_NO_STORE = {"forms list", "forms show", "forms check", "units template"}


def _walk(
    group: click.Group, prefix: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], click.Command]]:
    context = click.Context(group)
    for name in group.list_commands(context):
        command = group.get_command(context, name)
        if command is None:
            continue
        path = (*prefix, name)
        if isinstance(command, click.Group):
            yield from _walk(command, path)
        else:
            yield path, command


def _minimal_args(command: click.Command, scratch: Path) -> list[str]:
    """The required arguments and options of `command`, each with the least value it takes."""
    args: list[str] = []
    for param in command.params:
        if not param.required:
            continue
        if isinstance(param.type, click.Choice):
            value = str(param.type.choices[0])
        elif isinstance(param.type, click.Path):
            value = str(scratch / MISSING)
        elif isinstance(param.type, click.types.IntParamType):
            value = "1"
        elif param.name == "group":
            value = "members"
        else:
            value = "review_ballot"
        if isinstance(param, click.Option):
            args += [param.opts[0], value]
        else:
            args.append(value)
    return args


COMMANDS = sorted(_walk(cli), key=lambda entry: entry[0])


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(autouse=True)
def _no_app_runs(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    import textual.app

    def refuse(*_args: object, **_kwargs: object) -> None:
        pytest.fail("a Textual app was started although the store could not be opened")

    monkeypatch.setattr(textual.app.App, "run", refuse)
    yield
    set_language("zh")


@pytest.fixture
def damaged_dir(tmp_path: Path) -> Path:
    """A data directory whose campaign.json was cut in half (a crash mid-copy, a full USB stick)."""
    data = tmp_path / "data"
    campaign = open_store(data).create_campaign(
        "2026年度市直机关党建考核", 2026, ["review_ballot", "duty_list"]
    )
    main = campaign.dir / "campaign.json"
    raw = main.read_bytes()
    main.write_bytes(raw[: len(raw) // 2])
    return data


def _check(
    path: tuple[str, ...], command: click.Command, data: Path, scratch: Path, success_ok: bool, lang: str
) -> None:
    before = _snapshot(data) if data.exists() else None
    args = ["--data", str(data), "--lang", lang, *path, *_minimal_args(command, scratch)]
    result = CliRunner().invoke(cli, args)
    everything = result.output + result.stderr
    assert "Traceback" not in everything, args
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit), (
        args,
        repr(result.exception),
    )
    if result.exit_code == 0:
        assert success_ok, (args, everything)
        return
    assert result.exit_code in (1, 2), (args, result.exit_code, everything)
    message = result.stderr.strip()
    assert message, args
    lines = [line for line in message.splitlines() if line.strip()]
    if lang == "en":  # the English sentence, not a Chinese one left untranslated
        assert not any(
            "\u4e00" <= char <= "\u9fff" for char in message.replace(MISSING, "").replace(NAME, "")
        ), (args, message)
    # One sentence: a single line that says what went wrong (click's usage errors add a usage line).
    assert len(lines) == 1, (args, message)
    assert (_snapshot(data) if data.exists() else None) == before, args
    assert not (scratch / MISSING).exists()


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize(("path", "command"), COMMANDS, ids=[" ".join(path) for path, _ in COMMANDS])
def test_an_empty_data_directory_gives_a_sentence_not_a_traceback(
    path: tuple[str, ...], command: click.Command, lang: str, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    _check(path, command, data, tmp_path, " ".join(path) in SUCCEED_WHEN_EMPTY, lang)


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize(("path", "command"), COMMANDS, ids=[" ".join(path) for path, _ in COMMANDS])
def test_a_truncated_campaign_file_gives_a_sentence_not_a_traceback(
    path: tuple[str, ...], command: click.Command, lang: str, damaged_dir: Path, tmp_path: Path
) -> None:
    _check(path, command, damaged_dir, tmp_path, " ".join(path) in NEED_NO_STORE, lang)


def test_the_walk_finds_every_area() -> None:
    names = {" ".join(path) for path, _ in COMMANDS}
    assert {"init", "units import", "codes issue", "meeting", "self-assess", "export", "consolidate"} <= names
    assert {"verify", "report", "import ballots", "forms list"} <= names


def test_the_home_screen_does_not_start_on_a_damaged_directory(damaged_dir: Path) -> None:
    before = _snapshot(damaged_dir)
    result = CliRunner().invoke(cli, ["--data", str(damaged_dir)])
    assert "Traceback" not in result.output + result.stderr
    assert result.exit_code in (1, 2) and result.stderr.strip()
    assert _snapshot(damaged_dir) == before
