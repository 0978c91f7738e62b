"""The click commands of the forms area."""

from __future__ import annotations

import click

COMMANDS: list[click.Command] = []
