"""The click commands of the exports area."""

from __future__ import annotations

import click

COMMANDS: list[click.Command] = []
