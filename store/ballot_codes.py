"""`CampaignCodes`: one-time ballot codes (salted hashes) and the sign-in codes of units and groups."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from tinydb.table import Document

from forms.errors import InputError

from . import codes as codebook
from .audit_trail import AuditTrail
from .campaign_files import MAIN, MAX_CODES_PER_ISSUE, CampaignFiles
from .clock import today
from .file_data import table
from .records import CodeStatus, Unit
from .roster import Roster
from .sealing import doc_id_of


class CampaignCodes:
    """Issues and looks up ballot, unit and group codes."""

    def __init__(self, files: CampaignFiles, roster: Roster, audit: AuditTrail) -> None:
        self.files = files
        self._roster = roster
        self._audit = audit

    def normalise(self, code: str) -> str | None:
        """The code as printed ('ABCD-EFGH') if what was typed can be one, else None."""
        normal = codebook.normalise_code(code)
        return codebook.format_code(normal) if normal else None

    def _taken_hashes(self) -> set[str]:
        taken = {str(doc.get("hash")) for doc in self.files.codebook().values()}
        main = self.files.main()
        for name in ("unit_codes", "group_codes"):
            taken.update(str(doc.get("hash")) for doc in table(main, name).values())
        return taken

    def _fresh_codes(self, count: int, taken: set[str]) -> list[tuple[str, str]]:
        fresh: list[tuple[str, str]] = []
        while len(fresh) < count:
            code = codebook.new_code()
            digest = codebook.hash_code(self.files.salt, codebook.normalise_code(code) or "")
            if digest in taken:
                continue
            taken.add(digest)
            fresh.append((code, digest))
        return fresh

    def issue_codes(self, rater_group: str, count: int) -> list[str]:
        """Issue `count` new one-time ballot codes of a rater group; the plaintext exists only in the
        returned list (print it now), the store keeps salted hashes."""
        info = self.files.info
        if rater_group not in info.rater_groups:
            raise InputError(
                "store.unknown_rater_group", group=rater_group, known=", ".join(info.rater_groups)
            )
        if not 1 <= count <= MAX_CODES_PER_ISSUE:
            raise InputError("store.code_count", count=count, max=MAX_CODES_PER_ISSUE)
        with self.files.op():
            fresh = self._fresh_codes(count, self._taken_hashes())
            by_shard: dict[Path, list[str]] = {}
            for _code, digest in fresh:
                by_shard.setdefault(self.files.code_path(digest), []).append(digest)
            for path, digests in sorted(by_shard.items()):
                with self.files.store.edit(path) as db:
                    target = db.table("codes", cache_size=0)
                    for digest in digests:
                        target.insert(
                            Document({"hash": digest, "group": rater_group, "used": False}, doc_id_of(digest))
                        )
            self._audit.audit("admin", "codes.issue", f"{rater_group} x{count}")
        return [code for code, _ in fresh]

    def _code_doc(self, digest: str) -> dict[str, Any] | None:
        data = self.files.store.read_cached(self.files.code_path(digest))
        doc = table(data, "codes").get(str(doc_id_of(digest)))
        return doc if isinstance(doc, dict) and doc.get("hash") == digest else None

    def code_status(self, code: str) -> CodeStatus:
        """What a typed ballot code is (unknown, fresh, draft, used) and its rater group."""
        digest = self.files.code_hash(code)
        if digest is None:
            return CodeStatus("unknown")
        with self.files.op():
            doc = self._code_doc(digest)
            if doc is None:
                return CodeStatus("unknown")
            group = str(doc["group"])
            if doc.get("used"):
                return CodeStatus("used", group)
            if self.files.has_draft(digest):
                return CodeStatus("draft", group)
            return CodeStatus("fresh", group)

    def usable(self, code: str) -> tuple[str, str]:
        """(hash, rater group) of a code that may still vote; InputError when unknown or used.
        The caller holds the lock."""
        digest = self.files.code_hash(code)
        doc = self._code_doc(digest) if digest else None
        if digest is None or doc is None:
            raise InputError("store.code_unknown")
        if doc.get("used"):
            raise InputError("store.code_used")
        return digest, str(doc["group"])

    def issue_unit_codes(self, unit_ids: Sequence[str] | None = None) -> dict[str, str]:
        """New sign-in codes for units (all by default), replacing their earlier ones: unit id -> code."""
        units = {unit.id for unit in self._roster.units()}
        wanted = list(unit_ids) if unit_ids is not None else sorted(units)
        for unit_id in wanted:
            if unit_id not in units:
                raise InputError("store.unknown_unit", unit=unit_id)
        return self._issue_keyed("unit_codes", "unit_id", wanted)

    def issue_group_codes(self, groups: Sequence[str] | None = None) -> dict[str, str]:
        """New sign-in codes for liaison groups (all by default): group -> code."""
        known = sorted({unit.group for unit in self._roster.meeting_units() if unit.group})
        wanted = list(groups) if groups is not None else known
        for group in wanted:
            if group not in known:
                raise InputError("store.unknown_group", group=group, known=", ".join(known))
        return self._issue_keyed("group_codes", "group", wanted)

    def _issue_keyed(self, table_name: str, field: str, keys: Sequence[str]) -> dict[str, str]:
        with self.files.op():
            fresh = self._fresh_codes(len(keys), self._taken_hashes())
            issued = {key: code for key, (code, _digest) in zip(keys, fresh, strict=True)}
            day = today()  # the day only: a sign-in code's sheet is dated, nothing finer is kept
            with self.files.store.edit(self.files.path(MAIN)) as db:
                target = db.table(table_name, cache_size=0)
                target.remove(lambda doc: doc.get(field) in issued)
                target.insert_multiple(
                    {"hash": digest, field: key, "day": day}
                    for key, (_c, digest) in zip(keys, fresh, strict=True)
                )
            self._audit.audit("admin", f"{table_name}.issue", str(len(keys)))
        return issued

    def units_with_codes(self) -> set[str]:
        """The ids of the units that have a sign-in code."""
        return {str(doc["unit_id"]) for doc in table(self.files.main_cached(), "unit_codes").values()}

    def groups_with_codes(self) -> set[str]:
        """The liaison groups that have a sign-in code."""
        return {str(doc["group"]) for doc in table(self.files.main_cached(), "group_codes").values()}

    def unit_code_days(self) -> dict[str, str]:
        """Unit id -> the day (YYYY-MM-DD) its current sign-in code was issued ("" for codes issued before
        days were kept); units without a code are absent. The codes themselves are kept only as hashes."""
        return self._keyed_days("unit_codes", "unit_id")

    def group_code_days(self) -> dict[str, str]:
        """Liaison group -> the day its current sign-in code was issued ("" when not kept)."""
        return self._keyed_days("group_codes", "group")

    def _keyed_days(self, table_name: str, field: str) -> dict[str, str]:
        docs = table(self.files.main_cached(), table_name).values()
        return {str(doc[field]): str(doc.get("day") or "") for doc in docs}

    def _lookup_keyed(self, table_name: str, field: str, code: str) -> str | None:
        digest = self.files.code_hash(code)
        if digest is None:
            return None
        for doc in table(self.files.main_cached(), table_name).values():
            if doc.get("hash") == digest:
                return str(doc[field])
        return None

    def unit_for_code(self, code: str) -> Unit | None:
        """The unit a unit code signs in as, or None."""
        unit_id = self._lookup_keyed("unit_codes", "unit_id", code)
        return self._roster.unit(unit_id) if unit_id is not None else None

    def group_for_code(self, code: str) -> str | None:
        """The liaison group a group code signs in as, or None."""
        return self._lookup_keyed("group_codes", "group", code)
