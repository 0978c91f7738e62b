"""The results notice (通报) as Markdown: grades, stars and changes, top ten brands, participation."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from forms.rounding import format_score

from .csvio import write_text_atomic
from .model import CampaignResults, UnitResult
from .stars import BranchStars

Translate = Callable[..., str]


def _md(text: object) -> str:
    """A table cell: pipes escaped and line breaks flattened, so a name cannot break the table."""
    return str(text).replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " ")


def _score(value: float | None) -> str:
    return format_score(value, 2)


def _table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> list[str]:
    lines = ["| " + " | ".join(_md(cell) for cell in header) + " |", "|" + "---|" * len(header)]
    lines.extend("| " + " | ".join(_md(cell) for cell in row) + " |" for row in rows)
    return lines


def render_report(
    results: CampaignResults,
    text: Translate,
    lang: str = "zh",
    day: str = "",
    branches: BranchStars | None = None,
    status: Sequence[str] = (),
) -> str:
    """The notice's Markdown text; every sentence comes from the catalogue through `text`.

    `status`: the results' state and what is still missing (`exports.official`), said under the title.

    The star section lists the branches' stars (星级党支部) when the campaign rates branches, else the
    organizations' stars from their composite scores.
    """
    lines: list[str] = []
    year = results.year if results.year is not None else ""
    lines.append("# " + text("report.title", name=results.campaign_name, year=year))
    lines.append("")
    lines.append(text("report.draft_note"))
    lines.append("")
    if status:
        lines.extend(f"**{_md(line)}**" if index == 0 else _md(line) for index, line in enumerate(status))
        lines.append("")

    participation = results.participation
    lines.append("## " + text("report.section.participation"))
    lines.append("")
    if participation.codes_issued:
        lines.append(
            text(
                "report.participation",
                issued=participation.codes_issued,
                sealed=participation.ballots_sealed,
                valid=participation.ballots_valid,
                invalid=participation.ballots_sealed - participation.ballots_valid,
                turnout=f"{(participation.turnout or 0) * 100:.1f}",
            )
        )
    else:
        lines.append(
            text(
                "report.participation_no_codes",
                sealed=participation.ballots_sealed,
                valid=participation.ballots_valid,
                invalid=participation.ballots_sealed - participation.ballots_valid,
            )
        )
    lines.append("")
    lines.extend(_basis(results, text, lang))

    lines.append("## " + text("report.section.grades"))
    lines.append("")
    graded = [unit for unit in results.units if unit.grade]
    if graded:
        lines.append(text("report.grades_intro", count=len(graded)))
        lines.append("")
        if results.graded_without_ballots:
            names = {unit.unit_id: unit.name for unit in results.units}
            lines.append(
                "> "
                + text(
                    "results.report.no_ballot_warning",
                    count=len(results.graded_without_ballots),
                    units="、".join(names.get(u, u) for u in results.graded_without_ballots),
                )
            )
            lines.append("")
        for note in results.ties:
            if note.kind == "grade":
                lines.append(
                    text(
                        "results.report.grade_tie",
                        grade=_grade_label(results, note.code, lang),
                        units="、".join(note.names),
                        over=note.over,
                    )
                )
                lines.append("")
        counts: dict[str, int] = {}
        for unit in graded:
            label = unit.grade_label(lang)
            counts[label] = counts.get(label, 0) + 1
        lines.append(
            text(
                "report.grade_counts",
                counts=("；" if lang == "zh" else "; ").join(f"{k} {v}" for k, v in counts.items()),
            )
        )
        lines.append("")
        lines.extend(
            _table(
                [
                    text("report.col.rank"),
                    text("report.col.unit"),
                    text("report.col.review"),
                    text("report.col.good_rate"),
                    text("report.col.composite"),
                    text("report.col.grade"),
                ],
                [
                    (
                        unit.rank or "—",
                        unit.name,
                        _score(unit.review_score),
                        "—" if unit.good_rate is None else f"{unit.good_rate * 100:.1f}%",
                        _score(unit.composite),
                        unit.grade_label(lang),
                    )
                    for unit in graded
                ],
            )
        )
    else:
        lines.append(text("report.no_grades"))
    without = [unit.name for unit in results.units if not unit.grade]
    if without:
        # Said, never silently dropped: the units still without a result.
        shown = "、".join(without[:5]) + ("…" if len(without) > 5 else "")
        lines += ["", text("selfyear.report.no_result", count=len(without), names=shown)]
    lines.append("")

    lines.append("### " + text("results.report.section.dimensions"))
    lines.append("")
    lines.extend(_dimension_section(results, text, lang))
    lines.append("")

    lines.append("## " + text("report.section.stars"))
    lines.append("")
    if branches is not None and any(row.star is not None for row in branches.rows):
        lines.extend(_branch_section(branches, text))
    elif results.organisation_stars:
        lines.extend(_unit_star_section(results, text))
    else:
        # Stars belong to branches; without rated branches the notice gives none (rules: organisation_stars).
        lines.append(text("results.report.no_branch_stars"))
    lines.append("")

    lines.append("## " + text("report.section.brands"))
    lines.append("")
    top = [tally for tally in results.brands if tally.top_ten]
    tied = [tally for tally in results.brands if tally.status == "runoff"]
    if top or tied:
        if tied:
            left = next((note.over for note in results.ties if note.kind == "brands"), 0)
            lines.append(
                "> "
                + text(
                    "results.report.brand_tie",
                    decided=len(top),
                    count=len(tied),
                    votes=tied[0].votes,
                    left=left,
                    brands="、".join(tally.name for tally in tied),
                )
            )
            lines.append("")
        lines.extend(
            _table(
                [
                    text("report.col.place"),
                    text("report.col.brand"),
                    text("report.col.unit"),
                    text("report.col.votes"),
                ],
                [(tally.place, tally.name, tally.unit_name or "—", tally.votes) for tally in top],
            )
        )
    else:
        lines.append(text("report.no_brands"))
    lines.append("")

    lines.append("## " + text("report.section.digests"))
    lines.append("")
    if results.closing_digests:
        lines.append(text("report.digests_intro"))
        lines.append("")
        lines.extend(f"- `{digest}`" for digest in results.closing_digests)
    else:
        lines.append(text("report.no_digests"))
    lines.append("")
    if day:
        lines.append(text("report.footer", day=day))
        lines.append("")
    return "\n".join(lines)


def _grade_label(results: CampaignResults, code: str, lang: str) -> str:
    for unit in results.units:
        if unit.grade == code:
            return unit.grade_label(lang)
    return code


def _basis(results: CampaignResults, text: Translate, lang: str) -> list[str]:
    """What the notice rests on: each form's sealed ballots (valid and invalid), the sources, the rules."""
    lines: list[str] = []
    for count in results.form_counts:
        lines.append(
            "- "
            + text(
                "results.report.form_count",
                form=count.title(lang),
                sealed=count.sealed,
                valid=count.valid,
                invalid=count.invalid,
            )
        )
    if len(results.form_counts) > 1:
        total = sum(count.sealed for count in results.form_counts)
        lines.append("- " + text("results.report.form_total", total=total))
    verified = sum(1 for unit in results.units if unit.self_verified is not None)
    visited = sum(1 for unit in results.units if unit.visits)
    reviewed = sum(1 for unit in results.units if unit.valid_ballots)
    lines.append(
        "- "
        + text(
            "results.report.sources",
            units=len(results.units),
            reviewed=reviewed,
            verified=verified,
            visited=visited,
        )
    )
    lines.append("- " + text(f"results.report.trim.{results.trim}"))
    lines.append("- " + text("results.report.tie_rule"))
    lines.append("")
    return lines


def _dimension_section(results: CampaignResults, text: Translate, lang: str) -> list[str]:
    """Each unit's 五力 means, strongest and weakest (they show strengths; they do not count)."""
    rated = [unit for unit in results.units if unit.dimension_means]
    if not results.dimensions or not rated:
        return [text("results.report.no_dimensions")]
    labels = [en if lang == "en" and en else zh for _, zh, en in results.dimensions]
    lines = [text("results.report.dimensions_intro"), ""]
    lines.extend(
        _table(
            [
                text("report.col.unit"),
                *labels,
                text("results.report.col.strongest"),
                text("results.report.col.weakest"),
            ],
            [
                (
                    unit.name,
                    *(_score(unit.dimension_means.get(ident)) for ident, _, _ in results.dimensions),
                    results.dimension_label(unit.strongest or "", lang) if unit.strongest else "—",
                    results.dimension_label(unit.weakest or "", lang) if unit.weakest else "—",
                )
                for unit in rated
            ],
        )
    )
    return lines


def _unit_star_section(results: CampaignResults, text: Translate) -> list[str]:
    """The organizations' stars from their composite scores, with last year's and the change."""
    lines: list[str] = []
    starred = [unit for unit in results.units if unit.star is not None]
    if starred:
        quota = results.star_quota
        # Compared with last year only when there is one: the same rated units on both sides.
        has_last = any(unit.last_star is not None for unit in starred)
        lines.append(
            text(
                "report.stars_intro" if has_last else "selfyear.report.stars_intro_first",
                five=quota.five_star_units,
                allowed="—" if quota.five_star_allowed is None else quota.five_star_allowed,
                up=sum(1 for unit in starred if unit.change == "up"),
                down=sum(1 for unit in starred if unit.change == "down"),
            )
        )
        lines.append("")
        ordered = sorted(starred, key=lambda unit: (-(unit.star or 0), unit.rank or 0, unit.unit_id))
        header = [text("report.col.unit"), text("report.col.star")]
        if has_last:
            header += [text("report.col.last_star"), text("report.col.change")]
        lines.extend(
            _table(
                header,
                [
                    (unit.name, _stars(unit.star, text), _stars(unit.last_star, text), _change(unit, text))
                    if has_last
                    else (unit.name, _stars(unit.star, text))
                    for unit in ordered
                ],
            )
        )
        from_branch = [unit for unit in starred if unit.star_from_branch]
        if from_branch:
            lines += ["", text("selfyear.report.branch_orgs", count=len(from_branch))]
        if quota.capped:
            names = {unit.unit_id: unit.name for unit in results.units}
            lines.append("")
            lines.append(text("report.quota_capped", units="、".join(names.get(u, u) for u in quota.capped)))
        vetoed = [unit for unit in results.units if unit.vetoes]
        if vetoed:
            lines.append("")
            for unit in vetoed:
                lines.append("- " + text("report.veto", unit=unit.name, items="、".join(unit.vetoes)))
    else:
        lines.append(text("report.no_stars"))
    return lines


def _branch_section(branches: BranchStars, text: Translate) -> list[str]:
    """The branches' stars: counts per star, the quota, the five-star branches and those moving down."""
    rated = [row for row in branches.rows if row.star is not None]
    counts = "、".join(
        text("report.branch_count", stars=_stars(stars, text), count=branches.count(stars))
        for stars in (5, 4, 3, 2, 1, 0)
    )
    has_last = any(row.last_star is not None for row in rated)
    lines = [
        text(
            "report.branch_intro" if has_last else "selfyear.report.branch_intro_first",
            rated=len(rated),
            counts=counts,
            allowed="—" if branches.five_star_allowed is None else branches.five_star_allowed,
            up=sum(1 for row in rated if row.change == "up"),
            down=sum(1 for row in rated if row.change == "down"),
        )
    ]
    pending = len(branches.rows) - len(rated)
    if pending:
        lines += ["", text("report.branch_pending", count=pending)]
    if branches.provisional:
        total = len(branches.rows)
        allowed = "—" if branches.five_star_allowed is None else branches.five_star_allowed
        lines += ["", text("selfyear.report.provisional", total=total, allowed=allowed)]
    provisional = sum(1 for row in rated if not row.verified)
    if provisional:
        lines += ["", text("report.branch_provisional", count=provisional)]
    five = [row for row in rated if row.star == 5]
    if five:
        lines += ["", "### " + text("report.branch_five_title"), ""]
        lines += _table(
            [
                text("report.col.unit"),
                text("report.col.parent"),
                text("report.col.last_star"),
                text("report.col.change"),
            ],
            [
                (
                    row.name,
                    row.parent_name or "—",
                    _stars(row.last_star, text),
                    text(f"report.change.{row.change}"),
                )
                for row in sorted(five, key=lambda row: (-(row.score or 0), row.unit_id))
            ],
        )
    down = [row for row in rated if row.change == "down"]
    if down:
        lines += ["", "### " + text("report.branch_down_title"), ""]
        lines += _table(
            [
                text("report.col.unit"),
                text("report.col.parent"),
                text("report.col.star"),
                text("report.col.last_star"),
            ],
            [
                (row.name, row.parent_name or "—", _stars(row.star, text), _stars(row.last_star, text))
                for row in down
            ],
        )
    if branches.held_by_quota:
        lines += ["", text("report.branch_quota_held", count=branches.held_by_quota)]
    vetoed = [row for row in rated if row.vetoes]
    if vetoed:
        lines.append("")
        lines.extend("- " + text("report.veto", unit=row.name, items="、".join(row.vetoes)) for row in vetoed)
    return lines


def _stars(stars: int | None, text: Translate) -> str:
    if stars is None:
        return "—"
    if stars == 0:
        return text("report.no_star")
    return text("report.stars", count=stars)


def _change(unit: UnitResult, text: Translate) -> str:
    return text(f"report.change.{unit.change}")


def write_report(
    results: CampaignResults,
    path: Path,
    text: Translate,
    lang: str = "zh",
    day: str = "",
    branches: BranchStars | None = None,
    status: Sequence[str] = (),
) -> int:
    """Writes the notice to `path` atomically, as Word (.docx) or Markdown; returns its number of lines."""
    content = render_report(results, text, lang, day, branches, status)
    if Path(path).suffix.lower() == ".docx":
        from .report_docx import write_docx

        write_docx(content, Path(path))
    else:
        write_text_atomic(Path(path), content)
    return content.count("\n") + 1
