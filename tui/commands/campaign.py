"""The commands that set up and look at a campaign: init, campaigns, demo, simulate."""

from __future__ import annotations

import random
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import click

from forms.errors import InputError
from store.outputs import refuse_inside_data
from tui.commands import support
from tui.commands.support import open_campaign as _campaign
from tui.context import AppContext
from tui.i18n import error_text, language, t

if TYPE_CHECKING:
    from forms.rules import Rules
    from store.api import CampaignStore, Unit
    from tui.wizards.init import InitAnswers


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


def _init_answers(
    name: str | None,
    year: int | None,
    form_list: str | None,
    units_file: Path | None,
    codes: tuple[str, ...],
    passphrase: str | None,
    yes: bool,
) -> InitAnswers:
    """What `init` was told: the flags, and in a terminal the wizard's questions for the rest."""
    from forms.rules import builtin_rules_text, rules_from_text
    from store.api import builtin_form_ids
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
    elif support.has_terminal():
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
    return answers


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
    from store.api import check_passphrase_strength, check_units, open_store

    answers = _init_answers(name, year, form_list, units_file, codes, passphrase, yes)
    assert answers.name and answers.year and answers.form_ids is not None and answers.passphrase is not None
    units = _read_units(answers.units_file) if answers.units_file else []
    check_units(units)
    check_passphrase_strength(answers.passphrase)  # before anything is created: nothing half-made
    store = open_store(context.data_dir)
    if sheets is not None:
        refuse_inside_data(store.data_dir, sheets)  # before anything is created
    from exports.carryover import starting_stars

    start = starting_stars(store, last_stars_from)  # read before anything is created
    if start.skipped is not None:
        click.echo(error_text(start.skipped), err=True)
    source, previous = start.source, start.previous
    from forms.builtin import form_order

    # One form order whether the forms came from the wizard or from --forms.
    campaign = store.create_campaign(
        answers.name, answers.year, list(form_order(answers.form_ids)), last_stars_from=source
    )
    campaign.meeting.set_passphrase(answers.passphrase)
    if units:
        from tui.commands.support import carry_last_stars

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
    from exports.code_sheets import write_demo_sheets

    written = write_demo_sheets(store.data_dir, result, t, language(), sheets)
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


# ---------------------------------------------------------------------- simulate


@click.command("simulate", help=t("store.cmd.simulate"))
@click.option("--ballots", "count", type=int, required=True, help=t("store.opt.ballots"))
@click.option("--seed", type=int, default=None, help=t("store.opt.seed"))
@click.option("--vote", type=click.Choice(["brands"]), default=None, help=t("store.opt.simulate_vote"))
@click.pass_obj
def simulate_command(context: AppContext, count: int, seed: int | None, vote: str | None) -> None:
    from store.simulate import simulate_ballots

    campaign = _campaign(context)
    rng = random.Random(seed)
    for ballot_id in simulate_ballots(campaign, count, rng, scope="vote" if vote else "ballot"):
        # Printed only once the seal returned: the ballot is durable on disk.
        sys.stdout.write(ballot_id + "\n")
        sys.stdout.flush()


COMMANDS: list[click.Command] = [init_command, campaigns_command, demo_command, simulate_command]
