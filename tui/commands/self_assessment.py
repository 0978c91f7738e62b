"""The self-assessment commands: `self-assess` (and the admin's reopen) and `review`."""

from __future__ import annotations

import click

from forms.errors import InputError
from tui.commands import support
from tui.commands.support import open_campaign as _campaign
from tui.context import AppContext
from tui.i18n import language, t


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
        support.check_admin(store, passphrase)
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

        support.run_app(create_selfassess_app(context, unit_id=unit_id, store=store))
        return
    if unit_id is not None:
        raise InputError("self.cli.unit_with_reopen")
    from store.api import checked_reason

    reason = checked_reason(reason or "")  # refused before the passphrase is asked for
    store = _campaign(context)
    unit = store.roster.unit(reopen_unit)
    support.check_admin(store, passphrase)
    forms = store.self_assessments.reopen_unit(reopen_unit, form_id, reason)
    titles = "、".join(form.title.get(language()) for form in forms)
    click.echo(t("self.cli.reopened", unit=unit.name, forms=titles))


@click.command("review", help=t("review.cli.help"))
@click.pass_obj
def review(context: AppContext) -> None:
    store = _campaign(context)
    from tui.review.app import create_review_app

    support.run_app(create_review_app(context, store=store))


COMMANDS: list[click.Command] = [self_assess, review]
