"""The ballots export for people names the rater group and says 有效/无效; it still reads back."""

from __future__ import annotations

import csv
import random
from pathlib import Path

from exports.consolidate import read_exports
from exports.kinds import export_kind
from store.simulate import simulate_ballots
from tests.tui.meeting.conftest import Meeting
from tui.i18n import set_language, t


def _rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def test_rater_group_names_and_validity_words_in_the_interface_language(
    demo_meeting: Meeting, tmp_path: Path
) -> None:
    campaign = demo_meeting.campaign
    list(simulate_ballots(campaign, 3, random.Random(7)))
    campaign.meeting.close_voting("test")
    out = tmp_path / "测评票.csv"
    export_kind(campaign, "ballots", out, text=t)
    rows = _rows(out)
    assert rows[0][-2:] == ["评议人类别名称", "是否有效"]
    groups = {row[-2] for row in rows[1:]}
    assert groups <= {"工委领导", "部门负责人", "党员代表", "服务对象代表"} and groups
    assert {row[-1] for row in rows[1:]} <= {"有效", "无效"}
    assert "members" not in groups and "leaders" not in groups
    assert len(read_exports([out], campaign).ballots) == 3, "the file still reads back by column name"
    plain = tmp_path / "plain.csv"
    export_kind(campaign, "ballots", plain, plain=True, text=t)
    assert _rows(plain)[0][-1] == "valid", "the machine format is unchanged"
    set_language("en")
    try:
        english = tmp_path / "ballots-en.csv"
        export_kind(campaign, "ballots", english, lang="en", text=t)
        assert {row[-1] for row in _rows(english)[1:]} <= {"valid", "invalid"}
    finally:
        set_language("zh")
