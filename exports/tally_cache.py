"""What the sealed ballots add up to, kept between runs: computed once per change of the ballots, signed."""

from __future__ import annotations

import functools
import hashlib
import hmac
import importlib.util
import json
import types
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, fields, is_dataclass
from pathlib import Path
from typing import Any, Literal, Union, get_args, get_origin, get_type_hints

from forms.model import Form
from forms.rules import Rules
from store.api import CampaignStore
from store.ballot_snapshot import BallotSnapshot, keep_tallies, read_kept_tallies

from .model import BrandTally, FormCount
from .tallies import BallotTallies, UnitInfo

FORMAT = 1
"""Bumped whenever the layout of what is kept changes: older kept tallies then never match."""

_COUNTING_MODULES = (
    "forms.scoring.aggregate",
    "forms.scoring.answers",
    "forms.scoring.ballot",
    "forms.scoring.response",
    "exports.compute",
    "exports.counts",
    "exports.model",
    "exports.results",
    "exports.tallies",
    "exports.tally_pass",
    "exports.tally_cache",
)
"""The modules whose code decides what the tallies are: their source is part of the key, so tallies kept
by another version of kaoping are never taken for this one's."""

_DOMAIN = b"kaoping-results-tallies\n"
"""Signed under the campaign key with this prefix, so a signature can never pass for a manifest's."""


@dataclass(frozen=True)
class StoreTallies:
    """Everything `campaign_results` takes from the sealed ballots: the review ballots' tallies, the brand
    vote counted, and the count of sealed and valid ballots per form."""

    tallies: BallotTallies
    brands: tuple[BrandTally, ...]
    form_counts: tuple[FormCount, ...]


def tallies_key(
    snapshot: BallotSnapshot,
    form: Form,
    rules: Rules,
    units: Sequence[UnitInfo],
    forms: Sequence[Form],
    brands: Sequence[tuple[str, str, str, str]],
) -> str:
    """The key of kept tallies: the ballots' digest and everything else the tallies depend on (the ballot
    form, the rules, the meeting's units and their names, every pinned form, the registered brands)."""
    material = json.dumps(
        [
            FORMAT,
            _code_fingerprint(),
            snapshot.digest,
            repr(form),
            repr(rules),
            [(unit.unit_id, unit.name) for unit in units],
            [repr(pinned) for pinned in forms],
            [list(brand) for brand in brands],
        ],
        ensure_ascii=False,
    )
    return hashlib.sha256(material.encode("utf-8")).hexdigest()


@functools.cache
def _code_fingerprint() -> str:
    digest = hashlib.sha256()
    for name in _COUNTING_MODULES:
        spec = importlib.util.find_spec(name)
        origin = spec.origin if spec is not None else None
        digest.update(Path(origin).read_bytes() if origin else name.encode())
    return digest.hexdigest()


def cached_tallies(
    campaign_store: CampaignStore, key: str, compute: Callable[[], StoreTallies], keep: bool = True
) -> StoreTallies:
    """The tallies kept for `key` when their signature and key check out; else `compute()`, kept for next
    time. Kept tallies are only ever a shortcut: anything unreadable, unsigned or stale is recomputed.

    `keep` False (voting not closed) computes without reading or writing anything: no file holds results
    before the close."""
    if not keep:
        return compute()
    found = _load(campaign_store, key)
    if found is not None:
        return found
    computed = compute()
    body = json.dumps({"format": FORMAT, "key": key, "tallies": _plain(computed)}, ensure_ascii=False)
    mac = campaign_store.manifest_mac(_DOMAIN + body.encode("utf-8"))
    keep_tallies(campaign_store.files, json.dumps({"mac": mac, "body": body}).encode("utf-8"))
    return computed


def _load(campaign_store: CampaignStore, key: str) -> StoreTallies | None:
    blob = read_kept_tallies(campaign_store.files)
    if blob is None:
        return None
    try:
        wrapper = json.loads(blob.decode("utf-8"))
        body = str(wrapper["body"])
        expected = campaign_store.manifest_mac(_DOMAIN + body.encode("utf-8"))
        if not hmac.compare_digest(str(wrapper["mac"]), expected):
            return None  # changed by someone without the campaign key: never trusted
        content = json.loads(body)
        if content["format"] != FORMAT or content["key"] != key:
            return None
        found = _typed(StoreTallies, content["tallies"])
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError):
        return None  # RecursionError: a file nested too deep to parse is refused like any other bad one
    return found if isinstance(found, StoreTallies) else None


def _plain(value: object) -> object:
    """A dataclass tree as JSON values (tuples as lists)."""
    if is_dataclass(value) and not isinstance(value, type):
        return {field.name: _plain(getattr(value, field.name)) for field in fields(value)}
    if isinstance(value, (tuple, list)):
        return [_plain(item) for item in value]
    if isinstance(value, Mapping):
        return {str(name): _plain(item) for name, item in value.items()}
    return value


def _typed(hint: Any, value: object) -> object:
    """JSON values back into the dataclass tree `hint` describes; TypeError on anything unexpected."""
    return _decoder(hint)(value)


Decode = Callable[[object], object]


@functools.cache
def _decoder(hint: Any) -> Decode:
    """A reader for values of type `hint`, built once per type (thousands of values share a few types)."""
    origin = get_origin(hint)
    args = get_args(hint)
    if isinstance(hint, type) and is_dataclass(hint):
        kind: Any = hint
        hints = get_type_hints(hint)
        parts = [(field.name, _decoder(hints[field.name])) for field in fields(hint)]

        def dataclass_of(value: object) -> object:
            if not isinstance(value, dict):
                raise TypeError(kind)
            return kind(**{name: read(value[name]) for name, read in parts})

        return dataclass_of
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        item = _decoder(args[0])
        return lambda value: tuple(item(entry) for entry in _list(value))
    if origin is tuple:
        items = [_decoder(arg) for arg in args]

        def fixed_tuple(value: object) -> object:
            entries = _list(value)
            if len(entries) != len(items):
                raise TypeError(hint)
            return tuple(read(entry) for read, entry in zip(items, entries, strict=True))

        return fixed_tuple
    if origin in (Mapping, dict):
        inner = _decoder(args[1]) if len(args) == 2 else _decoder(Any)

        def mapping(value: object) -> object:
            if not isinstance(value, dict):
                raise TypeError(hint)
            return {str(name): inner(entry) for name, entry in value.items()}

        return mapping
    if origin in (Union, types.UnionType):
        other = _decoder(next(arg for arg in args if arg is not type(None)))
        nullable = type(None) in args
        return lambda value: None if value is None and nullable else other(value)
    if origin is Literal:
        allowed = set(args)
        return lambda value: value if value in allowed else _refuse(hint)
    if hint is Any:
        return lambda value: value
    if hint is float:
        return lambda value: float(value) if type(value) in (int, float) else _refuse(hint)  # type: ignore[arg-type]
    if hint in (str, int, bool):
        return lambda value: value if type(value) is hint else _refuse(hint)
    raise TypeError(hint)


def _list(value: object) -> list[object]:
    if not isinstance(value, list):
        raise TypeError(list)
    return value


def _refuse(hint: Any) -> object:
    raise TypeError(hint)
