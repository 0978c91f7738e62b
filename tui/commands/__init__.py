"""The click commands, one module per task of the user, found by name and imported only when used.

Each task module lists its commands in `COMMANDS`; `COMMAND_MODULES` says which module holds which
top-level command, so `kaoping meeting` never pays for importing the forms checker or the exporters
(tests/tui/test_cli.py checks the map against the modules).
"""

from __future__ import annotations

import importlib

import click

COMMAND_MODULES: dict[str, str] = {
    "init": "campaign",
    "campaigns": "campaign",
    "demo": "campaign",
    "simulate": "campaign",
    "codes": "codes",
    "voting": "voting",
    "verify": "voting",
    "meeting": "meeting",
    "serve": "serve",
    "self-assess": "self_assessment",
    "review": "self_assessment",
    "results": "results",
    "consolidate": "results",
    "report": "results",
    "export": "exports",
    "units": "imports",
    "brands": "imports",
    "import": "imports",
    "backup": "backup",
    "restore": "backup",
    "mirror": "backup",
    "forms": "forms",
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
