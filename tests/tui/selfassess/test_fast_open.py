"""What keeps a form and a board quick to open: breakpoint classes given before the children mount, and
fields that are compact and unvalidated from birth (each avoids a restyle that changes nothing on screen)."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.screen import Screen
from textual.widgets import Input, Static

from tui.widgets.breakpoints import breakpoint_classes, preset_breakpoints
from tui.widgets.field_input import FieldInput


class _Probe(Screen[None]):
    """Records its classes as its first child is composed, and every restyle of the whole screen."""

    def __init__(self) -> None:
        super().__init__()
        self.classes_at_compose: set[str] = set()
        self.restyles = 0

    def compose(self) -> ComposeResult:
        preset_breakpoints(self)
        self.classes_at_compose = set(self.classes)
        self.restyles = 0  # from here on the screen has children: a restyle walks them all
        yield Static("探针")

    def update_node_styles(self, animate: bool = True) -> None:
        self.restyles += 1
        super().update_node_styles(animate)


class _App(App[None]):
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]  # noqa: RUF012 - as KaopingApp declares it


@pytest.mark.parametrize(("width", "expected"), [(120, "-wide"), (80, "-narrow")])
async def test_a_screen_has_its_breakpoint_class_before_its_children(width: int, expected: str) -> None:
    app = _App()
    async with app.run_test(size=(width, 24)) as pilot:
        probe = _Probe()
        await app.push_screen(probe)
        await pilot.pause()
        assert expected in probe.classes_at_compose
        assert {"-wide", "-narrow"} & set(probe.classes) == {expected}  # Textual's own resize agrees
        # Only the resume restyles the tree: the first resize found its class already there.
        assert probe.restyles == 1


def test_breakpoint_classes_pick_the_largest_reached() -> None:
    points = [(0, "-narrow"), (110, "-wide")]
    assert breakpoint_classes(points, 80) == {"-narrow"}
    assert breakpoint_classes(points, 110) == {"-wide"}
    assert breakpoint_classes([(50, "-mid")], 20) == set()


class _Fields(App[None]):
    def compose(self) -> ComposeResult:
        yield FieldInput("9.5", placeholder="0–10分", id="answer")
        yield Input("9.5", placeholder="0–10分", id="plain", compact=True)


async def test_a_field_input_is_a_compact_input_without_validation_classes() -> None:
    app = _Fields()
    async with app.run_test(size=(80, 24)) as pilot:
        field = app.query_one("#answer", FieldInput)
        plain = app.query_one("#plain", Input)
        field.value = "abc"
        await pilot.pause()
        assert field.compact and field.has_class("-textual-compact")
        assert isinstance(field, Input) and field.styles.height == plain.styles.height
        assert not field.has_class("-valid") and not field.has_class("-invalid")
        assert plain.has_class("-valid")  # what a plain Input does, and the field skips
