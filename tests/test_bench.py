"""The bench's own rules: comparisons run interleaved with min and median ratios, the crash loop fails
when it saw too few sealed ballots, and the TinyDB baselines are working storages (no timing here)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tinydb import Query, TinyDB

from bench.__main__ import main
from bench.bench_store import MIN_ACKNOWLEDGED, crash_rows, storages
from bench.report import Row, interleave, ratio_rows


def test_cases_are_timed_in_turn_each_round_starting_one_further_on() -> None:
    calls: list[str] = []
    cases = {name: (lambda name=name: calls.append(name)) for name in "ABC"}
    samples = interleave(cases, 4)
    assert "".join(calls) == "ABC" + "BCA" + "CAB" + "ABC"
    assert [len(samples[name]) for name in "ABC"] == [4, 4, 4]
    assert all(sample >= 0 for sample in samples["A"] + samples["B"] + samples["C"])


def test_a_comparison_shows_its_min_and_median_ratio_each_held_to_the_target() -> None:
    # The minimums are 1 and 2 (ratio 0.5); the medians 4 and 2 (ratio 2.0): only the median misses.
    rows = ratio_rows("city/500", "seal vs tinydb", [1.0, 4.0, 9.0], [2.0, 2.0, 2.0], at_most=1.0)
    assert [(row.metric, row.value, row.target, row.ok) for row in rows] == [
        ("seal vs tinydb (min)", 0.5, "<= 1x", True),
        ("seal vs tinydb (median)", 2.0, "<= 1x", False),
    ]
    shown = ratio_rows("city/500", "seal vs tinydb-atomic", [1.0], [2.0])
    assert [row.ok for row in shown] == [None, None]  # shown beside, held to nothing


def test_a_crash_loop_that_saw_one_sealed_ballot_in_150_kills_fails() -> None:
    verdicts = {row.metric: row.ok for row in crash_rows(150, 0, 1)}
    assert verdicts == {
        "kill -9 of a sealer (150 kills)": True,
        "ballots acknowledged before the kills": False,
    }
    assert all(row.ok for row in crash_rows(150, 0, MIN_ACKNOWLEDGED))
    assert not all(row.ok for row in crash_rows(150, 1, 5000))


def test_the_runner_exits_1_on_a_missed_target(monkeypatch: pytest.MonkeyPatch) -> None:
    def missed(quick: bool) -> list[Row]:
        return [Row("case", "metric", 2.0, "x", "<= 1x", False)]

    monkeypatch.setattr("bench.__main__.discover", lambda: {"fake": missed})
    monkeypatch.setattr("bench.__main__.run_in_child", lambda name, quick: missed(quick))
    assert main(["fake", "--quick"]) == 1


def test_a_child_hands_its_rows_back_whole(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    rows = [Row("合并", "速度", 0.73, "x", ">= 0.5x", True), Row("合并", "基线", 1.0, "rows/s")]
    monkeypatch.setattr("bench.__main__.discover", lambda: {"fake": lambda quick: rows})
    out = tmp_path / "rows.json"
    assert main(["--rows-to", str(out), "fake"]) == 0
    assert [Row(**fields) for fields in json.loads(out.read_text(encoding="utf-8"))] == rows


@pytest.mark.parametrize("name", ["tinydb", "tinydb-nofsync", "tinydb-atomic"])
def test_every_tinydb_baseline_keeps_one_document_per_ballot(tmp_path: Path, name: str) -> None:
    path = tmp_path / "投票.json"
    db = TinyDB(str(path), storage=storages()[name], encoding="utf-8", ensure_ascii=False)
    ballot = {"U01": {"overall": "good"}, "U02": {"overall": "average", "comment": "工作扎实"}}
    db.table("ballots").insert({"group": "members", "answers": ballot})
    db.table("drafts").upsert({"code": "ABCD-EFGH", "answers": {"U01": {}}}, Query().code == "ABCD-EFGH")
    db.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["投票.json"]  # nothing half-written left beside
    stored = json.loads(path.read_text(encoding="utf-8"))
    assert stored["ballots"] == {"1": {"group": "members", "answers": ballot}}
    again = TinyDB(str(path), storage=storages()[name], encoding="utf-8")
    assert again.table("drafts").get(Query().code == "ABCD-EFGH") == {
        "code": "ABCD-EFGH",
        "answers": {"U01": {}},
    }
    again.close()
