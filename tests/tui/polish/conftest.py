"""The polish tests reuse the meeting's and the self-assessment's fixtures (real campaigns in tmp_path)."""

from tests.tui.meeting.conftest import (  # noqa: F401 - fixtures, found by name
    chinese,
    closed_small_meeting,
    demo_meeting,
    full_meeting,
    small_meeting,
)
from tests.tui.selfassess.conftest import campaign  # noqa: F401 - fixture, found by name
