"""The click commands of the meeting area."""

from __future__ import annotations

import click

COMMANDS: list[click.Command] = []
