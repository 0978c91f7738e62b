"""The click command of the hall's web page: `kaoping serve` (aiohttp is imported only here and below)."""

from __future__ import annotations

import asyncio
import contextlib
from typing import TYPE_CHECKING

import click

from tui.context import AppContext
from tui.i18n import t

if TYPE_CHECKING:
    from store.api import CampaignStore


@click.command("serve", help=t("serve.cli.help"))
@click.option("--host", default="127.0.0.1", show_default=True, help=t("serve.opt.host"))
@click.option(
    "--port", type=click.IntRange(0, 65535), default=8080, show_default=True, help=t("serve.opt.port")
)
@click.pass_obj
def serve(context: AppContext, host: str, port: int) -> None:
    from store.api import open_store

    campaign = open_store(context.data_dir).campaign(context.campaign_id)
    with contextlib.suppress(KeyboardInterrupt):  # Ctrl+C is the way to stop serving
        asyncio.run(_serve(campaign, context.lang, host, port))
    click.echo(t("serve.cmd.stopped"))


def _echo(line: str) -> None:
    click.echo(line)


async def _serve(campaign: CampaignStore, lang: str, host: str, port: int) -> None:
    from forms.errors import InputError
    from tui.serve.app import create_hall_app, machine_addresses, start_site

    app = create_hall_app(campaign, lang, echo=_echo)
    try:
        runner, bound = await start_site(app, host, port)
    except OSError as error:
        raise InputError(
            "serve.cmd.bind_failed", host=host, port=port, detail=error.strerror or str(error)
        ) from None
    try:
        _echo(t("serve.cmd.listening", host=host, port=bound))
        shown = machine_addresses() if host in ("0.0.0.0", "") else [host]
        for address in shown or [host]:
            _echo(t("serve.cmd.slip_url", url=f"http://{address}:{bound}"))
        if host.startswith("127.") or host == "localhost":
            _echo(t("serve.cmd.local_only"))
        _echo(t("serve.cmd.stop"))
        await asyncio.Event().wait()
    finally:
        await runner.cleanup()


COMMANDS: list[click.Command] = [serve]
