"""The click commands of the selfassess area: `self-assess` (and the admin's reopen), `review`, `results`."""

from __future__ import annotations

import sys
from typing import Any

import click

from forms.errors import InputError
from tui.context import AppContext
from tui.i18n import t

REASON_MAX_LENGTH = 200
"""A reopen reason is a sentence for the audit log, not a report."""


def _campaign(context: AppContext) -> Any:
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


def check_admin(store: Any, passphrase: str | None) -> None:
    """Refuse unless `passphrase` (asked for when missing) is the campaign's admin passphrase."""
    if not store.has_passphrase():
        raise InputError("self.cli.no_passphrase_set")
    given = passphrase if passphrase is not None else _ask_passphrase()
    if not store.check_passphrase(given):
        raise InputError("self.cli.bad_passphrase")


def reopen(store: Any, unit_id: str, form_id: str | None, reason: str, actor: str = "admin") -> list[str]:
    """Reopen the unit's submitted or reviewed forms (or just `form_id`); the titles reopened."""
    from tui.selfassess.assigned import unit_forms

    unit = store.unit(unit_id)
    forms = unit_forms(store, unit)
    if form_id is not None:
        forms = [form for form in forms if form.id == form_id]
        if not forms:
            raise InputError("self.cli.form_not_for_unit", form=form_id, unit=unit.name)
    reopened: list[str] = []
    for form in forms:
        if store.self_assessment(unit.id, form.id).state in ("submitted", "reviewed"):
            store.reopen_self(unit.id, form.id, reason, actor)
            reopened.append(form.title.get("zh"))
    if not reopened:
        raise InputError("self.cli.nothing_to_reopen", unit=unit.name)
    return reopened


@click.command("self-assess", help=t("self.cli.help"))
@click.option("--unit", "unit_id", metavar="UNIT", help=t("self.cli.opt.unit"))
@click.option("--reopen", "reopen_unit", metavar="UNIT", help=t("self.cli.opt.reopen"))
@click.option("--form", "form_id", metavar="FORM", help=t("self.cli.opt.form"))
@click.option("--reason", help=t("self.cli.opt.reason"))
@click.option("--passphrase", envvar="KAOPING_PASSPHRASE", help=t("self.cli.opt.passphrase"))
@click.pass_obj
def self_assess(
    context: AppContext,
    unit_id: str | None,
    reopen_unit: str | None,
    form_id: str | None,
    reason: str | None,
    passphrase: str | None,
) -> None:
    if reopen_unit is None:
        if reason is not None or form_id is not None:
            raise InputError("self.cli.reopen_only")
        store = _campaign(context)
        if unit_id is not None:
            store.unit(unit_id)  # an unknown unit is refused here, before any screen opens
        from tui.selfassess.app import create_selfassess_app

        run_app(create_selfassess_app(context, unit_id=unit_id, store=store))
        return
    if unit_id is not None:
        raise InputError("self.cli.unit_with_reopen")
    reason = (reason or "").strip()
    if not reason:
        raise InputError("self.cli.reason_required")
    if len(reason) > REASON_MAX_LENGTH:
        raise InputError("self.cli.reason_too_long", length=len(reason), limit=REASON_MAX_LENGTH)
    store = _campaign(context)
    unit = store.unit(reopen_unit)
    check_admin(store, passphrase)
    titles = reopen(store, reopen_unit, form_id, reason)
    click.echo(t("self.cli.reopened", unit=unit.name, forms="、".join(titles)))


@click.command("review", help=t("review.cli.help"))
@click.pass_obj
def review(context: AppContext) -> None:
    store = _campaign(context)
    from tui.review.app import create_review_app

    run_app(create_review_app(context, store=store))


@click.command("results", help=t("results.cli.help"))
@click.pass_obj
def results(context: AppContext) -> None:
    store = _campaign(context)
    if not store.has_passphrase():
        raise InputError("self.cli.no_passphrase_set")
    from tui.results.app import create_results_app

    run_app(create_results_app(context, store=store))


COMMANDS: list[click.Command] = [self_assess, review, results]
