"""The commands that bring files in: units (roster), brands, import ballots and supervision."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import click

from forms.errors import InputError, ProblemFound
from tui.commands import support
from tui.commands.support import open_campaign as _campaign
from tui.commands.support import output_file_option
from tui.context import AppContext
from tui.i18n import t

if TYPE_CHECKING:
    from exports.roster_guard import Orphan
    from exports.row_problems import RosterProblem


def _refuse_problems(
    path: Path, problems: Sequence[RosterProblem], key: str = "import.rejected", where: str = ""
) -> None:
    """A file with problems is refused whole: each problem on stderr, then `key` (nothing is stored).

    `where` is the sheet of a workbook: messages then read `FILE:SHEET:ROW: column: problem`."""
    if problems:
        _echo_problems(path, problems, where)
        raise InputError(key, file=str(path), count=len(problems))


def _echo_problems(path: Path, problems: Sequence[RosterProblem], where: str = "") -> None:
    for problem in problems:
        click.echo(
            t(
                "import.problem_line",
                file=f"{path}:{where}" if where else str(path),
                line=problem.line,
                column=problem.column,
                problem=t(problem.key, **dict(problem.params)),
            ),
            err=True,
        )


# ---------------------------------------------------------------------- units import


@click.group("units", help=t("import.units_group_help"))
def units_group() -> None:
    pass


@units_group.command("template", help=t("selfyear.roster.template_help"))
@output_file_option(t("selfyear.roster.opt_output"))
def units_template(output: Path) -> None:
    from exports.roster_template import write_template

    examples = write_template(output, t)
    click.echo(t("selfyear.roster.written", path=str(output), examples=examples))


@units_group.command("import", help=t("import.help.units"), epilog=t("selfyear.roster.columns_help"))
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--groups", "groups", help=t("import.opt.groups"))
@click.option("--drop-units", "drop_units", help=t("results.opt.drop_units"))
@click.pass_obj
def units_import(context: AppContext, file: Path, groups: str | None, drop_units: str | None) -> None:
    from exports.roster_import import plan_roster

    campaign = _campaign(context)
    had_units = bool(campaign.roster.units())
    plan = plan_roster(campaign, file, groups, drop_units)
    reading = plan.reading
    _refuse_problems(file, reading.problems, "import.roster_rejected", reading.where)
    if reading.ignored_columns:
        click.echo(t("import.roster.ignored_columns", columns="、".join(reading.ignored_columns)), err=True)
    if plan.zeros_restored:
        click.echo(t("results.import.zeros_restored", count=plan.zeros_restored), err=True)
    if plan.orphans:
        _refuse_orphans(file, plan.orphans)
    count = campaign.roster.import_units(support.carry_last_stars(campaign, plan.units))
    click.echo(t("import.units.done", file=str(file), count=count, encoding=_encoding_name(reading.encoding)))
    backups = campaign.store.backups() if had_units else []
    if backups:
        click.echo(t("results.import.backup", path=str(backups[0])))
    if plan.groups:
        # Shown so that a misspelt group (one unit alone in "第一联络祖") is noticed at once.
        sep = "、" if context.lang == "zh" else ", "
        click.echo(
            t("import.units.groups", groups=sep.join(f"{name} {n}" for name, n in plan.groups.items()))
        )


def _encoding_name(encoding: str) -> str:
    if encoding == "xlsx":
        return "xlsx"
    return "UTF-8" if encoding == "utf-8-sig" else "GBK/GB18030"


def _refuse_orphans(file: Path, left_out: Sequence[Orphan]) -> None:
    """Each unit the file leaves out while the campaign holds its data, then the refusal (nothing stored)."""
    for orphan in left_out:
        kinds = "、".join(t(f"results.import.data.{kind}") for kind in orphan.kinds)
        click.echo(t("results.import.orphan", id=orphan.unit_id, name=orphan.name, kinds=kinds), err=True)
    raise InputError(
        "results.import.orphans_refused",
        file=str(file),
        count=len(left_out),
        ids=",".join(orphan.unit_id for orphan in left_out),
    )


# ---------------------------------------------------------------------- brands import


@click.group("brands", help=t("import.brands_group_help"))
def brands_group() -> None:
    pass


@brands_group.command("import", help=t("import.help.brands"))
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.pass_obj
def brands_import(context: AppContext, file: Path) -> None:
    from exports.table_imports import read_brands

    campaign = _campaign(context)
    brands, reading = read_brands(file, campaign)
    _refuse_problems(file, reading.problems, where=reading.where)
    count = campaign.roster.import_brands(brands)
    click.echo(t("import.brands.done", file=str(file), count=count))


# ---------------------------------------------------------------------- import ballots / supervision


@click.group("import", help=t("import.help.group"))
def import_group() -> None:
    pass


@import_group.command("ballots", help=t("import.help.ballots"))
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.pass_obj
def import_ballots(context: AppContext, files: tuple[Path, ...]) -> None:
    from exports.consolidate import read_exports, sealed_for_import

    campaign = _campaign(context)
    progress = support.StderrProgress(t("import.progress"), support.total_rows(files))
    try:
        ballots = read_exports(list(files), campaign, on_rows=progress)
    finally:
        progress.close()
    if ballots.conflicts:
        support.echo_conflicts(ballots.conflicts)
        raise ProblemFound("consolidate.conflicts", count=len(ballots.conflicts))
    outcome = campaign.ballots.import_sealed_ballots(sealed_for_import(ballots, campaign))
    campaign.meeting.record_imported_closings(ballots.closing_digests)
    click.echo(
        t(
            "import.ballots.done",
            added=outcome.added,
            skipped=outcome.skipped + ballots.duplicates,
            files=len(files),
            rows=ballots.rows,
        )
    )


@import_group.command("supervision", help=t("import.help.supervision"))
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.pass_obj
def import_supervision(context: AppContext, file: Path) -> None:
    from exports.table_imports import read_visits

    campaign = _campaign(context)
    visits, reading = read_visits(file, campaign)
    _refuse_problems(file, reading.problems, where=reading.where)
    if not visits:
        raise InputError("import.empty", file=str(file))
    outcome = campaign.visits.import_new_visits(visits)
    click.echo(t("import.visits.done", file=str(file), count=outcome.added, skipped=outcome.skipped))


COMMANDS: list[click.Command] = [units_group, brands_group, import_group]
