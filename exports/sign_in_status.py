"""Where the sign-in codes stand: which unit or liaison group has one, since when, and how far its work is."""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from store.api import CampaignStore
from store.selfassess import forms_for_unit

from .kinds import Translate


@dataclass(frozen=True)
class UnitSignIn:
    """One unit's sign-in code (never its plaintext: only hashes are kept) and its self-assessment."""

    unit_id: str
    name: str
    has_code: bool
    day: str  # the day the current code was issued; "" when unknown or without a code
    forms: int  # the self-assessment forms the unit fills
    started: int  # forms with anything saved
    submitted: int  # forms submitted or already reviewed
    reviewed: int


@dataclass(frozen=True)
class GroupSignIn:
    """One liaison group's sign-in code and its review work."""

    group: str
    has_code: bool
    day: str
    submitted: int  # self-assessments of its units waiting for the group's review
    reviewed: int


def unit_sign_ins(campaign: CampaignStore, unit_ids: Sequence[str] = ()) -> list[UnitSignIn]:
    """The sign-in state of the named units (all when none), in roster order; InputError for an
    unknown unit."""
    units = campaign.roster.units()
    if unit_ids:
        for unit_id in unit_ids:
            campaign.roster.unit(unit_id)  # an unknown id: the store's one-sentence error
        units = [unit for unit in units if unit.id in set(unit_ids)]
    days = campaign.codes.unit_code_days()
    started: Counter[str] = Counter()
    submitted: Counter[str] = Counter()
    reviewed: Counter[str] = Counter()
    for assessment in campaign.self_assessments.self_assessments():
        started[assessment.unit_id] += 1
        submitted[assessment.unit_id] += assessment.state in ("submitted", "reviewed")
        reviewed[assessment.unit_id] += assessment.state == "reviewed"
    unit_forms = campaign.forms_of_scope("unit")
    return [
        UnitSignIn(
            unit.id,
            unit.name,
            unit.id in days,
            days.get(unit.id, ""),
            len(forms_for_unit(unit, unit_forms)),
            started[unit.id],
            submitted[unit.id],
            reviewed[unit.id],
        )
        for unit in units
    ]


def group_sign_ins(campaign: CampaignStore) -> list[GroupSignIn]:
    """The sign-in state of every liaison group of the roster, in roster order."""
    groups = list(dict.fromkeys(unit.group for unit in campaign.roster.meeting_units() if unit.group))
    days = campaign.codes.group_code_days()
    found: list[GroupSignIn] = []
    for group in groups:
        states = [a.state for a in campaign.self_assessments.self_assessments(group=group)]
        found.append(
            GroupSignIn(
                group, group in days, days.get(group, ""), states.count("submitted"), states.count("reviewed")
            )
        )
    return found


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def text_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    """Lines of a plain-text table whose columns line up in a terminal, Chinese characters counted as
    two cells."""
    widths = [max(_width(str(row[col])) for row in [header, *rows]) for col in range(len(header))]

    def line(cells: Sequence[str]) -> str:
        padded = [str(c) + " " * (w - _width(str(c))) for c, w in zip(cells, widths, strict=True)]
        return "  ".join(padded).rstrip()

    return [line(header), line(["-" * w for w in widths]), *(line(row) for row in rows)]


def _mark(has: bool, text: Translate) -> str:
    return text("polish.codes.status.yes") if has else text("polish.codes.status.no")


def _progress(row: UnitSignIn, text: Translate) -> str:
    if row.forms and row.reviewed >= row.forms:
        key = "polish.codes.status.reviewed"
    elif row.forms and row.submitted >= row.forms:
        key = "polish.codes.status.submitted"
    elif row.started:
        key = "polish.codes.status.filling"
    else:
        key = "polish.codes.status.not_started"
    return text(key, submitted=row.submitted, forms=row.forms)


def unit_status_lines(rows: Sequence[UnitSignIn], text: Translate) -> list[str]:
    """The units' sign-in table, for the terminal."""
    header = [
        text("store.sheet.unit"),
        text("polish.codes.unit_code"),
        text("polish.codes.status.day"),
        text("polish.codes.status.self"),
    ]
    body = [
        [f"{row.unit_id} {row.name}", _mark(row.has_code, text), row.day or "-", _progress(row, text)]
        for row in rows
    ]
    return text_table(header, body)


def group_status_lines(rows: Sequence[GroupSignIn], text: Translate) -> list[str]:
    """The liaison groups' sign-in table, for the terminal."""
    header = [
        text("store.sheet.group"),
        text("polish.codes.group_code"),
        text("polish.codes.status.day"),
        text("polish.codes.status.waiting"),
        text("polish.codes.status.done"),
    ]
    body = [
        [row.group, _mark(row.has_code, text), row.day or "-", str(row.submitted), str(row.reviewed)]
        for row in rows
    ]
    return text_table(header, body)
