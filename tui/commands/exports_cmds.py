"""The click commands of the exports area: export, units/brands/import, consolidate and report."""

from __future__ import annotations

import sys
import time
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import click

from forms.errors import InputError, ProblemFound
from forms.rounding import format_score
from tui.context import AppContext
from tui.i18n import t

if TYPE_CHECKING:
    from exports.carryover import PreviousStars
    from exports.model import CampaignResults
    from exports.row_problems import RosterProblem
    from store.api import CampaignStore, Unit

KIND_CHOICES = ("ballots", "summary", "stars", "self", "supervision", "brands", "codebook")


def _campaign(context: AppContext) -> CampaignStore:
    from store.api import open_store

    return open_store(context.data_dir).campaign(context.campaign_id)


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


# ---------------------------------------------------------------------- export


def _export_help() -> str:
    kinds = "\n".join(f"  {kind:<12} {t(f'export.kind.{kind}')}" for kind in KIND_CHOICES)
    return t("export.help") + "\n\n\b\n" + kinds


@click.command("export", help=_export_help())
@click.argument("kind", type=click.Choice(KIND_CHOICES))
@click.option(
    "-o",
    "--output",
    "output",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help=t("export.opt.output"),
)
@click.option("--plain", is_flag=True, help=t("export.opt.plain"))
@click.option(
    "--format",
    "file_format",
    type=click.Choice(("csv", "xlsx")),
    default=None,
    help=t("results.opt.format"),
)
@click.pass_obj
def export_command(
    context: AppContext, kind: str, output: Path, plain: bool, file_format: str | None
) -> None:
    from exports.kinds import export_kind
    from exports.manifest import manifest_path

    chosen = file_format or ("xlsx" if output.suffix.lower() == ".xlsx" else "csv")
    campaign = _campaign(context)
    progress = StderrProgress(t("export.progress", path=str(output)))
    try:
        manifest = export_kind(
            campaign,
            kind,
            output,
            plain=plain,
            lang=context.lang,
            text=t,
            on_progress=progress,
            file_format=chosen,
        )
    finally:
        progress.close()
    click.echo(t("export.done", rows=manifest.rows, path=str(output), manifest=str(manifest_path(output))))


# ---------------------------------------------------------------------- units import


@click.group("units", help=t("import.units_group_help"))
def units_group() -> None:
    pass


@units_group.command("template", help=t("selfyear.roster.template_help"))
@click.option(
    "-o",
    "--output",
    "output",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help=t("selfyear.roster.opt_output"),
)
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
    from exports.roster import read_roster, restore_leading_zeros, roster_units
    from exports.roster_guard import orphans

    campaign = _campaign(context)
    existing = campaign.roster.units()
    if groups:
        known: set[str] | None = {
            name.strip() for name in groups.replace("，", ",").split(",") if name.strip()
        }
    else:
        known = {unit.group for unit in existing if unit.group} or None
    reading = read_roster(file, known_groups=known)
    _refuse_problems(file, reading.problems, "import.roster_rejected", reading.where)
    if reading.ignored_columns:
        click.echo(t("import.roster.ignored_columns", columns="、".join(reading.ignored_columns)), err=True)
    units = roster_units(reading.units)
    restored = restore_leading_zeros(units, [unit.id for unit in existing])
    changed = sum(1 for old, new in zip(units, restored, strict=True) if old.id != new.id)
    if changed:
        click.echo(t("results.import.zeros_restored", count=changed), err=True)
    units = restored
    dropping = {name.strip() for name in (drop_units or "").replace("，", ",").split(",") if name.strip()}
    left_out = [
        orphan for orphan in orphans(campaign, [unit.id for unit in units]) if orphan.unit_id not in dropping
    ]
    if left_out:
        for orphan in left_out:
            kinds = "、".join(t(f"results.import.data.{kind}") for kind in orphan.kinds)
            click.echo(t("results.import.orphan", id=orphan.unit_id, name=orphan.name, kinds=kinds), err=True)
        raise InputError(
            "results.import.orphans_refused",
            file=str(file),
            count=len(left_out),
            ids=",".join(orphan.unit_id for orphan in left_out),
        )
    units = carry_last_stars(campaign, units)
    count = campaign.roster.import_units(units)
    if reading.encoding == "xlsx":
        encoding = "xlsx"
    else:
        encoding = "UTF-8" if reading.encoding == "utf-8-sig" else "GBK/GB18030"
    click.echo(t("import.units.done", file=str(file), count=count, encoding=encoding))
    if existing:
        backups = campaign.store.backups()
        if backups:
            click.echo(t("results.import.backup", path=str(backups[0])))
    groups_found: dict[str, int] = {}
    for row in reading.units:
        if row.group:
            groups_found[row.group] = groups_found.get(row.group, 0) + 1
    if groups_found:
        # Shown so that a misspelt group (one unit alone in "第一联络祖") is noticed at once.
        listing = ("、" if context.lang == "zh" else ", ").join(
            f"{name} {n}" for name, n in groups_found.items()
        )
        click.echo(t("import.units.groups", groups=listing))


def carry_last_stars(
    campaign: CampaignStore, units: Sequence[Unit], previous: PreviousStars | None = None
) -> list[Unit]:
    """`units` with last year's star filled from the campaign's source campaign where the roster gives none
    (`previous`: those stars read beforehand); says on stderr how many were carried and from where."""
    from exports.carryover import previous_stars, source_campaign, with_last_stars

    if previous is None:
        source = source_campaign(campaign)
        if source is None:
            return list(units)
        previous = previous_stars(source)
    roster = with_last_stars(units, previous)
    click.echo(
        t(
            "export.carry.done",
            carried=roster.carried,
            name=previous.campaign_name,
            id=previous.campaign_id,
            given=roster.from_roster,
        ),
        err=True,
    )
    return list(roster.units)


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


def _total_rows(paths: Sequence[Path]) -> int | None:
    from exports.manifest import read_manifest

    try:
        return sum(read_manifest(path).rows for path in paths)
    except InputError:
        return None  # the real read reports the problem with its file


def _echo_conflicts(conflicts: Sequence[object]) -> None:
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


@import_group.command("ballots", help=t("import.help.ballots"))
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.pass_obj
def import_ballots(context: AppContext, files: tuple[Path, ...]) -> None:
    from exports.consolidate import read_exports, sealed_for_import

    campaign = _campaign(context)
    progress = StderrProgress(t("import.progress"), _total_rows(files))
    try:
        ballots = read_exports(list(files), campaign, on_rows=progress)
    finally:
        progress.close()
    if ballots.conflicts:
        _echo_conflicts(ballots.conflicts)
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
@click.option(
    "-o",
    "--output",
    "output",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help=t("export.opt.output"),
)
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
    from store.outputs import refuse_inside_data

    refuse_inside_data(context.data_dir, output)
    rules = None
    if rules_file is not None:
        from forms.rules import load_rules

        rules = load_rules(rules_file)
    campaign = _store_for(context, files)
    progress = StderrProgress(t("import.progress"), _total_rows(files))
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
        _echo_conflicts(ballots.conflicts)
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
@click.option(
    "-o",
    "--output",
    "output",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help=t("report.opt.output"),
)
@click.pass_obj
def report_command(context: AppContext, output: Path) -> None:
    import datetime

    from exports.report import write_report
    from exports.results import campaign_results
    from exports.stars import branch_stars
    from store.outputs import refuse_inside_data

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


COMMANDS: list[click.Command] = [
    export_command,
    units_group,
    brands_group,
    import_group,
    consolidate_command,
    report_command,
]
