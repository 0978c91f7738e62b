"""The manifest beside every export (`FILE.manifest.json`): what the file is, its SHA-256, and an
HMAC-SHA256 under the campaign key so that nobody without the campaign can re-sign an edited file."""

from __future__ import annotations

import hmac
import json
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

from forms.errors import InputError, ProblemFound

from .csvio import sha256_of, write_text_atomic

MANIFEST_SUFFIX = ".manifest.json"
MANIFEST_FORMAT = 1


@dataclass(frozen=True)
class Manifest:
    """What an export holds: its kind, campaign, rows and SHA-256, and the meeting's closing digest."""

    kind: str
    campaign_id: str
    campaign_name: str
    rows: int
    sha256: str
    excel_safe: bool
    columns: tuple[str, ...]
    closing_digests: tuple[str, ...] = ()
    terminal_id: str = ""
    forms: tuple[str, ...] = ()  # "form_id@version" of every form whose answers the file holds
    day: str = ""  # the export's date, never finer than the day
    lang: str = "zh"
    format: int = MANIFEST_FORMAT
    extra: dict[str, str] = field(default_factory=dict)
    mac: str = ""  # HMAC-SHA256 (hex) of `signed_payload`, under the campaign key

    def to_json(self) -> str:
        """The manifest as pretty JSON text (UTF-8, Chinese kept readable)."""
        data = asdict(self)
        return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def manifest_path(path: Path) -> Path:
    """Where the manifest of `path` lives: beside it, named `FILE.manifest.json`."""
    return Path(path).with_name(Path(path).name + MANIFEST_SUFFIX)


def write_manifest(path: Path, manifest: Manifest) -> Path:
    """Writes the manifest of the export at `path`, atomically, and returns its path."""
    target = manifest_path(path)
    write_text_atomic(target, manifest.to_json())
    return target


def read_manifest(path: Path) -> Manifest:
    """The manifest of the export at `path`; a missing or unreadable one is a clear `InputError`."""
    source = manifest_path(path)
    if not Path(path).is_file():
        # Name the file that is really missing, not its manifest.
        raise InputError("import.file_missing", file=str(path))
    try:
        data = json.loads(source.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError("import.manifest_missing", file=str(path), manifest=str(source)) from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        raise InputError("import.manifest_unreadable", manifest=str(source)) from None
    try:
        return Manifest(
            kind=str(data["kind"]),
            campaign_id=str(data["campaign_id"]),
            campaign_name=str(data.get("campaign_name", "")),
            rows=int(data["rows"]),
            sha256=str(data["sha256"]),
            excel_safe=bool(data.get("excel_safe", True)),
            columns=tuple(str(name) for name in data.get("columns", ())),
            closing_digests=tuple(str(item) for item in data.get("closing_digests", ())),
            terminal_id=str(data.get("terminal_id", "")),
            forms=tuple(str(item) for item in data.get("forms", ())),
            day=str(data.get("day", "")),
            lang=str(data.get("lang", "zh")),
            format=int(data.get("format", MANIFEST_FORMAT)),
            extra={str(k): str(v) for k, v in dict(data.get("extra", {})).items()},
            mac=str(data.get("mac", "")),
        )
    except (KeyError, TypeError, ValueError):
        raise InputError("import.manifest_unreadable", manifest=str(source)) from None


def verify_against_manifest(path: Path, expected_kind: str) -> Manifest:
    """The manifest of `path`, once the file is checked to be of `expected_kind` and byte-for-byte as made.

    A file opened and saved again in a spreadsheet no longer matches its hash: that is refused (ProblemFound),
    naming the file, because its rows can no longer be trusted to be the terminal's own.
    """
    manifest = read_manifest(path)
    if manifest.kind != expected_kind:
        raise InputError("import.wrong_kind", file=str(path), kind=manifest.kind, expected=expected_kind)
    try:
        actual = sha256_of(path)
    except FileNotFoundError:
        raise InputError("import.file_missing", file=str(path)) from None
    if actual != manifest.sha256:
        raise ProblemFound("import.manifest_mismatch", file=str(path))
    return manifest


Signer = Callable[[bytes], str]
"""The campaign's HMAC over a manifest's payload (`CampaignStore.manifest_mac`)."""


def signed_payload(manifest: Manifest) -> bytes:
    """What the MAC covers: the whole manifest (the file's SHA-256, rows, closing digests...) but the MAC."""
    return replace(manifest, mac="").to_json().encode("utf-8")


def signed(manifest: Manifest, sign: Signer) -> Manifest:
    """The manifest with its MAC."""
    return replace(manifest, mac=sign(signed_payload(manifest)))


def check_mac(path: Path, manifest: Manifest, sign: Signer) -> None:
    """Refuse (exit 1) a manifest whose MAC is missing or is not the campaign's: the file, or its
    manifest, was made or changed by someone without the campaign key."""
    expected = sign(signed_payload(manifest))
    if not manifest.mac or not hmac.compare_digest(manifest.mac.lower(), expected):
        raise ProblemFound("trust.manifest_mac", file=str(path))
