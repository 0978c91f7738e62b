"""The campaign's rules (`Rules`): every weight, band and threshold of the scoring, with documented defaults.

The defaults come from common practice as summarised in ../shared/DOMAIN.md; each is noted with its
source beside it. A campaign pins its own copy (`rules.toml`, see forms/builtin/rules.toml); `load_rules`
reads one and reports every problem with its line, like a form file.
"""

from __future__ import annotations

import itertools
import math
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from forms.problems import Problem, broken_file
from forms.toml_fields import checked_fields
from forms.toml_lines import LineMap, TablePath, scan
from forms.toml_text import read_text, syntax_problem, too_deep_problem

SupervisionMethod = Literal["mean", "median", "last", "min"]
SUPERVISION_METHODS: tuple[str, ...] = ("mean", "median", "last", "min")
DimensionsMode = Literal["required", "optional", "off"]
DIMENSION_MODES: tuple[str, ...] = ("required", "optional", "off")
TrimMode = Literal["per_group", "overall", "none"]
TRIM_MODES: tuple[str, ...] = ("per_group", "overall", "none")
TieBreak = Literal["good_rate", "good_and_fairly_good"]
TIE_BREAKS: tuple[str, ...] = ("good_rate", "good_and_fairly_good")


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
    # Where the trim applies: within each rater group with more than `trim_above` valid ratings
    # (DOMAIN.md "With rater-group weights, trim within each group"), over all ballots, or never.
    trim: TrimMode = "per_group"
    # The written tie rule: equal scores share rank, grade and star; at a quota boundary a tie is broken by
    # these keys in order (好-rate, then the count of 好 and 较好); a surviving tie is reported, never cut.
    tie_breaks: tuple[TieBreak, ...] = ("good_rate", "good_and_fairly_good")
    # The 通报 gives organisations (not branches) stars only when asked: stars belong to branches.
    organisation_stars: bool = False
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
    # No view or export breaks a result down by rater group with fewer valid ballots than this: three
    # leaders' ratings must never be read off a group mean (ballot secrecy; THREATS.md "No link").
    min_group_ballots: int = 5
    # How a unit's year supervision score comes from its visits' totals.
    supervision_method: SupervisionMethod = "mean"
    # The ballot's 五力 dimensions: asked of every unit (required), offered on request (optional: the form
    # says they do not count in the score), or not asked (off).
    dimensions: DimensionsMode = "optional"
    source: str = ""

    def group(self, group_id: str) -> RaterGroup | None:
        """The rater group with this id, or None."""
        for group in self.rater_groups:
            if group.id == group_id:
                return group
        return None

    def find_group(self, name: str) -> RaterGroup | None:
        """The rater group named by its id, its Chinese name or its English name (case and spaces
        forgiven), or None: wherever an id is accepted, 党员代表 is too."""
        wanted = " ".join(name.split()).casefold()
        for group in self.rater_groups:
            if wanted in (group.id.casefold(), " ".join(group.zh.split()), group.en.casefold()):
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


# --------------------------------------------------------------------------- reading and writing rules

_TOP_KEYS: dict[str, str] = {
    "version": "str",
    "trim_above": "int",
    "trim": "str",
    "tie_breaks": "strs",
    "organisation_stars": "bool",
    "group_weighting": "bool",
    "results_before_close": "bool",
    "min_group_ballots": "int",
    "supervision_method": "str",
    "dimensions": "str",
    "five_star_max_share": "number",
    "no_star_below_satisfaction": "number",
    "rating_points": "numbers",
    "satisfaction_points": "numbers",
    "composite_weights": "numbers",
    "rater_groups": "tables",
    "grades": "tables",
    "stars": "tables",
}
_GROUP_KEYS: dict[str, str] = {"id": "str", "label": "str", "label_en": "str", "weight": "number"}
_GRADE_KEYS: dict[str, str] = {
    "code": "str",
    "label": "str",
    "label_en": "str",
    "min_score": "number",
    "max_share": "number",
}
_STAR_KEYS: dict[str, str] = {"stars": "int", "min_score": "number"}
_WEIGHT_TOLERANCE = 1e-6


class _RulesReader:
    """Builds `Rules` from parsed TOML, recording every problem with its line."""

    def __init__(self, file: str, lines: LineMap) -> None:
        self.file = file
        self.lines = lines
        self.problems: list[Problem] = []

    def add(self, line: int, path: str, key: str, /, **params: object) -> None:
        self.problems.append(Problem(self.file, line, path, key, params))

    def fields(
        self,
        table: Mapping[str, Any],
        spec: Mapping[str, str],
        required: tuple[str, ...],
        where: TablePath,
        path: str,
    ) -> dict[str, Any]:
        return checked_fields(self.file, self.lines, self.problems, table, spec, required, where, path)

    def weights_sum(self, weights: list[tuple[str, float]], line: int, path: str) -> None:
        total = math.fsum(weight for _, weight in weights)
        if weights and abs(total - 1.0) > _WEIGHT_TOLERANCE:
            self.add(line, path, "forms.problem.weights_sum", total=f"{total:g}")
        for name, weight in weights:
            if not 0 <= weight <= 1:
                self.add(line, f"{path}.{name}", "forms.problem.share_range", key=name, value=weight)

    def share(self, value: float | None, line: int, path: str, key: str) -> None:
        if value is not None and not 0 <= value <= 1:
            self.add(line, path, "forms.problem.share_range", key=key, value=value)


def parse_rules(text: str, file: str) -> tuple[Rules | None, list[Problem]]:
    """Parse a rules TOML text: the rules (defaults for keys left out) and every problem found."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        return None, [syntax_problem(error, text, file, "rules")]
    except RecursionError:  # thousands of nested brackets: a problem to report, never a traceback
        return None, [too_deep_problem(file, "rules")]
    reader = _RulesReader(file, scan(text))
    good = reader.fields(data, _TOP_KEYS, (), (), "rules")
    defaults = Rules()
    changes: dict[str, Any] = {"source": file}
    for key in (
        "trim_above",
        "group_weighting",
        "results_before_close",
        "min_group_ballots",
        "organisation_stars",
    ):
        if key in good:
            changes[key] = good[key]
    for key in ("trim_above", "min_group_ballots"):
        if key in good and good[key] < 0:
            reader.add(reader.lines.key((), key), "rules", "forms.problem.negative", key=key)
    for key, allowed in (
        ("supervision_method", SUPERVISION_METHODS),
        ("dimensions", DIMENSION_MODES),
        ("trim", TRIM_MODES),
    ):
        if key not in good:
            continue
        if good[key] in allowed:
            changes[key] = good[key]
        else:
            reader.add(
                reader.lines.key((), key),
                "rules",
                "forms.problem.bad_value",
                key=key,
                value=good[key],
                allowed=", ".join(allowed),
            )
    if "tie_breaks" in good:
        breaks = [str(name) for name in good["tie_breaks"]]
        for name in breaks:
            if name not in TIE_BREAKS:
                reader.add(
                    reader.lines.key((), "tie_breaks"),
                    "rules",
                    "forms.problem.bad_value",
                    key="tie_breaks",
                    value=name,
                    allowed=", ".join(TIE_BREAKS),
                )
        changes["tie_breaks"] = tuple(dict.fromkeys(breaks))
    for key in ("five_star_max_share",):
        if key in good:
            reader.share(float(good[key]), reader.lines.key((), key), "rules", key)
            changes[key] = float(good[key])
    if "no_star_below_satisfaction" in good:
        value = float(good["no_star_below_satisfaction"])
        if not 0 <= value <= 100:
            reader.add(
                reader.lines.key((), "no_star_below_satisfaction"),
                "rules",
                "forms.problem.range_0_100",
                key="no_star_below_satisfaction",
                value=f"{value:g}",
            )
        changes["no_star_below_satisfaction"] = value
    for key in ("rating_points", "satisfaction_points", "composite_weights"):
        if key in good:
            changes[key] = {name: float(value) for name, value in good[key].items()}
    if "composite_weights" in changes:
        reader.weights_sum(
            list(changes["composite_weights"].items()),
            reader.lines.table(("composite_weights",)),
            "composite_weights",
        )

    if "rater_groups" in good:
        groups = []
        for index, table in enumerate(good["rater_groups"]):
            where: TablePath = ("rater_groups", index)
            path = f"rater_groups.{table.get('id') or f'#{index + 1}'}"
            fields = reader.fields(table, _GROUP_KEYS, ("id", "label", "weight"), where, path)
            groups.append(
                RaterGroup(
                    str(fields.get("id", "")),
                    str(fields.get("label", "")),
                    str(fields.get("label_en", "")),
                    float(fields.get("weight", 0.0)),
                )
            )
        _no_duplicates(
            reader, [(group.id, index) for index, group in enumerate(groups)], "rater_groups", "id"
        )
        reader.weights_sum(
            [(group.id, group.weight) for group in groups],
            reader.lines.table(("rater_groups", 0)),
            "rater_groups",
        )
        changes["rater_groups"] = tuple(groups)

    if "grades" in good:
        bands = []
        for index, table in enumerate(good["grades"]):
            where = ("grades", index)
            path = f"grades.{table.get('code') or f'#{index + 1}'}"
            fields = reader.fields(table, _GRADE_KEYS, ("code", "label", "min_score"), where, path)
            share = float(fields["max_share"]) if "max_share" in fields else None
            reader.share(share, reader.lines.key(where, "max_share"), path, "max_share")
            bands.append(
                Band(
                    str(fields.get("code", "")),
                    str(fields.get("label", "")),
                    str(fields.get("label_en", "")),
                    float(fields.get("min_score", 0.0)),
                    share,
                )
            )
        _no_duplicates(reader, [(band.code, index) for index, band in enumerate(bands)], "grades", "code")
        _lowest_band(reader, [band.min_score for band in bands], "grades")
        changes["grades"] = tuple(bands)

    if "stars" in good:
        stars = []
        for index, table in enumerate(good["stars"]):
            where = ("stars", index)
            path = f"stars.#{index + 1}"
            fields = reader.fields(table, _STAR_KEYS, ("stars", "min_score"), where, path)
            count = int(fields.get("stars", 1))
            if not 1 <= count <= 5:
                reader.add(reader.lines.key(where, "stars"), path, "forms.problem.stars_range", value=count)
            stars.append(StarBand(count, float(fields.get("min_score", 0.0))))
        _no_duplicates(
            reader, [(str(band.stars), index) for index, band in enumerate(stars)], "stars", "stars"
        )
        _lowest_band(reader, [band.min_score for band in stars], "stars")
        ordered = sorted(stars, key=lambda band: band.min_score)
        if any(low.stars > high.stars for low, high in itertools.pairwise(ordered)):
            reader.add(reader.lines.table(("stars", 0)), "stars", "forms.problem.stars_order")
        changes["stars"] = tuple(stars)

    if reader.problems:
        return None, reader.problems
    return replace(defaults, **changes), []


def _no_duplicates(reader: _RulesReader, entries: list[tuple[str, int]], array: str, key: str) -> None:
    seen: dict[str, int] = {}
    for ident, index in entries:
        line = reader.lines.key((array, index), key)
        if ident in seen:
            reader.add(line, f"{array}.{ident}", "forms.problem.duplicate_id", id=ident, first=seen[ident])
        else:
            seen[ident] = line


def _lowest_band(reader: _RulesReader, minimums: list[float], array: str) -> None:
    """Every score needs a band: the lowest band must start at 0 or below."""
    if minimums and min(minimums) > 0:
        reader.add(
            reader.lines.table((array, 0)), array, "forms.problem.no_lowest_band", lowest=f"{min(minimums):g}"
        )


def check_rules_file(path: Path | str) -> list[Problem]:
    """Every problem of a rules file (InputError when it cannot be read)."""
    path = Path(path)
    return sorted(parse_rules(read_text(path), str(path))[1], key=Problem.sort_key)


def rules_from_text(text: str, file: str) -> Rules:
    """Rules from TOML text; ProblemFound naming the first problem (and the count) when broken."""
    rules, problems = parse_rules(text, file)
    if rules is None or problems:
        raise broken_file("forms.error.broken_rules", file, problems)
    return rules


def load_rules(path: Path | str) -> Rules:
    """Read and check a rules file; InputError when unreadable, ProblemFound when it has problems."""
    path = Path(path)
    return rules_from_text(read_text(path), str(path))


def builtin_rules_text() -> str:
    """The documented default rules file (forms/builtin/rules.toml), for a campaign to pin a copy of."""
    return (resources.files("forms") / "builtin" / "rules.toml").read_text(encoding="utf-8")


def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:g}" if value != int(value) else f"{value:.1f}"
    if isinstance(value, int):
        return str(value)
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'


def rules_to_toml(rules: Rules) -> str:
    """The rules as a TOML text that `parse_rules` reads back to equal rules (comments not kept)."""
    lines = [
        f"trim_above = {rules.trim_above}",
        f"trim = {_toml_value(rules.trim)}",
        "tie_breaks = [" + ", ".join(_toml_value(name) for name in rules.tie_breaks) + "]",
        f"organisation_stars = {_toml_value(rules.organisation_stars)}",
        f"group_weighting = {_toml_value(rules.group_weighting)}",
        f"results_before_close = {_toml_value(rules.results_before_close)}",
        f"min_group_ballots = {rules.min_group_ballots}",
        f"supervision_method = {_toml_value(rules.supervision_method)}",
        f"dimensions = {_toml_value(rules.dimensions)}",
    ]
    if rules.five_star_max_share is not None:
        lines.append(f"five_star_max_share = {_toml_value(float(rules.five_star_max_share))}")
    if rules.no_star_below_satisfaction is not None:
        lines.append(f"no_star_below_satisfaction = {_toml_value(float(rules.no_star_below_satisfaction))}")
    for table in ("rating_points", "satisfaction_points", "composite_weights"):
        values: dict[str, float] = getattr(rules, table)
        lines += ["", f"[{table}]"]
        lines += [f"{name} = {_toml_value(float(value))}" for name, value in values.items()]
    for group in rules.rater_groups:
        lines += ["", "[[rater_groups]]", f"id = {_toml_value(group.id)}", f"label = {_toml_value(group.zh)}"]
        lines += [f"label_en = {_toml_value(group.en)}", f"weight = {_toml_value(float(group.weight))}"]
    for band in rules.grades:
        lines += ["", "[[grades]]", f"code = {_toml_value(band.code)}", f"label = {_toml_value(band.zh)}"]
        lines += [f"label_en = {_toml_value(band.en)}", f"min_score = {_toml_value(float(band.min_score))}"]
        if band.max_share is not None:
            lines.append(f"max_share = {_toml_value(float(band.max_share))}")
    for star in rules.stars:
        lines += [
            "",
            "[[stars]]",
            f"stars = {star.stars}",
            f"min_score = {_toml_value(float(star.min_score))}",
        ]
    return "\n".join(lines) + "\n"
