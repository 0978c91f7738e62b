"""The polish tests reuse the meeting's fixtures: real campaigns in tmp_path data directories."""

from tests.tui.meeting.conftest import (  # noqa: F401 - fixtures, found by name
    chinese,
    closed_small_meeting,
    full_meeting,
    small_meeting,
)
