"""What several command modules share: the campaign named, the terminal, progress, the admin check."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from forms.errors import InputError
from tui.context import AppContext
from tui.i18n import t

Command = TypeVar("Command", bound=Callable[..., Any])

if TYPE_CHECKING:
    from exports.carryover import PreviousStars
    from store.api import CampaignStore, Unit


def output_file_option(help_text: str) -> Callable[[Command], Command]:
    """The required `-o/--output FILE` of the commands that write one file."""
    return click.option(
        "-o",
        "--output",
        "output",
        required=True,
        type=click.Path(dir_okay=False, path_type=Path),
        help=help_text,
    )


def has_terminal() -> bool:
    """True when a person sits at this terminal (tests replace this to drive the wizards)."""
    return sys.stdin.isatty() and sys.stdout.isatty()


def open_campaign(context: AppContext) -> CampaignStore:
    """The campaign `--data` and `--campaign` name."""
    from store.api import open_store

    return open_store(context.data_dir).campaign(context.campaign_id)


def run_app(app: Any) -> None:
    """Run a Textual app in this terminal (tests replace this so no app starts)."""
    if not has_terminal():
        raise InputError("self.cli.no_terminal")
    app.run()


def _ask_passphrase() -> str:
    if not has_terminal():
        raise InputError("polish.no_terminal_passphrase")  # only the flags this command has
    import questionary

    try:
        answer = questionary.password(t("self.cli.passphrase_prompt")).unsafe_ask()
    except KeyboardInterrupt:
        raise click.exceptions.Abort() from None
    return str(answer or "")


def check_admin(store: CampaignStore, passphrase: str | None) -> None:
    """Refuse unless `passphrase` (asked for when missing) is the campaign's admin passphrase."""
    if not store.meeting.has_passphrase():
        raise InputError("self.cli.no_passphrase_set")
    given = passphrase if passphrase is not None else _ask_passphrase()
    if not store.meeting.check_passphrase(given):
        raise InputError("self.cli.bad_passphrase")


class StderrProgress:
    """A running count on stderr while a long export or read goes on; silent when stderr is not a terminal."""

    def __init__(self, label: str, total: int | None = None) -> None:
        self.label = label
        self.total = total
        self.active = sys.stderr.isatty()
        self.shown = False
        self.last = 0.0

    def __call__(self, done: int) -> None:
        if not self.active:
            return
        now = time.monotonic()
        if now - self.last < 0.1 and (self.total is None or done < self.total):
            return
        self.last = now
        if self.total:
            width = 30
            filled = min(width, int(width * done / self.total))
            bar = "█" * filled + "░" * (width - filled)
            text = f"\r{self.label} {bar} {min(100, done * 100 // self.total):3d}% {done:,}/{self.total:,}"
        else:
            text = f"\r{self.label} … {done:,}"
        click.echo(text, nl=False, err=True)
        self.shown = True

    def close(self) -> None:
        """Ends the progress line so the next message starts on its own line."""
        if self.shown:
            click.echo("", err=True)


def total_rows(paths: Sequence[Path]) -> int | None:
    from exports.manifest import read_manifest

    try:
        return sum(read_manifest(path).rows for path in paths)
    except InputError:
        return None  # the real read reports the problem with its file


def echo_conflicts(conflicts: Sequence[object]) -> None:
    for conflict in conflicts:
        click.echo(
            t(
                "consolidate.conflict",
                ballot=getattr(conflict, "ballot_id", ""),
                first=str(getattr(conflict, "first", "")),
                second=str(getattr(conflict, "second", "")),
            ),
            err=True,
        )


def carry_last_stars(
    campaign: CampaignStore, units: Sequence[Unit], previous: PreviousStars | None = None
) -> list[Unit]:
    """`units` with last year's stars carried in (`exports.carryover.carry_stars`), saying on stderr how
    many were carried and from where."""
    from exports.carryover import carry_stars

    roster = carry_stars(campaign, units, previous)
    if roster is None or roster.previous is None:
        return list(units)
    click.echo(
        t(
            "export.carry.done",
            carried=roster.carried,
            name=roster.previous.campaign_name,
            id=roster.previous.campaign_id,
            given=roster.from_roster,
        ),
        err=True,
    )
    return list(roster.units)
