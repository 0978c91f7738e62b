"""The README answers a new user's first questions: the venv in new shells, sheets, opening the vote, quitting."""

from __future__ import annotations

from pathlib import Path

README = (Path(__file__).resolve().parents[3] / "README.md").read_text(encoding="utf-8")


def test_new_shells_activate_the_virtual_environment() -> None:
    assert "Every new terminal" in README and ". .venv/bin/activate" in README


def test_each_demo_sheet_is_matched_with_its_mode() -> None:
    for sheet, mode in (
        ("ballot-codes.csv", "kaoping meeting"),
        ("unit-codes.csv", "kaoping self-assess"),
        ("group-codes.csv", "kaoping review"),
    ):
        line = next(line for line in README.splitlines() if sheet in line)
        assert mode in line, line


def test_the_vote_is_opened_first_and_every_mode_says_how_to_quit() -> None:
    assert "Open the vote before anyone can use a ballot code" in README
    quitting = README[README.index("How to leave each mode") :]
    for mode in ("kaoping`)", "kaoping meeting", "kaoping self-assess", "kaoping init"):
        assert mode in quitting, mode


def test_codes_units_says_reissue_regenerates() -> None:
    assert "--reissue" in README and "单位登录码" in README
