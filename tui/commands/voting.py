"""The `voting` command (status, open, close, reopen without the kiosk) and `verify`."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import click

from forms.errors import InputError, ProblemFound
from tui.commands.support import open_campaign as _campaign
from tui.context import AppContext
from tui.i18n import t

if TYPE_CHECKING:
    from store.api import CampaignStore


ACTOR = "admin"


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
    from exports.results import prepare_results

    if prepare_results(campaign):
        click.echo(t("trust.cli.results_prepared"))


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


COMMANDS: list[click.Command] = [voting, verify_command]
