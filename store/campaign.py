"""`CampaignStore`: one campaign's units, codes, drafts, sealed ballots, meeting, self-assessments, visits.

Files of a campaign directory (each a TinyDB file written atomically under the directory lock):
`campaign.json` (info, pinned forms and rules, units, brands, unit and group codes, meeting state,
closings, passphrase), `codes.json` (ballot codes as salted hashes with used flags, and the ledger of
sealed ballot ids and hashes), `drafts/<code hash>.json` (one per unsealed ballot), `ballots/<xx>.json`
(sealed ballots in 64 random shards), `self/<unit hash>.json` (one per unit), `visits.json`,
`audit.json`, and `pending.json` (a seal's commit record, present only between its writes).
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from tinydb.table import Document

from forms.errors import InputError, ProblemFound
from forms.model import Form
from forms.rules import Rules

from . import codes as codebook
from .core import single, table, today
from .formsource import builtin_form_text, default_rules_text, parse_form, parse_rules
from .records import (
    CAMPAIGN_WIDE,
    Adjustment,
    AnswerValue,
    AuditEntry,
    BallotAnswers,
    Brand,
    CampaignInfo,
    Closing,
    CodeStatus,
    Draft,
    Finding,
    ImportOutcome,
    Participation,
    SealedBallot,
    SelfAssessment,
    SelfEvent,
    SelfState,
    Unit,
    Visit,
    VotingState,
)
from .sealing import (
    ballot_from_doc,
    ballot_hash,
    ballot_to_doc,
    closing_digest,
    doc_id_of,
    new_ballot_id,
)
from .storage import Data, remove_durably

if TYPE_CHECKING:
    from .core import Store

MAIN = "campaign.json"
CODES = "codes.json"
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
    )


def _check_value(value: object) -> AnswerValue:
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


def create_campaign(
    store: Store,
    name: str,
    year: int,
    form_ids: Sequence[str],
    rules_text: str | None,
    *,
    demo: bool = False,
) -> CampaignStore:
    """Create a campaign pinning the named built-in forms and the rules; see `Store.create_campaign`."""
    name = name.strip()
    if not name:
        raise InputError("store.campaign_name_empty")
    if not 2000 <= int(year) <= 2100:
        raise InputError("store.campaign_year", year=year)
    if not form_ids:
        raise InputError("store.campaign_no_forms")
    pinned: list[dict[str, Any]] = []
    for form_id in dict.fromkeys(form_ids):
        text = builtin_form_text(form_id)
        form = parse_form(text, f"{form_id}.toml")
        pinned.append({"id": form.id, "version": form.version, "scope": form.scope, "text": text})
    rules_text = default_rules_text() if rules_text is None else rules_text
    rules = parse_rules(rules_text, "rules.toml")
    campaign_id = f"{int(year)}-{secrets.token_hex(3)}"
    info = {
        "id": campaign_id,
        "name": name,
        "year": int(year),
        "form_ids": [doc["id"] for doc in pinned],
        "rater_groups": [group.id for group in rules.rater_groups],
        "created_day": today(),
        "demo": demo,
    }
    with store.locked():
        directory = store.campaign_dir(campaign_id)
        with store.edit(directory / MAIN) as db:
            db.table("info").insert(Document(info, doc_id=1))
            db.table("forms").insert_multiple(pinned)
            db.table("rules").insert(Document({"text": rules_text}, doc_id=1))
            db.table("secrets").insert(Document({"salt": codebook.new_salt()}, doc_id=1))
            db.table("meeting").insert(Document({"state": "not_open", "session": 0}, doc_id=1))
        with store.edit(store.root_path) as db:
            campaigns = db.table("campaigns", cache_size=0)
            seq = 1 + max((int(doc.get("seq", 0)) for doc in campaigns.all()), default=0)
            campaigns.insert({"id": campaign_id, "name": name, "year": int(year), "seq": seq})
        campaign = CampaignStore(store, campaign_id)
        campaign.audit("admin", "campaign.create", f"{name} ({year})")
    return campaign


class CampaignStore:
    """One campaign of a data directory; see the module docstring of `store.api` for the surface."""

    def __init__(self, store: Store, campaign_id: str) -> None:
        self.store = store
        self.id = campaign_id
        self.dir = store.campaign_dir(campaign_id)
        with self._op():
            data = store.read(self.dir / MAIN)
        if data is None:
            raise InputError("store.unknown_campaign", campaign=campaign_id, known="")
        self.info = info_from_doc(single(data, "info"))
        self._salt = str(single(data, "secrets")["salt"])

    # ------------------------------------------------------------------ plumbing

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

    # ------------------------------------------------------------------ forms and rules

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

    # ------------------------------------------------------------------ units

    def units(self) -> list[Unit]:
        """Every unit: directly affiliated ones and branches, in report order."""
        docs = table(self._main_cached(), "units").values()
        return sorted((_unit_from_doc(doc) for doc in docs), key=lambda u: (u.order, u.id))

    def unit(self, unit_id: str) -> Unit:
        """One unit; InputError when the id is unknown."""
        for unit in self.units():
            if unit.id == unit_id:
                return unit
        raise InputError("store.unknown_unit", unit=unit_id)

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
        with self._op(), self.store.edit(self._path(MAIN)) as db:
            target = db.table("units", cache_size=0)
            target.truncate()
            target.insert_multiple(_unit_doc(unit) for unit in units)
        self.audit("admin", "units.import", str(len(units)))
        return len(units)

    # ------------------------------------------------------------------ brands

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

    # ------------------------------------------------------------------ ballot codes

    def _taken_hashes(self) -> set[str]:
        taken = {str(doc.get("hash")) for doc in table(self.store.read(self._path(CODES)), "codes").values()}
        main = self._main()
        for name in ("unit_codes", "group_codes"):
            taken.update(str(doc.get("hash")) for doc in table(main, name).values())
        return taken

    def _fresh_codes(self, count: int, taken: set[str]) -> list[tuple[str, str]]:
        fresh: list[tuple[str, str]] = []
        while len(fresh) < count:
            code = codebook.new_code()
            digest = codebook.hash_code(self._salt, codebook.normalise_code(code) or "")
            if digest in taken:
                continue
            taken.add(digest)
            fresh.append((code, digest))
        return fresh

    def issue_codes(self, rater_group: str, count: int) -> list[str]:
        """Issue `count` new one-time ballot codes of a rater group; the plaintext exists only in the
        returned list (print it now), the store keeps salted hashes."""
        if rater_group not in self.info.rater_groups:
            raise InputError(
                "store.unknown_rater_group", group=rater_group, known=", ".join(self.info.rater_groups)
            )
        if not 1 <= count <= MAX_CODES_PER_ISSUE:
            raise InputError("store.code_count", count=count, max=MAX_CODES_PER_ISSUE)
        with self._op():
            fresh = self._fresh_codes(count, self._taken_hashes())
            with self.store.edit(self._path(CODES)) as db:
                target = db.table("codes", cache_size=0)
                for _code, digest in fresh:
                    target.insert(
                        Document({"hash": digest, "group": rater_group, "used": False}, doc_id_of(digest))
                    )
            self.audit("admin", "codes.issue", f"{rater_group} x{count}")
        return [code for code, _ in fresh]

    def _code_doc(self, digest: str) -> dict[str, Any] | None:
        doc = table(self.store.read_cached(self._path(CODES)), "codes").get(str(doc_id_of(digest)))
        return doc if isinstance(doc, dict) and doc.get("hash") == digest else None

    def _draft_path(self, digest: str) -> Path:
        return self.dir / "drafts" / f"{digest[:40]}.json"

    def code_status(self, code: str) -> CodeStatus:
        """What a typed ballot code is (unknown, fresh, draft, used) and its rater group."""
        digest = self._hash(code)
        if digest is None:
            return CodeStatus("unknown")
        with self._op():
            doc = self._code_doc(digest)
            if doc is None:
                return CodeStatus("unknown")
            group = str(doc["group"])
            if doc.get("used"):
                return CodeStatus("used", group)
            if self._draft_path(digest).exists():
                return CodeStatus("draft", group)
            return CodeStatus("fresh", group)

    def _usable(self, code: str) -> tuple[str, str]:
        """(hash, rater group) of a code that may still vote; InputError when unknown or used."""
        digest = self._hash(code)
        doc = self._code_doc(digest) if digest else None
        if digest is None or doc is None:
            raise InputError("store.code_unknown")
        if doc.get("used"):
            raise InputError("store.code_used")
        return digest, str(doc["group"])

    # ------------------------------------------------------------------ drafts

    def load_draft(self, code: str) -> Draft | None:
        """The saved draft of a code (None for a fresh code); InputError when unknown or used."""
        with self._op():
            digest, group = self._usable(code)
            data = self.store.read(self._draft_path(digest))
        if data is None:
            return None
        doc = single(data, "draft")
        return Draft(rater_group=group, answers=doc.get("answers", {}), position=doc.get("position"))

    def save_answer(self, code: str, unit_id: str | None, item_id: str, value: AnswerValue) -> None:
        """Autosave one answer of a draft (None clears it). `unit_id` None or "" means `CAMPAIGN_WIDE`."""
        self.save_answers(code, unit_id, {item_id: value})

    def save_answers(self, code: str, unit_id: str | None, answers: Mapping[str, AnswerValue]) -> None:
        """Autosave several answers about one unit at once (e.g. a confirmed row of the ballot)."""
        checked = {item_id: _check_value(value) for item_id, value in answers.items()}
        unit_key = unit_id or CAMPAIGN_WIDE
        digest = self._hash(code)
        if digest is None:
            raise InputError("store.code_unknown")
        with self._op():
            path = self._draft_path(digest)
            if not path.exists():
                digest, _group = self._usable(code)
            with self.store.edit(path) as db:
                draft = db.table("draft", cache_size=0)
                doc = draft.get(doc_id=1)
                current = dict(doc) if doc is not None else {"answers": {}, "position": None}
                unit_answers = current["answers"].setdefault(unit_key, {})
                for item_id, value in checked.items():
                    if value is None:
                        unit_answers.pop(item_id, None)
                    else:
                        unit_answers[item_id] = value
                draft.upsert(Document(current, doc_id=1))

    def save_position(self, code: str, position: str | None) -> None:
        """Remember where the evaluator is in the ballot, so a resumed draft opens there."""
        digest = self._hash(code)
        if digest is None:
            raise InputError("store.code_unknown")
        with self._op():
            path = self._draft_path(digest)
            if not path.exists():
                digest, _group = self._usable(code)
            with self.store.edit(path) as db:
                draft = db.table("draft", cache_size=0)
                doc = draft.get(doc_id=1)
                current = dict(doc) if doc is not None else {"answers": {}, "position": None}
                current["position"] = position
                draft.upsert(Document(current, doc_id=1))

    def discard_draft(self, code: str) -> None:
        """Throw away a code's draft; the code stays fresh."""
        with self._op():
            digest, _group = self._usable(code)
            remove_durably(self._draft_path(digest))

    # ------------------------------------------------------------------ sealing

    def _prepare(
        self, form_id: str, answers: BallotAnswers
    ) -> tuple[Form, dict[str, dict[str, Any]], bool, tuple[str, ...]]:
        """Check a ballot's answers against its form; its validity flags from the scoring rules."""
        from forms.scoring import check_ballot, validate_answer

        if form_id not in self.info.form_ids:
            raise InputError("store.form_not_in_campaign", form=form_id, known=", ".join(self.info.form_ids))
        form = self.form(form_id)
        if form.scope not in ("ballot", "vote"):
            raise InputError("store.form_not_ballot", form=form_id)
        expected = [CAMPAIGN_WIDE] if form.scope == "vote" else [unit.id for unit in self.meeting_units()]
        cleaned: dict[str, dict[str, Any]] = {}
        for unit_id in expected:
            given = answers.get(unit_id, {})
            row = {item: _check_value(value) for item, value in given.items() if value is not None}
            for item_id, value in row.items():
                if form.item(item_id) is None:
                    raise InputError("store.unknown_item", form=form_id, item=item_id)
                problem = validate_answer(form, item_id, value, self._choices_for(form, item_id))
                if problem is not None:
                    raise InputError("store.bad_answer", unit=unit_id, item=item_id, reason=problem.key)
            for item in form.items():
                if item.required and item.show_if is None and item.id not in row:
                    raise InputError("store.ballot_incomplete", unit=unit_id, item=item.id)
            cleaned[unit_id] = row
        extra = sorted(set(answers) - set(expected))
        if extra and form.scope == "ballot" and any(key != CAMPAIGN_WIDE for key in extra):
            raise InputError("store.unknown_unit", unit=next(key for key in extra if key != CAMPAIGN_WIDE))
        if form.scope == "ballot":
            verdict = check_ballot(form, cleaned)
            reasons = tuple(flag.rule for flag in verdict.flags if flag.action == "invalid")
            return form, cleaned, verdict.valid, reasons
        return form, cleaned, True, ()

    def _choices_for(self, form: Form, item_id: str) -> list[str] | None:
        item = form.item(item_id)
        if item is not None and item.choices_from == "brands":
            return [brand.id for brand in self.brands()]
        return None

    def _require_open(self) -> None:
        state = self.voting_state()
        if state != "open":
            raise InputError("store.voting_not_open" if state == "not_open" else "store.voting_closed")

    def seal_ballot(self, code: str, form_id: str, answers: BallotAnswers | None = None) -> str:
        """Seal the ballot of `code` for `form_id` and mark the code used, in one atomic step.

        `answers` default to the code's draft. Returns the new random ballot id once the ballot is
        durable. InputError when the code is unknown or used, voting is not open, or an answer is bad.
        """
        return self.seal_ballots(code, [form_id], answers)[0]

    def seal_ballots(
        self, code: str, form_ids: Sequence[str], answers: BallotAnswers | None = None
    ) -> list[str]:
        """Seal one code's answers to several forms (e.g. the review ballot and the brand vote) and mark
        the code used, all in one atomic step; the ids in the order of `form_ids`."""
        if not form_ids or len(set(form_ids)) != len(form_ids):
            raise InputError("store.seal_forms", forms=", ".join(form_ids))
        with self._op():
            self._require_open()
            digest, group = self._usable(code)
            if answers is None:
                data = self.store.read(self._draft_path(digest))
                answers = cast(BallotAnswers, single(data, "draft").get("answers", {}))
            ballots = []
            for form_id in form_ids:
                form, cleaned, valid, reasons = self._prepare(form_id, answers)
                ballots.append(self._new_ballot(form, group, cleaned, valid, reasons))
            docs = [ballot_to_doc(ballot) for ballot in ballots]
            self._commit({"ballots": docs, "code_hash": digest, "source": "code"})
            return [ballot.ballot_id for ballot in ballots]

    def _new_ballot(
        self,
        form: Form,
        group: str,
        answers: dict[str, dict[str, Any]],
        valid: bool,
        reasons: tuple[str, ...],
    ) -> SealedBallot:
        ballot = SealedBallot(
            ballot_id=new_ballot_id(),
            terminal_id=self.store.terminal_id(),
            form_id=form.id,
            form_version=form.version,
            rater_group=group,
            day=today(),
            answers=answers,
            valid=valid,
            invalid_reasons=reasons,
            content_hash="",
        )
        return replace(ballot, content_hash=ballot_hash(ballot))

    # The commit record makes a seal atomic across files: it is written first, then applied file by
    # file (each step idempotent), then removed; a crash anywhere is finished by `_recover` on the next
    # operation of any process. It is the only place a code hash meets a ballot id, and only briefly.
    def _commit(self, record: dict[str, Any]) -> None:
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
        docs: list[dict[str, Any]] = list(record.get("ballots", []))
        by_shard: dict[str, list[dict[str, Any]]] = {}
        for doc in docs:
            by_shard.setdefault(str(doc["shard"]), []).append(doc)
        for shard, shard_docs in sorted(by_shard.items()):
            with self.store.edit(self.dir / "ballots" / f"{shard}.json") as db:
                target = db.table("ballots", cache_size=0)
                for doc in shard_docs:
                    doc_id = int(doc["ballot_id"], 16)
                    if not target.contains(doc_id=doc_id):
                        target.insert(Document(doc, doc_id=doc_id))
        with self.store.edit(self._path(CODES)) as db:
            ledger = db.table("ledger", cache_size=0)
            source = str(record.get("source", "code"))
            new = [doc for doc in docs if not ledger.contains(doc_id=int(doc["ballot_id"], 16))]
            for doc in new:
                ledger.insert(
                    Document(
                        {
                            "id": doc["ballot_id"],
                            "hash": doc["content_hash"],
                            "source": source,
                            "form": doc["form_id"],
                        },
                        doc_id=int(doc["ballot_id"], 16),
                    )
                )
            code_hash = record.get("code_hash")
            if code_hash:
                codes = db.table("codes", cache_size=0)
                codes.update({"used": True}, doc_ids=[doc_id_of(str(code_hash))])
                if new:
                    # One seal per used code, whatever the number of forms sealed with it: verify's count.
                    counters = db.table("counters", cache_size=0)
                    current = dict(counters.get(doc_id=1) or {})
                    current["code_seals"] = int(current.get("code_seals", 0)) + 1
                    counters.upsert(Document(current, doc_id=1))
            paper_group = record.get("paper_group")
            if paper_group and new:
                paper = db.table("paper", cache_size=0)
                used = dict(paper.get(doc_id=1) or {})
                used[str(paper_group)] = int(used.get(str(paper_group), 0)) + len(new)
                paper.upsert(Document(used, doc_id=1))
        if record.get("code_hash"):
            remove_durably(self._draft_path(str(record["code_hash"])))

    def sealed_ballots(self, form_id: str | None = None) -> Iterator[SealedBallot]:
        """Every sealed ballot (of one form), in an order unrelated to sealing (shard, then random id)."""
        with self._op():
            found: list[SealedBallot] = []
            for path in (
                sorted((self.dir / "ballots").glob("*.json")) if (self.dir / "ballots").is_dir() else []
            ):
                for doc in table(self.store.read_cached(path), "ballots").values():
                    if form_id is None or doc.get("form_id") == form_id:
                        found.append(ballot_from_doc(doc))
        return iter(found)

    def ballot_count(self, form_id: str | None = None) -> int:
        """How many ballots are sealed (of one form)."""
        if form_id is None:
            with self._op():
                return len(table(self.store.read_cached(self._path(CODES)), "ledger"))
        return sum(1 for _ in self.sealed_ballots(form_id))

    def import_sealed_ballots(self, ballots: Iterable[SealedBallot]) -> ImportOutcome:
        """Add ballots sealed on another terminal, keeping their ids and hashes; all or nothing.

        A ballot already here with the same content is skipped; with other content, or whose hash does
        not match its content, the whole import is refused (ProblemFound naming the ballot).
        """
        incoming = list(ballots)
        with self._op():
            ledger = table(self.store.read(self._path(CODES)), "ledger")
            fresh: list[dict[str, Any]] = []
            skipped = 0
            seen: dict[str, str] = {}
            for ballot in incoming:
                if ballot_hash(ballot) != ballot.content_hash:
                    raise ProblemFound("store.import_hash", ballot=ballot.ballot_id)
                if ballot.form_id not in self.info.form_ids:
                    raise InputError(
                        "store.form_not_in_campaign", form=ballot.form_id, known=", ".join(self.info.form_ids)
                    )
                try:
                    key = str(int(ballot.ballot_id, 16))
                except ValueError:
                    raise ProblemFound("store.import_hash", ballot=ballot.ballot_id) from None
                known = ledger.get(key, {}).get("hash") or seen.get(key)
                if known is not None:
                    if known != ballot.content_hash:
                        raise ProblemFound("store.import_conflict", ballot=ballot.ballot_id)
                    skipped += 1
                    continue
                seen[key] = ballot.content_hash
                fresh.append(ballot_to_doc(ballot))
            if fresh:
                self._commit({"ballots": fresh, "source": "import"})
                self.audit("admin", "ballots.import", f"{len(fresh)} added, {skipped} skipped")
        return ImportOutcome(added=len(fresh), skipped=skipped)

    # ------------------------------------------------------------------ paper ballots

    def issue_paper_slips(self, rater_group: str, count: int) -> None:
        """Record that `count` more paper slips of a rater group were handed out."""
        if rater_group not in self.info.rater_groups:
            raise InputError(
                "store.unknown_rater_group", group=rater_group, known=", ".join(self.info.rater_groups)
            )
        if not 1 <= count <= MAX_CODES_PER_ISSUE:
            raise InputError("store.code_count", count=count, max=MAX_CODES_PER_ISSUE)
        with self._op(), self.store.edit(self._path(MAIN)) as db:
            paper = db.table("paper", cache_size=0)
            current = paper.get(doc_id=1)
            issued = dict(current) if current is not None else {}
            issued[rater_group] = int(issued.get(rater_group, 0)) + count
            paper.upsert(Document(issued, doc_id=1))
        self.audit("admin", "paper.issue", f"{rater_group} x{count}")

    def _paper(self) -> tuple[dict[str, int], dict[str, int]]:
        issued = {k: int(v) for k, v in single(self._main(), "paper").items()}
        used = {k: int(v) for k, v in single(self.store.read(self._path(CODES)), "paper").items()}
        return issued, used

    def paper_slips_left(self, rater_group: str) -> int:
        """How many paper ballots of a rater group may still be entered."""
        with self._op():
            issued, used = self._paper()
        return max(0, issued.get(rater_group, 0) - used.get(rater_group, 0))

    def seal_paper_ballot(self, rater_group: str, form_id: str, answers: BallotAnswers) -> str:
        """Seal a paper ballot typed in by an operator (no code; counts against the group's paper slips)."""
        with self._op():
            self._require_open()
            issued, used = self._paper()
            if issued.get(rater_group, 0) - used.get(rater_group, 0) <= 0:
                raise InputError("store.no_paper_left", group=rater_group)
            form, cleaned, valid, reasons = self._prepare(form_id, answers)
            ballot = self._new_ballot(form, rater_group, cleaned, valid, reasons)
            self._commit({"ballots": [ballot_to_doc(ballot)], "paper_group": rater_group, "source": "paper"})
            return ballot.ballot_id

    # ------------------------------------------------------------------ meeting

    def voting_state(self) -> VotingState:
        """Whether voting has not opened yet, is open, or is closed."""
        state = str(single(self.store.read_cached(self._path(MAIN)), "meeting").get("state", "not_open"))
        return cast(VotingState, state if state in ("not_open", "open", "closed") else "not_open")

    def open_voting(self, actor: str) -> None:
        """Open voting (again, after a close: a new session)."""
        with self._op():
            if self.voting_state() == "open":
                return
            with self.store.edit(self._path(MAIN)) as db:
                meeting = db.table("meeting", cache_size=0)
                current = dict(meeting.get(doc_id=1) or {"session": 0})
                current.update(state="open", session=int(current.get("session", 0)) + 1)
                meeting.upsert(Document(current, doc_id=1))
            self.audit(actor, "voting.open", "")
        self.store.backup()

    def close_voting(self, actor: str) -> Closing:
        """Close voting: record the count and the digest over the sorted ballot hashes, for the minutes."""
        with self._op():
            if self.voting_state() != "open":
                raise InputError("store.voting_not_open")
            # The minutes cover the ballots sealed on this terminal; imported ones have their own.
            imported = {
                str(doc.get("id"))
                for doc in table(self.store.read(self._path(CODES)), "ledger").values()
                if doc.get("source") == "import"
            }
            hashes = [b.content_hash for b in self.sealed_ballots() if b.ballot_id not in imported]
            session = int(single(self._main(), "meeting").get("session", 1))
            closing = Closing(session, len(hashes), closing_digest(hashes), today(), actor)
            with self.store.edit(self._path(MAIN)) as db:
                db.table("closings", cache_size=0).insert(
                    {
                        "session": closing.session,
                        "count": closing.count,
                        "digest": closing.digest,
                        "day": closing.day,
                        "actor": closing.actor,
                    }
                )
                meeting = db.table("meeting", cache_size=0)
                current = dict(meeting.get(doc_id=1) or {})
                current["state"] = "closed"
                meeting.upsert(Document(current, doc_id=1))
            self.audit(actor, "voting.close", f"{closing.count} {closing.digest}")
        self.store.backup()
        return closing

    def closings(self) -> list[Closing]:
        """Every close of voting, oldest first."""
        docs = table(self._main_cached(), "closings").values()
        return sorted(
            (
                Closing(int(d["session"]), int(d["count"]), str(d["digest"]), str(d["day"]), str(d["actor"]))
                for d in docs
            ),
            key=lambda c: c.session,
        )

    def participation(self) -> list[Participation]:
        """Per rater group: codes used and issued (never which code)."""
        with self._op():
            docs = table(self.store.read_cached(self._path(CODES)), "codes").values()
        issued: dict[str, int] = {}
        used: dict[str, int] = {}
        for doc in docs:
            group = str(doc["group"])
            issued[group] = issued.get(group, 0) + 1
            used[group] = used.get(group, 0) + (1 if doc.get("used") else 0)
        return [Participation(g, used.get(g, 0), issued.get(g, 0)) for g in self.info.rater_groups]

    def set_passphrase(self, passphrase: str, actor: str = "admin") -> None:
        """Set the admin passphrase (kept as a salted scrypt hash); at least 6 characters."""
        if len(passphrase) < 6:
            raise InputError("store.passphrase_short", min=6)
        stored = codebook.hash_passphrase(passphrase)
        with self._op(), self.store.edit(self._path(MAIN)) as db:
            db.table("admin", cache_size=0).upsert(Document({"passphrase": stored}, doc_id=1))
        self.audit(actor, "passphrase.set", "")

    def has_passphrase(self) -> bool:
        """Whether an admin passphrase was set."""
        return bool(single(self._main_cached(), "admin").get("passphrase"))

    def check_passphrase(self, passphrase: str) -> bool:
        """Whether `passphrase` is the admin passphrase (False when none is set)."""
        stored = single(self._main_cached(), "admin").get("passphrase")
        return bool(stored) and codebook.passphrase_matches(passphrase, str(stored))

    # ------------------------------------------------------------------ unit and group codes

    def issue_unit_codes(self, unit_ids: Sequence[str] | None = None) -> dict[str, str]:
        """New sign-in codes for units (all by default), replacing their earlier ones: unit id -> code."""
        units = {unit.id for unit in self.units()}
        wanted = list(unit_ids) if unit_ids is not None else sorted(units)
        for unit_id in wanted:
            if unit_id not in units:
                raise InputError("store.unknown_unit", unit=unit_id)
        return self._issue_keyed("unit_codes", "unit_id", wanted)

    def issue_group_codes(self, groups: Sequence[str] | None = None) -> dict[str, str]:
        """New sign-in codes for liaison groups (all by default): group -> code."""
        known = sorted({unit.group for unit in self.meeting_units() if unit.group})
        wanted = list(groups) if groups is not None else known
        for group in wanted:
            if group not in known:
                raise InputError("store.unknown_group", group=group, known=", ".join(known))
        return self._issue_keyed("group_codes", "group", wanted)

    def _issue_keyed(self, table_name: str, field: str, keys: Sequence[str]) -> dict[str, str]:
        with self._op():
            fresh = self._fresh_codes(len(keys), self._taken_hashes())
            issued = {key: code for key, (code, _digest) in zip(keys, fresh, strict=True)}
            with self.store.edit(self._path(MAIN)) as db:
                target = db.table(table_name, cache_size=0)
                target.remove(lambda doc: doc.get(field) in issued)
                target.insert_multiple(
                    {"hash": digest, field: key} for key, (_c, digest) in zip(keys, fresh, strict=True)
                )
            self.audit("admin", f"{table_name}.issue", str(len(keys)))
        return issued

    def _lookup_keyed(self, table_name: str, field: str, code: str) -> str | None:
        digest = self._hash(code)
        if digest is None:
            return None
        for doc in table(self._main_cached(), table_name).values():
            if doc.get("hash") == digest:
                return str(doc[field])
        return None

    def unit_for_code(self, code: str) -> Unit | None:
        """The unit a unit code signs in as, or None."""
        unit_id = self._lookup_keyed("unit_codes", "unit_id", code)
        return self.unit(unit_id) if unit_id is not None else None

    def group_for_code(self, code: str) -> str | None:
        """The liaison group a group code signs in as, or None."""
        return self._lookup_keyed("group_codes", "group", code)

    # ------------------------------------------------------------------ self-assessments

    def _self_path(self, unit_id: str) -> Path:
        return self.dir / "self" / f"{hashlib.sha256(unit_id.encode('utf-8')).hexdigest()[:24]}.json"

    def _self_form(self, unit_id: str, form_id: str) -> Form:
        self.unit(unit_id)
        if form_id not in self.info.form_ids:
            raise InputError("store.form_not_in_campaign", form=form_id, known=", ".join(self.info.form_ids))
        form = self.form(form_id)
        if form.scope != "unit":
            raise InputError("store.form_not_unit", form=form_id)
        return form

    def _self_doc(self, data: Data | None, unit_id: str, form: Form) -> dict[str, Any]:
        doc = single(data, form.id)
        if doc:
            return dict(doc)
        return {
            "unit_id": unit_id,
            "form_id": form.id,
            "form_version": form.version,
            "state": "draft",
            "answers": {},
            "notes": {},
            "position": None,
            "adjustments": [],
            "return_note": "",
            "history": [],
        }

    @staticmethod
    def _self_from_doc(doc: Mapping[str, Any]) -> SelfAssessment:
        return SelfAssessment(
            unit_id=str(doc["unit_id"]),
            form_id=str(doc["form_id"]),
            form_version=str(doc["form_version"]),
            state=cast(SelfState, doc["state"]),
            answers=dict(doc.get("answers", {})),
            notes=dict(doc.get("notes", {})),
            position=doc.get("position"),
            adjustments=tuple(
                Adjustment(a["item_id"], a["original"], a["value"], a["reason"], a["group"], a["day"])
                for a in doc.get("adjustments", [])
            ),
            return_note=str(doc.get("return_note", "")),
            history=tuple(
                SelfEvent(e["action"], e["actor"], e["note"], e["day"]) for e in doc.get("history", [])
            ),
        )

    @contextmanager
    def _self_edit(self, unit_id: str, form_id: str) -> Iterator[tuple[Form, dict[str, Any]]]:
        form = self._self_form(unit_id, form_id)
        with self._op(), self.store.edit(self._self_path(unit_id)) as db:
            target = db.table(form.id, cache_size=0)
            found = target.get(doc_id=1)
            doc = dict(found) if found is not None else self._self_doc(None, unit_id, form)
            yield form, doc
            target.upsert(Document(doc, doc_id=1))

    def self_assessment(self, unit_id: str, form_id: str) -> SelfAssessment:
        """A unit's self-assessment of a form (an empty draft when not started)."""
        form = self._self_form(unit_id, form_id)
        with self._op():
            data = self.store.read(self._self_path(unit_id))
        return self._self_from_doc(self._self_doc(data, unit_id, form))

    def save_self_answer(
        self, unit_id: str, form_id: str, item_id: str, value: AnswerValue, note: str | None = None
    ) -> None:
        """Autosave one answer (and its evidence note) of a unit's draft or returned self-assessment."""
        checked = _check_value(value)
        with self._self_edit(unit_id, form_id) as (form, doc):
            if doc["state"] not in ("draft", "returned"):
                raise InputError("store.self_locked", unit=unit_id, state=f"store.state.{doc['state']}")
            if form.item(item_id) is None:
                raise InputError("store.unknown_item", form=form_id, item=item_id)
            answers = dict(doc["answers"])
            if checked is None:
                answers.pop(item_id, None)
            else:
                answers[item_id] = checked
            doc["answers"] = answers
            if note is not None:
                notes = dict(doc["notes"])
                if note.strip():
                    notes[item_id] = note
                else:
                    notes.pop(item_id, None)
                doc["notes"] = notes

    def save_self_position(self, unit_id: str, form_id: str, position: str | None) -> None:
        """Remember where the unit is in its form."""
        with self._self_edit(unit_id, form_id) as (_form, doc):
            doc["position"] = position

    def _event(self, doc: dict[str, Any], action: str, actor: str, note: str) -> None:
        doc["history"] = [
            *doc.get("history", []),
            {"action": action, "actor": actor, "note": note, "day": today()},
        ]

    def submit_self(self, unit_id: str, form_id: str, actor: str = "") -> None:
        """Submit a complete self-assessment, read-only afterwards; InputError naming what is missing."""
        from forms.scoring import score_response

        with self._self_edit(unit_id, form_id) as (form, doc):
            if doc["state"] not in ("draft", "returned"):
                raise InputError("store.self_locked", unit=unit_id, state=f"store.state.{doc['state']}")
            score = score_response(form, doc["answers"], doc["notes"])
            if score.missing:
                raise InputError("store.self_missing", count=len(score.missing), item=score.missing[0])
            if score.notes_missing:
                raise InputError(
                    "store.self_note_missing", count=len(score.notes_missing), item=score.notes_missing[0]
                )
            if score.problems:
                raise InputError(
                    "store.bad_answer",
                    unit=unit_id,
                    item=score.problems[0].item,
                    reason=score.problems[0].key,
                )
            doc["state"] = "submitted"
            doc["return_note"] = ""
            self._event(doc, "submitted", actor or unit_id, "")

    def reopen_self(self, unit_id: str, form_id: str, reason: str, actor: str) -> None:
        """Admin: make a submitted or reviewed self-assessment editable again (logged with the reason)."""
        if not reason.strip():
            raise InputError("store.reason_required")
        with self._self_edit(unit_id, form_id) as (_form, doc):
            if doc["state"] not in ("submitted", "reviewed"):
                raise InputError(
                    "store.self_not_submitted", unit=unit_id, state=f"store.state.{doc['state']}"
                )
            doc["state"] = "draft"
            self._event(doc, "reopened", actor, reason)
        self.audit(actor, "self.reopen", f"{unit_id} {form_id}: {reason}")

    def adjust_item(
        self, unit_id: str, form_id: str, item_id: str, value: AnswerValue, reason: str, group: str
    ) -> None:
        """A liaison group's verified value for one item, with its reason; the unit's answer is kept."""
        from forms.scoring import validate_answer

        checked = _check_value(value)
        if not reason.strip():
            raise InputError("store.reason_required")
        with self._self_edit(unit_id, form_id) as (form, doc):
            if doc["state"] not in ("submitted", "reviewed"):
                raise InputError(
                    "store.self_not_submitted", unit=unit_id, state=f"store.state.{doc['state']}"
                )
            if form.item(item_id) is None:
                raise InputError("store.unknown_item", form=form_id, item=item_id)
            problem = validate_answer(form, item_id, checked)
            if problem is not None:
                raise InputError("store.bad_answer", unit=unit_id, item=item_id, reason=problem.key)
            adjustment = {
                "item_id": item_id,
                "original": doc["answers"].get(item_id),
                "value": checked,
                "reason": reason,
                "group": group,
                "day": today(),
            }
            doc["adjustments"] = [*doc.get("adjustments", []), adjustment]

    def mark_reviewed(self, unit_id: str, form_id: str, group: str) -> None:
        """The liaison group has reviewed a submitted self-assessment."""
        with self._self_edit(unit_id, form_id) as (_form, doc):
            if doc["state"] != "submitted":
                raise InputError(
                    "store.self_not_submitted", unit=unit_id, state=f"store.state.{doc['state']}"
                )
            doc["state"] = "reviewed"
            self._event(doc, "reviewed", group, "")

    def send_back(self, unit_id: str, form_id: str, note: str, group: str) -> None:
        """Return a submitted self-assessment to its unit with a note saying what to fix."""
        if not note.strip():
            raise InputError("store.reason_required")
        with self._self_edit(unit_id, form_id) as (_form, doc):
            if doc["state"] != "submitted":
                raise InputError(
                    "store.self_not_submitted", unit=unit_id, state=f"store.state.{doc['state']}"
                )
            doc["state"] = "returned"
            doc["return_note"] = note
            self._event(doc, "returned", group, note)

    def self_assessments(self, group: str | None = None, form_id: str | None = None) -> list[SelfAssessment]:
        """Every started self-assessment (of a liaison group's units, of one form), in unit order."""
        units = self.units()
        groups = {unit.id: unit.group for unit in units}
        found: list[SelfAssessment] = []
        with self._op():
            for unit in units:
                unit_group = unit.group or groups.get(unit.parent_id or "", "")
                if group is not None and unit_group != group:
                    continue
                data = self.store.read(self._self_path(unit.id))
                if data is None:
                    continue
                for name in sorted(data):
                    doc = single(data, name)
                    if doc and (form_id is None or name == form_id):
                        found.append(self._self_from_doc(doc))
        return found

    # ------------------------------------------------------------------ visits

    @staticmethod
    def _visit_from_doc(doc: Mapping[str, Any]) -> Visit:
        return Visit(
            id=str(doc["id"]),
            unit_id=str(doc["unit_id"]),
            group=str(doc["group"]),
            day=str(doc["day"]),
            form_id=str(doc["form_id"]),
            form_version=str(doc["form_version"]),
            answers=dict(doc.get("answers", {})),
            note=str(doc.get("note", "")),
        )

    def _visit_doc(self, visit: Visit) -> dict[str, Any]:
        from forms.scoring import validate_answer

        self.unit(visit.unit_id)
        form = self.form(visit.form_id)
        if form.scope != "visit":
            raise InputError("store.form_not_visit", form=visit.form_id)
        _check_day(visit.day)
        answers = {item: _check_value(value) for item, value in visit.answers.items()}
        for item_id, value in answers.items():
            if form.item(item_id) is None:
                raise InputError("store.unknown_item", form=visit.form_id, item=item_id)
            problem = validate_answer(form, item_id, value)
            if problem is not None:
                raise InputError("store.bad_answer", unit=visit.unit_id, item=item_id, reason=problem.key)
        return {
            "id": visit.id,
            "unit_id": visit.unit_id,
            "group": visit.group,
            "day": visit.day,
            "form_id": form.id,
            "form_version": form.version,
            "answers": answers,
            "note": visit.note,
        }

    def add_visit(
        self,
        unit_id: str,
        group: str,
        day: str,
        form_id: str,
        answers: Mapping[str, AnswerValue] | None = None,
        note: str = "",
    ) -> Visit:
        """Record a supervision visit; returns it with its new id."""
        draft = Visit(secrets.token_hex(6), unit_id, group, day, form_id, "", dict(answers or {}), note)
        doc = self._visit_doc(draft)
        with self._op(), self.store.edit(self._path(VISITS)) as db:
            db.table("visits", cache_size=0).insert(Document(doc, doc_id=int(doc["id"], 16)))
        return self._visit_from_doc(doc)

    def update_visit(
        self,
        visit_id: str,
        *,
        day: str | None = None,
        answers: Mapping[str, AnswerValue] | None = None,
        note: str | None = None,
    ) -> Visit:
        """Change a visit's day, answers or note."""
        with self._op():
            current = self._visit(visit_id)
            changed = replace(
                current,
                day=day if day is not None else current.day,
                answers=dict(answers) if answers is not None else current.answers,
                note=note if note is not None else current.note,
            )
            doc = self._visit_doc(changed)
            with self.store.edit(self._path(VISITS)) as db:
                db.table("visits", cache_size=0).upsert(Document(doc, doc_id=int(visit_id, 16)))
        return self._visit_from_doc(doc)

    def _visit(self, visit_id: str) -> Visit:
        try:
            key = str(int(visit_id, 16))
        except ValueError:
            raise InputError("store.unknown_visit", visit=visit_id) from None
        doc = table(self.store.read(self._path(VISITS)), "visits").get(key)
        if not doc:
            raise InputError("store.unknown_visit", visit=visit_id)
        return self._visit_from_doc(doc)

    def delete_visit(self, visit_id: str) -> None:
        """Remove a visit record."""
        with self._op():
            self._visit(visit_id)
            with self.store.edit(self._path(VISITS)) as db:
                db.table("visits", cache_size=0).remove(doc_ids=[int(visit_id, 16)])

    def visits(self, group: str | None = None, unit_id: str | None = None) -> list[Visit]:
        """Visits (of a liaison group, of a unit), by day."""
        with self._op():
            docs = table(self.store.read(self._path(VISITS)), "visits").values()
        found = [self._visit_from_doc(doc) for doc in docs]
        return sorted(
            (
                v
                for v in found
                if (group is None or v.group == group) and (unit_id is None or v.unit_id == unit_id)
            ),
            key=lambda v: (v.day, v.unit_id, v.id),
        )

    def import_visits(self, visits: Sequence[Visit]) -> int:
        """Add visits from a file, all or nothing (ids are assigned anew)."""
        docs = [self._visit_doc(replace(v, id=secrets.token_hex(6))) for v in visits]
        with self._op(), self.store.edit(self._path(VISITS)) as db:
            target = db.table("visits", cache_size=0)
            for doc in docs:
                target.insert(Document(doc, doc_id=int(doc["id"], 16)))
        self.audit("admin", "visits.import", str(len(docs)))
        return len(docs)

    # ------------------------------------------------------------------ audit

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

    # ------------------------------------------------------------------ integrity

    def verify(self) -> list[Finding]:
        """Recompute every ballot hash and the ledger, counts and closing digest: each problem found."""
        from .integrity import verify_campaign

        with self._op():
            return verify_campaign(self)


def _check_day(day: str) -> None:
    from datetime import date

    try:
        date.fromisoformat(day)
    except (TypeError, ValueError):
        raise InputError("store.bad_day", day=day) from None
