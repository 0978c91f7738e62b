"""The results notice (通报) as Markdown: grades, stars and changes, top ten brands, participation."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from .csvio import write_text_atomic
from .model import CampaignResults, UnitResult

Translate = Callable[..., str]


def _md(text: object) -> str:
    """A table cell: pipes escaped and line breaks flattened, so a name cannot break the table."""
    return str(text).replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " ")


def _score(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


def _table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> list[str]:
    lines = ["| " + " | ".join(_md(cell) for cell in header) + " |", "|" + "---|" * len(header)]
    lines.extend("| " + " | ".join(_md(cell) for cell in row) + " |" for row in rows)
    return lines


def render_report(results: CampaignResults, text: Translate, lang: str = "zh", day: str = "") -> str:
    """The notice's Markdown text; every sentence comes from the catalogue through `text`."""
    lines: list[str] = []
    year = results.year if results.year is not None else ""
    lines.append("# " + text("report.title", name=results.campaign_name, year=year))
    lines.append("")
    lines.append(text("report.draft_note"))
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

    lines.append("## " + text("report.section.grades"))
    lines.append("")
    graded = [unit for unit in results.units if unit.grade]
    if graded:
        lines.append(text("report.grades_intro", count=len(graded)))
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
    lines.append("")

    lines.append("## " + text("report.section.stars"))
    lines.append("")
    starred = [unit for unit in results.units if unit.star is not None]
    if starred:
        quota = results.star_quota
        lines.append(
            text(
                "report.stars_intro",
                five=quota.five_star_units,
                allowed="—" if quota.five_star_allowed is None else quota.five_star_allowed,
                up=sum(1 for unit in starred if unit.change == "up"),
                down=sum(1 for unit in starred if unit.change == "down"),
            )
        )
        lines.append("")
        ordered = sorted(starred, key=lambda unit: (-(unit.star or 0), unit.rank or 0, unit.unit_id))
        lines.extend(
            _table(
                [
                    text("report.col.unit"),
                    text("report.col.star"),
                    text("report.col.last_star"),
                    text("report.col.change"),
                ],
                [
                    (unit.name, _stars(unit.star, text), _stars(unit.last_star, text), _change(unit, text))
                    for unit in ordered
                ],
            )
        )
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
    lines.append("")

    lines.append("## " + text("report.section.brands"))
    lines.append("")
    top = [tally for tally in results.brands if tally.top_ten and tally.votes > 0]
    if top:
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


def _stars(stars: int | None, text: Translate) -> str:
    if stars is None:
        return "—"
    if stars == 0:
        return text("report.no_star")
    return text("report.stars", count=stars)


def _change(unit: UnitResult, text: Translate) -> str:
    return text(f"report.change.{unit.change}")


def write_report(
    results: CampaignResults, path: Path, text: Translate, lang: str = "zh", day: str = ""
) -> int:
    """Writes the notice to `path` atomically; returns its number of lines."""
    content = render_report(results, text, lang, day)
    write_text_atomic(Path(path), content)
    return content.count("\n") + 1
