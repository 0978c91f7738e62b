"""The store commands: init, demo, codes issue, simulate, verify, backup, restore (no Textual)."""

from __future__ import annotations

import random
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import click

from forms.errors import InputError, ProblemFound
from tui.context import AppContext
from tui.i18n import language, t
from tui.linebreak import cell_width

if TYPE_CHECKING:
    from store.api import CampaignStore, Store, Unit
    from store.demo import DemoResult


def _has_terminal() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()


def _campaign(context: AppContext) -> CampaignStore:
    from store.api import open_store

    return open_store(context.data_dir).campaign(context.campaign_id)


# ---------------------------------------------------------------------- code sheets


@dataclass(frozen=True)
class SheetRow:
    """One slip: who it is for (a rater group, a unit, a liaison group) and the code."""

    holder: str
    code: str


def write_code_sheet(
    csv_path: Path, title: str, holder_header: str, rows: Sequence[SheetRow], code_header: str | None = None
) -> Path:
    """Write a CSV for Excel (UTF-8 with BOM, CRLF) and a plain-text sheet of slips to cut beside it
    (same name, .txt); both mode 0600, written atomically. Returns the text sheet's path."""
    from exports.csvio import cell, write_csv
    from store.errors import StoreWriteError
    from store.storage import write_atomic

    slips = [title, ""]
    cut = "-" * 20 + " ✂ " + "-" * 20
    for number, row in enumerate(rows, start=1):
        slips += [cut, t("store.sheet.slip", number=number, holder=row.holder), f"    {row.code}", ""]
    slips.append(cut)
    text_path = csv_path.with_suffix(".txt")
    csv_path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    # The project's Excel-safe writer (BOM, CRLF, formula guard, atomic; its temp file is already 0600);
    # a disk error is reported like the store's own writes.
    header = [t("store.sheet.number"), holder_header, code_header or t("store.sheet.code")]
    lines = ([number, cell(row.holder), row.code] for number, row in enumerate(rows, start=1))
    try:
        write_csv(csv_path, [header], lines)
    except OSError as error:
        raise StoreWriteError(csv_path, error) from error
    write_atomic(text_path, ("\n".join(slips) + "\n").encode("utf-8"))
    return text_path


def _group_label(campaign: CampaignStore, group_id: str) -> str:
    group = campaign.rules().group(group_id)
    if group is None:
        return group_id
    return group.en if language() == "en" and group.en else group.zh


def _write_all_sheets(
    campaign: CampaignStore,
    ballot_codes: dict[str, list[str]],
    unit_codes: dict[str, str],
    group_codes: dict[str, str],
) -> list[Path]:
    """The code sheets of a new campaign in `<campaign dir>/codes/`: ballot, unit and group codes."""
    folder = campaign.dir / "codes"
    written: list[Path] = []
    name = campaign.info.name
    if ballot_codes:
        rows = [
            SheetRow(_group_label(campaign, g), code) for g, codes in ballot_codes.items() for code in codes
        ]
        path = folder / "ballot-codes.csv"
        write_code_sheet(path, t("store.sheet.ballot_title", name=name), t("store.sheet.rater_group"), rows)
        written.append(path)
    if unit_codes:
        names = {unit.id: unit.name for unit in campaign.units()}
        rows = [SheetRow(f"{unit_id} {names.get(unit_id, '')}", code) for unit_id, code in unit_codes.items()]
        path = folder / "unit-codes.csv"
        title = t("store.sheet.unit_title", name=name)
        write_code_sheet(path, title, t("store.sheet.unit"), rows, t("polish.codes.unit_code"))
        written.append(path)
    if group_codes:
        rows = [SheetRow(group, code) for group, code in group_codes.items()]
        path = folder / "group-codes.csv"
        title = t("store.sheet.group_title", name=name)
        write_code_sheet(path, title, t("store.sheet.group"), rows, t("polish.codes.group_code"))
        written.append(path)
    return written


def write_demo_sheets(data_dir: Path, result: DemoResult) -> list[Path]:
    """Write the code sheets of a demo just created by `store.demo.create_demo` (for the home screen too)."""
    from store.api import open_store

    campaign = open_store(data_dir).campaign(result.campaign_id)
    return _write_all_sheets(campaign, result.ballot_codes, result.unit_codes, result.group_codes)


# ---------------------------------------------------------------------- init


def _parse_codes(values: Sequence[str], groups: Sequence[str]) -> dict[str, int]:
    codes: dict[str, int] = {}
    for value in values:
        group, _, count = value.partition("=")
        if group not in groups or not count.strip().isdigit():
            raise InputError("store.cmd.bad_codes_option", value=value, groups=", ".join(groups))
        codes[group] = int(count)
    return codes


def _read_units(path: Path) -> list[Unit]:
    """Units from a roster file (exports' reader); every bad row listed on stderr, nothing imported."""
    from exports.roster import read_roster, roster_units

    reading = read_roster(path)
    if not reading.ok:
        for problem in reading.problems:
            click.echo(
                t("store.cmd.roster_line", line=problem.line, column=problem.column)
                + t(problem.key, **dict(problem.params)),
                err=True,
            )
        raise InputError("store.cmd.roster_invalid", path=str(path), count=len(reading.problems))
    return roster_units(reading.units)


@click.command("init", help=t("store.cmd.init"))
@click.option("--name", help=t("store.opt.name"))
@click.option("--year", type=int, help=t("store.opt.year"))
@click.option("--forms", "form_list", help=t("store.opt.forms"))
@click.option(
    "--units", "units_file", type=click.Path(dir_okay=False, path_type=Path), help=t("store.opt.units")
)
@click.option("--codes", "codes", multiple=True, metavar="GROUP=N", help=t("store.opt.codes"))
@click.option("--passphrase", help=t("store.opt.passphrase"))
@click.option(
    "--last-stars-from", "last_stars_from", metavar="CAMPAIGN|none", help=t("export.opt.last_stars_from")
)
@click.option("--yes", is_flag=True, help=t("store.opt.yes"))
@click.pass_obj
def init_command(
    context: AppContext,
    name: str | None,
    year: int | None,
    form_list: str | None,
    units_file: Path | None,
    codes: tuple[str, ...],
    passphrase: str | None,
    last_stars_from: str | None,
    yes: bool,
) -> None:
    from forms.rules import builtin_rules_text, rules_from_text
    from store.api import open_store
    from store.campaign import check_units
    from store.formsource import builtin_form_ids
    from tui.wizards.init import Choice, InitAnswers, QuestionaryAsker, ask_init

    rules = rules_from_text(builtin_rules_text(), "rules.toml")
    groups = [group.id for group in rules.rater_groups]
    given = InitAnswers(
        name=name,
        year=year,
        form_ids=tuple(f.strip() for f in form_list.split(",") if f.strip()) if form_list else None,
        codes=_parse_codes(codes, groups) if codes else None,
        passphrase=passphrase,
        units_file=units_file,
    )
    this_year = date.today().year
    if yes or (name is not None and passphrase is not None):
        if passphrase is None:
            raise InputError("store.cmd.passphrase_required")
        answers = InitAnswers(
            name=name or t("store.wizard.default_name", year=year or this_year),
            year=year or this_year,
            form_ids=given.form_ids or tuple(builtin_form_ids()),
            codes=given.codes or {},
            passphrase=passphrase,
            units_file=units_file,
        )
    elif _has_terminal():
        from forms.builtin import builtin_forms

        lang = language()
        form_choices = [Choice(f.id, f"{f.title.get(lang)} ({f.id})") for f in builtin_forms().values()]
        group_choices = [Choice(g.id, g.en if lang == "en" and g.en else g.zh) for g in rules.rater_groups]
        answers = ask_init(
            given,
            asker=QuestionaryAsker(),
            default_year=this_year,
            forms=form_choices,
            rater_groups=group_choices,
            ask_units=True,
        )
    else:
        raise InputError("error.no_terminal")
    assert answers.name and answers.year and answers.form_ids is not None and answers.passphrase is not None
    units = _read_units(answers.units_file) if answers.units_file else []
    check_units(units)
    if len(answers.passphrase) < 6:
        raise InputError("store.passphrase_short", min=6)
    store = open_store(context.data_dir)
    source = _stars_source(store, last_stars_from)
    previous = None
    if source is not None and units:
        from exports.carryover import previous_stars

        # Read before anything is created: a damaged earlier campaign stops init with nothing half-made.
        previous = previous_stars(store.campaign(source))
    campaign = store.create_campaign(
        answers.name, answers.year, list(answers.form_ids), last_stars_from=source
    )
    campaign.set_passphrase(answers.passphrase)
    if units:
        from tui.commands.exports_cmds import carry_last_stars

        campaign.import_units(carry_last_stars(campaign, units, previous))
    elif source is not None:
        # Said now, so a wrong default is noticed before the roster comes in.
        names = {info.id: info.name for info in store.campaigns()}
        click.echo(t("export.carry.later", id=source, name=names.get(source, "")), err=True)
    elif last_stars_from is not None:
        click.echo(t("export.carry.off"), err=True)
    ballot_codes = {g: campaign.issue_codes(g, n) for g, n in (answers.codes or {}).items() if n > 0}
    unit_codes = campaign.issue_unit_codes() if units else {}
    group_codes = campaign.issue_group_codes() if units else {}
    sheets = _write_all_sheets(campaign, ballot_codes, unit_codes, group_codes)
    click.echo(t("store.cmd.init_done", name=campaign.info.name, id=campaign.id, path=str(store.data_dir)))
    click.echo(t("store.cmd.units_count", count=len(units)) if units else t("store.cmd.units_later"))
    for sheet in sheets:
        click.echo(t("store.cmd.sheet_written", csv=str(sheet), txt=str(sheet.with_suffix(".txt"))))


def _stars_source(store: Store, wanted: str | None) -> str | None:
    """The campaign a new one takes last year's stars from: `wanted` (an id, or "none"), by default the
    newest earlier campaign that is not a demo."""
    if wanted is not None and wanted.strip().lower() in ("none", "无", "不沿用"):
        return None
    known = store.campaigns()
    if wanted is not None:
        if wanted not in {info.id for info in known}:
            raise InputError(
                "store.unknown_campaign", campaign=wanted, known=", ".join(info.id for info in known) or "—"
            )
        return wanted
    real = [info for info in known if not info.demo]
    return real[-1].id if real else None


# ---------------------------------------------------------------------- campaigns


@click.command("campaigns", help=t("store.cmd.campaigns"))
@click.pass_obj
def campaigns_command(context: AppContext) -> None:
    """Every campaign of the data directory, oldest first, with the ids `--campaign` and others take."""
    from store.api import open_store

    store = open_store(context.data_dir)
    known = store.campaigns()
    if not known:
        raise InputError("store.no_campaign", path=str(store.data_dir))
    names = {info.id: info.name for info in known}
    for info in known:
        campaign = store.campaign(info.id)
        source = info.last_stars_from
        click.echo(
            t(
                "store.cmd.campaign_line",
                id=info.id,
                name=info.name,
                year=info.year,
                state=t(f"store.voting.{campaign.voting_state()}"),
                ballots=campaign.ballot_count(),
                units=len(campaign.meeting_units()),
            )
            + (t("store.cmd.campaign_demo") if info.demo else "")
            + (t("store.cmd.campaign_stars_from", id=source, name=names.get(source, "")) if source else "")
        )


# ---------------------------------------------------------------------- demo


@click.command("demo", help=t("store.cmd.demo"))
@click.option("--seed", type=int, default=2026, show_default=True, help=t("store.opt.seed"))
@click.pass_obj
def demo_command(context: AppContext, seed: int) -> None:
    from store.api import open_store
    from store.demo import create_demo

    store = open_store(context.data_dir)
    existing = store.campaigns()
    if existing:
        raise InputError("store.cmd.demo_exists", path=str(store.data_dir), campaign=existing[-1].name)
    result = create_demo(store, seed=seed)
    campaign = store.campaign(result.campaign_id)
    sheets = _write_all_sheets(campaign, result.ballot_codes, result.unit_codes, result.group_codes)
    click.echo(
        t(
            "store.cmd.demo_done",
            name=campaign.info.name,
            units=len(campaign.meeting_units()),
            branches=len(campaign.branches()),
            brands=len(campaign.brands()),
        )
    )
    click.echo(t("store.cmd.data_dir", path=str(store.data_dir)))
    for sheet in sheets:
        click.echo(t("store.cmd.sheet_written", csv=str(sheet), txt=str(sheet.with_suffix(".txt"))))
    click.echo(t("store.cmd.demo_passphrase", passphrase=result.passphrase))


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
@click.pass_obj
def codes_issue_command(context: AppContext, count: int, group: str, output: Path) -> None:
    campaign = _campaign(context)
    rules = campaign.rules()
    group_id = group
    for candidate in rules.rater_groups:
        if group in (candidate.id, candidate.zh, candidate.en):
            group_id = candidate.id
    if output.suffix.lower() != ".csv":
        output = output.with_name(output.name + ".csv")
    for path in (output, output.with_suffix(".txt")):
        if path.exists():
            raise InputError("store.cmd.output_exists", path=str(path))
    if not output.parent.is_dir():
        raise InputError("store.cmd.no_directory", path=str(output.parent))
    codes = campaign.issue_codes(group_id, count)
    label = _group_label(campaign, group_id)
    rows = [SheetRow(label, code) for code in codes]
    title = t("store.sheet.ballot_title", name=campaign.info.name)
    text_path = write_code_sheet(output, title, t("store.sheet.rater_group"), rows)
    click.echo(t("store.cmd.codes_issued", count=count, group=label))
    click.echo(t("store.cmd.sheet_written", csv=str(output), txt=str(text_path)))


def _sheet_target(campaign: CampaignStore, output: Path | None, default_name: str) -> Path:
    target = output or campaign.dir / "codes" / default_name
    number = 1
    while output is None and (target.exists() or target.with_suffix(".txt").exists()):
        # Never overwrite an earlier sheet: it may hold the only plaintext of codes still valid.
        number += 1
        target = campaign.dir / "codes" / f"{Path(default_name).stem}-{number}.csv"
    if target.suffix.lower() != ".csv":
        target = target.with_name(target.name + ".csv")
    for path in (target, target.with_suffix(".txt")):
        if path.exists() and output is not None:
            raise InputError("store.cmd.output_exists", path=str(path))
    if output is not None and not target.parent.is_dir():
        raise InputError("store.cmd.no_directory", path=str(target.parent))
    return target


@codes_group.command("units", help=t("store.cmd.codes_units"))
@click.option("--unit", "unit_ids", multiple=True, help=t("store.opt.unit"))
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help=t("store.opt.output_sheet")
)
@click.option("--reissue", is_flag=True, help=t("polish.codes.opt.reissue"))
@click.option("--yes", is_flag=True, help=t("store.opt.yes_reissue"))
@click.pass_obj
def codes_units_command(
    context: AppContext, unit_ids: tuple[str, ...], output: Path | None, reissue: bool, yes: bool
) -> None:
    campaign = _campaign(context)
    wanted = list(unit_ids) or [unit.id for unit in campaign.units()]
    if not wanted:
        raise InputError("store.no_units")
    for unit_id in wanted:
        campaign.unit(unit_id)  # an unknown unit is refused before anything is printed or written
    names = {unit.id: unit.name for unit in campaign.units()}
    replaced = sorted(set(wanted) & campaign.units_with_codes())
    if replaced and not reissue:
        current = current_sign_in_codes(campaign, "unit-codes", campaign.unit_for_code, wanted)
        rows = [SheetRow(f"{unit_id} {names.get(unit_id, '')}", code) for unit_id, code in current.items()]
        click.echo(t("polish.codes.current_units", count=len(rows), folder=str(campaign.dir / "codes")))
        _show_current(campaign, rows, len(replaced), output, "unit")
        return
    if replaced and not yes:
        raise InputError("store.cmd.reissue_needs_yes", count=len(replaced))
    target = _sheet_target(campaign, output, "unit-codes.csv")
    codes = campaign.issue_unit_codes(wanted)
    rows = [SheetRow(f"{unit_id} {names.get(unit_id, '')}", code) for unit_id, code in codes.items()]
    title = t("store.sheet.unit_title", name=campaign.info.name)
    text_path = write_code_sheet(target, title, t("store.sheet.unit"), rows, t("polish.codes.unit_code"))
    click.echo(t("store.cmd.unit_codes_issued", count=len(rows)))
    click.echo(t("store.cmd.sheet_written", csv=str(target), txt=str(text_path)))


@codes_group.command("groups", help=t("store.cmd.codes_groups"))
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help=t("store.opt.output_sheet")
)
@click.option("--reissue", is_flag=True, help=t("polish.codes.opt.reissue"))
@click.option("--yes", is_flag=True, help=t("store.opt.yes_reissue"))
@click.pass_obj
def codes_groups_command(context: AppContext, output: Path | None, reissue: bool, yes: bool) -> None:
    campaign = _campaign(context)
    if not campaign.meeting_units():
        raise InputError("store.no_units")
    replaced = campaign.groups_with_codes()
    if replaced and not reissue:
        current = current_sign_in_codes(campaign, "group-codes", campaign.group_for_code, sorted(replaced))
        rows = [SheetRow(group, code) for group, code in current.items()]
        click.echo(t("polish.codes.current_groups", count=len(rows), folder=str(campaign.dir / "codes")))
        _show_current(campaign, rows, len(replaced), output, "group")
        return
    if replaced and not yes:
        raise InputError("store.cmd.reissue_needs_yes", count=len(replaced))
    target = _sheet_target(campaign, output, "group-codes.csv")
    codes = campaign.issue_group_codes()
    rows = [SheetRow(group, code) for group, code in codes.items()]
    title = t("store.sheet.group_title", name=campaign.info.name)
    text_path = write_code_sheet(target, title, t("store.sheet.group"), rows, t("polish.codes.group_code"))
    click.echo(t("store.cmd.group_codes_issued", count=len(rows)))
    click.echo(t("store.cmd.sheet_written", csv=str(target), txt=str(text_path)))


def current_sign_in_codes(
    campaign: CampaignStore, stem: str, owner_of: Callable[[str], object], wanted: Sequence[str]
) -> dict[str, str]:
    """The sign-in codes still valid in the sheets kept in the campaign's `codes/` folder: owner -> code.

    The store keeps only hashes, so the sheets are the one place a code can be read again; a code of an
    older sheet that a reissue replaced no longer signs in, and is left out.
    """
    import csv

    found: dict[str, str] = {}
    for path in sorted((campaign.dir / "codes").glob(f"{stem}*.csv"), key=lambda p: p.stat().st_mtime):
        with path.open(encoding="utf-8-sig", newline="") as handle:
            for row in list(csv.reader(handle))[1:]:
                if len(row) < 3 or not row[2].strip():
                    continue
                owner = owner_of(row[2].strip())
                key = getattr(owner, "id", owner)
                if isinstance(key, str) and key in wanted:
                    found[key] = row[2].strip()
    return {key: found[key] for key in wanted if key in found}


def _show_current(
    campaign: CampaignStore, rows: list[SheetRow], existing: int, output: Path | None, kind: str
) -> None:
    """Print the current sheet; write it only where -o says."""
    width = max((cell_width(row.holder) for row in rows), default=0)
    for row in rows:
        click.echo(f"  {row.holder}{' ' * (width - cell_width(row.holder))}  {row.code}")
    if existing > len(rows):
        click.echo(t("polish.codes.not_in_sheets", count=existing - len(rows)))
    if output is None:
        return
    target = _sheet_target(campaign, output, f"{kind}-codes.csv")
    title = t(f"store.sheet.{kind}_title", name=campaign.info.name)
    holder = t("store.sheet.unit" if kind == "unit" else "store.sheet.group")
    text_path = write_code_sheet(target, title, holder, rows, t(f"polish.codes.{kind}_code"))
    click.echo(t("polish.codes.sheet_copied", csv=str(target), txt=str(text_path)))


# ---------------------------------------------------------------------- simulate


@click.command("simulate", help=t("store.cmd.simulate"))
@click.option("--ballots", type=int, required=True, help=t("store.opt.ballots"))
@click.option("--seed", type=int, default=None, help=t("store.opt.seed"))
@click.option("--vote", type=click.Choice(["brands"]), default=None, help=t("store.opt.simulate_vote"))
@click.pass_obj
def simulate_command(context: AppContext, ballots: int, seed: int | None, vote: str | None) -> None:
    from store.simulate import simulate_ballots

    campaign = _campaign(context)
    rng = random.Random(seed)
    for ballot_id in simulate_ballots(campaign, ballots, rng, scope="vote" if vote else "ballot"):
        # Printed only once the seal returned: the ballot is durable on disk.
        sys.stdout.write(ballot_id + "\n")
        sys.stdout.flush()


# ---------------------------------------------------------------------- verify, backup, restore


@click.command("verify", help=t("store.cmd.verify"))
@click.pass_obj
def verify_command(context: AppContext) -> None:
    campaign = _campaign(context)
    findings = campaign.verify()
    for finding in findings:
        click.echo(
            t(
                f"store.finding.{finding.kind}",
                file=finding.file,
                record=finding.record,
                detail=finding.detail,
            )
        )
    if findings:
        raise ProblemFound("store.cmd.verify_failed", count=len(findings))
    closings = campaign.closings()
    click.echo(t("store.cmd.verify_ok", name=campaign.info.name, count=campaign.ballot_count()))
    if closings:
        last = closings[-1]
        click.echo(t("store.cmd.verify_closing", count=last.count, digest=last.digest, day=last.day))


@click.command("backup", help=t("store.cmd.backup"))
@click.pass_obj
def backup_command(context: AppContext) -> None:
    from store.api import open_store

    path = open_store(context.data_dir).backup()
    click.echo(t("store.cmd.backup_done", path=str(path)))


@click.command("restore", help=t("store.cmd.restore"))
@click.argument("backup_file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--passphrase", help=t("store.opt.passphrase"))
@click.option("--yes", is_flag=True, help=t("store.opt.yes_restore"))
@click.pass_obj
def restore_command(context: AppContext, backup_file: Path, passphrase: str | None, yes: bool) -> None:
    from store.api import open_store
    from store.core import check_backup

    store = open_store(context.data_dir)
    check_backup(backup_file)
    campaigns = store.campaigns()
    guard = store.campaign(campaigns[-1].id) if campaigns else None
    needs_passphrase = guard is not None and guard.has_passphrase()
    interactive = _has_terminal()
    if not interactive and (not yes or (needs_passphrase and passphrase is None)):
        raise InputError("error.no_terminal")
    if needs_passphrase and guard is not None:
        if passphrase is None:
            import questionary

            passphrase = str(questionary.password(t("store.cmd.ask_passphrase")).unsafe_ask())
        if not guard.check_passphrase(passphrase):
            raise InputError("store.cmd.wrong_passphrase")
    if not yes:
        import questionary

        question = t("store.cmd.confirm_restore", backup=str(backup_file), path=str(store.data_dir))
        if not questionary.confirm(question, default=False).unsafe_ask():
            raise click.exceptions.Abort
    safety = store.restore(backup_file)
    if safety is None:
        click.echo(t("store.cmd.restore_done_fresh", backup=str(backup_file), path=str(store.data_dir)))
    else:
        click.echo(t("store.cmd.restore_done", backup=str(backup_file), safety=str(safety)))


COMMANDS: list[click.Command] = [
    init_command,
    campaigns_command,
    demo_command,
    codes_group,
    simulate_command,
    verify_command,
    backup_command,
    restore_command,
]
