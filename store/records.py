"""The domain records the store hands out: frozen dataclasses, free of storage details."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

AnswerValue = str | float | int | bool | list[str] | None
"""One answer (as in forms.model): a level or choice code, a number, yes/no, picked codes, text."""

BallotAnswers = Mapping[str, Mapping[str, AnswerValue]]
"""A ballot's answers: unit id -> item id -> answer. A `vote` form (e.g. the brand vote) uses the single
pseudo unit id `CAMPAIGN_WIDE`."""

CAMPAIGN_WIDE = "*"
"""The 'unit' key under which a campaign-wide vote form keeps its answers."""

CodeState = Literal["unknown", "fresh", "draft", "used"]
VotingState = Literal["not_open", "open", "closed"]
SelfState = Literal["draft", "submitted", "reviewed", "returned"]
FindingKind = Literal[
    "edited", "deleted", "duplicated", "added", "count", "digest", "corrupt", "orphan", "sheet"
]

UNIT_KINDS: tuple[str, ...] = ("机关党委", "党委", "机关党总支", "党总支", "机关党支部", "党支部")
"""The kinds of Party organization a unit can be."""

DEFAULT_RATER_GROUPS: tuple[str, ...] = ("工委领导", "部门负责人", "党员代表", "服务对象代表")
"""The rater groups of a review meeting unless the campaign names its own."""


@dataclass(frozen=True)
class CampaignInfo:
    """One year's assessment: id, name, year, pinned forms, rater groups, where last stars come from."""

    id: str
    name: str
    year: int
    form_ids: tuple[str, ...]
    rater_groups: tuple[str, ...]
    created_day: str
    demo: bool = False
    # The earlier campaign whose final stars fill a unit's last-year star when its roster gives none
    # (None: no carry-over).
    last_stars_from: str | None = None


@dataclass(frozen=True)
class Unit:
    """A Party organization: a directly affiliated one (parent_id None) or one of its branches."""

    id: str
    name: str
    org_name: str
    kind: str
    parent_id: str | None = None
    group: str = ""
    secretary: str = ""
    last_star: int | None = None
    order: int = 0

    @property
    def is_branch(self) -> bool:
        """Whether this is a branch under a directly affiliated organization."""
        return self.parent_id is not None


@dataclass(frozen=True)
class CodeStatus:
    """What a typed ballot code is: unknown, fresh (never used), draft (answers saved) or used."""

    state: CodeState
    rater_group: str | None = None


@dataclass(frozen=True)
class Draft:
    """An evaluator's unsealed answers, kept per code so a crash or a restart loses nothing."""

    rater_group: str
    answers: BallotAnswers
    position: str | None = None


@dataclass(frozen=True)
class SealedBallot:
    """A sealed ballot: random id, rater group, day only, answers and a content hash; no code, no time."""

    ballot_id: str
    terminal_id: str
    form_id: str
    form_version: str
    rater_group: str
    day: str | None
    answers: BallotAnswers
    valid: bool
    invalid_reasons: tuple[str, ...]
    content_hash: str


@dataclass(frozen=True)
class Closing:
    """The close of a voting session: the count and the digest over the sorted ballot hashes."""

    session: int
    count: int
    digest: str
    day: str
    actor: str


@dataclass(frozen=True)
class FinalResults:
    """The results the admin finalised (公布): each unit's official star (0 = no star), when and by whom.

    Next year's last-year stars come only from here, never from results still being worked on.
    """

    day: str
    actor: str
    stars: Mapping[str, int]
    unrated: tuple[str, ...] = ()
    """Units that were to be rated but had no result when the results were finalised."""


@dataclass(frozen=True)
class Participation:
    """How many codes of a rater group were issued and how many used (never which person)."""

    rater_group: str
    used: int
    issued: int


@dataclass(frozen=True)
class Adjustment:
    """A liaison group's change to one self-assessed item; the unit's own answer stays beside it."""

    item_id: str
    original: AnswerValue
    value: AnswerValue
    reason: str
    group: str
    day: str


@dataclass(frozen=True)
class SelfEvent:
    """One step in a self-assessment's life (submitted, returned, reopened, reviewed)."""

    action: str
    actor: str
    note: str
    day: str


@dataclass(frozen=True)
class SelfAssessment:
    """A unit's self-assessment of one form: its answers and notes, state, and the review beside them."""

    unit_id: str
    form_id: str
    form_version: str
    state: SelfState
    answers: Mapping[str, AnswerValue]
    notes: Mapping[str, str]
    position: str | None = None
    adjustments: tuple[Adjustment, ...] = ()
    return_note: str = ""
    history: tuple[SelfEvent, ...] = ()
    typed: Mapping[str, str] = field(default_factory=dict)
    """What the unit typed that is not yet a value of its item (kept as typed, shown, never scored)."""

    def verified_answers(self) -> dict[str, AnswerValue]:
        """The answers as the liaison group verified them: the latest adjustment of an item wins."""
        verified = dict(self.answers)
        for adjustment in self.adjustments:
            verified[adjustment.item_id] = adjustment.value
        return verified


@dataclass(frozen=True)
class Visit:
    """One supervision visit of a liaison group to a unit (日常督导记录)."""

    id: str
    unit_id: str
    group: str
    day: str
    form_id: str
    form_version: str
    answers: Mapping[str, AnswerValue] = field(default_factory=dict)
    note: str = ""


@dataclass(frozen=True)
class Brand:
    """A registered service brand (机关服务品牌) of a unit."""

    id: str
    name: str
    unit_id: str


@dataclass(frozen=True)
class AuditEntry:
    """One admin action: who, what, when (never ballot contents)."""

    seq: int
    time: str
    actor: str
    action: str
    detail: str


@dataclass(frozen=True)
class Finding:
    """One thing `verify` found wrong: its kind, the file and record, and a detail for the message."""

    kind: FindingKind
    file: str
    record: str
    detail: str = ""


@dataclass(frozen=True)
class ImportOutcome:
    """What an import of sealed ballots did: how many were added and how many were already there."""

    added: int
    skipped: int
