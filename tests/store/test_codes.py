"""Ballot codes: easy to type from a slip, forgiving of how they are typed, never ambiguous."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from store import codes


def _fullwidth(text: str) -> str:
    return "".join(chr(ord(ch) + 0xFEE0) if "!" <= ch <= "~" else ch for ch in text)


def test_a_code_avoids_look_alike_characters_and_is_grouped_4_4() -> None:
    for _ in range(200):
        code = codes.new_code()
        assert len(code) == 9 and code[4] == "-"
        assert not set(code.replace("-", "")) & set("01ILO")


@given(
    st.text(alphabet=codes.ALPHABET, min_size=8, max_size=8), st.sampled_from(["", " ", "-", "  ", "—", "."])
)
def test_every_way_of_typing_a_code_gives_the_same_code(raw: str, separator: str) -> None:
    printed = codes.format_code(raw)
    for typed in (
        printed,
        printed.lower(),
        raw[:4] + separator + raw[4:],
        f"  {printed}  ",
        _fullwidth(printed),
        _fullwidth(printed.lower()),
    ):
        assert codes.normalise_code(typed) == raw


@given(st.text(max_size=30))
def test_anything_else_is_not_a_code_and_never_crashes(text: str) -> None:
    normal = codes.normalise_code(text)
    assert normal is None or (len(normal) == 8 and set(normal) <= set(codes.ALPHABET))


def test_hashes_are_salted() -> None:
    salt_a, salt_b = codes.new_salt(), codes.new_salt()
    assert codes.hash_code(salt_a, "ABCDEFGH") != codes.hash_code(salt_b, "ABCDEFGH")
    assert codes.hash_code(salt_a, "ABCDEFGH") == codes.hash_code(salt_a, "ABCDEFGH")


def test_passphrases_use_a_slow_salted_hash() -> None:
    first = codes.hash_passphrase("机关党建2026")
    assert first.startswith("scrypt$") and first != codes.hash_passphrase("机关党建2026")
    assert codes.passphrase_matches("机关党建2026", first)
    assert not codes.passphrase_matches("机关党建2025", first)
    assert not codes.passphrase_matches("机关党建2026", "plain")
