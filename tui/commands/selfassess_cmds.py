"""The click commands of the selfassess area."""

from __future__ import annotations

import click

COMMANDS: list[click.Command] = []
