"""The only clocks the store reads: the day for ballot-related records, the second for the audit log."""

from __future__ import annotations

from datetime import UTC, date, datetime


def today() -> str:
    """The local day as YYYY-MM-DD: the finest time any ballot-related record carries."""
    return date.today().isoformat()


def now_seconds() -> str:
    """UTC time to the second, for the audit log of admin actions (never for ballots)."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
