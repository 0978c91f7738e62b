"""The store commands: init, demo, codes issue, simulate, verify, backup, restore (no Textual)."""

from __future__ import annotations

import random
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import click

from forms.errors import InputError, ProblemFound
from store.outputs import refuse_inside_data
from tui.context import AppContext
from tui.i18n import error_text, language, t

if TYPE_CHECKING:
    from forms.rules import Rules
    from store.api import CampaignStore, Store, Unit
    from store.demo import DemoResult


def _has_terminal() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()


def _campaign(context: AppContext) -> CampaignStore:
    from store.api import open_store

    return open_store(context.data_dir).campaign(context.campaign_id)


# ---------------------------------------------------------------------- code sheets


def write_demo_sheets(data_dir: Path, result: DemoResult, folder: Path | None = None) -> list[Path]:
    """Write the code sheets of a demo just created by `store.demo.create_demo` (for the home screen too):
    in `folder`, by default beside the data directory (`exports.code_sheets.sheets_dir`), never in it."""
    from exports.code_sheets import write_campaign_sheets
    from store.api import open_store

    campaign = open_store(data_dir).campaign(result.campaign_id)
    codes = (result.ballot_codes, result.unit_codes, result.group_codes)
    return write_campaign_sheets(campaign, *codes, t, language(), folder)


# ---------------------------------------------------------------------- init


def _parse_codes(values: Sequence[str], rules: Rules) -> dict[str, int]:
    """`GROUP=N` options, GROUP an id or a Chinese or English name (党员代表=5 as members=5)."""
    codes: dict[str, int] = {}
    for value in values:
        name, _, count = value.replace("＝", "=").partition("=")
        group = rules.find_group(name)
        if group is None or not count.strip().isdigit():
            known = ", ".join(f"{g.zh}({g.id})" for g in rules.rater_groups)
            raise InputError("store.cmd.bad_codes_option", value=value, groups=known)
        codes[group.id] = int(count)
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
@click.option(
    "--sheets", "sheets", type=click.Path(file_okay=False, path_type=Path), help=t("store_trust.opt.sheets")
)
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
    sheets: Path | None,
) -> None:
    from forms.rules import builtin_rules_text, rules_from_text
    from store.api import open_store
    from store.campaign import check_units
    from store.formsource import builtin_form_ids
    from tui.wizards.init import Choice, InitAnswers, QuestionaryAsker, ask_init

    rules = rules_from_text(builtin_rules_text(), "rules.toml")
    given = InitAnswers(
        name=name,
        year=year,
        form_ids=tuple(f.strip() for f in form_list.split(",") if f.strip()) if form_list else None,
        codes=_parse_codes(codes, rules) if codes else None,
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
    from store.passphrases import check_passphrase_strength

    check_passphrase_strength(answers.passphrase)  # before anything is created: nothing half-made
    store = open_store(context.data_dir)
    if sheets is not None:
        refuse_inside_data(store.data_dir, sheets)  # before anything is created
    source = _stars_source(store, last_stars_from)
    previous = None
    if source is not None:
        from exports.carryover import previous_stars

        # Read before anything is created: a damaged or unfinished earlier campaign stops init with
        # nothing half-made. Last year's stars come only from finalised results.
        try:
            previous = previous_stars(store.campaign(source))
        except InputError as error:
            if last_stars_from is not None or error.key != "selfyear.not_final":
                raise
            # Only the default source, not finalised: said, and nothing carried from it.
            click.echo(error_text(error), err=True)
            source = None
    from forms.builtin import form_order

    # One form order whether the forms came from the wizard or from --forms.
    campaign = store.create_campaign(
        answers.name, answers.year, list(form_order(answers.form_ids)), last_stars_from=source
    )
    campaign.meeting.set_passphrase(answers.passphrase)
    if units:
        from tui.commands.exports_cmds import carry_last_stars

        campaign.roster.import_units(carry_last_stars(campaign, units, previous))
    elif source is not None:
        # Said now, so a wrong default is noticed before the roster comes in.
        names = {info.id: info.name for info in store.campaigns()}
        click.echo(t("export.carry.later", id=source, name=names.get(source, "")), err=True)
    elif last_stars_from is not None:
        click.echo(t("export.carry.off"), err=True)
    ballot_codes = {g: campaign.codes.issue_codes(g, n) for g, n in (answers.codes or {}).items() if n > 0}
    unit_codes = campaign.codes.issue_unit_codes() if units else {}
    group_codes = campaign.codes.issue_group_codes() if units else {}
    from exports.code_sheets import write_campaign_sheets

    written = write_campaign_sheets(campaign, ballot_codes, unit_codes, group_codes, t, language(), sheets)
    click.echo(t("store.cmd.init_done", name=campaign.info.name, id=campaign.id, path=str(store.data_dir)))
    click.echo(t("store.cmd.units_count", count=len(units)) if units else t("store.cmd.units_later"))
    for sheet in written:
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
                state=t(f"store.voting.{campaign.meeting.voting_state()}"),
                ballots=campaign.ballots.ballot_count(),
                units=len(campaign.roster.meeting_units()),
            )
            + (t("store.cmd.campaign_demo") if info.demo else "")
            + _final_mark(campaign)
            + (t("store.cmd.campaign_stars_from", id=source, name=names.get(source, "")) if source else "")
        )


def _final_mark(campaign: CampaignStore) -> str:
    """ "已公布" with the day when the campaign's results were finalised (what --last-stars-from needs)."""
    final = campaign.meeting.final_results()
    return t("selfyear.campaigns.final", day=final.day) if final is not None else ""


# ---------------------------------------------------------------------- demo


@click.command("demo", help=t("store.cmd.demo"))
@click.option("--seed", type=int, default=2026, show_default=True, help=t("store.opt.seed"))
@click.option(
    "--sheets", "sheets", type=click.Path(file_okay=False, path_type=Path), help=t("store_trust.opt.sheets")
)
@click.pass_obj
def demo_command(context: AppContext, seed: int, sheets: Path | None) -> None:
    from store.api import open_store
    from store.demo import create_demo

    store = open_store(context.data_dir)
    existing = store.campaigns()
    if existing:
        raise InputError("store.cmd.demo_exists", path=str(store.data_dir), campaign=existing[-1].name)
    if sheets is not None:
        refuse_inside_data(store.data_dir, sheets)
    result = create_demo(store, seed=seed)
    campaign = store.campaign(result.campaign_id)
    written = write_demo_sheets(store.data_dir, result, sheets)
    click.echo(
        t(
            "store.cmd.demo_done",
            name=campaign.info.name,
            units=len(campaign.roster.meeting_units()),
            branches=len(campaign.roster.branches()),
            brands=len(campaign.roster.brands()),
        )
    )
    click.echo(t("store.cmd.data_dir", path=str(store.data_dir)))
    for sheet in written:
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
    default=None,
    help=t("polish.codes.opt.output"),
)
@click.option("--reissue", "--yes", "yes", is_flag=True, help=t("store.opt.yes_reissue"))
@click.pass_obj
def codes_units_command(
    context: AppContext, unit_ids: tuple[str, ...], output: Path | None, yes: bool
) -> None:
    _refuse_reissue_without_sheet(output, yes)
    campaign = _campaign(context)
    if output is None:
        # Only hashes are kept (THREATS.md): where the codes stand is printed, never a code.
        from exports.sign_in_status import unit_sign_ins, unit_status_lines

        rows = unit_sign_ins(campaign, unit_ids)
        _echo_lines(unit_status_lines(rows, t))
        has_codes = any(row.has_code for row in rows)
        click.echo(t("polish.codes.only_hashes_units" if has_codes else "polish.codes.none_yet_units"))
        return
    from exports.code_sheets import issue_unit_sheet

    issued = issue_unit_sheet(campaign, unit_ids, output, yes, t)
    click.echo(t("store.cmd.unit_codes_issued", count=issued.count))
    click.echo(t("store.cmd.sheet_written", csv=str(issued.csv), txt=str(issued.text)))


@codes_group.command("groups", help=t("store.cmd.codes_groups"))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help=t("polish.codes.opt.output"),
)
@click.option("--reissue", "--yes", "yes", is_flag=True, help=t("store.opt.yes_reissue"))
@click.pass_obj
def codes_groups_command(context: AppContext, output: Path | None, yes: bool) -> None:
    _refuse_reissue_without_sheet(output, yes)
    campaign = _campaign(context)
    if output is None:
        from exports.sign_in_status import group_sign_ins, group_status_lines

        rows = group_sign_ins(campaign)
        _echo_lines(group_status_lines(rows, t))
        has_codes = any(row.has_code for row in rows)
        click.echo(t("polish.codes.only_hashes_groups" if has_codes else "polish.codes.none_yet_groups"))
        return
    from exports.code_sheets import issue_group_sheet

    issued = issue_group_sheet(campaign, output, yes, t)
    click.echo(t("store.cmd.group_codes_issued", count=issued.count))
    click.echo(t("store.cmd.sheet_written", csv=str(issued.csv), txt=str(issued.text)))


def _refuse_reissue_without_sheet(output: Path | None, reissue: bool) -> None:
    """--reissue makes codes whose only copy is the sheet: without -o there is nowhere to write it."""
    if reissue and output is None:
        raise InputError("polish.codes.reissue_needs_output")


def _echo_lines(lines: list[str]) -> None:
    for line in lines:
        click.echo(line)


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
    findings = campaign.integrity.verify()
    for finding in findings:
        click.echo(
            t(
                "store_trust.finding.sheet" if finding.kind == "sheet" else f"store.finding.{finding.kind}",
                file=finding.file,
                record=finding.record,
                detail=finding.detail,
            )
        )
    if findings:
        raise ProblemFound("store.cmd.verify_failed", count=len(findings))
    from exports.counts import ballot_counts, count_lines

    closings = campaign.meeting.closings()
    click.echo(t("store.cmd.verify_ok", name=campaign.info.name, count=campaign.ballots.ballot_count()))
    for line in count_lines(ballot_counts(campaign), t, context.lang):
        click.echo("  " + line)
    if closings:
        last = closings[-1]
        click.echo(t("store.cmd.verify_closing", count=last.count, digest=last.digest, day=last.day))


def _vote_guard(store: Store) -> CampaignStore | None:
    """The newest campaign that has had a vote and has a passphrase: backups and restores need it."""
    for info in reversed(store.campaigns()):
        campaign = store.campaign(info.id)
        if campaign.meeting.voting_state() != "not_open" and campaign.meeting.has_passphrase():
            return campaign
    return None


def _require_passphrase(guard: CampaignStore, passphrase: str | None, question: str) -> None:
    """The admin passphrase from the option or, in a terminal, asked once; InputError when wrong."""
    if passphrase is None:
        if not _has_terminal():
            raise InputError("error.no_terminal")
        import questionary

        passphrase = str(questionary.password(question).unsafe_ask())
    if not guard.meeting.check_passphrase(passphrase):
        raise InputError("store.cmd.wrong_passphrase")


@click.command("backup", help=t("store.cmd.backup"))
@click.option("--during-voting", is_flag=True, help=t("store_trust.opt.during_voting"))
@click.option("--passphrase", help=t("store.opt.passphrase"))
@click.pass_obj
def backup_command(context: AppContext, during_voting: bool, passphrase: str | None) -> None:
    from store.api import open_store

    store = open_store(context.data_dir)
    guard = _vote_guard(store)
    if guard is not None:
        _require_passphrase(guard, passphrase, t("store_trust.ask_passphrase_backup"))
    path = store.backup(during_voting=during_voting)
    click.echo(t("store.cmd.backup_done", path=str(path)))
    for info in store.campaigns():
        campaign = store.campaign(info.id)
        state = t(f"store.voting.{campaign.meeting.voting_state()}")
        click.echo(
            t(
                "store_trust.backup_holds",
                campaign=info.name,
                ballots=campaign.ballots.ballot_count(),
                state=state,
            )
        )


@click.command("restore", help=t("store.cmd.restore"))
@click.argument("backup_file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--passphrase", help=t("store.opt.passphrase"))
@click.option("--discard-sealed", "discard_sealed", type=int, help=t("store_trust.opt.discard_sealed"))
@click.option("--yes", is_flag=True, help=t("store.opt.yes_restore"))
@click.pass_obj
def restore_command(
    context: AppContext, backup_file: Path, passphrase: str | None, discard_sealed: int | None, yes: bool
) -> None:
    from store.api import open_store
    from store.core import check_backup

    store = open_store(context.data_dir)
    check_backup(backup_file)
    campaigns = store.campaigns()
    guard = store.campaign(campaigns[-1].id) if campaigns else None
    needs_passphrase = guard is not None and guard.meeting.has_passphrase()
    interactive = _has_terminal()
    if not interactive and (not yes or (needs_passphrase and passphrase is None)):
        raise InputError("error.no_terminal")
    if needs_passphrase and guard is not None:
        _require_passphrase(guard, passphrase, t("store.cmd.ask_passphrase"))
    if not yes:
        from tui.wizards.init import QuestionaryAsker  # its hints and answer in the interface language

        question = t("store.cmd.confirm_restore", backup=str(backup_file), path=str(store.data_dir))
        if not QuestionaryAsker().confirm(question, False):
            raise click.exceptions.Abort
    outcome = store.restore(backup_file, discard_sealed=discard_sealed)
    if outcome.safety is None:
        click.echo(t("store.cmd.restore_done_fresh", backup=str(backup_file), path=str(store.data_dir)))
    else:
        click.echo(t("store.cmd.restore_done", backup=str(backup_file), safety=str(outcome.safety)))
    for campaign_id in dict.fromkeys([*outcome.before, *outcome.after]):
        before, after = outcome.before.get(campaign_id), outcome.after.get(campaign_id)
        named = after or before
        click.echo(
            t(
                "store_trust.restore_counts",
                campaign=named.name if named else campaign_id,
                before=len(before.ballots) if before else 0,
                before_closings=len(before.closings) if before else 0,
                after=len(after.ballots) if after else 0,
                after_closings=len(after.closings) if after else 0,
            )
        )


@click.command("mirror", help=t("store_trust.cmd.mirror"))
@click.argument("directory", required=False, type=click.Path(file_okay=False, path_type=Path))
@click.option("--off", is_flag=True, help=t("store_trust.opt.mirror_off"))
@click.pass_obj
def mirror_command(context: AppContext, directory: Path | None, off: bool) -> None:
    """Show, set or turn off the mirror every store file is also written to."""
    from store.api import open_store

    store = open_store(context.data_dir)
    if not store.root_path.exists():
        raise InputError("store.no_campaign", path=str(store.data_dir))
    for info in store.campaigns():
        store.campaign(info.id)  # a damaged campaign is said now (and healed, when a mirror has it)
    if off or directory is not None:
        if directory is not None and store.data_dir in (directory.absolute(), *directory.absolute().parents):
            raise InputError("store_trust.mirror_inside", path=str(directory))
        store.set_mirror(None if off else directory)
    mirror = store.mirror
    click.echo(t("store_trust.mirror_is", path=str(mirror)) if mirror else t("store_trust.mirror_none"))


COMMANDS: list[click.Command] = [
    mirror_command,
    init_command,
    campaigns_command,
    demo_command,
    codes_group,
    simulate_command,
    verify_command,
    backup_command,
    restore_command,
]
