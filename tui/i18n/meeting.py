"""Catalogue entries of the meeting area: key -> (Chinese, English)."""

TEXTS: dict[str, tuple[str, str]] = {}
