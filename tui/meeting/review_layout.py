"""The review table's column widths: every column on screen from 80 columns up, headers wrapped."""

from __future__ import annotations

from dataclasses import dataclass

from tui.linebreak import cell_width, wrap

PADDING = 2
"""A DataTable column's cell padding, one cell each side."""

SCROLLBAR = 2


@dataclass(frozen=True)
class ReviewLayout:
    """Widths of the review table's columns and its wrapped header labels."""

    number_width: int
    unit_width: int
    question_width: int
    comment_width: int
    labels: tuple[str, ...]
    comment_label: str | None
    header_height: int


def review_layout(
    screen_width: int, questions: list[str], comment: str | None, units: list[str]
) -> ReviewLayout:
    """The widest question columns that still leave a unit name column of 8 Chinese characters."""
    available = screen_width - SCROLLBAR
    number_width = len(str(max(1, len(units))))
    longest_unit = max((cell_width(name) for name in units), default=8)
    columns = len(questions) + (1 if comment is not None else 0)
    question_width = 4
    for width in (12, 10, 8, 6, 4):
        rest = number_width + PADDING + columns * (width + PADDING) + PADDING
        if available - rest >= min(16, longest_unit):
            question_width = width
            break
    rest = number_width + PADDING + columns * (question_width + PADDING) + PADDING
    unit_width = max(8, min(longest_unit, available - rest))
    labels = tuple("\n".join(wrap(label, question_width)) for label in questions)
    comment_label = "\n".join(wrap(comment, question_width)) if comment is not None else None
    heights = [label.count("\n") + 1 for label in (*labels, comment_label or "")]
    return ReviewLayout(
        number_width=number_width,
        unit_width=unit_width,
        question_width=question_width,
        comment_width=question_width,
        labels=labels,
        comment_label=comment_label,
        header_height=max(heights),
    )


def clip(text: str, width: int) -> str:
    """`text` cut to `width` cells, with an ellipsis when cut."""
    if cell_width(text) <= width:
        return text
    kept = ""
    for char in text:
        if cell_width(kept + char) > width - 1:
            break
        kept += char
    return kept + "…"
