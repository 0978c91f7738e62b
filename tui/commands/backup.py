"""The commands that keep the data safe: backup, restore and the mirror."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from forms.errors import InputError
from tui.commands import support
from tui.context import AppContext
from tui.i18n import t

if TYPE_CHECKING:
    from store.api import CampaignStore, Store


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
        if not support.has_terminal():
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
    from store.api import check_backup, open_store

    store = open_store(context.data_dir)
    check_backup(backup_file)
    campaigns = store.campaigns()
    guard = store.campaign(campaigns[-1].id) if campaigns else None
    needs_passphrase = guard is not None and guard.meeting.has_passphrase()
    interactive = support.has_terminal()
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


COMMANDS: list[click.Command] = [backup_command, restore_command, mirror_command]
