"""The `codes` commands: ballot, unit and liaison-group code sheets."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import click

from forms.errors import InputError
from tui.commands.support import open_campaign as _campaign
from tui.commands.support import output_file_option
from tui.context import AppContext
from tui.i18n import language, t

# ---------------------------------------------------------------------- codes


@click.group("codes", help=t("store.cmd.codes"))
def codes_group() -> None:
    """The ballot-code commands."""


@codes_group.command("issue", help=t("store.cmd.codes_issue"))
@click.option("--count", type=int, required=True, help=t("store.opt.count"))
@click.option("--group", "group", required=True, help=t("store.opt.group"))
@output_file_option(t("store.opt.output"))
@click.option("--url", "url", default=None, metavar="http://HALL:PORT", help=t("serve.opt.slips_url"))
@click.pass_obj
def codes_issue_command(context: AppContext, count: int, group: str, output: Path, url: str | None) -> None:
    from exports.code_sheets import issue_ballot_sheet

    base_url = None
    if url is not None:
        from tui.serve.slips import slip_base_url

        base_url = slip_base_url(url)  # checked before any code is issued: nothing half-written
    also = (".html",) if base_url is not None else ()
    issued = issue_ballot_sheet(_campaign(context), group, count, output, t, language(), also)
    click.echo(t("store.cmd.codes_issued", count=issued.count, group=issued.holder))
    click.echo(t("store.cmd.sheet_written", csv=str(issued.csv), txt=str(issued.text)))
    if base_url is not None:
        from tui.serve.slips import write_slips

        html = issued.csv.with_suffix(".html")
        slips = write_slips(html, issued.title, issued.holder, list(issued.codes), base_url)
        click.echo(t("serve.slips.written", path=str(slips)))


UNIT_STATUS_AFTER = ("polish.codes.only_hashes_units", "polish.codes.none_yet_units")
GROUP_STATUS_AFTER = ("polish.codes.only_hashes_groups", "polish.codes.none_yet_groups")


def _sheet_options(command: Callable[..., None]) -> Callable[..., None]:
    """`-o FILE` and `--reissue`, shared by the unit and the group sign-in codes."""
    command = click.option("--reissue", "--yes", "yes", is_flag=True, help=t("store.opt.yes_reissue"))(
        command
    )
    return click.option(
        "-o",
        "--output",
        type=click.Path(dir_okay=False, path_type=Path),
        default=None,
        help=t("polish.codes.opt.output"),
    )(command)


def _echo_status(lines: list[str], has_codes: bool, after: tuple[str, str]) -> None:
    """Where the sign-in codes stand, never a code: the store keeps only their hashes (THREATS.md); then
    the sentence `after` gives (when some codes exist, when none do)."""
    for line in lines:
        click.echo(line)
    click.echo(t(after[0] if has_codes else after[1]))


@codes_group.command("units", help=t("store.cmd.codes_units"))
@click.option("--unit", "unit_ids", multiple=True, help=t("store.opt.unit"))
@_sheet_options
@click.pass_obj
def codes_units_command(
    context: AppContext, unit_ids: tuple[str, ...], output: Path | None, yes: bool
) -> None:
    _refuse_reissue_without_sheet(output, yes)
    campaign = _campaign(context)
    if output is None:
        from exports.sign_in_status import unit_sign_ins, unit_status_lines

        rows = unit_sign_ins(campaign, unit_ids)
        _echo_status(unit_status_lines(rows, t), any(row.has_code for row in rows), UNIT_STATUS_AFTER)
        return
    from exports.code_sheets import issue_unit_sheet

    issued = issue_unit_sheet(campaign, unit_ids, output, yes, t)
    click.echo(t("store.cmd.unit_codes_issued", count=issued.count))
    click.echo(t("store.cmd.sheet_written", csv=str(issued.csv), txt=str(issued.text)))


@codes_group.command("groups", help=t("store.cmd.codes_groups"))
@_sheet_options
@click.pass_obj
def codes_groups_command(context: AppContext, output: Path | None, yes: bool) -> None:
    _refuse_reissue_without_sheet(output, yes)
    campaign = _campaign(context)
    if output is None:
        from exports.sign_in_status import group_sign_ins, group_status_lines

        rows = group_sign_ins(campaign)
        _echo_status(group_status_lines(rows, t), any(row.has_code for row in rows), GROUP_STATUS_AFTER)
        return
    from exports.code_sheets import issue_group_sheet

    issued = issue_group_sheet(campaign, output, yes, t)
    click.echo(t("store.cmd.group_codes_issued", count=issued.count))
    click.echo(t("store.cmd.sheet_written", csv=str(issued.csv), txt=str(issued.text)))


def _refuse_reissue_without_sheet(output: Path | None, reissue: bool) -> None:
    """--reissue makes codes whose only copy is the sheet: without -o there is nowhere to write it."""
    if reissue and output is None:
        raise InputError("polish.codes.reissue_needs_output")


COMMANDS: list[click.Command] = [codes_group]
