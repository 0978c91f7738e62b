"""The campaign's rules (`Rules`): every weight, band and threshold of the scoring, with documented defaults.

The defaults come from common practice as summarised in ../shared/DOMAIN.md; each is noted with its
source beside it. A campaign pins its own copy (`rules.toml`, see forms/builtin/rules.toml); `load_rules`
reads one and reports every problem with its line, like a form file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

SupervisionMethod = Literal["mean", "median", "last", "min"]
SUPERVISION_METHODS: tuple[str, ...] = ("mean", "median", "last", "min")


@dataclass(frozen=True)
class RaterGroup:
    """A rater group (评议人类别) with its zh/en label and its weight in the group-weighted score."""

    id: str
    zh: str
    en: str
    weight: float


@dataclass(frozen=True)
class Band:
    """A grade band: scores >= `min_score` get `code` (`zh`/`en` its label); `max_share` an optional quota."""

    code: str
    zh: str
    en: str
    min_score: float
    max_share: float | None = None

    def label(self, lang: str) -> str:
        """The band's label in `lang`."""
        return self.en if lang == "en" and self.en else self.zh


@dataclass(frozen=True)
class StarBand:
    """Scores >= `min_score` earn `stars` (1..5)."""

    stars: int
    min_score: float


def _default_groups() -> tuple[RaterGroup, ...]:
    # Group weights of a review meeting (DOMAIN.md "Rater-group weights"): each group averaged first.
    return (
        RaterGroup("leaders", "工委领导", "Committee leaders", 0.15),
        RaterGroup("heads", "部门负责人", "Department heads", 0.25),
        RaterGroup("members", "党员代表", "Party-member representatives", 0.35),
        RaterGroup("served", "服务对象代表", "Representatives of those served", 0.25),
    )


def _default_grades() -> tuple[Band, ...]:
    # Grade bands 好 >= 90, 较好 >= 80, 一般 >= 60, else 差 (DOMAIN.md "Grade bands").
    return (
        Band("good", "好", "Good", 90.0),
        Band("fairly_good", "较好", "Fairly good", 80.0),
        Band("average", "一般", "Average", 60.0),
        Band("poor", "差", "Poor", 0.0),
    )


def _default_stars() -> tuple[StarBand, ...]:
    # Star bands of the 2023 star-branch notice (DOMAIN.md): >= 90 five ... 60-69 two, < 60 one.
    return (
        StarBand(5, 90.0),
        StarBand(4, 80.0),
        StarBand(3, 70.0),
        StarBand(2, 60.0),
        StarBand(1, 0.0),
    )


def _default_rating_points() -> dict[str, float]:
    # 好 = 100, 较好 = 80, 一般 = 60, 差 = 40 (DOMAIN.md; a published 民主测评 scoring method).
    return {"good": 100.0, "fairly_good": 80.0, "average": 60.0, "poor": 40.0}


def _default_satisfaction_points() -> dict[str, float]:
    # NBS-style satisfaction: share of each level x 100 / 80 / 60 / 30 / 0 (DOMAIN.md). A four-level
    # ballot scale maps 好 -> 100, 较好 -> 80, 一般 -> 60, 差 -> 0 ("very dissatisfied" end).
    return {"good": 100.0, "fairly_good": 80.0, "average": 60.0, "poor": 0.0}


def _default_composite() -> dict[str, float]:
    # Composite of sources (DOMAIN.md "Composite of sources"): review meeting, verified
    # self-assessment, daily supervision (日常评价与年底考核相结合 in the seed).
    return {"review": 0.5, "self": 0.3, "supervision": 0.2}


@dataclass(frozen=True)
class Rules:
    """One campaign's scoring rules. Every number is configurable in the campaign's rules file."""

    rating_points: dict[str, float] = field(default_factory=_default_rating_points)
    # Trim: with MORE than this many valid scores, drop one highest and one lowest (DOMAIN.md).
    trim_above: int = 5
    rater_groups: tuple[RaterGroup, ...] = field(default_factory=_default_groups)
    group_weighting: bool = True
    composite_weights: dict[str, float] = field(default_factory=_default_composite)
    grades: tuple[Band, ...] = field(default_factory=_default_grades)
    stars: tuple[StarBand, ...] = field(default_factory=_default_stars)
    # Five stars at most 30% of branches (2023 star-branch notice, DOMAIN.md).
    five_star_max_share: float | None = 0.30
    # Satisfaction (0..100, NBS style) below this gives no star (2023 notice: below 50%).
    no_star_below_satisfaction: float | None = 50.0
    satisfaction_points: dict[str, float] = field(default_factory=_default_satisfaction_points)
    # Results stay hidden until voting closes (ballot secrecy; SCENARIOS.md).
    results_before_close: bool = False
    # How a unit's year supervision score comes from its visits' totals.
    supervision_method: SupervisionMethod = "mean"
    source: str = ""

    def group(self, group_id: str) -> RaterGroup | None:
        """The rater group with this id, or None."""
        for group in self.rater_groups:
            if group.id == group_id:
                return group
        return None

    def grade_band(self, code: str) -> Band | None:
        """The grade band with this code, or None."""
        for band in self.grades:
            if band.code == code:
                return band
        return None


def default_rules() -> Rules:
    """The documented defaults (the same as forms/builtin/rules.toml)."""
    return Rules()
