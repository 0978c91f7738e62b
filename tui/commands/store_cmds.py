"""The click commands of the store area."""

from __future__ import annotations

import click

COMMANDS: list[click.Command] = []
