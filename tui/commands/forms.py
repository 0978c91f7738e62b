"""The `kaoping forms list | show ID | check FILE...` commands (no Textual: they must start fast)."""

from __future__ import annotations

import tomllib
import unicodedata
from importlib import resources
from pathlib import Path

import click

from forms.builtin import BUILTIN_IDS, builtin_form, builtin_forms
from forms.errors import InputError, ProblemFound
from forms.loader import check_form_file, load_form
from forms.model import Condition, Form, Item
from forms.problems import Problem
from forms.rules import Rules, check_rules_file, default_rules, load_rules
from forms.scoring import form_max_total, item_full_points
from forms.toml_text import read_text
from tui.i18n import language, t

RULES_ID = "rules"
# Top-level keys that only a rules file has: how `check` tells a rules file from a form file.
_RULES_ONLY_KEYS = frozenset(
    {"trim_above", "rater_groups", "grades", "stars", "composite_weights", "rating_points", "group_weighting"}
)
_FORM_KEYS = frozenset({"id", "scope", "sections"})


def _num(value: float) -> str:
    """A number as a cadre writes it: 20, 0.5, 92.5."""
    return f"{value:g}"


def _builtin_path(name: str) -> Path:
    return Path(str(resources.files("forms") / "builtin" / f"{name}.toml"))


@click.group("forms", help=t("forms.cmd.group"))
def forms_group() -> None:
    """The forms commands."""


@forms_group.command("list", help=t("forms.cmd.list"))
def list_forms() -> None:
    lang = language()
    rows = [t("forms.list.header").split("\t")]
    for form in builtin_forms().values():
        count = sum(1 for _ in form.items())
        scope = t(f"forms.scope_short.{form.scope}")
        rows.append([form.id, form.version, scope, str(count), form.title.get(lang)])
    for line in _aligned(rows):
        click.echo(line)
    click.echo(t("forms.list.rules"))


def _width(text: str) -> int:
    """Terminal columns of a text: Chinese characters take two."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def _aligned(rows: list[list[str]]) -> list[str]:
    """Rows as columns padded to the widest cell (by terminal width), two spaces apart."""
    widths = [max(_width(row[index]) for row in rows) for index in range(len(rows[0]))]
    return [
        "  ".join(cell + " " * (widths[index] - _width(cell)) for index, cell in enumerate(row)).rstrip()
        for row in rows
    ]


@forms_group.command("show", help=t("forms.cmd.show"))
@click.argument("form_id", metavar="ID")
def show_form(form_id: str) -> None:
    if form_id == RULES_ID:
        click.echo(_render_rules(default_rules(), str(_builtin_path(RULES_ID))))
        return
    path = Path(form_id)
    if form_id in BUILTIN_IDS and not path.exists():
        form = builtin_form(form_id)
    elif path.exists() or path.suffix == ".toml" or "/" in form_id:
        if _is_rules_text(read_text(path)):
            click.echo(_render_rules(load_rules(path), str(path)))
            return
        form = load_form(path)
    else:
        raise InputError("forms.error.unknown_form", form_id=form_id, known=", ".join(BUILTIN_IDS))
    click.echo(render_form(form, language()))


@forms_group.command("check", help=t("forms.cmd.check"))
@click.argument("targets", nargs=-1, metavar="FILE...")
def check_forms(targets: tuple[str, ...]) -> None:
    if not targets:
        raise InputError("forms.check.missing_argument")
    problems: list[Problem] = []
    unreadable: InputError | None = None
    for target in targets:
        path = Path(target)
        if not path.exists() and (target in BUILTIN_IDS or target == RULES_ID):
            path = _builtin_path(target)
        try:
            found = check_rules_file(path) if _is_rules_text(read_text(path)) else check_form_file(path)
        except InputError as error:  # checked the others first; a missing file still exits 2
            unreadable = unreadable or error
            continue
        for problem in found:
            click.echo(render_problem(problem))
        if not found:
            click.echo(t("forms.check.ok", file=str(path)))
        problems += found
    if unreadable is not None:
        raise unreadable
    if problems:
        raise ProblemFound("forms.check.summary", count=len(problems))


def render_problem(problem: Problem) -> str:
    """`FILE:LINE: path: what is wrong`, the last part in the user's language."""
    return problem.render(t)


def _is_rules_text(text: str) -> bool:
    """Whether a TOML text is a rules file rather than a form (a broken TOML counts as a form)."""
    try:
        keys = set(tomllib.loads(text))
    except (tomllib.TOMLDecodeError, RecursionError):
        return False
    return bool(keys & _RULES_ONLY_KEYS) and not keys & _FORM_KEYS


def _describe_condition(form: Form, condition: Condition, lang: str) -> str:
    target = form.item(condition.item)
    name = target.label.get(lang) if target else condition.item
    if condition.equals is not None:
        value = condition.equals
        if isinstance(value, bool):
            value = ("是" if value else "否") if lang == "zh" else ("yes" if value else "no")
        return f"{name} = {value}"
    if condition.any_of:
        return f"{name} ∈ {{{', '.join(condition.any_of)}}}"
    if condition.min is not None or condition.max is not None:
        low = _num(condition.min) if condition.min is not None else "…"
        high = _num(condition.max) if condition.max is not None else "…"
        return f"{low} ≤ {name} ≤ {high}"
    answered = condition.answered is not False
    if lang == "zh":
        return f"{name} {'已作答' if answered else '未作答'}"
    return f"{name} {'is answered' if answered else 'is not answered'}"


def _answer_facts(form: Form, item: Item, lang: str) -> list[str]:
    """The levels, range, choices and picks an answer item allows."""
    facts: list[str] = []
    if item.type == "rating":
        scale = form.scale_of(item)
        if scale:
            levels = " ".join(
                t(
                    "forms.show.level",
                    key=level.key or level.code,
                    label=level.label.get(lang),
                    points=_num(level.points),
                )
                for level in scale.levels
            )
            facts.append(t("forms.show.levels", levels=levels))
    if item.type == "score" and item.max is not None:
        low = _num(item.min if item.min is not None else 0.0)
        if item.step:
            facts.append(t("forms.show.range", min=low, max=_num(item.max), step=_num(item.step)))
        else:
            facts.append(t("forms.show.range_nostep", min=low, max=_num(item.max)))
    if item.type in ("choice", "multi"):
        if item.choices_from:
            facts.append(t("forms.show.choices_from", source=t(f"forms.source.{item.choices_from}")))
        else:
            choices = " / ".join(
                choice.label.get(lang) + (f"({_num(choice.points)})" if choice.points else "")
                for choice in item.choices
            )
            facts.append(t("forms.show.choices", choices=choices))
    if item.type == "multi":
        facts.append(
            t(
                "forms.show.picks",
                min=item.min_picks,
                max=item.max_picks if item.max_picks is not None else "∞",
            )
        )
    return facts


def _penalty_facts(item: Item, lang: str) -> list[str]:
    """What a deduction or a veto item takes away."""
    facts: list[str] = []
    if item.type == "deduct" and item.cap is not None:
        if item.points is not None:
            facts.append(t("forms.show.deduct_each", points=_num(item.points), cap=_num(item.cap)))
        else:
            facts.append(t("forms.show.deduct_cap", cap=_num(item.cap)))
    if item.type == "veto":
        if item.veto_stars == 0:
            facts.append(t("forms.show.veto_no_star"))
        elif item.veto_stars is not None:
            facts.append(t("forms.show.veto_stars", stars=item.veto_stars))
        if item.veto_grade:
            band = default_rules().grade_band(item.veto_grade)
            facts.append(t("forms.show.veto_grade", grade=band.label(lang) if band else item.veto_grade))
    return facts


def _item_facts(form: Form, item: Item, lang: str) -> list[str]:
    facts: list[str] = []
    if item.required:
        facts.append(t("forms.show.required"))
    full = item_full_points(form, item)
    if item.weight == 0 and item.type in ("score", "rating", "check", "choice", "multi"):
        facts.append(t("forms.show.weight_zero"))
    elif full:
        facts.append(t("forms.show.points", points=_num(full)))
    facts.extend(_answer_facts(form, item, lang))
    if item.type == "text" and item.max_length:
        facts.append(t("forms.show.max_length", max=item.max_length))
    facts.extend(_penalty_facts(item, lang))
    if item.note_below_full:
        facts.append(t("forms.show.note_deduct") if item.type == "deduct" else t("forms.show.note"))
    if item.show_if is not None:
        facts.append(t("forms.show.show_if", condition=_describe_condition(form, item.show_if, lang)))
    return facts


def render_form(form: Form, lang: str) -> str:
    """A form as plain text: header, formula, then every section and item with points and criteria."""
    lines = [
        t("forms.show.title", title=form.title.get(lang), form_id=form.id, version=form.version),
        t("forms.show.scope", scope=t(f"forms.scope.{form.scope}")),
    ]
    total = form_max_total(form)
    if total:
        lines.append(t("forms.show.total", total=_num(total)))
    if form.parts:
        terms = [
            t("forms.show.part_term", label=part.label.get(lang), weight=_num(part.weight * 100))
            for part in form.parts
        ]
        lines.append(t("forms.show.parts", formula=" + ".join(terms)))
    if form.score_item:
        target = form.item(form.score_item)
        lines.append(t("forms.show.score_item", item=target.label.get(lang) if target else form.score_item))
    if form.description:
        lines.append(form.description.get(lang))
    for quota in form.quotas:
        lines.append(t("forms.show.quota", text=quota.text.get(lang)))
    for rule in form.invalid_rules:
        lines.append(t("forms.show.invalid_rule", text=rule.text.get(lang)))
    for number, section in enumerate(form.sections, start=1):
        lines.append("")
        points = sum(item_full_points(form, item) for item in section.items)
        title = section.title.get(lang)
        lines.append(
            t("forms.show.section_points", title=title, points=_num(points))
            if points and not form.score_item
            else t("forms.show.section", title=title)
        )
        if section.help:
            lines.append("  " + section.help.get(lang))
        for index, item in enumerate(section.items, start=1):
            kind = t(f"forms.type.{item.type}")
            lines.append(
                "  " + t("forms.show.item", number=f"{number}.{index}", label=item.label.get(lang), kind=kind)
            )
            facts = _item_facts(form, item, lang)
            if facts:
                lines.append("     " + " · ".join(facts))
            if item.help:
                lines.append("     " + t("forms.show.criteria", text=item.help.get(lang)))
    return "\n".join(lines)


def _render_rules(rules: Rules, file: str) -> str:
    """The campaign rules as a short plain-text summary in the user's language."""
    lang = language()
    on_off = t("forms.rules.on") if rules.group_weighting else t("forms.rules.off")
    lines = [
        t("forms.show.rules_title", file=file),
        t(
            "forms.rules.rating_points",
            points=", ".join(f"{code}={_num(v)}" for code, v in rules.rating_points.items()),
        ),
        t("forms.rules.trim", count=rules.trim_above),
        t(f"results.rules.trim.{rules.trim}"),
        t(
            "results.rules.ties",
            breaks=" → ".join(t(f"results.rules.tie_break.{name}") for name in rules.tie_breaks) or "—",
        ),
        t(
            "forms.rules.groups",
            state=on_off,
            groups=", ".join(
                f"{(g.en if lang == 'en' else g.zh)} {_num(g.weight)}" for g in rules.rater_groups
            ),
        ),
        t(
            "forms.rules.composite",
            weights=", ".join(f"{k}={_num(v)}" for k, v in rules.composite_weights.items()),
        ),
        t(
            "forms.rules.grades",
            bands=", ".join(f"{band.label(lang)} ≥ {_num(band.min_score)}" for band in rules.grades),
        ),
        t(
            "forms.rules.stars",
            bands=", ".join(f"{band.stars}★ ≥ {_num(band.min_score)}" for band in rules.stars),
        ),
    ]
    if rules.five_star_max_share is not None:
        lines.append(t("forms.rules.five_star_quota", percent=_num(rules.five_star_max_share * 100)))
    if rules.no_star_below_satisfaction is not None:
        lines.append(t("forms.rules.no_star_below", threshold=_num(rules.no_star_below_satisfaction)))
    lines.append(t(f"forms.rules.supervision.{rules.supervision_method}"))
    lines.append(
        t("forms.rules.results_open") if rules.results_before_close else t("forms.rules.results_closed")
    )
    return "\n".join(lines)


COMMANDS: list[click.Command] = [forms_group]
