"""What the sealed ballots add up to, kept between runs: computed once per change of the ballots, signed."""

from __future__ import annotations

import functools
import hashlib
import hmac
import json
import types
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, fields, is_dataclass
from typing import Any, Literal, Union, get_args, get_origin, get_type_hints

from forms.model import Form
from forms.rules import Rules
from store.api import CampaignStore
from store.ballot_snapshot import BallotSnapshot, keep_tallies, read_kept_tallies

from .model import BrandTally, FormCount
from .tallies import BallotTallies, UnitInfo

FORMAT = 1
"""Bumped whenever what is kept, or how it is computed, changes: older kept tallies then never match."""

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


def cached_tallies(
    campaign_store: CampaignStore, key: str, compute: Callable[[], StoreTallies]
) -> StoreTallies:
    """The tallies kept for `key` when their signature and key check out; else `compute()`, kept for next
    time. Kept tallies are only ever a shortcut: anything unreadable, unsigned or stale is recomputed."""
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
    except (ValueError, KeyError, TypeError, AttributeError):
        return None
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


@functools.cache
def _hints(kind: type) -> dict[str, Any]:
    return get_type_hints(kind)


def _typed(hint: Any, value: object) -> object:
    """JSON values back into the dataclass tree `hint` describes; TypeError on anything unexpected."""
    origin = get_origin(hint)
    args = get_args(hint)
    if isinstance(hint, type) and is_dataclass(hint):
        if not isinstance(value, dict):
            raise TypeError(hint)
        hints = _hints(hint)
        return hint(**{field.name: _typed(hints[field.name], value[field.name]) for field in fields(hint)})
    if origin is tuple:
        if not isinstance(value, list):
            raise TypeError(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_typed(args[0], item) for item in value)
        if len(args) != len(value):
            raise TypeError(hint)
        return tuple(_typed(arg, item) for arg, item in zip(args, value, strict=True))
    if origin in (Mapping, dict) or hint is dict:
        if not isinstance(value, dict):
            raise TypeError(hint)
        inner = args[1] if len(args) == 2 else Any
        return {str(name): _typed(inner, item) for name, item in value.items()}
    if origin in (Union, types.UnionType):
        if value is None and type(None) in args:
            return None
        return _typed(next(arg for arg in args if arg is not type(None)), value)
    if origin is Literal:
        if value not in args:
            raise TypeError(hint)
        return value
    if hint is Any:
        return value
    if hint is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if hint in (str, int, float, bool) and type(value) is hint:
        return value
    raise TypeError(hint)
