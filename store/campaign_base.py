"""`CampaignBase`: a campaign's files, lock and crash recovery, pinned forms and rules, units, brands, audit.

Files of a campaign directory (each a TinyDB file written atomically under the directory lock):
`campaign.json` (info, pinned forms and rules, units, brands, unit and group codes, meeting state,
closings, passphrase), `codebook/<x>.json` (ballot codes as salted hashes with used flags, 16 shards),
`ledger/<x>.json` (the ids and hashes of sealed ballots, 16 shards), `drafts/<code hash>.json` (one per
unsealed ballot), `ballots/<xx>.json` (sealed ballots in 256 random shards), `self/<unit hash>.json`
(one per unit), `visits.json`, `audit.json`, and `pending.json` (a seal's commit record, present only
between its writes).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from tinydb.table import Document

from forms.errors import InputError
from forms.model import Form
from forms.rules import Rules

from . import codes as codebook
from .blur import blur_file_times
from .core import damaged_record, single, table
from .formsource import parse_form, parse_rules
from .health import ensure_healthy, heal_on_open
from .records import AnswerValue, AuditEntry, Brand, CampaignInfo, Unit, VotingState
from .sealing import doc_id_of
from .storage import Data, remove_durably

if TYPE_CHECKING:
    from .core import Store

MAIN = "campaign.json"
CODEBOOK_DIR = "codebook"
LEDGER_DIR = "ledger"
BALLOTS_DIR = "ballots"
PENDING = "pending.json"
VISITS = "visits.json"
AUDIT = "audit.json"
MAX_CODES_PER_ISSUE = 5000


def info_from_doc(doc: Mapping[str, Any]) -> CampaignInfo:
    """A campaign's info from its stored document."""
    return CampaignInfo(
        id=str(doc["id"]),
        name=str(doc["name"]),
        year=int(doc["year"]),
        form_ids=tuple(doc.get("form_ids", ())),
        rater_groups=tuple(doc.get("rater_groups", ())),
        created_day=str(doc.get("created_day", "")),
        demo=bool(doc.get("demo", False)),
        last_stars_from=str(doc["last_stars_from"]) if doc.get("last_stars_from") else None,
    )


def check_value(value: object) -> AnswerValue:
    """An answer value the store can keep (JSON scalars or a list of codes); InputError otherwise."""
    if value is None or isinstance(value, (str, bool, int)):
        return value
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise InputError("store.bad_value", value=repr(value))
        return value
    if isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
        return list(value)
    raise InputError("store.bad_value", value=repr(value))


def _unit_doc(unit: Unit) -> dict[str, Any]:
    return {
        "id": unit.id,
        "name": unit.name,
        "org_name": unit.org_name,
        "kind": unit.kind,
        "parent_id": unit.parent_id,
        "group": unit.group,
        "secretary": unit.secretary,
        "last_star": unit.last_star,
        "order": unit.order,
    }


def _unit_from_doc(doc: Mapping[str, Any]) -> Unit:
    star = doc.get("last_star")
    return Unit(
        id=str(doc["id"]),
        name=str(doc["name"]),
        org_name=str(doc.get("org_name", "")),
        kind=str(doc.get("kind", "")),
        parent_id=doc.get("parent_id"),
        group=str(doc.get("group", "")),
        secretary=str(doc.get("secretary", "")),
        last_star=int(star) if star is not None else None,
        order=int(doc.get("order", 0)),
    )


def check_units(units: Sequence[Unit]) -> None:
    """Refuse a roster the store cannot keep: blank or duplicate ids, bad stars, unknown parents."""
    seen: set[str] = set()
    for index, unit in enumerate(units, start=1):
        if not unit.id.strip() or not unit.name.strip():
            raise InputError("store.unit_blank", index=index)
        if unit.id in seen:
            raise InputError("store.unit_duplicate", unit=unit.id)
        if unit.last_star is not None and not 0 <= unit.last_star <= 5:
            raise InputError("store.unit_star", unit=unit.id, star=unit.last_star)
        seen.add(unit.id)
    tops = {unit.id for unit in units if unit.parent_id is None}
    for unit in units:
        if unit.parent_id is not None and unit.parent_id not in tops:
            raise InputError("store.unit_parent", unit=unit.id, parent=unit.parent_id)


class CampaignBase:
    """What every part of a campaign store shares: its files, lock, forms, units, brands and audit log."""

    def __init__(self, store: Store, campaign_id: str) -> None:
        self.store = store
        self.id = campaign_id
        self.dir = store.campaign_dir(campaign_id)
        with self._op():
            if store.mirror is not None:
                heal_on_open(self)  # a damaged or missing file comes back from the mirror (store-trust)
            data = store.read(self.dir / MAIN)
        if data is None:
            raise InputError("store.unknown_campaign", campaign=campaign_id, known="")
        with damaged_record(self.dir / MAIN, "info"):
            self.info = info_from_doc(single(data, "info"))
            self._salt = str(single(data, "secrets")["salt"])
        # The roster as last built, with the parsed file it came from: rebuilt only when the file changed.
        self._roster: tuple[Data | None, list[Unit], dict[str, Unit]] = (None, [], {})

    def _path(self, name: str) -> Path:
        return self.dir / name

    @contextmanager
    def _op(self) -> Iterator[None]:
        """Hold the directory lock and finish any seal a crash interrupted, before anything else."""
        with self.store.locked():
            self._recover()
            yield

    def _main(self) -> Data:
        data = self.store.read(self._path(MAIN))
        if data is None:
            raise InputError("store.unknown_campaign", campaign=self.id, known="")
        return data

    def _hash(self, code: str) -> str | None:
        normal = codebook.normalise_code(code)
        return codebook.hash_code(self._salt, normal) if normal else None

    def normalise(self, code: str) -> str | None:
        """The code as printed ('ABCD-EFGH') if what was typed can be one, else None."""
        normal = codebook.normalise_code(code)
        return codebook.format_code(normal) if normal else None

    def rules(self) -> Rules:
        """The campaign's pinned rules."""
        return parse_rules(str(single(self._main_cached(), "rules").get("text", "")), f"{self.id}/rules.toml")

    def _main_cached(self) -> Data:
        data = self.store.read_cached(self._path(MAIN))
        if data is None:
            raise InputError("store.unknown_campaign", campaign=self.id, known="")
        return data

    def form_text(self, form_id: str) -> str:
        """The pinned TOML text of one of the campaign's forms."""
        for doc in table(self._main_cached(), "forms").values():
            if doc.get("id") == form_id:
                return str(doc["text"])
        raise InputError("store.form_not_in_campaign", form=form_id, known=", ".join(self.info.form_ids))

    def form(self, form_id: str) -> Form:
        """One of the campaign's forms, as pinned when the campaign was created."""
        return parse_form(self.form_text(form_id), f"{self.id}/{form_id}.toml")

    def forms(self) -> list[Form]:
        """Every form of the campaign, in the order they were chosen."""
        return [self.form(form_id) for form_id in self.info.form_ids]

    def forms_of_scope(self, scope: str) -> list[Form]:
        """The campaign's forms of one scope (ballot, vote, unit, visit)."""
        return [form for form in self.forms() if form.scope == scope]

    def unit_forms(self, unit_id: str) -> list[Form]:
        """The self-assessment forms a unit fills: the star form (e.g. star_branch) for branches and for
        organizations that are themselves a branch (机关党支部), the other unit forms (e.g. the duty list)
        for directly affiliated organizations."""
        unit = self.unit(unit_id)
        is_branch = unit.parent_id is not None or unit.kind.endswith("支部")
        chosen: list[Form] = []
        for form in self.forms_of_scope("unit"):
            branch_form = "branch" in form.id or "星" in form.title.zh
            if (branch_form and is_branch) or (not branch_form and unit.parent_id is None):
                chosen.append(form)
        return chosen

    def _roster_now(self) -> tuple[list[Unit], dict[str, Unit]]:
        data = self._main_cached()
        built_from, ordered, by_id = self._roster
        if built_from is not data:
            with damaged_record(self._path(MAIN), "units"):
                docs = table(data, "units").values()
                ordered = sorted((_unit_from_doc(doc) for doc in docs), key=lambda u: (u.order, u.id))
            by_id = {unit.id: unit for unit in ordered}
            self._roster = (data, ordered, by_id)
        return ordered, by_id

    def units(self) -> list[Unit]:
        """Every unit: directly affiliated ones and branches, in report order."""
        return list(self._roster_now()[0])

    def unit(self, unit_id: str) -> Unit:
        """One unit; InputError when the id is unknown."""
        found = self._roster_now()[1].get(unit_id)
        if found is None:
            raise InputError("store.unknown_unit", unit=unit_id)
        return found

    def meeting_units(self) -> list[Unit]:
        """The directly affiliated organizations, in report order: the units a ballot rates."""
        return [unit for unit in self.units() if unit.parent_id is None]

    def branches(self, parent_id: str | None = None) -> list[Unit]:
        """The branches (of one parent, or all), in order."""
        return [
            unit
            for unit in self.units()
            if unit.parent_id is not None and (parent_id is None or unit.parent_id == parent_id)
        ]

    def import_units(self, units: Sequence[Unit]) -> int:
        """Replace the roster by `units`, all or nothing; InputError naming the first bad unit."""
        check_units(units)
        if self.units():
            self.store.backup(kind="auto")  # the roster being replaced can be restored
        with self._op(), self.store.edit(self._path(MAIN)) as db:
            target = db.table("units", cache_size=0)
            target.truncate()
            target.insert_multiple(_unit_doc(unit) for unit in units)
        self.audit("admin", "units.import", str(len(units)))
        return len(units)

    def brands(self) -> list[Brand]:
        """The registered service brands, by id."""
        docs = table(self._main_cached(), "brands").values()
        return sorted(
            (Brand(str(d["id"]), str(d["name"]), str(d.get("unit_id", ""))) for d in docs), key=lambda b: b.id
        )

    def import_brands(self, brands: Sequence[Brand]) -> int:
        """Replace the brands by `brands`, all or nothing."""
        known = {unit.id for unit in self.units()}
        seen: set[str] = set()
        for brand in brands:
            if not brand.id.strip() or not brand.name.strip():
                raise InputError("store.brand_blank", brand=brand.id)
            if brand.id in seen:
                raise InputError("store.brand_duplicate", brand=brand.id)
            if brand.unit_id and brand.unit_id not in known:
                raise InputError("store.unknown_unit", unit=brand.unit_id)
            seen.add(brand.id)
        with self._op(), self.store.edit(self._path(MAIN)) as db:
            target = db.table("brands", cache_size=0)
            target.truncate()
            target.insert_multiple({"id": b.id, "name": b.name, "unit_id": b.unit_id} for b in brands)
        self.audit("admin", "brands.import", str(len(brands)))
        return len(brands)

    def _draft_path(self, digest: str) -> Path:
        return self.dir / "drafts" / f"{digest[:40]}.json"

    # The commit record makes a seal atomic across files: it is written first, then applied file by
    # file (each step idempotent), then removed; a crash anywhere is finished by `_recover` on the next
    # operation of any process. It is the only place a code hash meets a ballot id, and only briefly.
    def _commit(self, record: dict[str, Any]) -> None:
        ensure_healthy(self)  # never seal beside a damaged file (store-trust)
        pending = self._path(PENDING)
        with self.store.edit(pending) as db:
            db.table("commit").insert(Document(record, doc_id=1))
        self._apply(record)
        remove_durably(pending)

    def _recover(self) -> None:
        pending = self._path(PENDING)
        if not pending.exists():
            return
        record = single(self.store.read(pending), "commit")
        if record:
            self._apply(record)
        remove_durably(pending)

    def _apply(self, record: Mapping[str, Any]) -> None:
        """Apply a commit record; every step is idempotent, so a replay after a crash is harmless."""
        docs: list[dict[str, Any]] = list(record.get("ballots", []))
        source = str(record.get("source", "code"))
        by_shard: dict[str, list[dict[str, Any]]] = {}
        for doc in docs:
            by_shard.setdefault(str(doc["shard"]), []).append(doc)
        for shard, shard_docs in sorted(by_shard.items()):
            with self.store.edit(self.dir / BALLOTS_DIR / f"{shard}.json") as db:
                target = db.table("ballots", cache_size=0)
                for doc in shard_docs:
                    doc_id = int(doc["ballot_id"], 16)
                    if not target.contains(doc_id=doc_id):
                        target.insert(Document(doc, doc_id=doc_id))
        by_ledger: dict[Path, list[tuple[int, dict[str, Any]]]] = {}
        for index, doc in enumerate(docs):
            by_ledger.setdefault(self._ledger_path(str(doc["ballot_id"])), []).append((index, doc))
        for path, entries in sorted(by_ledger.items()):
            with self.store.edit(path) as db:
                ledger = db.table("ledger", cache_size=0)
                for index, doc in entries:
                    doc_id = int(doc["ballot_id"], 16)
                    if ledger.contains(doc_id=doc_id):
                        continue
                    # `primary` marks one ballot per seal (per evaluator), whatever the number of forms
                    # sealed together: verify counts seals against used codes and paper slips with it.
                    entry = {
                        "id": doc["ballot_id"],
                        "hash": doc["content_hash"],
                        "source": source,
                        "form": doc["form_id"],
                        "group": doc["rater_group"],
                        "primary": index == 0,
                    }
                    ledger.insert(Document(entry, doc_id=doc_id))
        code_hash = record.get("code_hash")
        if code_hash:
            with self.store.edit(self._code_path(str(code_hash))) as db:
                db.table("codes", cache_size=0).update({"used": True}, doc_ids=[doc_id_of(str(code_hash))])
            remove_durably(self._draft_path(str(code_hash)))
        blur_file_times(self.store, self.dir, record)  # file times never point at what a seal wrote

    def _code_path(self, digest: str) -> Path:
        """The shard of the code book holding a code hash (16 shards by its first hex digit)."""
        return self.dir / CODEBOOK_DIR / f"{digest[0]}.json"

    def _ledger_path(self, ballot_id: str) -> Path:
        """The shard of the ledger of sealed ballots holding a ballot id (16 shards)."""
        return self.dir / LEDGER_DIR / f"{ballot_id[0].lower()}.json"

    def _docs(self, folder: str, table_name: str) -> dict[str, dict[str, Any]]:
        """Every document of a sharded table (doc id -> document), read through the parse cache."""
        merged: dict[str, dict[str, Any]] = {}
        directory = self.dir / folder
        if directory.is_dir():
            for path in sorted(directory.glob("*.json")):
                merged.update(table(self.store.read_cached(path), table_name))
        return merged

    def _ledger(self) -> dict[str, dict[str, Any]]:
        """The ledger of sealed ballots: doc id -> {id, hash, source, form, group, primary}."""
        return self._docs(LEDGER_DIR, "ledger")

    def _codes(self) -> dict[str, dict[str, Any]]:
        """The code book: doc id -> {hash, group, used}."""
        return self._docs(CODEBOOK_DIR, "codes")

    def voting_state(self) -> VotingState:
        """Whether voting has not opened yet, is open, or is closed."""
        state = str(single(self.store.read_cached(self._path(MAIN)), "meeting").get("state", "not_open"))
        return cast(VotingState, state if state in ("not_open", "open", "closed") else "not_open")

    def _require_open(self) -> None:
        state = self.voting_state()
        if state != "open":
            raise InputError("store.voting_not_open" if state == "not_open" else "store.voting_closed")

    def audit(self, actor: str, action: str, detail: str) -> None:
        """Log an admin action (who, what, when); never pass ballot contents."""
        from .core import now_seconds

        with self.store.locked(), self.store.edit(self._path(AUDIT)) as db:
            db.table("entries", cache_size=0).insert(
                {"time": now_seconds(), "actor": actor, "action": action, "detail": detail}
            )

    def audit_log(self) -> list[AuditEntry]:
        """Every logged admin action, oldest first."""
        with self._op():
            entries = table(self.store.read(self._path(AUDIT)), "entries")
        return [
            AuditEntry(int(key), str(d["time"]), str(d["actor"]), str(d["action"]), str(d["detail"]))
            for key, d in sorted(entries.items(), key=lambda kv: int(kv[0]))
        ]
