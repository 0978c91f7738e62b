"""A chosen rating is marked by a sign, not only by colour or reverse video."""

from __future__ import annotations

from tui.meeting.model import Choice, ItemSpec
from tui.meeting.rows import RatingRow


def test_the_chosen_level_is_bracketed_and_the_others_are_not() -> None:
    choices = (Choice("good", "好", "1"), Choice("fair", "较好", "2"), Choice("poor", "差", "3"))
    item = ItemSpec("overall", "总体评价", "rating", choices)
    row = RatingRow(item, "fair")
    plain = row.render().plain
    assert "[2 较好]" in plain
    assert "[1 好]" not in plain and " 1 好 " in plain
    unanswered = RatingRow(item, None).render().plain
    assert "[" not in unanswered
