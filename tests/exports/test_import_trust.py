"""Imports as strict as the kiosk: signed manifests (HMAC under the campaign key), closing digests that
must come out of the file's ballots, and the kiosk's own answer checks for every imported ballot."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from exports.csvio import sha256_of
from exports.kinds import export_kind
from exports.manifest import Signer, manifest_path, read_manifest, signed, write_manifest
from store.api import open_store
from tests.exports.export_fixtures import Campaign, build_campaign
from tui.cli import cli
from tui.i18n import set_language

Rows = list[list[str]]
FORM, BALLOT, ITEM, ANSWER, LABEL, POINTS = 1, 4, 9, 11, 12, 13


@pytest.fixture(autouse=True)
def _chinese() -> None:
    set_language("zh")


@pytest.fixture
def rooms(tmp_path: Path) -> tuple[Campaign, Path, Path]:
    """Room 1 with 3 evaluators (3 review ballots, 3 brand votes) and its export; room 2 a copy from
    before voting, the campaign the export is imported into."""
    room1 = build_campaign(tmp_path / "room1", ballots=3, snapshot=tmp_path / "room2")
    exported = tmp_path / "room1.csv"
    export_kind(room1.store, "ballots", exported)
    return room1, tmp_path / "room2", exported


def run(data_dir: Path, *args: str) -> Result:
    result = CliRunner().invoke(cli, ["--data", str(data_dir), "--lang", "zh", *args])
    set_language("zh")
    return result


def forge(source: Path, target: Path, change: Callable[[Rows], Rows], sign: Signer | None = None) -> Path:
    """A copy of an export with its rows changed and its manifest's SHA-256 and row count made to match
    (as a forger would); signed again only when `sign` (the campaign key) is given."""
    text = source.read_bytes().decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    body = change([list(row) for row in rows[1:]])
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows([rows[0], *body])
    target.write_bytes(b"\xef\xbb\xbf" + out.getvalue().encode("utf-8"))
    manifest = json.loads(manifest_path(source).read_text(encoding="utf-8"))
    manifest.update(sha256=sha256_of(target), rows=len(body))
    manifest_path(target).write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    if sign is not None:
        write_manifest(target, signed(read_manifest(target), sign))
    return target


def three_become_four(rows: Rows) -> Rows:
    """One review ballot copied under a new id, and one rating of another ballot changed."""
    review = [row for row in rows if row[FORM] == "review_ballot"]
    ids = sorted({row[BALLOT] for row in review})
    copied = [
        [*row[:BALLOT], "0123456789abcde", *row[BALLOT + 1 :]] for row in review if row[BALLOT] == ids[0]
    ]
    for row in rows:
        if row[BALLOT] == ids[1] and row[ITEM] == "overall":
            row[ANSWER], row[LABEL], row[POINTS] = (
                ("poor", "差", "40") if row[ANSWER] != "poor" else ("good", "好", "100")
            )
            break
    return rows + copied


def one_added(rows: Rows) -> Rows:
    """One review ballot copied under a new id, nothing else changed."""
    first = min(row[BALLOT] for row in rows if row[FORM] == "review_ballot")
    return rows + [
        [*row[:BALLOT], "0123456789abcde", *row[BALLOT + 1 :]] for row in rows if row[BALLOT] == first
    ]


def set_answer(form: str, item: str, value: str) -> Callable[[Rows], Rows]:
    def change(rows: Rows) -> Rows:
        for row in rows:
            if row[FORM] == form and row[ITEM] == item:
                row[ANSWER] = value
                break
        return rows

    return change


def test_the_manifest_carries_a_mac_that_room_two_verifies(rooms: tuple[Campaign, Path, Path]) -> None:
    _room1, room2, exported = rooms
    assert len(read_manifest(exported).mac) == 64
    result = run(room2, "import", "ballots", str(exported))
    assert result.exit_code == 0, result.output
    assert open_store(room2).campaign().ballots.ballot_count() == 6


def test_a_forged_export_re_hashed_with_sha256_is_refused(rooms: tuple[Campaign, Path, Path]) -> None:
    _room1, room2, exported = rooms
    forged = forge(exported, exported.with_name("伪造.csv"), three_become_four)
    for args in (
        ("import", "ballots", str(forged)),
        ("consolidate", str(forged), "-o", str(forged.with_name("汇总.csv"))),
    ):
        result = run(room2, *args)
        assert result.exit_code == 1, result.output
        assert str(forged) in result.output and "签名" in result.output and "Traceback" not in result.output
    assert open_store(room2).campaign().ballots.ballot_count() == 0
    assert not forged.with_name("汇总.csv").exists()


def test_even_re_signed_the_ballots_must_give_the_closing_digest(rooms: tuple[Campaign, Path, Path]) -> None:
    room1, room2, exported = rooms
    forged = forge(exported, exported.with_name("伪造.csv"), three_become_four, room1.store.manifest_mac)
    result = run(room2, "import", "ballots", str(forged))
    assert result.exit_code == 1, result.output
    assert str(forged) in result.output and "摘要" in result.output
    assert open_store(room2).campaign().ballots.ballot_count() == 0
    only_added = forge(exported, exported.with_name("多一张.csv"), one_added, room1.store.manifest_mac)
    assert run(room2, "import", "ballots", str(only_added)).exit_code == 1


@pytest.mark.parametrize(
    ("form", "item", "value"),
    [
        ("review_ballot", "overall", "excellent"),
        ("review_ballot", "overall", "fairly\x00good"),
        ("brand_vote", "brands", "|".join(f"B{n:02d}" for n in range(1, 12))),  # 11 picks of at most 10
        ("brand_vote", "brands", "B01|B99"),  # a brand nobody registered
    ],
)
def test_answers_the_kiosk_would_refuse_are_refused_naming_file_and_line(
    rooms: tuple[Campaign, Path, Path], form: str, item: str, value: str
) -> None:
    room1, room2, exported = rooms
    bad = forge(
        exported, exported.with_name("坏答案.csv"), set_answer(form, item, value), room1.store.manifest_mac
    )
    result = run(room2, "import", "ballots", str(bad))
    assert result.exit_code in (1, 2), result.output
    assert str(bad) in result.output and "行" in result.output and "Traceback" not in result.output
    assert open_store(room2).campaign().ballots.ballot_count() == 0


def test_consolidate_without_the_campaign_says_it_cannot_check_signatures(
    rooms: tuple[Campaign, Path, Path], tmp_path: Path
) -> None:
    _room1, _room2, exported = rooms
    result = run(tmp_path / "no-store", "consolidate", str(exported), "-o", str(tmp_path / "s.csv"))
    assert result.exit_code == 0, result.output
    assert "无法核对清单签名" in result.stderr
