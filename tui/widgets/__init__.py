"""Widgets and dialogs that several modes share, each styled by its own DEFAULT_CSS.

| module | holds |
|---|---|
| `confirm` | `ConfirmDialog`: the one yes/no question before a step that cannot be undone |
| `prompt` | `TextPromptScreen`: one line of text (a reason, a note) |
| `item_editor` | `ItemEditor`: one form item's answer and evidence note (self-assessment, review, visits) |
| `field_input` | `FieldInput`: the editor's one-line field, compact and unvalidated from birth |
| `breakpoints` | `preset_breakpoints`: a screen's `-narrow`/`-wide` class given before its children mount |
| `signin` | `SignInScreen`: a code checked in a worker (unit, group and admin apps) |
| `panel` | `Panel`: a scrolling column that is not a Tab stop |
| `star_chart` | `StarChart` and `star_label`: the star distribution, this year beside last year |
"""

from __future__ import annotations

from tui.widgets.confirm import ConfirmDialog
from tui.widgets.item_editor import ItemEditor, Unparsable, value_to_text
from tui.widgets.panel import Panel
from tui.widgets.prompt import TextPromptScreen
from tui.widgets.signin import SignInScreen
from tui.widgets.star_chart import StarChart, distribution, star_label

__all__ = [
    "ConfirmDialog",
    "ItemEditor",
    "Panel",
    "SignInScreen",
    "StarChart",
    "TextPromptScreen",
    "Unparsable",
    "distribution",
    "star_label",
    "value_to_text",
]
