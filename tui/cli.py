"""The `kaoping` command: global options, the home screen, and the commands of every area."""

from __future__ import annotations

import gc
import sys
from pathlib import Path

import click

from forms.errors import KaopingError
from tui.clicktext import install as install_click_texts
from tui.commands import COMMAND_MODULES, load_command
from tui.context import AppContext, default_data_dir
from tui.i18n import error_text, language, set_language, t
from tui.terminal import check_data_dir

install_click_texts()  # before the decorators below take click's texts (the version message)

SCREEN_COMMANDS = frozenset({None, "meeting", "self-assess", "review", "results"})
"""Commands that open a full-screen app (None: the home screen); `KaopingApp` resumes the garbage
collector once its first screen is shown."""


class KaopingFailure(click.ClickException):
    """A `KaopingError` on its way out of click: its sentence in the user's language, its exit code."""

    def __init__(self, error: KaopingError) -> None:
        super().__init__(error_text(error))
        self.error = error
        setattr(self, "exit_code", error.exit_code)  # noqa: B010 - click declares it as a class variable

    def show(self, file: object = None) -> None:
        click.echo(t("error.prefix") + self.message, err=True)


class KaopingGroup(click.Group):
    """The root group: commands imported on first use, and every `KaopingError` as a clean message."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMAND_MODULES)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        command = self.commands.get(cmd_name) or load_command(cmd_name)
        if command is not None:
            self.commands[cmd_name] = command
        return command

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except KaopingError as error:
            raise KaopingFailure(error) from error
        finally:
            _show_store_notices()


def _show_store_notices() -> None:
    """Tell the admin what the store did on its own during the command (a restore a crash interrupted
    finished, a damaged file healed from the mirror), on stderr."""
    from store import notices

    for notice in notices.take():
        click.echo(t(notice.key, **notice.params), err=True)


@click.group(cls=KaopingGroup, invoke_without_command=True, help=t("cli.help"))
@click.option(
    "--data",
    "data_dir",
    type=click.Path(file_okay=False, path_type=Path),
    envvar="KAOPING_DATA",
    help=t("cli.opt.data"),
)
@click.option(
    "--lang",
    type=click.Choice(["zh", "en"]),
    envvar="KAOPING_LANG",
    default="zh",
    show_default=True,
    help=t("cli.opt.lang"),
)
@click.option("--campaign", "campaign_id", envvar="KAOPING_CAMPAIGN", help=t("cli.opt.campaign"))
@click.option(
    "--mirror",
    "mirror_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help=t("store_trust.opt.mirror"),
)
@click.version_option(package_name="kaoping", prog_name="kaoping")
@click.pass_context
def cli(
    ctx: click.Context, data_dir: Path | None, lang: str, campaign_id: str | None, mirror_dir: Path | None
) -> None:
    set_language(lang)
    if mirror_dir is not None:
        import os

        # Every store this process opens (commands, screens, workers) writes its files there as well.
        os.environ["KAOPING_MIRROR"] = str(mirror_dir.absolute())
    if ctx.invoked_subcommand not in SCREEN_COMMANDS:
        gc.enable()  # paused by main() for the imports; a full-screen app resumes it once on screen
    ctx.obj = AppContext(data_dir=data_dir or default_data_dir(), lang=lang, campaign_id=campaign_id)
    check_data_dir(ctx.obj.data_dir)
    if ctx.invoked_subcommand is None:
        from tui.home import run_home

        run_home(ctx.obj)


def usage_sentence(error: click.UsageError) -> str:
    """Click's usage error as one sentence on one line, pointing at the command's help."""
    message = " ".join(error.format_message().split()).rstrip("。.")
    if language() == "zh":
        message = message.replace(". ", "。")  # click joins its parts with an English full stop
    command = error.ctx.command_path if error.ctx is not None else "kaoping"
    return t("polish.usage.error", message=message, command=command)


def main() -> None:
    """Console entry point: one clear sentence on stderr for every expected failure, never a traceback."""
    # Start-up creates many long-lived objects (modules, classes, the catalogue): collecting garbage among
    # them is wasted work, about a seventh of the meeting kiosk's start. Resumed before any real work.
    gc.disable()
    try:
        result = cli.main(prog_name="kaoping", standalone_mode=False)
    except click.exceptions.NoArgsIsHelpError as error:  # a group without its sub-command: its help
        error.show()
        sys.exit(error.exit_code)
    except click.UsageError as error:
        click.echo(t("error.prefix") + usage_sentence(error), err=True)
        sys.exit(error.exit_code)
    except KaopingError as error:  # raised in the root group's own callback (the data directory)
        KaopingFailure(error).show()
        sys.exit(error.exit_code)
    except click.ClickException as error:
        error.show()
        sys.exit(error.exit_code)
    except (click.exceptions.Abort, KeyboardInterrupt, EOFError):
        click.echo(t("error.interrupted"), err=True)
        sys.exit(130)
    sys.exit(result if isinstance(result, int) else 0)


if __name__ == "__main__":
    main()
