"""Code sheets: the CSV for Excel and the text sheet of slips to cut, for ballot, unit and group codes.

The plaintext of a code exists only in what `issue_codes` / `issue_unit_codes` / `issue_group_codes`
return; these functions issue and write it at once, never overwriting an earlier sheet (it may hold the
only plaintext of codes still valid). Texts come from the caller's translator (`Translate`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from forms.errors import InputError
from store.api import CampaignStore
from store.errors import StoreWriteError
from store.outputs import refuse_inside_data
from store.storage import write_atomic

from .csvio import cell, write_csv
from .kinds import Translate

if TYPE_CHECKING:
    from store.demo import DemoResult


@dataclass(frozen=True)
class SheetRow:
    """One slip: who it is for (a rater group, a unit, a liaison group) and the code."""

    holder: str
    code: str


@dataclass(frozen=True)
class IssuedSheet:
    """Codes just issued and where their sheets are: the CSV and the text sheet of slips beside it."""

    count: int
    holder: str
    csv: Path
    text: Path
    title: str = ""
    codes: tuple[str, ...] = ()  # the plaintext of ballot codes, for printed slips (never stored)


def write_code_sheet(
    csv_path: Path,
    title: str,
    holder_header: str,
    rows: Sequence[SheetRow],
    text: Translate,
    code_header: str = "store.sheet.code",
) -> Path:
    """Write a CSV for Excel (UTF-8 with BOM, CRLF) and a plain-text sheet of slips to cut beside it
    (same name, .txt); both mode 0600, written atomically. Returns the text sheet's path."""
    slips = [title, ""]
    cut = "-" * 20 + " ✂ " + "-" * 20
    for number, row in enumerate(rows, start=1):
        slips += [cut, text("store.sheet.slip", number=number, holder=row.holder), f"    {row.code}", ""]
    slips.append(cut)
    text_path = csv_path.with_suffix(".txt")
    csv_path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    # The project's Excel-safe writer (BOM, CRLF, formula guard, atomic; its temp file is already 0600);
    # a disk error is reported like the store's own writes.
    # 测评码 names ballot codes only; sign-in sheets name their codes 单位登录码 / 联络组登录码.
    header = [text("store.sheet.number"), holder_header, text(code_header)]
    lines = ([number, cell(row.holder), row.code] for number, row in enumerate(rows, start=1))
    try:
        write_csv(csv_path, [header], lines)
    except OSError as error:
        raise StoreWriteError(csv_path, error) from error
    write_atomic(text_path, ("\n".join(slips) + "\n").encode("utf-8"))
    return text_path


def group_label(campaign: CampaignStore, group_id: str, lang: str) -> str:
    """A rater group's name in the language (its id when the rules do not know it)."""
    group = campaign.rules().group(group_id)
    if group is None:
        return group_id
    return group.en if lang == "en" and group.en else group.zh


def _unit_rows(campaign: CampaignStore, codes: Mapping[str, str]) -> list[SheetRow]:
    names = {unit.id: unit.name for unit in campaign.roster.units()}
    return [SheetRow(f"{unit_id} {names.get(unit_id, '')}", code) for unit_id, code in codes.items()]


def write_campaign_sheets(
    campaign: CampaignStore,
    ballot_codes: Mapping[str, Sequence[str]],
    unit_codes: Mapping[str, str],
    group_codes: Mapping[str, str],
    text: Translate,
    lang: str,
    folder: Path | None = None,
) -> list[Path]:
    """The code sheets of a new campaign (ballot, unit and group codes) in `folder`, by default
    `sheets_dir`; refused inside the data directory."""
    folder = Path(folder or sheets_dir(campaign.store.data_dir, campaign.id)).absolute()
    refuse_inside_data(campaign.store.data_dir, folder)
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    name = campaign.info.name
    if ballot_codes:
        rows = [
            SheetRow(group_label(campaign, g, lang), code)
            for g, codes in ballot_codes.items()
            for code in codes
        ]
        path = folder / "ballot-codes.csv"
        write_code_sheet(
            path, text("store.sheet.ballot_title", name=name), text("store.sheet.rater_group"), rows, text
        )
        written.append(path)
    if unit_codes:
        path = folder / "unit-codes.csv"
        title = text("store.sheet.unit_title", name=name)
        write_code_sheet(
            path,
            title,
            text("store.sheet.unit"),
            _unit_rows(campaign, unit_codes),
            text,
            "polish.codes.unit_code",
        )
        written.append(path)
    if group_codes:
        rows = [SheetRow(group, code) for group, code in group_codes.items()]
        path = folder / "group-codes.csv"
        write_code_sheet(
            path,
            text("store.sheet.group_title", name=name),
            text("store.sheet.group"),
            rows,
            text,
            "polish.codes.group_code",
        )
        written.append(path)
    return written


def write_demo_sheets(
    data_dir: Path, result: DemoResult, text: Translate, lang: str, folder: Path | None = None
) -> list[Path]:
    """The code sheets of a demo just made by `store.demo.create_demo` (the `demo` command and the home
    screen): in `folder`, by default beside the data directory (`sheets_dir`), never in it."""
    from store.api import open_store

    campaign = open_store(data_dir).campaign(result.campaign_id)
    codes = (result.ballot_codes, result.unit_codes, result.group_codes)
    return write_campaign_sheets(campaign, *codes, text, lang, folder)


def sheets_dir(data_dir: Path, campaign_id: str) -> Path:
    """Where `init` and `demo` put a new campaign's code sheets unless told (`--sheets`): beside the data
    directory, never in it -- the sheets hold the plaintext codes, the data directory their salted
    hashes, and a copy of one must never carry the other."""
    data_dir = Path(data_dir).absolute()
    return data_dir.parent / f"{data_dir.name}-code-sheets" / campaign_id


def sheet_target(campaign: CampaignStore, output: Path, also: Sequence[str] = ()) -> Path:
    """Where a sheet goes: `output` (.csv added when missing), refused inside the data directory -- the
    plaintext codes never lie beside their hashes --, when it, its .txt or a file with one of the
    suffixes `also` exists, or when its folder is missing."""
    refuse_inside_data(campaign.store.data_dir, output)
    target = output
    if target.suffix.lower() != ".csv":
        target = target.with_name(target.name + ".csv")
    for path in (target, target.with_suffix(".txt"), *(target.with_suffix(suffix) for suffix in also)):
        if path.exists():
            raise InputError("store.cmd.output_exists", path=str(path))
    if not target.parent.is_dir():
        raise InputError("store.cmd.no_directory", path=str(target.parent))
    return target


def issue_ballot_sheet(
    campaign: CampaignStore,
    group: str,
    count: int,
    output: Path,
    text: Translate,
    lang: str,
    also: Sequence[str] = (),
) -> IssuedSheet:
    """Issue `count` ballot codes of a rater group (named by id, Chinese or English name) and write their
    sheet to `output` (.csv added when missing); refused before issuing when the sheet cannot be written."""
    group_id = group
    for candidate in campaign.rules().rater_groups:
        if group in (candidate.id, candidate.zh, candidate.en):
            group_id = candidate.id
    target = sheet_target(campaign, output, also)
    codes = campaign.codes.issue_codes(group_id, count)
    label = group_label(campaign, group_id, lang)
    title = text("store.sheet.ballot_title", name=campaign.info.name)
    rows = [SheetRow(label, code) for code in codes]
    text_path = write_code_sheet(target, title, text("store.sheet.rater_group"), rows, text)
    return IssuedSheet(len(codes), label, target, text_path, title, tuple(codes))


def issue_unit_sheet(
    campaign: CampaignStore, unit_ids: Sequence[str], output: Path, reissue: bool, text: Translate
) -> IssuedSheet:
    """New sign-in codes for units (all when none named) and their sheet; replacing codes already
    handed out needs `reissue`."""
    wanted = list(unit_ids) or [unit.id for unit in campaign.roster.units()]
    if not wanted:
        raise InputError("store.no_units")
    replaced = sorted(set(wanted) & campaign.codes.units_with_codes())
    if replaced and not reissue:
        raise InputError("store.cmd.reissue_needs_yes", count=len(replaced))
    target = sheet_target(campaign, output)
    rows = _unit_rows(campaign, campaign.codes.issue_unit_codes(wanted))
    title = text("store.sheet.unit_title", name=campaign.info.name)
    text_path = write_code_sheet(
        target, title, text("store.sheet.unit"), rows, text, "polish.codes.unit_code"
    )
    return IssuedSheet(len(rows), "", target, text_path)


def issue_group_sheet(campaign: CampaignStore, output: Path, reissue: bool, text: Translate) -> IssuedSheet:
    """New sign-in codes for every liaison group and their sheet; replacing codes needs `reissue`."""
    if not campaign.roster.meeting_units():
        raise InputError("store.no_units")
    replaced = campaign.codes.groups_with_codes()
    if replaced and not reissue:
        raise InputError("store.cmd.reissue_needs_yes", count=len(replaced))
    target = sheet_target(campaign, output)
    rows = [SheetRow(group, code) for group, code in campaign.codes.issue_group_codes().items()]
    title = text("store.sheet.group_title", name=campaign.info.name)
    text_path = write_code_sheet(
        target, title, text("store.sheet.group"), rows, text, "polish.codes.group_code"
    )
    return IssuedSheet(len(rows), "", target, text_path)
