"""The raw data of a TinyDB file: a table, its one document, one clear error for a damaged record."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from forms.errors import ProblemFound

from .storage import Data


@contextmanager
def damaged_record(path: Path, record: str) -> Iterator[None]:
    """Turn a record that a hand edit broke (missing or mistyped fields) into one clear error."""
    try:
        yield
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise ProblemFound("store.record_damaged", file=str(path), record=record) from error


def table(data: Data | None, name: str) -> dict[str, Any]:
    """A table of raw file data (doc id -> document), empty when the file or table is missing."""
    if data is None:
        return {}
    found = data.get(name)
    return found if isinstance(found, dict) else {}


def single(data: Data | None, name: str) -> dict[str, Any]:
    """The one document of a single-document table (doc id 1), or an empty dict."""
    doc = table(data, name).get("1")
    return doc if isinstance(doc, dict) else {}
