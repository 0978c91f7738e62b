"""Supervision visits of the liaison groups (日常督导记录), in one file per campaign."""

from __future__ import annotations

import secrets
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from tinydb.table import Document

from forms.errors import InputError

from .campaign_base import VISITS, CampaignBase, check_value
from .core import damaged_record, table
from .records import AnswerValue, Visit


class VisitsMixin(CampaignBase):
    """Supervision visits: add, change, remove, list and import."""

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
        year = self.info.year
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
            docs = table(self.store.read(self._path(VISITS)), "visits")
        with damaged_record(self._path(VISITS), "visits"):
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
        docs = [self._visit_doc(replace(v, id=secrets.token_hex(6))) for v in visits]
        with self._op(), self.store.edit(self._path(VISITS)) as db:
            target = db.table("visits", cache_size=0)
            for doc in docs:
                target.insert(Document(doc, doc_id=int(doc["id"], 16)))
        self.audit("admin", "visits.import", str(len(docs)))
        return len(docs)


def _check_day(day: str) -> None:
    from datetime import date

    try:
        date.fromisoformat(day)
    except (TypeError, ValueError):
        raise InputError("store.bad_day", day=day) from None
