"""The click commands of every area, collected for the `kaoping` group.

Each area module lists its commands in `COMMANDS`; modules import Textual and questionary only inside
the command functions, so `kaoping forms list` starts fast.
"""

from __future__ import annotations

import click

from . import exports_cmds, forms_cmds, meeting_cmds, selfassess_cmds, store_cmds

ALL_COMMANDS: list[click.Command] = [
    *forms_cmds.COMMANDS,
    *store_cmds.COMMANDS,
    *meeting_cmds.COMMANDS,
    *selfassess_cmds.COMMANDS,
    *exports_cmds.COMMANDS,
]
