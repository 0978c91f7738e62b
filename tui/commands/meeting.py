"""The `meeting` command: `kaoping meeting` starts the voting terminal (ballot, brand vote or paper entry)."""

from __future__ import annotations

import os

import click

from tui.context import AppContext
from tui.i18n import t

READY_ENV = "KAOPING_MEETING_EXIT_WHEN_READY"
"""Set (by bench/bench_meeting.py) to leave as soon as the welcome screen is ready, headless."""


@click.command("meeting", help=t("meeting.cli.help"))
@click.option("--paper", is_flag=True, help=t("meeting.cli.paper"))
@click.option("--double-entry", is_flag=True, help=t("meeting.cli.double_entry"))
@click.option("--vote", type=click.Choice(["brands"]), default=None, help=t("meeting.cli.vote"))
@click.option("--runoff", is_flag=True, help=t("results.opt.runoff"))
@click.option("--round", "runoff_round", type=click.IntRange(1, 9), default=1, help=t("results.opt.round"))
@click.option(
    "--idle",
    "idle_seconds",
    type=click.IntRange(30, 3600),
    default=180,
    show_default=True,
    help=t("meeting.cli.idle"),
)
@click.pass_obj
def meeting(
    context: AppContext,
    paper: bool,
    double_entry: bool,
    vote: str | None,
    runoff: bool,
    runoff_round: int,
    idle_seconds: int,
) -> None:
    from forms.errors import InputError
    from tui.meeting import create_meeting_app

    if paper and vote:
        raise InputError("meeting.paper_and_vote")
    if runoff and vote != "brands":
        raise InputError("results.runoff.needs_vote")
    mode = "paper" if paper else ("brands" if vote == "brands" else "ballot")
    ready_exit = bool(os.environ.get(READY_ENV))
    app = create_meeting_app(
        context,
        mode=mode,
        double_entry=double_entry,
        runoff_round=runoff_round if runoff else None,
        idle_timeout=float(idle_seconds),
        exit_when_ready=ready_exit,
    )
    _warn_sheets_in_data(context)
    if not ready_exit:
        from tui.terminal import require_terminal

        require_terminal("kaoping meeting")  # after the store's own refusals, before anything is drawn
    app.run(headless=ready_exit)
    _warn_sheets_in_data(context)  # again after the screen closes, where the admin reads it


def _warn_sheets_in_data(context: AppContext) -> None:
    """Code sheets found in the data directory: a warning (the meeting still runs)."""
    from store.api import stray_sheets

    found = stray_sheets(context.data_dir) if context.data_dir.is_dir() else []
    if found:
        click.echo(t("store_trust.sheets_in_data", count=len(found), file=str(found[0])), err=True)


COMMANDS: list[click.Command] = [meeting]
