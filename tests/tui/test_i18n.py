"""The catalogue: both languages for every key, with the same placeholders, and every used key present."""

from __future__ import annotations

import re
import string
from pathlib import Path

from tui.i18n import CATALOG, set_language, t

ROOT = Path(__file__).resolve().parents[2]


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_entry_has_both_languages_with_the_same_placeholders() -> None:
    for key, (zh, en) in CATALOG.items():
        assert zh.strip() and en.strip(), key
        assert _fields(zh) == _fields(en), key


def test_chinese_is_the_default_and_english_on_request() -> None:
    set_language("zh")
    assert t("home.mode.meeting") == "述职评议会议（测评终端）"
    set_language("en")
    try:
        assert t("home.mode.meeting") == "Review meeting (voting terminal)"
    finally:
        set_language("zh")


def test_every_literal_key_used_in_code_is_in_the_catalogue() -> None:
    pattern = re.compile(
        r"""\b(?:t|KaopingError|InputError|ProblemFound|[A-Z][A-Za-z]*Error)\(\s*["']([a-z_]+(?:\.[a-z0-9_]+)+)["']"""
    )
    missing: list[str] = []
    for package in ("forms", "store", "exports", "tui"):
        for path in (ROOT / package).rglob("*.py"):
            for key in pattern.findall(path.read_text(encoding="utf-8")):
                if key not in CATALOG:
                    missing.append(f"{path.relative_to(ROOT)}: {key}")
    assert missing == []
