"""Catalogue entries of the store area: key -> (Chinese, English)."""

TEXTS: dict[str, tuple[str, str]] = {}
