"""The `voting` command: status, open, close and reopen without the kiosk (scripts, the second room)."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import click

from forms.errors import InputError
from tui.context import AppContext
from tui.i18n import t

if TYPE_CHECKING:
    from store.api import CampaignStore

ACTOR = "admin"


def _campaign(context: AppContext) -> CampaignStore:
    from store.api import open_store

    return open_store(context.data_dir).campaign(context.campaign_id)


def _grouped(digest: str) -> str:
    return " ".join(digest[i : i + 8] for i in range(0, len(digest), 8))


def _checked(context: AppContext, passphrase: str) -> CampaignStore:
    campaign = _campaign(context)
    if not campaign.meeting.has_passphrase():
        raise InputError("self.cli.no_passphrase_set")
    if not campaign.meeting.check_passphrase(passphrase):
        raise InputError("trust.voting.wrong_passphrase")
    return campaign


@click.group("voting", help=t("trust.cli.voting"))
def voting() -> None:
    pass


@voting.command("status", help=t("trust.cli.status"))
@click.pass_obj
def status(context: AppContext) -> None:
    campaign = _campaign(context)
    click.echo(t("trust.cli.state", state=t(f"store.voting.{campaign.meeting.voting_state()}")))
    click.echo(t("trust.cli.sealed", count=campaign.ballots.ballot_count()))
    for closing in campaign.meeting.closings():
        click.echo(
            t(
                "trust.cli.closing",
                session=closing.session,
                day=closing.day,
                count=closing.count,
                digest=_grouped(closing.digest),
            )
        )


@voting.command("open", help=t("trust.cli.open"))
@click.option("--passphrase", required=True, help=t("store.opt.passphrase"))
@click.pass_obj
def open_(context: AppContext, passphrase: str) -> None:
    campaign = _checked(context, passphrase)
    campaign.meeting.open_voting(ACTOR)
    click.echo(t("trust.cli.opened"))


@voting.command("close", help=t("trust.cli.close"))
@click.option("--passphrase", required=True, help=t("store.opt.passphrase"))
@click.pass_obj
def close(context: AppContext, passphrase: str) -> None:
    campaign = _checked(context, passphrase)
    closing = campaign.meeting.close_voting(ACTOR)
    click.echo(t("trust.cli.closed", count=closing.count, digest=_grouped(closing.digest)))


@voting.command("reopen", help=t("trust.cli.reopen"))
@click.option("--passphrase", required=True, help=t("store.opt.passphrase"))
@click.option("--reason", default="", help=t("trust.cli.opt_reason"))
@click.option("--count", "count", type=int, default=None, help=t("trust.cli.opt_count"))
@click.pass_obj
def reopen(context: AppContext, passphrase: str, reason: str, count: int | None) -> None:
    campaign = _checked(context, passphrase)
    if campaign.meeting.voting_state() != "closed":
        raise InputError("trust.voting.not_closed")
    if not reason.strip():
        raise InputError("trust.voting.reason_required")
    last = campaign.meeting.closings()[-1]
    if count is None:
        if not (sys.stdin.isatty() and sys.stdout.isatty()):
            raise InputError("trust.cli.count_needed", count=last.count, digest=_grouped(last.digest))
        click.echo(t("trust.cli.reopen_shows", count=last.count, digest=_grouped(last.digest)))
        count = int(click.prompt(t("trust.cli.type_count"), type=int))
    campaign.meeting.reopen_voting(ACTOR, passphrase, reason, count, last.digest)
    click.echo(t("trust.reopen.done"))


COMMANDS: list[click.Command] = [voting]
