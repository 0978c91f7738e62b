"""Ballots back in: the round trip into a store, and consolidation (dedupe, conflicts, tampering, other campaigns)."""

from __future__ import annotations

import json
import random
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from exports.ballot_files import read_ballot_files
from exports.consolidate import form_finder, read_exports, results_of, sealed_for_import
from exports.csvio import sha256_of
from exports.kinds import export_kind
from exports.manifest import Signer, manifest_path, read_manifest, signed, write_manifest
from exports.results import campaign_results
from forms.errors import InputError, ProblemFound
from store.api import CampaignStore, open_store
from tests.exports.export_fixtures import Campaign, build_campaign, valid_ballot


@pytest.fixture
def two_rooms(tmp_path: Path) -> tuple[Campaign, Path]:
    """Room 1 is a campaign with 9 ballots; room 2 is a copy of it taken before voting (same campaign)."""
    return build_campaign(tmp_path / "room1", snapshot=tmp_path / "room2"), tmp_path / "room2"


def _export(campaign_store: CampaignStore, path: Path) -> Path:
    export_kind(campaign_store, "ballots", path)
    return path


def _copy(source: Path, target: Path) -> Path:
    shutil.copy(source, target)
    shutil.copy(manifest_path(source), manifest_path(target))
    return target


def _rewrite(path: Path, change: Callable[[str], str], sign: Signer | None = None) -> None:
    """Edit an export's text and give it a manifest that matches again (a forged but consistent file);
    with `sign` (the campaign key) it is signed again too, so only the deeper checks can catch it."""
    text = path.read_bytes().decode("utf-8-sig")
    path.write_bytes(b"\xef\xbb\xbf" + change(text).encode("utf-8"))
    manifest = json.loads(manifest_path(path).read_text(encoding="utf-8"))
    manifest["sha256"] = sha256_of(path)
    manifest_path(path).write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    if sign is not None:
        write_manifest(path, signed(read_manifest(path), sign))


def test_round_trip_into_the_second_terminal_changes_nothing(
    two_rooms: tuple[Campaign, Path], tmp_path: Path
) -> None:
    room1, room2_dir = two_rooms
    exported = _export(room1.store, tmp_path / "room1.csv")
    room2 = open_store(room2_dir).campaign(room1.store.info.id)
    ballots = read_exports([exported], room2)
    outcome = room2.ballots.import_sealed_ballots(sealed_for_import(ballots, room2))
    assert (outcome.added, outcome.skipped) == (18, 0)
    original = {(b.ballot_id, b.content_hash) for b in room1.store.ballots.sealed_ballots()}
    imported = {(b.ballot_id, b.content_hash) for b in room2.ballots.sealed_ballots()}
    assert imported == original
    again = room2.ballots.import_sealed_ballots(sealed_for_import(read_exports([exported], room2), room2))
    assert (again.added, again.skipped) == (0, 18)
    # and exporting the second terminal gives the same rows
    second = _export(room2, tmp_path / "room2.csv")
    assert sorted(second.read_text(encoding="utf-8-sig").splitlines()) == sorted(
        exported.read_text(encoding="utf-8-sig").splitlines()
    )


def test_importing_into_the_same_store_finds_every_ballot_identical(
    campaign: Campaign, tmp_path: Path
) -> None:
    exported = _export(campaign.store, tmp_path / "b.csv")
    outcome = campaign.store.ballots.import_sealed_ballots(
        sealed_for_import(read_exports([exported], campaign.store), campaign.store)
    )
    assert (outcome.added, outcome.skipped) == (0, 18)


def test_two_rooms_merge_and_the_same_file_twice_counts_once(
    two_rooms: tuple[Campaign, Path], tmp_path: Path
) -> None:
    room1, room2_dir = two_rooms
    room2 = open_store(room2_dir).campaign(room1.store.info.id)
    room2.meeting.open_voting("admin")
    rng = random.Random(3)
    unit_ids = [unit.id for unit in room1.units]
    for _group, code in room1.unused_codes[:3]:
        answers = valid_ballot(room2.form("review_ballot"), unit_ids, rng, comments=False)
        room2.ballots.seal_ballot(code, "review_ballot", answers)
    room2.meeting.close_voting("admin")
    a = _export(room1.store, tmp_path / "room1.csv")
    b = _export(room2, tmp_path / "room2.csv")
    a_again = _copy(a, tmp_path / "room1-copy.csv")
    merged = read_exports([a, b, a_again], room1.store)
    assert len(merged.ballots) == 9 + 9 + 3
    assert merged.duplicates == 18
    assert merged.conflicts == []
    assert len(merged.closing_digests) == 2
    results = results_of(merged, room1.store, None)
    assert results.participation.ballots_sealed == 12
    assert all(unit.valid_ballots + unit.invalid_ballots == 12 for unit in results.units)


def test_consolidated_results_equal_the_stores_own(campaign: Campaign, tmp_path: Path) -> None:
    exported = _export(campaign.store, tmp_path / "b.csv")
    from_files = results_of(read_exports([exported], campaign.store), campaign.store, None)
    from_store = campaign_results(campaign.store)
    assert [(u.unit_id, u.composite, u.grade, u.star) for u in from_files.units] == [
        (u.unit_id, u.composite, u.grade, u.star) for u in from_store.units
    ]


def test_without_the_store_units_come_from_the_ballots(campaign: Campaign, tmp_path: Path) -> None:
    exported = _export(campaign.store, tmp_path / "b.csv")
    ballots = read_exports([exported], None)
    results = results_of(ballots, None, None)
    assert {unit.unit_id for unit in results.units} == {unit.id for unit in campaign.units}
    first = results.unit(campaign.units[0].id)
    assert first is not None and first.name == campaign.units[0].name
    store_results = campaign_results(campaign.store)
    assert [u.review_score for u in results.units if u.unit_id == "U01"] == [
        u.review_score for u in store_results.units if u.unit_id == "U01"
    ]


def test_same_id_with_other_content_is_a_conflict_naming_both_files(
    campaign: Campaign, tmp_path: Path
) -> None:
    original = _export(campaign.store, tmp_path / "room1.csv")
    forged = _copy(original, tmp_path / "forged.csv")
    lines = forged.read_bytes().decode("utf-8-sig").split("\r\n")
    target = next(i for i, line in enumerate(lines) if ",overall," in line and ",good,好,100," in line)
    ballot_id = lines[target].split(",")[4]
    _rewrite(
        forged,
        lambda text: text.replace(lines[target], lines[target].replace(",good,好,100,", ",poor,差,40,")),
        campaign.store.manifest_mac,
    )
    merged = read_exports([original, forged], campaign.store)
    assert len(merged.conflicts) == 1
    conflict = merged.conflicts[0]
    assert conflict.ballot_id == ballot_id
    assert conflict.first.file == str(original) and conflict.second.file == str(forged)
    first_index = next(i for i, line in enumerate(lines) if f",{ballot_id}," in line)
    first_line = "".join(line + "\r\n" for line in lines[:first_index]).count("\n") + 1  # comments span lines
    assert conflict.first.line == conflict.second.line == first_line
    assert ballot_id not in {ballot.ballot_id for ballot in sealed_for_import(merged, campaign.store)}


def test_a_file_saved_again_by_excel_is_refused(campaign: Campaign, tmp_path: Path) -> None:
    exported = _export(campaign.store, tmp_path / "room1.csv")
    text = exported.read_bytes().decode("utf-8-sig")
    exported.write_bytes(text.replace("\r\n", "\n").encode("gb18030"))  # what a re-save does to it
    with pytest.raises(ProblemFound) as caught:
        read_exports([exported], campaign.store)
    assert caught.value.key == "import.manifest_mismatch"
    assert caught.value.params["file"] == str(exported)


def test_missing_manifest_is_refused(campaign: Campaign, tmp_path: Path) -> None:
    exported = _export(campaign.store, tmp_path / "room1.csv")
    manifest_path(exported).unlink()
    with pytest.raises(InputError) as caught:
        read_exports([exported], campaign.store)
    assert caught.value.key == "import.manifest_missing"


def test_a_truncated_file_with_a_matching_hash_is_refused_by_its_row_count(
    campaign: Campaign, tmp_path: Path
) -> None:
    exported = _export(campaign.store, tmp_path / "room1.csv")
    _rewrite(
        exported, lambda text: "\r\n".join(text.split("\r\n")[:-20]) + "\r\n", campaign.store.manifest_mac
    )
    with pytest.raises(ProblemFound) as caught:
        read_exports([exported], campaign.store)
    assert caught.value.key == "import.row_count"


def test_another_campaigns_file_is_refused(campaign: Campaign, tmp_path: Path) -> None:
    other = build_campaign(tmp_path / "other", units=6, ballots=2)
    mine = _export(campaign.store, tmp_path / "mine.csv")
    theirs = _export(other.store, tmp_path / "theirs.csv")
    with pytest.raises(InputError) as caught:
        read_exports([mine, theirs], campaign.store)
    assert caught.value.key == "import.other_campaign"
    with pytest.raises(InputError):
        read_exports([mine, theirs], None)


def test_another_form_version_is_refused(campaign: Campaign, tmp_path: Path) -> None:
    first = _export(campaign.store, tmp_path / "a.csv")
    second = _copy(first, tmp_path / "b.csv")
    manifest = json.loads(manifest_path(second).read_text(encoding="utf-8"))
    manifest["forms"] = ["review_ballot@2024.1", "brand_vote@2025.1"]
    manifest_path(second).write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_exports([first, second], campaign.store)
    assert caught.value.key == "import.other_form"
    with pytest.raises(InputError) as caught:
        read_ballot_files([first, second], form_finder(None))
    assert caught.value.key == "import.other_form"


def test_exports_in_either_language_and_format_are_the_same_ballots(
    campaign: Campaign, tmp_path: Path
) -> None:
    from tui.i18n import set_language, t

    chinese = tmp_path / "zh.csv"
    export_kind(campaign.store, "ballots", chinese, text=t)
    set_language("en")
    try:
        english = tmp_path / "en.csv"
        export_kind(campaign.store, "ballots", english, plain=True, lang="en", text=t)
    finally:
        set_language("zh")
    assert "Overall rating" in english.read_text(encoding="utf-8")
    merged = read_exports([chinese, english], campaign.store)
    assert (len(merged.ballots), merged.duplicates, merged.conflicts) == (18, 18, [])


def test_a_row_with_missing_cells_names_its_line(campaign: Campaign, tmp_path: Path) -> None:
    exported = _export(campaign.store, tmp_path / "room1.csv")
    _rewrite(exported, lambda text: text.replace(",overall,", ",overall", 1), campaign.store.manifest_mac)
    with pytest.raises(InputError) as caught:
        read_exports([exported], campaign.store)
    assert caught.value.key == "import.row_width"
    # 15 id columns, and for people the rater group's name and 有效/无效 (polish)
    assert caught.value.params["actual"] == 16 and caught.value.params["expected"] == 17
