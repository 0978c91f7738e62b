"""Catalogue entries of the forms area: key -> (Chinese, English)."""

TEXTS: dict[str, tuple[str, str]] = {}
