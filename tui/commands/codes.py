"""The `codes` commands: ballot, unit and liaison-group code sheets."""

from __future__ import annotations

from pathlib import Path

import click

from tui.commands.support import open_campaign as _campaign
from tui.context import AppContext
from tui.i18n import language, t

# ---------------------------------------------------------------------- codes


@click.group("codes", help=t("store.cmd.codes"))
def codes_group() -> None:
    """The ballot-code commands."""


@codes_group.command("issue", help=t("store.cmd.codes_issue"))
@click.option("--count", type=int, required=True, help=t("store.opt.count"))
@click.option("--group", "group", required=True, help=t("store.opt.group"))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help=t("store.opt.output"),
)
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


@codes_group.command("units", help=t("store.cmd.codes_units"))
@click.option("--unit", "unit_ids", multiple=True, help=t("store.opt.unit"))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help=t("store_trust.opt.output_sheet"),
)
@click.option("--reissue", "--yes", "yes", is_flag=True, help=t("store.opt.yes_reissue"))
@click.pass_obj
def codes_units_command(context: AppContext, unit_ids: tuple[str, ...], output: Path, yes: bool) -> None:
    from exports.code_sheets import issue_unit_sheet

    issued = issue_unit_sheet(_campaign(context), unit_ids, output, yes, t)
    click.echo(t("store.cmd.unit_codes_issued", count=issued.count))
    click.echo(t("store.cmd.sheet_written", csv=str(issued.csv), txt=str(issued.text)))


@codes_group.command("groups", help=t("store.cmd.codes_groups"))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help=t("store_trust.opt.output_sheet"),
)
@click.option("--reissue", "--yes", "yes", is_flag=True, help=t("store.opt.yes_reissue"))
@click.pass_obj
def codes_groups_command(context: AppContext, output: Path, yes: bool) -> None:
    from exports.code_sheets import issue_group_sheet

    issued = issue_group_sheet(_campaign(context), output, yes, t)
    click.echo(t("store.cmd.group_codes_issued", count=issued.count))
    click.echo(t("store.cmd.sheet_written", csv=str(issued.csv), txt=str(issued.text)))


COMMANDS: list[click.Command] = [codes_group]
