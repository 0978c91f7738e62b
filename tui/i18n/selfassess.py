"""Catalogue entries of the selfassess area: key -> (Chinese, English)."""

TEXTS: dict[str, tuple[str, str]] = {}
