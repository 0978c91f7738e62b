"""The click commands of every area, found by name and imported only when used.

Each area module lists its commands in `COMMANDS`; `COMMAND_MODULES` says which module holds which
top-level command, so `kaoping meeting` never pays for importing the forms checker or the exporters
(tests/tui/test_cli.py checks the map against the modules).
"""

from __future__ import annotations

import importlib

import click

COMMAND_MODULES: dict[str, str] = {
    "forms": "forms_cmds",
    "init": "store_cmds",
    "campaigns": "store_cmds",
    "demo": "store_cmds",
    "codes": "store_cmds",
    "simulate": "store_cmds",
    "verify": "store_cmds",
    "backup": "store_cmds",
    "restore": "store_cmds",
    "mirror": "store_cmds",
    "meeting": "meeting_cmds",
    "serve": "serve_cmds",
    "self-assess": "selfassess_cmds",
    "review": "selfassess_cmds",
    "results": "selfassess_cmds",
    "export": "exports_cmds",
    "units": "exports_cmds",
    "brands": "exports_cmds",
    "import": "exports_cmds",
    "consolidate": "exports_cmds",
    "report": "exports_cmds",
    "voting": "trust_cmds",
}

AREA_MODULES = tuple(sorted(set(COMMAND_MODULES.values())))


def area_commands(module_name: str) -> list[click.Command]:
    """The commands an area module declares."""
    module = importlib.import_module(f"{__name__}.{module_name}")
    commands: list[click.Command] = module.COMMANDS
    return commands


def load_command(name: str) -> click.Command | None:
    """The top-level command called `name`, importing only its area's module; None if there is none."""
    module_name = COMMAND_MODULES.get(name)
    if module_name is None:
        return None
    for command in area_commands(module_name):
        if command.name == name:
            return command
    return None
