"""`SelfAssessments`: draft -> submitted -> reviewed (or returned), one small file per unit."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, cast

from tinydb.table import Document

from forms.errors import InputError
from forms.model import Form

from .audit_trail import AuditTrail
from .campaign_files import MAIN, CampaignFiles, check_value
from .clock import today
from .file_data import damaged_record, single
from .pinned_forms import PinnedForms
from .records import Adjustment, AnswerValue, SelfAssessment, SelfEvent, SelfState, Unit
from .roster import Roster
from .storage import Data

REASON_MAX_LENGTH = 200
"""A reopen reason is a sentence for the audit log, not a report."""


def checked_reason(reason: str) -> str:
    """A reopen reason stripped; InputError when it is blank or longer than REASON_MAX_LENGTH."""
    reason = reason.strip()
    if not reason:
        raise InputError("self.cli.reason_required")
    if len(reason) > REASON_MAX_LENGTH:
        raise InputError("self.cli.reason_too_long", length=len(reason), limit=REASON_MAX_LENGTH)
    return reason


def forms_for_unit(unit: Unit, unit_scope_forms: Sequence[Form]) -> list[Form]:
    """The self-assessment forms a unit fills, of the campaign's unit-scope forms: the star form (`kind =
    "star"`, e.g. star_branch) for branches and for organizations that are themselves a branch (机关党支部),
    the other unit forms (e.g. the duty list) for directly affiliated organizations."""
    is_branch = unit.parent_id is not None or unit.kind.endswith("支部")
    chosen: list[Form] = []
    for form in unit_scope_forms:
        star_form = form.kind == "star"
        if (star_form and is_branch) or (not star_form and unit.parent_id is None):
            chosen.append(form)
    return chosen


class SelfAssessments:
    """The units' self-assessments and the liaison groups' review of them."""

    def __init__(self, files: CampaignFiles, forms: PinnedForms, roster: Roster, audit: AuditTrail) -> None:
        self.files = files
        self._forms = forms
        self._roster = roster
        self._audit = audit
        self._paths: dict[str, Path] = {}
        """Each unit's record file, worked out once: hashing the id and joining the path cost more than
        reading the cached record (a group's board asks for 250 of them)."""

    def _self_path(self, unit_id: str) -> Path:
        path = self._paths.get(unit_id)
        if path is None:
            digest = hashlib.sha256(unit_id.encode("utf-8")).hexdigest()[:24]
            path = self._paths[unit_id] = self.files.dir / "self" / f"{digest}.json"
        return path

    def _self_form(self, unit_id: str, form_id: str) -> Form:
        self._roster.unit(unit_id)
        if form_id not in self.files.info.form_ids:
            raise InputError(
                "store.form_not_in_campaign", form=form_id, known=", ".join(self.files.info.form_ids)
            )
        form = self._forms.form(form_id)
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
            "typed": {},
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
            typed={str(k): str(v) for k, v in dict(doc.get("typed", {})).items()},
        )

    @contextmanager
    def _self_edit(self, unit_id: str, form_id: str) -> Iterator[tuple[Form, dict[str, Any]]]:
        form = self._self_form(unit_id, form_id)
        with self.files.op(), self.files.store.edit(self._self_path(unit_id)) as db:
            target = db.table(form.id, cache_size=0)
            found = target.get(doc_id=1)
            doc = dict(found) if found is not None else self._self_doc(None, unit_id, form)
            yield form, doc
            target.upsert(Document(doc, doc_id=1))

    def self_assessment(self, unit_id: str, form_id: str) -> SelfAssessment:
        """A unit's self-assessment of a form (an empty draft when not started)."""
        form = self._self_form(unit_id, form_id)
        path = self._self_path(unit_id)
        with self.files.op():
            data = self.files.store.read(path)
        with damaged_record(path, f"{unit_id}/{form_id}"):
            return self._self_from_doc(self._self_doc(data, unit_id, form))

    def save_self_answer(
        self,
        unit_id: str,
        form_id: str,
        item_id: str,
        value: AnswerValue,
        note: str | None = None,
        typed: str | None = None,
    ) -> None:
        """Autosave one answer (and its evidence note) of a unit's draft or returned self-assessment.

        `typed`: text the unit typed that is not (yet) a value of the item, e.g. "12" on a 0-10 item:
        kept as typed in place of the answer, so nothing typed is lost; submit refuses while any is left.
        """
        checked = check_value(value)
        if typed is not None and len(typed) > 2000:
            raise InputError("selfyear.typed_too_long", length=len(typed))
        with self._self_edit(unit_id, form_id) as (form, doc):
            if doc["state"] not in ("draft", "returned"):
                raise InputError("store.self_locked", unit=unit_id, state=f"store.state.{doc['state']}")
            if form.item(item_id) is None:
                raise InputError("store.unknown_item", form=form_id, item=item_id)
            answers = dict(doc["answers"])
            pending = dict(doc.get("typed", {}))
            pending.pop(item_id, None)
            if typed is not None and typed.strip():
                pending[item_id] = typed
                answers.pop(item_id, None)
            elif checked is None:
                answers.pop(item_id, None)
            else:
                answers[item_id] = checked
            doc["answers"] = answers
            doc["typed"] = pending
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
            typed = sorted(doc.get("typed", {}))
            if typed:
                raise InputError("selfyear.typed_left", count=len(typed), item=typed[0])
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
        self._audit.audit(actor, "self.reopen", f"{unit_id} {form_id}: {reason}")

    def adjust_item(
        self, unit_id: str, form_id: str, item_id: str, value: AnswerValue, reason: str, group: str
    ) -> None:
        """A liaison group's verified value for one item, with its reason; the unit's answer is kept."""
        from forms.scoring import validate_answer

        checked = check_value(value)
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

    def set_self_deadline(self, day: str | None, actor: str) -> None:
        """Admin: the day by which units must submit their self-assessments (None: no deadline)."""
        from datetime import date

        if day is not None:
            try:
                date.fromisoformat(day)
            except ValueError:
                raise InputError("store.bad_day", day=day) from None
        with self.files.op(), self.files.store.edit(self.files.path(MAIN)) as db:
            db.table("self_deadline", cache_size=0).upsert(Document({"day": day or ""}, doc_id=1))
        self._audit.audit(actor, "self.deadline", day or "")

    def self_deadline(self) -> str | None:
        """The self-assessment deadline (YYYY-MM-DD), or None when none was set."""
        with self.files.op():
            day = single(self.files.store.read_cached(self.files.path(MAIN)), "self_deadline").get("day")
        return str(day) if day else None

    def self_assessments(self, group: str | None = None, form_id: str | None = None) -> list[SelfAssessment]:
        """Every started self-assessment (of a liaison group's units, of one form), in unit order."""
        units = self._roster.units()
        groups = {unit.id: unit.group for unit in units}
        found: list[SelfAssessment] = []
        with self.files.op():
            for unit in units:
                unit_group = unit.group or groups.get(unit.parent_id or "", "")
                if group is not None and unit_group != group:
                    continue
                path = self._self_path(unit.id)
                data = self.files.store.read_cached(path)
                if data is None:
                    continue
                for name in sorted(data):
                    doc = single(data, name)
                    if doc and (form_id is None or name == form_id):
                        with damaged_record(path, f"{unit.id}/{name}"):
                            found.append(self._self_from_doc(doc))
        return found

    def reopen_unit(self, unit_id: str, form_id: str | None, reason: str, actor: str = "admin") -> list[Form]:
        """Admin: reopen every submitted or reviewed form of a unit (or just `form_id`), logged with the
        reason; the forms reopened. InputError when the reason is blank or too long, the form is not one
        the unit fills, or nothing was submitted."""
        reason = checked_reason(reason)
        unit = self._roster.unit(unit_id)
        final = single(self.files.main_cached(), "final")
        if final:
            # The published stars are what next year builds on: changing a form now would contradict them.
            raise InputError("selfyear.final_no_reopen", unit=unit.name, day=str(final.get("day", "")))
        forms = forms_for_unit(unit, self._forms.forms_of_scope("unit"))
        if form_id is not None:
            forms = [form for form in forms if form.id == form_id]
            if not forms:
                raise InputError("self.cli.form_not_for_unit", form=form_id, unit=unit.name)
        reopened = [
            form
            for form in forms
            if self.self_assessment(unit.id, form.id).state in ("submitted", "reviewed")
        ]
        if not reopened:
            raise InputError("self.cli.nothing_to_reopen", unit=unit.name)
        for form in reopened:
            self.reopen_self(unit.id, form.id, reason, actor)
        return reopened
