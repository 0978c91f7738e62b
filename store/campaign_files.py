"""`CampaignFiles`: what every part of a campaign shares -- its store, id, directory, lock and commit record.

Files of a campaign directory (each a TinyDB file written atomically under the directory lock):
`campaign.json` (info, pinned forms and rules, units, brands, unit and group codes, meeting state,
closings, passphrase), `codebook/<x>.json` (ballot codes as salted hashes with used flags, 16 shards),
`ledger/<x>.json` (the ids and hashes of sealed ballots, 16 shards), `drafts/<code hash>.log` (one
append-only log per unsealed ballot, see `draft_log`; drafts kept by older versions as a folder of one
file per unit, or as one JSON file, are still read), `ballots/<xx>.json` (sealed ballots in 256 random
shards), `self/<unit hash>.json` (one per unit), `visits.json`, `audit.json`, and `pending.json` (a
seal's commit record, present only between its writes).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from tinydb.table import Document

from forms.errors import InputError

from . import codes as codebook
from . import draft_log
from .blur import blur_file_times
from .errors import StoreWriteError
from .file_data import damaged_record, single, table
from .health import ensure_healthy, heal_on_open
from .records import AnswerValue, CampaignInfo, VotingState
from .sealing import doc_id_of
from .storage import Data, fsync_dir, remove_durably

if TYPE_CHECKING:
    from .core import Store

MAIN = "campaign.json"
CODEBOOK_DIR = "codebook"
LEDGER_DIR = "ledger"
BALLOTS_DIR = "ballots"
DRAFTS_DIR = "drafts"
DRAFT_POSITION = "position.json"
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


class CampaignFiles:
    """One campaign's directory as its parts see it: where each file is, the lock, and the commit record."""

    def __init__(self, store: Store, campaign_id: str) -> None:
        self.store = store
        self.id = campaign_id
        self.dir = store.campaign_dir(campaign_id)
        self.healed: list[tuple[str, str]] = []  # files put back from the mirror on opening: (file, mirror)
        with self.op():
            if store.mirror is not None:
                heal_on_open(self)  # a damaged or missing file comes back from the mirror (the admin is told)
            data = store.read(self.dir / MAIN)
        if data is None:
            raise InputError("store.unknown_campaign", campaign=campaign_id, known="")
        with damaged_record(self.dir / MAIN, "info"):
            self.info = info_from_doc(single(data, "info"))
            self.salt = str(single(data, "secrets")["salt"])

    def on_healed(self, name: str, mirror: str) -> None:
        """Note a file put back from the mirror; the campaign writes it to the audit log."""
        self.healed.append((name, mirror))

    def path(self, name: str) -> Path:
        """A file of the campaign directory."""
        return self.dir / name

    @contextmanager
    def op(self) -> Iterator[None]:
        """Hold the directory lock and finish any seal a crash interrupted, before anything else."""
        with self.store.locked():
            self._recover()
            yield

    def main(self) -> Data:
        """`campaign.json` read afresh."""
        data = self.store.read(self.path(MAIN))
        if data is None:
            raise InputError("store.unknown_campaign", campaign=self.id, known="")
        return data

    def main_cached(self) -> Data:
        """`campaign.json` through the parse cache (re-read when the file changed)."""
        data = self.store.read_cached(self.path(MAIN))
        if data is None:
            raise InputError("store.unknown_campaign", campaign=self.id, known="")
        return data

    def code_hash(self, code: str) -> str | None:
        """The salted hash of a typed ballot code, or None when it cannot be a code."""
        normal = codebook.normalise_code(code)
        return codebook.hash_code(self.salt, normal) if normal else None

    def draft_path(self, digest: str) -> Path:
        """The single-file draft of a code hash, as drafts were kept before they became folders (read,
        then removed at seal or discard, so an upgrade in the middle of a meeting loses no draft)."""
        return self.dir / DRAFTS_DIR / f"{digest[:40]}.json"

    def draft_dir(self, digest: str) -> Path:
        """The folder of a code hash's draft as kept before drafts became logs: one file per unit answered,
        and `position.json` (read, then folded into the log on the next autosave)."""
        return self.dir / DRAFTS_DIR / digest[:40]

    def draft_log_path(self, digest: str) -> Path:
        """The append-only log of a code hash's draft (see `draft_log`)."""
        return self.dir / DRAFTS_DIR / f"{digest[:40]}.log"

    def has_legacy_draft(self, digest: str) -> bool:
        """Whether a draft is still kept the way older versions kept it (a folder or one JSON file)."""
        return self.draft_dir(digest).is_dir() or self.draft_path(digest).exists()

    def draft_unit_path(self, digest: str, unit_key: str) -> Path:
        """The file of one unit's answers in a draft (named by a hash: unit ids may be any text)."""
        name = hashlib.sha256(unit_key.encode("utf-8")).hexdigest()[:24]
        return self.draft_dir(digest) / f"{name}.json"

    def has_draft(self, digest: str) -> bool:
        """Whether answers or a position were saved for a code hash."""
        return self.draft_log_path(digest).exists() or self.has_legacy_draft(digest)

    def read_draft(self, digest: str) -> tuple[dict[str, dict[str, Any]], str | None] | None:
        """A draft's answers (unit -> item -> value) and position, or None when there is none."""
        folded = self.fold_draft(digest)
        return None if folded is None else (folded.answers, folded.position)

    def fold_draft(self, digest: str) -> draft_log.FoldedDraft | None:
        """A draft as its log (and any older-format files before it) says, or None when there is none."""
        folded = draft_log.FoldedDraft()
        found = self._fold_legacy_draft(digest, folded)
        found = draft_log.read(self.draft_log_path(digest), folded) or found
        return folded if found else None

    def _fold_legacy_draft(self, digest: str, folded: draft_log.FoldedDraft) -> bool:
        legacy = self.store.read(self.draft_path(digest))
        folder = self.draft_dir(digest)
        if legacy is None and not folder.is_dir():
            return False
        doc = single(legacy, "draft")
        folded.answers.update({key: dict(row) for key, row in doc.get("answers", {}).items()})
        folded.position = doc.get("position")
        for path in sorted(folder.glob("*.json")) if folder.is_dir() else []:
            data = self.store.read(path)
            if path.name == DRAFT_POSITION:
                folded.position = single(data, "position").get("position")
                continue
            unit = single(data, "unit")
            with damaged_record(path, "draft"):
                folded.answers[str(unit["unit"])] = dict(unit["answers"])
        return True

    def append_draft(self, digest: str, record: Mapping[str, Any]) -> None:
        """Append one record to a code hash's draft log, first folding an older-format draft into it."""
        log = self.draft_log_path(digest)
        # Once a log exists every older-format draft was folded into it: one stat per autosave.
        if not log.exists() and self.has_legacy_draft(digest):
            folded = self.fold_draft(digest) or draft_log.FoldedDraft()
            draft_log.write_compacted(log, folded, durable=True)
            self._remove_legacy_draft(digest)
        draft_log.append(log, record)

    def compact_draft(self, digest: str, folded: draft_log.FoldedDraft) -> None:
        """Rewrite a long draft log as one record per unit (its answers unchanged)."""
        draft_log.write_compacted(self.draft_log_path(digest), folded)

    def remove_draft(self, digest: str, *, durable: bool = True) -> None:
        """Delete a draft (its log and any older-format files); nothing when there is none. `durable=False`
        leaves the flush of the log's removal to the caller (a seal flushes it with its commit record's)."""
        self._remove_legacy_draft(digest)
        if durable:
            remove_durably(self.draft_log_path(digest))
            return
        try:
            self.draft_log_path(digest).unlink()
        except FileNotFoundError:
            pass
        except OSError as error:
            raise StoreWriteError(self.draft_log_path(digest), error) from error

    def _remove_legacy_draft(self, digest: str) -> None:
        folder = self.draft_dir(digest)
        if folder.is_dir():
            for path in sorted(folder.iterdir()):
                try:
                    path.unlink()
                except FileNotFoundError:
                    continue
                except OSError as error:
                    raise StoreWriteError(path, error) from error
            try:
                folder.rmdir()
                fsync_dir(folder.parent)
            except FileNotFoundError:
                pass
            except OSError as error:
                raise StoreWriteError(folder, error) from error
        remove_durably(self.draft_path(digest))

    def code_path(self, digest: str) -> Path:
        """The shard of the code book holding a code hash (16 shards by its first hex digit)."""
        return self.dir / CODEBOOK_DIR / f"{digest[0]}.json"

    def ledger_path(self, ballot_id: str) -> Path:
        """The shard of the ledger of sealed ballots holding a ballot id (16 shards)."""
        return self.dir / LEDGER_DIR / f"{ballot_id[0].lower()}.json"

    def sharded(self, folder: str, table_name: str) -> dict[str, dict[str, Any]]:
        """Every document of a sharded table (doc id -> document), read through the parse cache."""
        merged: dict[str, dict[str, Any]] = {}
        directory = self.dir / folder
        if directory.is_dir():
            for path in sorted(directory.glob("*.json")):
                merged.update(table(self.store.read_cached(path), table_name))
        return merged

    def ledger(self) -> dict[str, dict[str, Any]]:
        """The ledger of sealed ballots: doc id -> {id, hash, source, form, group, primary}."""
        return self.sharded(LEDGER_DIR, "ledger")

    def codebook(self) -> dict[str, dict[str, Any]]:
        """The code book: doc id -> {hash, group, used}."""
        return self.sharded(CODEBOOK_DIR, "codes")

    def voting_state(self) -> VotingState:
        """Whether voting has not opened yet, is open, or is closed."""
        state = str(single(self.store.read_cached(self.path(MAIN)), "meeting").get("state", "not_open"))
        return cast(VotingState, state if state in ("not_open", "open", "closed") else "not_open")

    def require_open(self) -> None:
        """InputError unless voting is open."""
        state = self.voting_state()
        if state != "open":
            raise InputError("store.voting_not_open" if state == "not_open" else "store.voting_closed")

    # The commit record makes a seal atomic across files: it is written first, then applied file by
    # file (each step idempotent), then removed; a crash anywhere is finished by `_recover` on the next
    # operation of any process. It is the only place a code hash meets a ballot id, and only briefly.
    def commit(self, record: dict[str, Any]) -> None:
        """Write sealed ballots (and mark their code used) as one step that survives a crash anywhere."""
        ensure_healthy(self)  # never seal beside a damaged file
        pending = self.path(PENDING)
        with self.store.edit(pending) as db:
            db.table("commit").insert(Document(record, doc_id=1))
        self._apply(record)
        self._finish(pending)

    def _recover(self) -> None:
        pending = self.path(PENDING)
        if not pending.exists():
            return
        record = single(self.store.read(pending), "commit")
        if record:
            self._apply(record)
        self._finish(pending)

    def _finish(self, pending: Path) -> None:
        """Drop the commit record once its ballots are durable. The draft's removal (in `_apply`) and the
        record's are flushed together: if a power cut brought either back, the record is replayed, which
        changes nothing already written and removes the draft again."""
        try:
            pending.unlink()
        except FileNotFoundError:
            pass
        except OSError as error:
            raise StoreWriteError(pending, error) from error
        for directory in (self.dir / DRAFTS_DIR, self.dir):
            try:
                fsync_dir(directory)
            except FileNotFoundError:
                continue  # no drafts folder: nothing was removed there
            except OSError as error:
                raise StoreWriteError(directory, error) from error

    def _apply(self, record: Mapping[str, Any]) -> None:
        """Apply a commit record; every step is idempotent, so a replay after a crash is harmless.

        The ballot shards, ledger shards and code-book shard it changes are written together (each file
        atomic and durable, the disk flushes shared), before the code's draft is removed."""
        docs: list[dict[str, Any]] = list(record.get("ballots", []))
        source = str(record.get("source", "code"))
        by_shard: dict[str, list[dict[str, Any]]] = {}
        for doc in docs:
            by_shard.setdefault(str(doc["shard"]), []).append(doc)
        code_hash = record.get("code_hash")
        with self.store.write_group() as group:
            for shard, shard_docs in sorted(by_shard.items()):
                with self.store.edit(self.dir / BALLOTS_DIR / f"{shard}.json", group=group) as db:
                    target = db.table("ballots", cache_size=0)
                    for doc in shard_docs:
                        doc_id = int(doc["ballot_id"], 16)
                        if not target.contains(doc_id=doc_id):
                            target.insert(Document(doc, doc_id=doc_id))
            by_ledger: dict[Path, list[tuple[int, dict[str, Any]]]] = {}
            for index, doc in enumerate(docs):
                by_ledger.setdefault(self.ledger_path(str(doc["ballot_id"])), []).append((index, doc))
            for path, entries in sorted(by_ledger.items()):
                with self.store.edit(path, group=group) as db:
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
            if code_hash:
                with self.store.edit(self.code_path(str(code_hash)), group=group) as db:
                    db.table("codes", cache_size=0).update(
                        {"used": True}, doc_ids=[doc_id_of(str(code_hash))]
                    )
        if code_hash:
            self.remove_draft(str(code_hash), durable=False)
        blur_file_times(self.store, self.dir, record)  # file times never point at what a seal wrote
