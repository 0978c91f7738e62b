"""The results commands: the results screen, status, finalize, consolidate and the notice."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import click

from forms.errors import InputError, ProblemFound
from forms.rounding import format_score
from store.outputs import refuse_inside_data
from tui.commands import support
from tui.commands.support import open_campaign as _campaign
from tui.commands.support import output_file_option
from tui.context import AppContext
from tui.i18n import t

if TYPE_CHECKING:
    from exports.model import CampaignResults
    from store.api import CampaignStore


@click.group("results", help=t("results.cli.help"), invoke_without_command=True)
@click.pass_context
def results(ctx: click.Context) -> None:
    if ctx.invoked_subcommand is not None:
        return
    context: AppContext = ctx.obj
    store = _campaign(context)
    if not store.meeting.has_passphrase():
        raise InputError("self.cli.no_passphrase_set")
    store.meeting.require_results_visible()
    from tui.results.app import create_results_app

    support.run_app(create_results_app(context, store=store))


@results.command("status", help=t("selfyear.cli.status"))
@click.pass_obj
def results_status_command(context: AppContext) -> None:
    from tui.results.status import status_lines

    for line in status_lines(_campaign(context)):
        click.echo(line)


@results.command("finalize", help=t("selfyear.cli.finalize"))
@click.option("--passphrase", help=t("selfyear.opt.passphrase"))
@click.pass_obj
def results_finalize(context: AppContext, passphrase: str | None) -> None:
    from exports.official import finalize, results_status

    store = _campaign(context)
    support.check_admin(store, passphrase)
    final = finalize(store, "admin")
    click.echo(t("selfyear.final.done", name=store.info.name, count=len(final.stars)))
    if final.unrated:
        gaps = results_status(store).gaps
        from tui.i18n import nested_text

        click.echo(t("selfyear.final.unrated", missing=nested_text([m.rendered() for m in gaps])), err=True)


# ---------------------------------------------------------------------- consolidate


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def _pad(text: str, width: int, right: bool = False) -> str:
    gap = " " * max(0, width - _width(text))
    return gap + text if right else text + gap


def results_table(results: CampaignResults, lang: str) -> str:
    """The results as an aligned text table (wide Chinese characters counted as two columns)."""

    def score(value: float | None) -> str:
        return format_score(value, 2)

    header = [
        t(f"consolidate.table.{key}")
        for key in ("rank", "unit", "valid", "score", "good_rate", "composite", "grade", "star")
    ]
    rows = [
        [
            str(unit.rank or "—"),
            unit.name,
            str(unit.valid_ballots),
            score(unit.review_score),
            "—" if unit.good_rate is None else f"{unit.good_rate * 100:.1f}%",
            score(unit.composite),
            unit.grade_label(lang) or "—",
            "—" if unit.star is None else str(unit.star),
        ]
        for unit in results.units
    ]
    widths = [max(_width(row[index]) for row in [header, *rows]) for index in range(len(header))]
    numeric = {0, 2, 3, 4, 5, 7}
    lines = [
        "  ".join(_pad(cell, widths[i], i in numeric) for i, cell in enumerate(row))
        for row in [header, *rows]
    ]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines)


def diagnostics_text(results: CampaignResults, lang: str) -> str:
    """The rater-bias diagnostics and the star quota, as lines for the terminal."""
    bias = results.bias
    lines = [t("consolidate.bias.title")]
    for group in bias.groups:
        leniency = "—" if group.leniency is None else f"{group.leniency:+.2f}"
        if group.hidden_below:  # too few ballots to show without exposing people
            key = "trust.group_withheld" if group.complement else "trust.group_hidden"
            leniency = t(key, min=group.hidden_below)
        lines.append(
            t(
                "consolidate.bias.group",
                group=group.label(lang),
                ballots=group.ballots,
                invalid=group.invalid,
                leniency=leniency,
            )
        )
    lines.append(
        t(
            "consolidate.bias.straight",
            count=bias.straight_lined,
            share=f"{bias.straight_lined_share * 100:.1f}",
        )
    )
    if bias.trimming_changes_ranking:
        moved = "、".join(
            f"{shift.name}（{shift.rank_by_mean}→{shift.rank_by_trimmed}）" for shift in bias.rank_shifts
        )
        lines.append(t("consolidate.bias.trim_changes", units=moved))
    else:
        lines.append(t("consolidate.bias.trim_same"))
    quota = results.star_quota
    allowed = "—" if quota.five_star_allowed is None else quota.five_star_allowed
    lines.append(t("consolidate.star_quota", five=quota.five_star_units, allowed=allowed))
    return "\n".join(lines)


def _store_for(context: AppContext, files: Sequence[Path]) -> CampaignStore | None:
    """The campaign the files belong to, when this data directory holds it (else None: files only)."""
    from exports.manifest import read_manifest
    from store.api import open_store

    if not context.data_dir.exists():
        return None
    store = open_store(context.data_dir)
    known = {info.id for info in store.campaigns()}
    if context.campaign_id:
        return store.campaign(context.campaign_id)
    try:
        wanted = read_manifest(files[0]).campaign_id
    except InputError:
        return None
    return store.campaign(wanted) if wanted in known else None


@click.command("consolidate", help=t("consolidate.help"))
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@output_file_option(t("export.opt.output"))
@click.option(
    "--rules", "rules_file", type=click.Path(dir_okay=False, path_type=Path), help=t("consolidate.opt.rules")
)
@click.option("--report-only", is_flag=True, help=t("consolidate.opt.report_only"))
@click.option("--plain", is_flag=True, help=t("export.opt.plain"))
@click.pass_obj
def consolidate_command(
    context: AppContext,
    files: tuple[Path, ...],
    output: Path,
    rules_file: Path | None,
    report_only: bool,
    plain: bool,
) -> None:
    from exports.consolidate import read_exports, results_of, write_summary

    refuse_inside_data(context.data_dir, output)
    rules = None
    if rules_file is not None:
        from forms.rules import load_rules

        rules = load_rules(rules_file)
    campaign = _store_for(context, files)
    progress = support.StderrProgress(t("import.progress"), support.total_rows(files))
    try:
        ballots = read_exports(list(files), campaign, on_rows=progress)
    finally:
        progress.close()
    click.echo(
        t(
            "consolidate.read",
            files=len(files),
            rows=ballots.rows,
            ballots=len(ballots.ballots) - len(ballots.conflicting_ids()),
            duplicates=ballots.duplicates,
        ),
        err=True,
    )
    if ballots.conflicts:
        support.echo_conflicts(ballots.conflicts)
        if not report_only:
            raise ProblemFound("consolidate.conflicts", count=len(ballots.conflicts))
    if campaign is None:
        source = (
            t("consolidate.rules_file", path=str(rules_file))
            if rules_file
            else t("consolidate.default_rules")
        )
        click.echo(t("consolidate.no_campaign", rules=source), err=True)
        click.echo(t("trust.consolidate_unchecked"), err=True)
    results = results_of(ballots, campaign, rules)
    click.echo(results_table(results, context.lang))
    click.echo("")
    click.echo(diagnostics_text(results, context.lang))
    manifest = write_summary(results, output, text=t, lang=context.lang, plain=plain)
    click.echo(t("consolidate.written", path=str(output), rows=manifest.rows), err=True)
    if ballots.conflicts:
        raise ProblemFound("consolidate.conflicts_left_out", count=len(ballots.conflicts))


# ---------------------------------------------------------------------- report


@click.command("report", help=t("report.help"))
@output_file_option(t("report.opt.output"))
@click.pass_obj
def report_command(context: AppContext, output: Path) -> None:
    import datetime

    from exports.report import write_report
    from exports.results import campaign_results
    from exports.stars import branch_stars

    refuse_inside_data(context.data_dir, output)
    campaign = _campaign(context)
    rules = campaign.rules()
    if not campaign.meeting.results_visible():
        raise ProblemFound("export.voting_open")
    if not output.parent.is_dir() and str(output.parent):
        raise InputError("export.no_directory", path=str(output.parent))
    results = campaign_results(campaign, rules)
    branches = branch_stars(campaign, rules)
    from tui.results.status import status_lines

    status = status_lines(campaign)
    try:
        lines = write_report(
            results, output, t, context.lang, datetime.date.today().isoformat(), branches, status
        )
    except OSError as error:
        raise InputError(
            "export.cannot_write", path=str(output), detail=error.strerror or str(error)
        ) from None
    click.echo(t("report.written", path=str(output), lines=lines))


COMMANDS: list[click.Command] = [results, consolidate_command, report_command]
