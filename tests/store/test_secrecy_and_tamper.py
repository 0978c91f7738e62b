"""Ballot secrecy after 200 ballots sealed in a known order, and tamper evidence by `verify`."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path
from typing import Any

import pytest

from store import codes as codebook
from store.api import CampaignStore, open_store
from store.simulate import random_ballot
from tests.store.store_helpers import good_ballot, make_small_campaign

BALLOT_FIELDS = {
    "ballot_id",
    "terminal_id",
    "form_id",
    "form_version",
    "rater_group",
    "day",
    "answers",
    "valid",
    "invalid_reasons",
    "content_hash",
    "shard",
}


def _spearman(order_a: list[str], order_b: list[str]) -> float:
    rank_b = {item: index for index, item in enumerate(order_b)}
    n = len(order_a)
    d2 = sum((index - rank_b[item]) ** 2 for index, item in enumerate(order_a))
    return 1 - 6 * d2 / (n * (n * n - 1))


@pytest.fixture(scope="module")
def sealed_200(tmp_path_factory: pytest.TempPathFactory) -> tuple[CampaignStore, list[str], list[str]]:
    """200 ballots sealed one after the other; the codes used and the ids in sealing order."""
    data_dir = tmp_path_factory.mktemp("secrecy") / "data"
    campaign = make_small_campaign(data_dir)
    form = campaign.form("review_ballot")
    units = [unit.id for unit in campaign.roster.meeting_units()]
    rng = random.Random(200)
    codes = campaign.codes.issue_codes("members", 120) + campaign.codes.issue_codes("served", 80)
    order: list[str] = []
    for code in codes:
        for unit_id, row in random_ballot(form, units, rng).items():
            campaign.ballots.save_answers(code, unit_id, row)
        order.append(campaign.ballots.seal_ballot(code, "review_ballot"))
    return campaign, codes, order


def test_sealed_ballots_hold_no_code_no_person_no_time(
    sealed_200: tuple[CampaignStore, list[str], list[str]],
) -> None:
    campaign, codes, _order = sealed_200
    shard_texts = [
        path.read_text(encoding="utf-8") for path in sorted((campaign.dir / "ballots").glob("*.json"))
    ]
    everything = "\n".join(shard_texts)
    salt = campaign.files.salt
    for code in codes:
        normal = codebook.normalise_code(code) or ""
        assert code not in everything and normal not in everything
        assert codebook.hash_code(salt, normal) not in everything
        assert codebook.hash_code(salt, normal)[:15] not in everything
    assert not re.search(r"\d{2}:\d{2}", everything), "a time of day was stored"
    for text in shard_texts:
        for doc in json.loads(text)["ballots"].values():
            assert set(doc) == BALLOT_FIELDS
            assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", doc["day"])
    assert not list((campaign.dir / "drafts").rglob("*")), "drafts must be gone once sealed"
    assert not (campaign.dir / "pending.json").exists()
    for path in (campaign.dir / "codebook").glob("*.json"):
        codes_table = json.loads(path.read_text(encoding="utf-8"))["codes"]
        assert all(set(doc) == {"hash", "group", "used"} for doc in codes_table.values())
    for path in (campaign.dir / "ledger").glob("*.json"):
        entries = json.loads(path.read_text(encoding="utf-8"))["ledger"].values()
        assert all(set(doc) == {"id", "hash", "source", "form", "group", "primary"} for doc in entries)
    assert "ballot" not in (campaign.dir / "audit.json").read_text(encoding="utf-8").replace("ballots.", "")


def test_storage_and_export_order_do_not_follow_sealing(
    sealed_200: tuple[CampaignStore, list[str], list[str]],
) -> None:
    campaign, _codes, order = sealed_200
    in_files: list[str] = []
    for path in sorted((campaign.dir / "ballots").glob("*.json")):
        in_files.extend(
            doc["ballot_id"] for doc in json.loads(path.read_text(encoding="utf-8"))["ballots"].values()
        )
    exported = [ballot.ballot_id for ballot in campaign.ballots.sealed_ballots()]
    assert sorted(in_files) == sorted(order) == sorted(exported)
    for observed in (in_files, exported):
        assert observed != order and observed != order[::-1]
        assert abs(_spearman(observed, order)) < 0.3
    ledger_ids: list[str] = []
    for path in sorted((campaign.dir / "ledger").glob("*.json")):
        ledger_ids.extend(
            doc["id"] for doc in json.loads(path.read_text(encoding="utf-8"))["ledger"].values()
        )
    assert abs(_spearman(ledger_ids, order)) < 0.3


def test_an_untouched_store_verifies(sealed_200: tuple[CampaignStore, list[str], list[str]]) -> None:
    assert sealed_200[0].integrity.verify() == []


# ---------------------------------------------------------------------- tamper


@pytest.fixture
def sealed_few(data_dir: Path) -> CampaignStore:
    campaign = make_small_campaign(data_dir)
    for code in campaign.codes.issue_codes("members", 6):
        campaign.ballots.seal_ballot(code, "review_ballot", good_ballot(campaign))
    return campaign


def _a_shard(campaign: CampaignStore) -> tuple[Path, dict[str, Any]]:

    # The first shard holding a ballot (every shard file exists from the first seal on).
    for path in sorted((campaign.dir / "ballots").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        if data["ballots"]:
            return path, data
    raise AssertionError("no sealed ballot")


def test_an_edited_score_is_caught(sealed_few: CampaignStore) -> None:
    path, data = _a_shard(sealed_few)
    doc = next(iter(data["ballots"].values()))
    doc["answers"]["U03"]["overall"] = "poor"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    findings = open_store(sealed_few.store.data_dir).campaign().integrity.verify()
    assert [(f.kind, f.record) for f in findings] == [("edited", doc["ballot_id"])]


def test_an_edited_score_with_a_recomputed_hash_is_still_caught(sealed_few: CampaignStore) -> None:
    from store.sealing import ballot_from_doc, ballot_hash

    path, data = _a_shard(sealed_few)
    doc = next(iter(data["ballots"].values()))
    doc["answers"]["U03"]["overall"] = "poor"
    doc["content_hash"] = ballot_hash(ballot_from_doc(doc))
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert [f.kind for f in sealed_few.integrity.verify()] == ["edited"]


def test_a_deleted_ballot_is_caught(sealed_few: CampaignStore) -> None:
    path, data = _a_shard(sealed_few)
    key, doc = next(iter(data["ballots"].items()))
    del data["ballots"][key]
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    findings = sealed_few.integrity.verify()
    assert [(f.kind, f.record) for f in findings] == [("deleted", doc["ballot_id"])]


def test_a_duplicated_ballot_is_caught(sealed_few: CampaignStore) -> None:
    path, data = _a_shard(sealed_few)
    doc = next(iter(data["ballots"].values()))
    other = sealed_few.dir / "ballots" / ("3f.json" if path.name != "3f.json" else "3e.json")
    other_data = (
        json.loads(other.read_text(encoding="utf-8"))
        if other.exists()
        else {
            "_kaoping": data["_kaoping"],
            "ballots": {},
        }
    )
    other_data["ballots"][str(int(doc["ballot_id"], 16))] = doc
    other.write_text(json.dumps(other_data, ensure_ascii=False), encoding="utf-8")
    findings = sealed_few.integrity.verify()
    assert [(f.kind, f.record) for f in findings] == [("duplicated", doc["ballot_id"])]


def test_an_added_ballot_and_a_reset_code_are_caught(sealed_few: CampaignStore) -> None:
    path, data = _a_shard(sealed_few)
    doc = dict(next(iter(data["ballots"].values())))
    doc["ballot_id"] = "0123456789abcde"
    data["ballots"][str(int(doc["ballot_id"], 16))] = doc
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    _reset_one_used_code(sealed_few)
    kinds = sorted(f.kind for f in sealed_few.integrity.verify())
    assert kinds == ["added", "count"]


def test_the_closing_digest_catches_a_rewritten_ledger(sealed_few: CampaignStore) -> None:
    sealed_few.meeting.close_voting("管理员")
    assert sealed_few.integrity.verify() == []
    path, data = _a_shard(sealed_few)
    key, doc = next(iter(data["ballots"].items()))
    del data["ballots"][key]
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    ledger_path = sealed_few.dir / "ledger" / f"{doc['ballot_id'][0]}.json"
    ledger = json.loads(ledger_path.read_text(encoding="utf-8"))
    del ledger["ledger"][key]
    ledger_path.write_text(json.dumps(ledger, ensure_ascii=False), encoding="utf-8")
    _reset_one_used_code(sealed_few)
    assert [f.kind for f in sealed_few.integrity.verify()] == ["digest"]


def _reset_one_used_code(campaign: CampaignStore) -> None:
    """What someone wanting to vote twice would do: mark a used code unused again."""
    for path in sorted((campaign.dir / "codebook").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        used = [doc for doc in data["codes"].values() if doc["used"]]
        if used:
            used[0]["used"] = False
            path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
            return
    raise AssertionError("no used code to reset")


def test_a_ballot_with_a_field_cut_out_is_a_clear_error_when_read(sealed_few: CampaignStore) -> None:
    from forms.errors import ProblemFound

    path, data = _a_shard(sealed_few)
    doc = next(iter(data["ballots"].values()))
    del doc["answers"]
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ProblemFound) as error:
        list(sealed_few.ballots.sealed_ballots())
    assert error.value.key == "store.record_damaged" and error.value.params["file"] == str(path)
    assert [f.kind for f in sealed_few.integrity.verify()] == ["edited"]


def test_after_the_close_file_times_do_not_tell_which_file_was_written_when(
    sealed_200: tuple[CampaignStore, list[str], list[str]],
) -> None:
    import os

    campaign, _codes, _order = sealed_200
    if campaign.meeting.voting_state() == "open":
        campaign.meeting.close_voting("管理员")
    files = [
        path
        for folder in ("ballots", "ledger", "codebook")
        for path in (campaign.dir / folder).glob("*.json")
    ]
    for stamps in ([os.stat(path).st_mtime for path in files], [os.stat(path).st_ctime for path in files]):
        assert max(stamps) - min(stamps) < 5, "the close touched every ballot, ledger and code file"
    assert campaign.integrity.verify() == []
