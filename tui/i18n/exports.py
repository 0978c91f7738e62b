"""Catalogue entries of the exports area: key -> (Chinese, English)."""

TEXTS: dict[str, tuple[str, str]] = {}
