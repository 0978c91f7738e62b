"""Texts of the split work (issue 12): the form `kind` check."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "split.problem.star_not_unit": (
        'kind = "star"（星级评定表）只能用于 scope = "unit" 的自评表，本表的 scope 是 {scope}：删去 kind 或改 scope。',
        'kind = "star" (the star-rating form) is only for scope = "unit" self-assessments; this form\'s scope is {scope}: remove kind or change the scope.',
    ),
}
