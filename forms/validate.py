"""Form checks: `check_form_file(path)` reports every problem of a form file at once, each with its line."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import replace

from forms.model import Form, Item
from forms.problems import Problem
from forms.toml_lines import LineMap, TablePath

# Run-time choice lists the store can supply for `choices_from`.
CHOICE_SOURCES: tuple[str, ...] = ("brands", "units")

# Which optional item keys make sense for which item types (others are reported as misplaced).
KEYS_FOR_TYPE: dict[str, frozenset[str]] = {
    "scale": frozenset({"rating"}),
    "min": frozenset({"score", "deduct"}),
    "max": frozenset({"score", "deduct"}),
    "step": frozenset({"score", "deduct"}),
    "points": frozenset({"rating", "check", "deduct"}),
    "choices": frozenset({"choice", "multi"}),
    "choices_from": frozenset({"choice", "multi"}),
    "min_picks": frozenset({"multi"}),
    "max_picks": frozenset({"multi"}),
    "max_length": frozenset({"text"}),
    "cap": frozenset({"multi", "deduct"}),
    "veto_grade": frozenset({"veto"}),
    "veto_stars": frozenset({"veto"}),
    "note_below_full": frozenset({"rating", "score", "check", "choice", "multi", "deduct"}),
}
WEIGHT_TOLERANCE = 1e-6
_ID = re.compile(r"[A-Za-z][A-Za-z0-9_\-]*")


class _Checker:
    """Collects the problems of one form, locating each by its table and key lines."""

    def __init__(self, form: Form, lines: LineMap | None) -> None:
        self.form = form
        self.lines = lines
        self.paths: dict[int, TablePath] = {}
        if lines is not None:
            self.paths = {line: path for path, line in lines.tables.items()}
        self.problems: list[Problem] = []

    def line(self, table_line: int, key: str | None = None) -> int:
        """The line of `key` in the table starting at `table_line` (the table's line without a key)."""
        if key is None or self.lines is None:
            return table_line
        where = self.paths.get(table_line, ()) if table_line > 1 else ()
        if table_line > 1 and table_line not in self.paths:
            return table_line
        return self.lines.key(where, key)

    def add(self, table_line: int, key: str | None, path: str, problem: str, /, **params: object) -> None:
        self.problems.append(Problem(self.form.source, self.line(table_line, key), path, problem, params))


def check_form(form: Form, lines: LineMap | None = None) -> list[Problem]:
    """Every problem that needs the whole form (ids, scales, ranges, weights, show_if, ballot rules)."""
    checker = _Checker(form, lines)
    _check_scales(checker)
    _check_parts(checker)
    _check_sections(checker)
    _check_show_if(checker)
    _check_ballot_rules(checker)
    _check_total(checker)
    _check_ids(checker)
    return checker.problems


def _check_ids(checker: _Checker) -> None:
    """Ids are ASCII (they become CSV columns and keys in the store); level keys are one keystroke."""
    form = checker.form

    def check(ident: str, line: int, key: str, path: str) -> None:
        if ident and not _ID.fullmatch(ident):
            checker.add(line, key, path, "forms.problem.bad_id", id=ident)

    check(form.id, 1, "id", "form")
    for scale in form.scales:
        check(scale.id, scale.line, "id", f"scales.{scale.id}")
        for level in scale.levels:
            check(level.code, level.line, "code", f"scales.{scale.id}.{level.code}")
            if level.key and len(level.key) != 1:
                checker.add(
                    level.line,
                    "key",
                    f"scales.{scale.id}.{level.code}",
                    "forms.problem.bad_key",
                    key=level.key,
                )
    for part in form.parts:
        check(part.id, part.line, "id", f"parts.{part.id}")
    for section in form.sections:
        check(section.id, section.line, "id", section.id)
        for item in section.items:
            check(item.id, item.line, "id", f"{section.id}.{item.id}")
            for choice in item.choices:
                check(choice.code, choice.line, "code", f"{section.id}.{item.id}.{choice.code}")
    for quota in form.quotas:
        check(quota.id, quota.line, "id", f"quotas.{quota.id}")
    for rule in form.invalid_rules:
        check(rule.id, rule.line, "id", f"invalid_rules.{rule.id}")


def _duplicates(checker: _Checker, entries: Iterable[tuple[str, int]], path_of: str, key: str) -> None:
    _repeats(checker, ((ident, line, f"{path_of}{ident}") for ident, line in entries), key)


def _repeats(
    checker: _Checker, entries: Iterable[tuple[str, int, str]], key: str, first_at_key: bool = False
) -> None:
    """Every later use of an (ident, line, path) entry's ident is a problem naming the first one's line: its
    table's line, or the line of the key itself when `first_at_key`. Empty idents are left to other checks."""
    seen: dict[str, int] = {}
    for ident, line, path in entries:
        if not ident:
            continue
        if ident in seen:
            checker.add(line, key, path, "forms.problem.duplicate_id", id=ident, first=seen[ident])
        else:
            seen[ident] = checker.line(line, key) if first_at_key else line


def _check_scales(checker: _Checker) -> None:
    form = checker.form
    _duplicates(checker, ((scale.id, scale.line) for scale in form.scales), "scales.", "id")
    for scale in form.scales:
        path = f"scales.{scale.id}"
        if not scale.levels:
            checker.add(scale.line, None, path, "forms.problem.no_levels")
        _duplicates(checker, ((level.code, level.line) for level in scale.levels), f"{path}.", "code")
        level_keys = ((level.key, level.line, f"{path}.{level.code}") for level in scale.levels)
        _repeats(checker, level_keys, "key", first_at_key=True)
        for level in scale.levels:
            if level.points < 0:
                checker.add(
                    level.line, "points", f"{path}.{level.code}", "forms.problem.negative", key="points"
                )


def _check_parts(checker: _Checker) -> None:
    form = checker.form
    _duplicates(checker, ((part.id, part.line) for part in form.parts), "parts.", "id")
    if not form.parts:
        return
    for part in form.parts:
        if part.weight < 0 or part.weight > 1:
            checker.add(
                part.line,
                "weight",
                f"parts.{part.id}",
                "forms.problem.share_range",
                key="weight",
                value=part.weight,
            )
    total = math.fsum(part.weight for part in form.parts)
    if abs(total - 1.0) > WEIGHT_TOLERANCE:
        checker.add(form.parts[0].line, "weight", "parts", "forms.problem.weights_sum", total=f"{total:g}")
    used = {section.part for section in form.sections}
    for part in form.parts:
        if part.id not in used:
            checker.add(part.line, None, f"parts.{part.id}", "forms.problem.part_unused", part=part.id)


def _check_sections(checker: _Checker) -> None:
    form = checker.form
    if not form.sections:
        checker.add(1, "sections", "form", "forms.problem.no_sections")
    _duplicates(checker, ((section.id, section.line) for section in form.sections), "", "id")
    # Item ids must be unique across the whole form, not only within their section.
    items = (
        (item.id, item.line, f"{section.id}.{item.id}") for section in form.sections for item in section.items
    )
    _repeats(checker, items, "id")
    part_ids = {part.id for part in form.parts}
    for section in form.sections:
        if not section.items:
            checker.add(section.line, None, section.id, "forms.problem.no_items")
        if section.part is not None and section.part not in part_ids:
            checker.add(section.line, "part", section.id, "forms.problem.unknown_part", part=section.part)
        elif section.part is None and form.parts:
            checker.add(section.line, None, section.id, "forms.problem.missing_key", key="part")
        for item in section.items:
            _check_item(checker, item, f"{section.id}.{item.id}")


def _present_keys(item: Item) -> dict[str, bool]:
    return {
        "scale": item.scale is not None,
        "min": item.min is not None,
        "max": item.max is not None,
        "step": item.step is not None,
        "points": item.points is not None,
        "choices": bool(item.choices),
        "choices_from": item.choices_from is not None,
        "min_picks": item.min_picks != 0,
        "max_picks": item.max_picks is not None,
        "max_length": item.max_length is not None,
        "cap": item.cap is not None,
        "veto_grade": item.veto_grade is not None,
        "veto_stars": item.veto_stars is not None,
        "note_below_full": item.note_below_full,
    }


def _check_item(checker: _Checker, item: Item, path: str) -> None:
    add = checker.add
    line = item.line
    for key, present in _present_keys(item).items():
        if present and item.type not in KEYS_FOR_TYPE[key]:
            add(line, key, path, "forms.problem.key_not_for_type", key=key, type=item.type)
    if item.weight < 0:
        add(line, "weight", path, "forms.problem.negative", key="weight")
    for key in ("points", "cap", "min_picks", "max_picks", "max_length"):
        value = getattr(item, key)
        if value is not None and value < 0:
            add(line, key, path, "forms.problem.negative", key=key)
    kind = item.type
    if kind == "rating":
        if item.scale is None:
            add(line, None, path, "forms.problem.missing_key", key="scale")
        elif checker.form.scale(item.scale) is None:
            known = ", ".join(scale.id for scale in checker.form.scales) or "-"
            add(line, "scale", path, "forms.problem.unknown_scale", scale=item.scale, known=known)
    if kind == "score" and item.max is None:
        add(line, None, path, "forms.problem.missing_key", key="max")
    if kind in ("score", "deduct"):
        low = item.min if item.min is not None else 0.0
        if item.max is not None and low > item.max:
            add(line, "min", path, "forms.problem.min_over_max", min=f"{low:g}", max=f"{item.max:g}")
        elif item.step is not None:
            if item.step <= 0:
                add(line, "step", path, "forms.problem.step_positive", step=f"{item.step:g}")
            elif item.max is not None:
                ratio = (item.max - low) / item.step
                if abs(ratio - round(ratio)) > 1e-6:
                    add(
                        line,
                        "step",
                        path,
                        "forms.problem.step_range",
                        step=f"{item.step:g}",
                        min=f"{low:g}",
                        max=f"{item.max:g}",
                    )
    if kind in ("choice", "multi"):
        if not item.choices and item.choices_from is None:
            add(line, None, path, "forms.problem.no_choices")
        if item.choices and item.choices_from is not None:
            add(line, "choices_from", path, "forms.problem.choices_twice")
        if item.choices_from is not None and item.choices_from not in CHOICE_SOURCES:
            add(
                line,
                "choices_from",
                path,
                "forms.problem.bad_value",
                key="choices_from",
                value=item.choices_from,
                allowed=", ".join(CHOICE_SOURCES),
            )
        _duplicates(checker, ((choice.code, choice.line) for choice in item.choices), f"{path}.", "code")
    if kind == "multi":
        if item.max_picks is not None and item.max_picks < item.min_picks:
            add(line, "max_picks", path, "forms.problem.picks", min=item.min_picks, max=item.max_picks)
        elif item.choices and item.min_picks > len(item.choices):
            add(
                line,
                "min_picks",
                path,
                "forms.problem.picks_over_choices",
                min=item.min_picks,
                count=len(item.choices),
            )
    if kind == "text" and item.max_length is not None and item.max_length == 0:
        add(line, "max_length", path, "forms.problem.positive", key="max_length")
    if kind == "deduct" and item.cap is None:
        add(line, None, path, "forms.problem.missing_key", key="cap")
    if kind == "veto":
        if item.veto_grade is None and item.veto_stars is None:
            add(line, None, path, "forms.problem.veto_no_cap")
        if item.veto_stars is not None and not 0 <= item.veto_stars <= 5:
            add(line, "veto_stars", path, "forms.problem.stars_range", value=item.veto_stars)


def _check_show_if(checker: _Checker) -> None:
    form = checker.form
    for section in form.sections:
        for item in section.items:
            condition = item.show_if
            if condition is None:
                continue
            path = f"{section.id}.{item.id}"
            target = form.item(condition.item)
            if condition.item == item.id:
                checker.add(item.line, "show_if", path, "forms.problem.show_if_self")
            elif target is None:
                checker.add(item.line, "show_if", path, "forms.problem.show_if_unknown", item=condition.item)
            else:
                codes = _codes_of(form, target)
                wanted = list(condition.any_of)
                if isinstance(condition.equals, str) and target.type in ("rating", "choice", "multi"):
                    wanted.append(condition.equals)
                for code in wanted:
                    if codes is not None and code not in codes:
                        checker.add(
                            item.line,
                            "show_if",
                            path,
                            "forms.problem.show_if_bad_value",
                            value=code,
                            item=target.id,
                            allowed=", ".join(sorted(codes)),
                        )
    # cycles: follow show_if links from every item
    for item in form.items():
        chain = [item.id]
        current = item
        while current.show_if is not None and current.show_if.item != current.id:
            nxt = form.item(current.show_if.item)
            if nxt is None:
                break
            if nxt.id in chain:
                if nxt.id == item.id:
                    holder = form.section_of(item.id)
                    checker.add(
                        item.line,
                        "show_if",
                        f"{holder.id if holder else ''}.{item.id}",
                        "forms.problem.show_if_cycle",
                        cycle=" -> ".join([*chain, nxt.id]),
                    )
                break
            chain.append(nxt.id)
            current = nxt


def _codes_of(form: Form, item: Item) -> set[str] | None:
    if item.type == "rating":
        scale = form.scale_of(item)
        return set(scale.codes) if scale else None
    if item.type in ("choice", "multi") and not item.choices_from:
        return {choice.code for choice in item.choices}
    return None


def _check_ballot_rules(checker: _Checker) -> None:
    form = checker.form
    rule_ids = [(quota.id, quota.line) for quota in form.quotas]
    rule_ids += [(rule.id, rule.line) for rule in form.invalid_rules]
    _duplicates(checker, rule_ids, "rules.", "id")
    if form.scope == "ballot" and not form.score_item:
        checker.add(1, None, "form", "forms.problem.no_score_item")
    if form.kind == "star" and form.scope != "unit":
        checker.add(1, "kind", "form", "split.problem.star_not_unit", scope=form.scope)
    if form.satisfaction_item:
        target = form.item(form.satisfaction_item)
        if target is None:
            checker.add(
                1,
                "satisfaction_item",
                "form",
                "forms.problem.score_item_unknown",
                item=form.satisfaction_item,
            )
        elif target.type != "score" or target.min not in (None, 0.0) or target.max != 100:
            checker.add(1, "satisfaction_item", "form", "forms.problem.satisfaction_item", item=target.id)
    if form.score_item:
        target = form.item(form.score_item)
        if target is None:
            checker.add(1, "score_item", "form", "forms.problem.score_item_unknown", item=form.score_item)
        elif target.type not in ("rating", "score"):
            checker.add(
                1, "score_item", "form", "forms.problem.score_item_type", item=target.id, type=target.type
            )
    for quota in form.quotas:
        path = f"quotas.{quota.id}"
        target = form.item(quota.item)
        if target is None:
            checker.add(quota.line, "item", path, "forms.problem.rule_unknown_item", item=quota.item)
        else:
            codes = _codes_of(form, target)
            for level in quota.levels:
                if codes is not None and level not in codes:
                    checker.add(
                        quota.line,
                        "levels",
                        path,
                        "forms.problem.quota_unknown_level",
                        level=level,
                        item=target.id,
                        allowed=", ".join(sorted(codes)),
                    )
        if quota.max_share is None and quota.max_count is None:
            checker.add(quota.line, None, path, "forms.problem.quota_no_limit")
        if quota.max_share is not None and not 0 < quota.max_share <= 1:
            checker.add(
                quota.line,
                "max_share",
                path,
                "forms.problem.share_range",
                key="max_share",
                value=quota.max_share,
            )
        if quota.max_count is not None and quota.max_count < 0:
            checker.add(quota.line, "max_count", path, "forms.problem.negative", key="max_count")
        if not quota.levels:
            checker.add(quota.line, "levels", path, "forms.problem.empty_list", key="levels")
    for rule in form.invalid_rules:
        if form.item(rule.item) is None:
            checker.add(
                rule.line,
                "item",
                f"invalid_rules.{rule.id}",
                "forms.problem.rule_unknown_item",
                item=rule.item,
            )


def _check_total(checker: _Checker) -> None:
    form = checker.form
    if form.max_total is None or checker.problems:
        return
    # Imported here: loading a pinned form (every start of the meeting kiosk) should not pay for the
    # whole scoring package when the form declares no total.
    from forms.scoring import form_max_total

    declared = form.max_total
    computed = form_max_total(replace(form, max_total=None))
    if abs(computed - declared) > 1e-6:
        checker.add(
            1,
            "max_total",
            "form",
            "forms.problem.max_total",
            declared=f"{declared:g}",
            computed=f"{computed:g}",
        )
