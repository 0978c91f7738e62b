"""The ballots' tallies kept between runs: the same results, recomputed on any change, never trusted unsigned."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

import exports.results
from exports.results import campaign_results
from exports.tallies import tally_ballots
from store.api import open_store
from store.ballot_snapshot import KEPT_TALLIES
from tests.exports.export_fixtures import Campaign


def _kept(campaign: Campaign) -> Path:
    return campaign.store.dir / KEPT_TALLIES


def _reopened(campaign: Campaign) -> Campaign:
    """The same campaign as a second process sees it (nothing cached in memory)."""
    store = open_store(campaign.data_dir).campaign(campaign.store.id)
    return Campaign(store, campaign.data_dir, campaign.units, campaign.unused_codes)


def _no_tallying(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object) -> None:
        raise AssertionError("the ballots were tallied again")

    monkeypatch.setattr(exports.results, "tally_ballots", refuse)


def test_kept_tallies_give_the_very_results_computed(
    campaign: Campaign, monkeypatch: pytest.MonkeyPatch
) -> None:
    computed = campaign_results(campaign.store)
    assert _kept(campaign).is_file()
    _no_tallying(monkeypatch)
    again = _reopened(campaign)
    assert campaign_results(again.store) == computed


def test_a_changed_ballot_file_is_tallied_again(campaign: Campaign) -> None:
    before = campaign_results(campaign.store)
    # A hand edit: every 较好 and 一般 of one review ballot becomes 差 (still a readable file).
    shard, data, ballot = next(
        (path, data, doc)
        for path in sorted((campaign.store.dir / "ballots").glob("*.json"))
        for data in [json.loads(path.read_text("utf-8"))]
        for doc in data.get("ballots", {}).values()
        if doc["form_id"] == "review_ballot" and doc["valid"]
    )
    for answers in ballot["answers"].values():
        if answers.get("overall") in ("fairly_good", "average"):
            answers["overall"] = "poor"
    shard.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    after = campaign_results(_reopened(campaign).store)
    assert after != before
    _kept(campaign).unlink()
    assert campaign_results(_reopened(campaign).store) == after


@pytest.mark.parametrize("damage", ["forged", "not_json", "empty", "deep", "other_key"])
def test_kept_tallies_changed_without_the_campaign_key_are_never_used(
    campaign: Campaign, damage: str
) -> None:
    computed = campaign_results(campaign.store)
    path = _kept(campaign)
    wrapper = json.loads(path.read_text("utf-8"))
    body = json.loads(wrapper["body"])
    if damage == "forged":  # a unit's score changed, the signature kept
        first = next(iter(body["tallies"]["tallies"]["aggregates"].values()))
        first["score"] = 100.0
        path.write_text(json.dumps({"mac": wrapper["mac"], "body": json.dumps(body)}), "utf-8")
    elif damage == "not_json":
        path.write_text("{本地缓存", "utf-8")
    elif damage == "empty":
        path.write_bytes(b"")
    elif damage == "deep":
        path.write_text("[" * 200_000 + "]" * 200_000, "utf-8")
    else:  # signed, but for other ballots
        body["key"] = "0" * 64
        text = json.dumps(body)
        mac = campaign.store.manifest_mac(b"kaoping-results-tallies\n" + text.encode("utf-8"))
        path.write_text(json.dumps({"mac": mac, "body": text}), "utf-8")
    assert campaign_results(_reopened(campaign).store) == computed
    rewritten = json.loads(path.read_text("utf-8"))
    assert json.loads(rewritten["body"])["key"] != "0" * 64


def test_other_rules_are_never_answered_from_tallies_kept_for_the_campaigns(campaign: Campaign) -> None:
    from dataclasses import replace

    rules = replace(campaign.store.rules(), trim="none")
    campaign_results(campaign.store)
    with_other = campaign_results(campaign.store, rules)
    _kept(campaign).unlink()
    assert campaign_results(_reopened(campaign).store, rules) == with_other


def test_kept_tallies_hold_no_code_no_ballot_id_and_stay_out_of_backups(campaign: Campaign) -> None:
    campaign_results(campaign.store)
    text = _kept(campaign).read_text("utf-8")
    files = campaign.store.files
    with files.op():
        code_hashes = [str(doc["hash"]) for doc in files.codebook().values()]
    ballot_ids = [ballot.ballot_id for ballot in campaign.store.ballots.sealed_ballots()]
    assert code_hashes and ballot_ids
    assert not [found for found in code_hashes + ballot_ids if found in text]
    backup = open_store(campaign.data_dir).backup()
    with zipfile.ZipFile(backup) as archive:
        assert not [name for name in archive.namelist() if KEPT_TALLIES in name]


def test_tally_ballots_is_what_compute_results_does_without_kept_tallies(campaign: Campaign) -> None:
    """The one pass and the results agree: compute_results with no tallies given tallies itself."""
    from exports.compute import BallotRecord, ResultSources, compute_results
    from exports.results import ballot_form_of, unit_infos

    store = campaign.store
    form = ballot_form_of(store)
    units = unit_infos(store.roster.meeting_units())
    ballots = sorted(
        (
            BallotRecord(ballot.ballot_id, ballot.rater_group, ballot.answers)
            for ballot in store.ballots.sealed_ballots(form.id)
        ),
        key=lambda record: record.ballot_id,
    )
    rules = store.rules()
    given = ResultSources("c", "n", rules, form, units, ballots)
    tallied = ResultSources(
        "c", "n", rules, form, units, (), tallies=tally_ballots(form, rules, units, ballots)
    )
    assert compute_results(given) == compute_results(tallied)


def test_a_lost_ballot_is_refused_even_with_tallies_kept(campaign: Campaign) -> None:
    """A shard put back from an older copy loses a ballot the ledger registers: the results refuse, as
    every count does, instead of showing the kept tallies."""
    from store.errors import StoreCorruptError

    campaign_results(campaign.store)
    shard, data = next(
        (path, data)
        for path in sorted((campaign.store.dir / "ballots").glob("*.json"))
        for data in [json.loads(path.read_text("utf-8"))]
        if data.get("ballots")
    )
    data["ballots"].pop(next(iter(data["ballots"])))
    shard.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    with pytest.raises(StoreCorruptError):
        campaign_results(_reopened(campaign).store)


def test_no_tallies_are_kept_while_voting_is_open(tmp_path: Path) -> None:
    """Results before the close (when the rules allow them) are computed, never written beside the data."""
    from tests.exports.export_fixtures import build_campaign

    reopened = build_campaign(tmp_path / "data", close=False)
    assert reopened.store.meeting.voting_state() == "open"
    first = campaign_results(reopened.store)
    assert not _kept(reopened).exists()
    assert campaign_results(_reopened(reopened).store) == first


def test_closing_the_vote_counts_once_so_the_first_opening_reads_the_kept_tallies(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from click.testing import CliRunner

    from tests.exports.export_fixtures import build_campaign
    from tui.cli import cli

    still_open = build_campaign(tmp_path / "data", close=False)
    assert not _kept(still_open).exists()  # nothing counted while voting is open
    closed = CliRunner().invoke(
        cli,
        [
            "--data",
            str(still_open.data_dir),
            "--lang",
            "zh",
            "voting",
            "close",
            "--passphrase",
            "导出测试口令-2026",
        ],
        catch_exceptions=False,
    )
    assert closed.exit_code == 0, closed.output
    assert "结果已计算并保存" in closed.output
    assert _kept(still_open).is_file()
    _no_tallying(monkeypatch)
    results = campaign_results(_reopened(still_open).store)
    assert results.units and all(unit.valid_ballots > 0 for unit in results.units)
