"""One-time codes: easy to type from a slip (XXXX-XXXX, no look-alike characters), normalised, hashed."""

from __future__ import annotations

import hashlib
import secrets
import unicodedata
from functools import lru_cache

ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
"""31 characters without the look-alikes 0/O, 1/I/L: 8 of them give about 8.5e11 codes."""

CODE_LENGTH = 8
HASH_ITERATIONS = 2_000
"""PBKDF2 rounds: slows a brute force of a stolen file while a lookup stays around a millisecond."""


def new_code() -> str:
    """A fresh random code, formatted for the slip: 'ABCD-EFGH'."""
    raw = "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))
    return format_code(raw)


def format_code(raw: str) -> str:
    """Group a normalised code 4-4 for printing."""
    return f"{raw[:4]}-{raw[4:]}"


def normalise_code(typed: str) -> str | None:
    """What the user typed, as the 8 characters of a code, or None when it cannot be one.

    Full-width characters (ＡＢ１２), lower case, spaces, dashes and dots are all accepted.
    """
    text = unicodedata.normalize("NFKC", typed).upper()
    kept = "".join(ch for ch in text if not (ch.isspace() or ch in "-_.·—–/"))
    if len(kept) != CODE_LENGTH or any(ch not in ALPHABET for ch in kept):
        return None
    return kept


@lru_cache(maxsize=4096)
def hash_code(salt: str, code: str) -> str:
    """The salted hash a code is stored as (hex); `code` must be normalised."""
    digest = hashlib.pbkdf2_hmac("sha256", code.encode("ascii"), bytes.fromhex(salt), HASH_ITERATIONS)
    return digest.hex()


def new_salt() -> str:
    """A random salt (hex) for a campaign's code hashes."""
    return secrets.token_hex(16)


def hash_passphrase(passphrase: str, salt: bytes | None = None) -> str:
    """A slow salted hash of an admin passphrase: 'scrypt$<salt hex>$<hash hex>'."""
    salt = salt if salt is not None else secrets.token_bytes(16)
    digest = hashlib.scrypt(passphrase.encode("utf-8"), salt=salt, n=2**14, r=8, p=1, dklen=32)
    return f"scrypt${salt.hex()}${digest.hex()}"


def passphrase_matches(passphrase: str, stored: str) -> bool:
    """Whether `passphrase` is the one `stored` was made from (constant-time comparison)."""
    try:
        scheme, salt_hex, _ = stored.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    return secrets.compare_digest(hash_passphrase(passphrase, bytes.fromhex(salt_hex)), stored)
