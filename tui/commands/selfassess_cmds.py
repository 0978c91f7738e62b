"""The click commands of the selfassess area: `self-assess` (and the admin's reopen), `review`, `results`."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

import click

from forms.errors import InputError
from tui.context import AppContext
from tui.i18n import language, t

if TYPE_CHECKING:
    from store.api import CampaignStore


def _campaign(context: AppContext) -> CampaignStore:
    from store.api import open_store

    return open_store(context.data_dir).campaign(context.campaign_id)


def _interactive() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()


def run_app(app: Any) -> None:
    """Run a Textual app in this terminal (tests replace this so no app starts)."""
    if not _interactive():
        raise InputError("self.cli.no_terminal")
    app.run()


def _ask_passphrase() -> str:
    if not _interactive():
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


@click.command("self-assess", help=t("self.cli.help"))
@click.option("--unit", "unit_id", metavar="UNIT", help=t("self.cli.opt.unit"))
@click.option("--reopen", "reopen_unit", metavar="UNIT", help=t("self.cli.opt.reopen"))
@click.option("--form", "form_id", metavar="FORM", help=t("self.cli.opt.form"))
@click.option("--reason", help=t("self.cli.opt.reason"))
@click.option("--passphrase", envvar="KAOPING_PASSPHRASE", help=t("self.cli.opt.passphrase"))
@click.option("--deadline", metavar="YYYY-MM-DD|none", help=t("selfyear.cli.opt.deadline"))
@click.pass_obj
def self_assess(
    context: AppContext,
    unit_id: str | None,
    reopen_unit: str | None,
    form_id: str | None,
    reason: str | None,
    passphrase: str | None,
    deadline: str | None,
) -> None:
    if deadline is not None:
        store = _campaign(context)
        check_admin(store, passphrase)
        day = None if deadline.strip().lower() in ("none", "无") else deadline.strip()
        store.self_assessments.set_self_deadline(day, "admin")
        click.echo(t("selfyear.cli.deadline_set", day=day) if day else t("selfyear.cli.deadline_off"))
        return
    if reopen_unit is None:
        if reason is not None or form_id is not None:
            raise InputError("self.cli.reopen_only")
        store = _campaign(context)
        if unit_id is not None:
            store.roster.unit(unit_id)  # an unknown unit is refused here, before any screen opens
        from tui.selfassess.app import create_selfassess_app

        run_app(create_selfassess_app(context, unit_id=unit_id, store=store))
        return
    if unit_id is not None:
        raise InputError("self.cli.unit_with_reopen")
    from store.selfassess import checked_reason

    reason = checked_reason(reason or "")  # refused before the passphrase is asked for
    store = _campaign(context)
    unit = store.roster.unit(reopen_unit)
    check_admin(store, passphrase)
    forms = store.self_assessments.reopen_unit(reopen_unit, form_id, reason)
    titles = "、".join(form.title.get(language()) for form in forms)
    click.echo(t("self.cli.reopened", unit=unit.name, forms=titles))


@click.command("review", help=t("review.cli.help"))
@click.pass_obj
def review(context: AppContext) -> None:
    store = _campaign(context)
    from tui.review.app import create_review_app

    run_app(create_review_app(context, store=store))


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

    run_app(create_results_app(context, store=store))


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
    check_admin(store, passphrase)
    final = finalize(store, "admin")
    click.echo(t("selfyear.final.done", name=store.info.name, count=len(final.stars)))
    if final.unrated:
        gaps = results_status(store).gaps
        from tui.i18n import nested_text

        click.echo(t("selfyear.final.unrated", missing=nested_text([m.rendered() for m in gaps])), err=True)


COMMANDS: list[click.Command] = [self_assess, review, results]
