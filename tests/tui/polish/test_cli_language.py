"""Every command's help and usage mistakes, in a real process: Chinese only in zh, English only in en."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import click
import pytest

from tui.commands import COMMAND_MODULES, load_command

ROOT = Path(__file__).resolve().parents[3]
CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
WORD = re.compile(r"[A-Za-z][A-Za-z']+")
ALLOWED = {
    # product and format names a Chinese user sees as such, never as a sentence
    "kaoping", "CSV", "UTF", "BOM", "GBK", "Excel", "Markdown", "TOML", "JSON", "XDG", "ID", "IDs", "WPA",
    "manifest", "json", "csv", "xlsx", "md", "txt", "toml", "zip", "KAOPING", "DATA", "LANG", "CAMPAIGN",
    "PASSPHRASE", "HOME", "Enter", "Tab", "PgDn", "PgUp", "Esc", "Ctrl", "SVG",
    "members", "leaders",  # rater-group ids, given as examples of a value
    "html", "Word", "docx", "http", "HALL", "PORT", "QR",  # file formats, and the slip URL's placeholder
}  # fmt: skip
# The roster's column headers are Chinese in every language: `units import --help` names them as typed.
ROSTER_HEADERS = re.compile(
    r"编号|单位名称|党组织名称|党组织类型|所属联络组|书记|上级|上年星级|党支部|机关党总支|机关党委|[一五]星|[，、（）：；]"
)


def _commands(command: click.Command, path: list[str]) -> Iterator[tuple[list[str], click.Command]]:
    yield path, command
    if isinstance(command, click.Group):
        for name in command.list_commands(click.Context(command)):
            sub = command.get_command(click.Context(command), name)
            if sub is not None:
                yield from _commands(sub, [*path, name])


def every_command() -> list[tuple[list[str], click.Command]]:
    from tui.cli import cli

    found: list[tuple[list[str], click.Command]] = [([], cli)]
    for name in sorted(COMMAND_MODULES):
        command = load_command(name)
        assert command is not None
        found.extend(_commands(command, [name]))
    return found


def _names(commands: list[tuple[list[str], click.Command]]) -> set[str]:
    """Command names, option names, metavars and choice values: the words that stay as they are."""
    names: set[str] = set(ALLOWED)
    for path, command in commands:
        names.update(path)
        for param in command.params:
            names.update(param.opts)
            if isinstance(param.type, click.Choice):
                names.update(str(choice) for choice in param.type.choices)
            if param.metavar:
                names.add(param.metavar)
            if param.name:
                names.add(param.name)
    return {word for name in names for word in WORD.findall(name)}


def run(args: list[str], lang: str, data_dir: Path) -> tuple[list[str], str, int]:
    env = {**os.environ, "KAOPING_LANG": lang, "KAOPING_DATA": str(data_dir), "COLUMNS": "100"}
    env.pop("KAOPING_PASSPHRASE", None)
    done = subprocess.run(
        [sys.executable, "-m", "tui.cli", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=60,
    )
    return args, done.stdout + done.stderr, done.returncode


def _english_words(text: str, names: set[str], typed: list[str]) -> list[str]:
    for value in typed:  # what the user typed is quoted back as it was
        text = text.replace(value, " ")
    text = re.sub(r"(?<![\w-])--?[a-z][a-z0-9-]*", " ", text)  # option names
    text = re.sub(r"/[\w./-]+", " ", text)  # paths
    text = re.sub(r"\b[A-Z][A-Z0-9_]+\b", " ", text)  # metavars and environment variables
    return [word for word in WORD.findall(text) if word not in names and word.strip("'") not in names]


MISTAKES = [
    ["nosuch"],
    ["--lang", "fr"],
    ["forms", "show"],
    ["export"],
    ["export", "ballots"],
    ["meeting", "--idle", "3"],
    ["codes", "issue", "--count", "x", "--group", "members", "-o", "x.csv"],
    ["simulate", "--ballots", "-1"],
    ["codes", "units", "--reissue"],
]


def test_every_command_speaks_one_language_in_help_and_mistakes(tmp_path: Path) -> None:
    commands = every_command()
    names = _names(commands)
    jobs: list[tuple[list[str], str]] = []
    for path, _command in commands:
        for lang in ("zh", "en"):
            jobs.append(([*path, "--help"], lang))
            jobs.append(([*path, "--no-such-option"], lang))
    jobs.extend((args, lang) for args in MISTAKES for lang in ("zh", "en"))
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(lambda job: (job[1], *run(job[0], job[1], tmp_path / "data")), jobs))
    problems: list[str] = []
    for lang, args, output, code in results:
        shown = " ".join(args)
        if "--help" in args:
            if code != 0:
                problems.append(f"{lang} {shown}: exit {code}")
        else:
            if code != 2:
                problems.append(f"{lang} {shown}: exit {code}, not 2: {output!r}")
            if len(output.strip().splitlines()) != 1:
                problems.append(f"{lang} {shown}: not one line: {output!r}")
        if "Traceback" in output:
            problems.append(f"{lang} {shown}: traceback")
        if lang == "en" and CJK.search(ROSTER_HEADERS.sub("", output)):
            problems.append(f"en {shown}: Chinese {CJK.findall(output)[:5]} in {output!r}")
        if lang == "zh":
            words = _english_words(output, names, args)
            if words:
                problems.append(f"zh {shown}: English {sorted(set(words))} in {output!r}")
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_usage_mistake_is_one_sentence_with_exit_2(tmp_path: Path, lang: str) -> None:
    _args, output, code = run(["forms", "show"], lang, tmp_path)
    assert code == 2
    assert output.count("\n") == 1
    assert ("用法" in output) if lang == "zh" else ("--help" in output and "Usage" not in output)
