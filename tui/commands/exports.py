"""The `export` command: one table of a campaign to a CSV or xlsx file."""

from __future__ import annotations

from pathlib import Path

import click

from tui.commands import support
from tui.commands.support import open_campaign as _campaign
from tui.commands.support import output_file_option
from tui.context import AppContext
from tui.i18n import t

# ---------------------------------------------------------------------- export


KIND_CHOICES = ("ballots", "summary", "stars", "self", "supervision", "brands", "codebook")


def _export_help() -> str:
    kinds = "\n".join(f"  {kind:<12} {t(f'export.kind.{kind}')}" for kind in KIND_CHOICES)
    return t("export.help") + "\n\n\b\n" + kinds


@click.command("export", help=_export_help())
@click.argument("kind", type=click.Choice(KIND_CHOICES))
@output_file_option(t("export.opt.output"))
@click.option("--plain", is_flag=True, help=t("export.opt.plain"))
@click.option(
    "--format",
    "file_format",
    type=click.Choice(("csv", "xlsx")),
    default=None,
    help=t("results.opt.format"),
)
@click.pass_obj
def export_command(
    context: AppContext, kind: str, output: Path, plain: bool, file_format: str | None
) -> None:
    from exports.kinds import export_kind
    from exports.manifest import manifest_path

    chosen = file_format or ("xlsx" if output.suffix.lower() == ".xlsx" else "csv")
    campaign = _campaign(context)
    progress = support.StderrProgress(t("export.progress", path=str(output)))
    try:
        manifest = export_kind(
            campaign,
            kind,
            output,
            plain=plain,
            lang=context.lang,
            text=t,
            on_progress=progress,
            file_format=chosen,
        )
    finally:
        progress.close()
    click.echo(t("export.done", rows=manifest.rows, path=str(output), manifest=str(manifest_path(output))))


COMMANDS: list[click.Command] = [export_command]
