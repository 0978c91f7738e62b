"""Small groups stay secret: no view or export breaks a result down by a rater group with fewer valid
ballots than the rules' minimum (5), and says so where the figure would be."""

from __future__ import annotations

import csv
from pathlib import Path

from click.testing import CliRunner

from exports.kinds import export_kind
from exports.results import campaign_results
from forms.rules import default_rules, parse_rules, rules_to_toml
from tests.exports.export_fixtures import Campaign, build_campaign
from tui.cli import cli
from tui.i18n import set_language, t


def test_the_rule_is_five_and_round_trips() -> None:
    assert default_rules().min_group_ballots == 5
    rules, problems = parse_rules("min_group_ballots = 3\n", "rules.toml")
    assert problems == [] and rules is not None and rules.min_group_ballots == 3
    again, _ = parse_rules(rules_to_toml(rules), "rules.toml")
    assert again is not None and again.min_group_ballots == 3
    _, problems = parse_rules("min_group_ballots = -1\n", "rules.toml")
    assert [p.key for p in problems] == ["forms.problem.negative"]


def test_groups_below_five_ballots_show_no_mean_and_cannot_be_derived(campaign: Campaign) -> None:
    results = campaign_results(campaign.store)
    found_small = False
    for unit in results.units:
        small = [g for g in unit.groups if 0 < g.ballots < 5]
        for group in small:
            found_small = True
            assert group.mean is None and group.hidden_below == 5 and not group.complement
        if len(small) == 1:
            complements = [g for g in unit.groups if g.complement]
            assert len(complements) == 1 and complements[0].mean is None
        for group in unit.groups:
            if group.ballots >= 5 and not group.complement:
                assert group.mean is not None
    assert found_small, "the fixture has no small group: the test tests nothing"
    assert results.bias.groups
    for leniency in results.bias.groups:
        if leniency.hidden_below:
            assert leniency.leniency is None and leniency.mean_given is None


def test_the_summary_export_says_so_where_the_figure_would_be(campaign: Campaign, tmp_path: Path) -> None:
    set_language("zh")
    path = tmp_path / "summary.csv"
    export_kind(campaign.store, "summary", path, text=t)
    rows = list(csv.reader(path.read_text(encoding="utf-8-sig").splitlines()))
    header = rows[0]
    by_unit = {row[header.index("单位编号")]: row for row in rows[1:]}
    checked = 0
    for unit in campaign_results(campaign.store).units:
        for group in unit.groups:
            cell = by_unit[unit.unit_id][header.index(f"{group.label('zh')}平均分")]
            if group.hidden_below:
                assert cell == ("不单列（以免反推少于5票的类别）" if group.complement else "少于5票，不单列")
                checked += 1
            else:
                assert cell != "" and float(cell) >= 0
    assert checked > 0


def test_one_small_group_takes_the_next_smallest_with_it() -> None:
    from exports.model import GroupScore
    from exports.tallies import _withheld

    groups = tuple(
        GroupScore(gid, gid, gid, 0.25, count, 90.0)
        for gid, count in (("leaders", 3), ("heads", 9), ("members", 6))
    )
    shown = {g.group_id: g for g in _withheld(groups, 5)}
    assert shown["leaders"].mean is None and not shown["leaders"].complement
    assert shown["members"].mean is None and shown["members"].complement  # else overall - others = leaders
    assert shown["heads"].mean == 90.0
    assert _withheld(groups[1:], 5) == groups[1:]


def test_three_leaders_cannot_be_read_off_their_group_mean(tmp_path: Path) -> None:
    campaign = build_campaign(tmp_path / "data", ballots=12, seed=3)
    results = campaign_results(campaign.store)
    for unit in results.units:
        for group in unit.groups:
            if 0 < group.ballots < 5:
                assert group.mean is None


def test_consolidate_diagnostics_withhold_small_groups(campaign: Campaign, tmp_path: Path) -> None:
    exported = tmp_path / "b.csv"
    export_kind(campaign.store, "ballots", exported)
    result = CliRunner().invoke(
        cli,
        [
            "--data",
            str(campaign.data_dir),
            "--lang",
            "zh",
            "consolidate",
            str(exported),
            "-o",
            str(tmp_path / "s.csv"),
        ],
    )
    set_language("zh")
    assert result.exit_code == 0, result.output
    assert "少于5票，不单列" in result.stdout
