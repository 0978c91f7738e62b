"""`Visits`: supervision visits of the liaison groups (日常督导记录), in one file per campaign."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from tinydb.table import Document

from forms.errors import InputError

from .audit_trail import AuditTrail
from .campaign_files import VISITS, CampaignFiles, check_value
from .file_data import damaged_record, table
from .pinned_forms import PinnedForms
from .records import AnswerValue, ImportOutcome, Visit
from .roster import Roster
from .sealing import new_hex_id


class Visits:
    """Supervision visits: add, change, remove, list and import."""

    def __init__(self, files: CampaignFiles, forms: PinnedForms, roster: Roster, audit: AuditTrail) -> None:
        self.files = files
        self._forms = forms
        self._roster = roster
        self._audit = audit

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

        self._roster.unit(visit.unit_id)
        form = self._forms.form(visit.form_id)
        if form.scope != "visit":
            raise InputError("store.form_not_visit", form=visit.form_id)
        _check_day(visit.day)
        year = self.files.info.year
        if year and not visit.day.startswith(f"{year:04d}-"):
            # A visit of another year would be counted in this year's supervision score.
            raise InputError("selfyear.day_outside_year", day=visit.day, year=year)
        answers = {item: check_value(value) for item, value in visit.answers.items()}
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
        draft = Visit(new_hex_id(12), unit_id, group, day, form_id, "", dict(answers or {}), note)
        doc = self._visit_doc(draft)
        with self.files.op(), self.files.store.edit(self.files.path(VISITS)) as db:
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
        with self.files.op():
            current = self._visit(visit_id)
            changed = replace(
                current,
                day=day if day is not None else current.day,
                answers=dict(answers) if answers is not None else current.answers,
                note=note if note is not None else current.note,
            )
            doc = self._visit_doc(changed)
            with self.files.store.edit(self.files.path(VISITS)) as db:
                db.table("visits", cache_size=0).upsert(Document(doc, doc_id=int(visit_id, 16)))
        return self._visit_from_doc(doc)

    def _visit(self, visit_id: str) -> Visit:
        try:
            key = str(int(visit_id, 16))
        except ValueError:
            raise InputError("store.unknown_visit", visit=visit_id) from None
        doc = table(self.files.store.read(self.files.path(VISITS)), "visits").get(key)
        if not doc:
            raise InputError("store.unknown_visit", visit=visit_id)
        return self._visit_from_doc(doc)

    def delete_visit(self, visit_id: str) -> None:
        """Remove a visit record."""
        with self.files.op():
            self._visit(visit_id)
            with self.files.store.edit(self.files.path(VISITS)) as db:
                db.table("visits", cache_size=0).remove(doc_ids=[int(visit_id, 16)])

    def visits(self, group: str | None = None, unit_id: str | None = None) -> list[Visit]:
        """Visits (of a liaison group, of a unit), by day."""
        with self.files.op():
            docs = table(self.files.store.read(self.files.path(VISITS)), "visits")
        with damaged_record(self.files.path(VISITS), "visits"):
            found = [self._visit_from_doc(doc) for doc in docs.values()]
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
        docs = [self._visit_doc(replace(v, id=new_hex_id(12))) for v in visits]
        with self.files.op(), self.files.store.edit(self.files.path(VISITS)) as db:
            target = db.table("visits", cache_size=0)
            for doc in docs:
                target.insert(Document(doc, doc_id=int(doc["id"], 16)))
        self._audit.audit("admin", "visits.import", str(len(docs)))
        return len(docs)

    def import_new_visits(self, visits: Sequence[Visit]) -> ImportOutcome:
        """Add the visits of a file that are not recorded yet (`visit_key`), all or nothing: importing
        the same file twice adds nothing the second time. How many were added and skipped."""
        for visit in visits:
            self._visit_doc(visit)  # every row is checked before anything is written
        with self.files.op():
            seen = {visit_key(visit) for visit in self.visits()}
            fresh: list[Visit] = []
            for visit in visits:
                key = visit_key(visit)
                if key not in seen:
                    seen.add(key)
                    fresh.append(visit)
            added = self.import_visits(fresh) if fresh else 0
        return ImportOutcome(added=added, skipped=len(visits) - added)


def visit_key(visit: Visit) -> str:
    """What makes two visit records the same visit: unit, group, day, form, answers and note (not the id)."""
    answers = json.dumps(dict(visit.answers), sort_keys=True, ensure_ascii=False)
    return "\x1f".join((visit.unit_id, visit.group, visit.day, visit.form_id, answers, visit.note))


def _check_day(day: str) -> None:
    from datetime import date

    try:
        date.fromisoformat(day)
    except (TypeError, ValueError):
        raise InputError("store.bad_day", day=day) from None
