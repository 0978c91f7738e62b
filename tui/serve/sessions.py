"""Server-side sessions (cookie token -> code, in memory only) and the wrong-code limit."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

SESSION_COOKIE = "kp_s"
NONCE_COOKIE = "kp_n"
SESSION_SECONDS = 4 * 3600
"""A session outlives any meeting; a sealed ballot ends it at once."""
IDLE_SECONDS = 20 * 60
"""A session untouched this long ends (its draft stays): a borrowed tablet does not show the last ballot."""
MAX_SESSIONS = 5000
"""Enough for every seat of a hall several times over; the oldest go first beyond it."""


def cookie_value(headers: list[str], name: str) -> str | None:
    """One cookie from a request's Cookie header lines, by name (None when absent).

    Only the hall's own cookies are ever looked up: unquoted URL-safe tokens, so this reads them with one
    split instead of the general cookie parser, which was the largest share of a tap's own work."""
    for header in headers:
        for pair in header.split(";"):
            key, sep, value = pair.partition("=")
            if sep and key.strip() == name:
                return value.strip().strip('"')
    return None


@dataclass
class Session:
    """One browser's hold on one code: the code never leaves the server."""

    token: str
    code: str
    rater_group: str
    csrf: str
    created: float
    seen: float = 0.0
    larger_text: bool = False
    flash: str = ""


@dataclass
class Sessions:
    """Every live session of this server, keyed by a random token; the code is never in a URL or a log."""

    secret: bytes = field(default_factory=lambda: secrets.token_bytes(32))
    clock: Callable[[], float] = time.monotonic
    by_token: dict[str, Session] = field(default_factory=dict)

    def open(self, code: str, rater_group: str) -> Session:
        self._prune()
        session = Session(
            secrets.token_urlsafe(32), code, rater_group, secrets.token_urlsafe(24), self.clock()
        )
        self.by_token[session.token] = session
        return session

    def get(self, token: str | None) -> Session | None:
        if not token:
            return None
        session = self.by_token.get(token)
        if session is None:
            return None
        now = self.clock()
        if now - session.created > SESSION_SECONDS or now - (session.seen or session.created) > IDLE_SECONDS:
            self.by_token.pop(token, None)
            return None
        session.seen = now
        return session

    def end(self, token: str | None) -> None:
        """Forget one session (the evaluator left, or a new code was typed in this browser)."""
        if token:
            self.by_token.pop(token, None)

    def forget_code(self, code: str) -> None:
        """End every session holding `code` (it was sealed): no device can read the ballot afterwards."""
        for token in [token for token, session in self.by_token.items() if session.code == code]:
            del self.by_token[token]

    def in_progress(self) -> dict[str, int]:
        """Codes being filled on the page, per rater group (counts only)."""
        codes: dict[str, set[str]] = {}
        for session in self.by_token.values():
            codes.setdefault(session.rater_group, set()).add(session.code)
        return {group: len(found) for group, found in codes.items()}

    def _prune(self) -> None:
        now = self.clock()
        for token in [t for t, s in self.by_token.items() if now - s.created > SESSION_SECONDS]:
            del self.by_token[token]
        while len(self.by_token) >= MAX_SESSIONS:
            del self.by_token[next(iter(self.by_token))]

    # -- the login form's CSRF token: signed double submit before a session exists --------------------------

    def login_token(self, nonce: str) -> str:
        return hmac.new(self.secret, b"login:" + nonce.encode(), hashlib.sha256).hexdigest()

    def login_token_ok(self, nonce: str | None, token: str | None) -> bool:
        return bool(nonce and token) and hmac.compare_digest(self.login_token(nonce or ""), token or "")


@dataclass
class WrongCodeLimit:
    """At most `limit` wrong codes per client address in `window` seconds; then wait for the oldest to age.

    Only counts and times are kept, in memory, never the codes typed.
    """

    limit: int = 5
    window: float = 60.0
    clock: Callable[[], float] = time.monotonic
    failures: dict[str, deque[float]] = field(default_factory=dict)

    def wait(self, address: str) -> int:
        """Seconds this address must wait before trying another code (0: it may try now)."""
        recent = self._recent(address)
        if len(recent) < self.limit:
            return 0
        return max(1, int(recent[0] + self.window - self.clock() + 0.999))

    def failed(self, address: str) -> None:
        recent = self._recent(address)
        recent.append(self.clock())
        if len(self.failures) > 10000:  # a flood of addresses must not grow memory without end
            for stale in [key for key, times in self.failures.items() if not times]:
                del self.failures[stale]

    def _recent(self, address: str) -> deque[float]:
        recent = self.failures.setdefault(address, deque())
        while recent and self.clock() - recent[0] >= self.window:
            recent.popleft()
        return recent
