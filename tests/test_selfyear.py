"""A year of stars (issue 14): half the branches rated, the quota over the whole set, provisional marks,
finalising, and next year's last-year stars only from final results."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from forms.model import AnswerValue, Form
from store.api import CampaignStore, Unit, open_store
from tests.tui.selfassess.conftest import full_marks
from tui.cli import cli
from tui.i18n import set_language

PASSPHRASE = "工委考核2026年度口令"
BRANCHES = 10
RATED = 5  # half of the branches


def run(data: Path, *args: str, code: int = 0) -> Result:
    result = CliRunner().invoke(cli, ["--data", str(data), *args])
    output = result.output + (result.stderr if result.stderr_bytes is not None else "")
    assert "Traceback" not in output
    assert result.exit_code == code, (args, result.exit_code, output)
    return result


def _units() -> list[Unit]:
    units = [
        Unit("U01", "市委办公室", "中共市委办公室机关委员会", "机关党委", group="第一联络组", order=1),
        Unit("U02", "市教育局", "中共市教育局机关委员会", "机关党委", group="第二联络组", order=2),
    ]
    for number in range(BRANCHES):
        parent = "U01" if number < BRANCHES // 2 else "U02"
        units.append(
            Unit(
                f"B{number:02d}",
                f"第{number + 1}党支部",
                f"中共第{number + 1}支部委员会",
                "党支部",
                parent_id=parent,
                order=10 + number,
            )
        )
    return units


def _answers(form: Form, lowered: float) -> dict[str, AnswerValue]:
    """Full marks but `committee` lowered by `lowered` points (the scores differ, all in the five-star band)."""
    answers = full_marks(form)
    top = form.item("committee")
    assert top is not None and top.max is not None
    value = top.max - lowered
    answers["committee"] = int(value) if float(value).is_integer() else value
    return answers


def _rate(campaign: CampaignStore, unit_id: str, lowered: float, review: bool = True) -> None:
    form = campaign.form("star_branch")
    for item_id, value in _answers(form, lowered).items():
        campaign.self_assessments.save_self_answer(unit_id, "star_branch", item_id, value, "见支部台账")
    campaign.self_assessments.submit_self(unit_id, "star_branch", actor=unit_id)
    if review:
        campaign.self_assessments.mark_reviewed(unit_id, "star_branch", "第一联络组")


@pytest.fixture
def year_2026(tmp_path: Path) -> tuple[Path, CampaignStore]:
    set_language("zh")
    data = tmp_path / "data"
    campaign = open_store(data).create_campaign(
        "2026年度市直机关党建考核", 2026, ["review_ballot", "star_branch"], rules_text=""
    )
    campaign.roster.import_units(_units())
    campaign.meeting.set_passphrase(PASSPHRASE)
    for number in range(RATED):
        _rate(campaign, f"B{number:02d}", lowered=number * 0.5)
    # One more branch was sent back and is being corrected: work in progress.
    _rate(campaign, "B09", lowered=0, review=False)
    campaign.self_assessments.send_back("B09", "star_branch", "请补充组织生活会记录", "第二联络组")
    return data, campaign


def _roster_2027(path: Path, stars: dict[str, int]) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["编号", "单位名称", "党组织类型", "所属联络组", "上级", "上年星级"])
        for unit in _units():
            star = stars.get(unit.id)
            writer.writerow(
                [unit.id, unit.name, unit.kind, unit.group, unit.parent_id or "", f"{star}星" if star else ""]
            )
    return path


def _init_2027(data: Path, roster: Path, source: str, code: int = 0) -> Result:
    return run(
        data,
        "init",
        "--name",
        "2027年度市直机关党建考核",
        "--year",
        "2027",
        "--forms",
        "review_ballot,star_branch",
        "--passphrase",
        PASSPHRASE,
        "--units",
        str(roster),
        "--last-stars-from",
        source,
        code=code,
    )


def test_provisional_stars_are_not_cut_by_a_quota_over_the_rated_few(
    year_2026: tuple[Path, CampaignStore],
) -> None:
    """Why 3: while rating is under way the stars are provisional and uncut; the quota counts all branches."""
    from exports.stars import branch_stars

    _data, campaign = year_2026
    stars = branch_stars(campaign)
    assert stars is not None
    assert stars.provisional
    assert stars.five_star_allowed == 3  # floor(0.3 x 10 branches), not floor(0.3 x 5 rated)
    assert stars.five_star == RATED  # none cut to 四星 while rating is under way
    assert stars.held_by_quota == 0
    assert stars.rated == RATED


def test_last_stars_only_from_finalised_results(
    year_2026: tuple[Path, CampaignStore], tmp_path: Path
) -> None:
    """Why 2: `init --last-stars-from` refuses unfinished results naming what is missing; finalize, then it
    takes them, and the roster's 上年星级 stays the override."""
    from exports.stars import branch_stars

    data, campaign = year_2026
    roster = _roster_2027(tmp_path / "2027名单.csv", {"B01": 2})
    before = sorted(p.name for p in (data / "campaigns").iterdir())
    refused = _init_2027(data, roster, campaign.id, code=2)
    assert "尚未确认为最终结果" in refused.stderr
    assert "投票尚未开始" in refused.stderr
    assert "退回" in refused.stderr and "第10党支部" in refused.stderr
    assert sorted(p.name for p in (data / "campaigns").iterdir()) == before  # nothing created

    # Finalising is refused too while voting never ran and a form is back with its unit.
    refused = run(data, "--campaign", campaign.id, "results", "finalize", "--passphrase", PASSPHRASE, code=2)
    assert "投票尚未开始" in refused.stderr and "退回" in refused.stderr
    status = run(data, "--campaign", campaign.id, "results", "status")
    assert "进行中" in status.output

    campaign.meeting.open_voting("admin")
    campaign.meeting.close_voting("admin")
    form = campaign.form("star_branch")
    for item_id, value in _answers(form, 0).items():
        campaign.self_assessments.save_self_answer(
            "B09", "star_branch", item_id, value, "已补充组织生活会记录"
        )
    campaign.self_assessments.submit_self("B09", "star_branch", actor="B09")
    campaign.self_assessments.mark_reviewed("B09", "star_branch", "第二联络组")
    run(data, "--campaign", campaign.id, "results", "finalize", "--passphrase", "错误口令", code=2)
    done = run(data, "--campaign", campaign.id, "results", "finalize", "--passphrase", PASSPHRASE)
    assert "最终结果" in done.output
    assert "4 个参评组织尚无结果" in done.stderr  # B05..B08 never rated: finalised as unrated
    assert "已公布" in run(data, "--campaign", campaign.id, "results", "status").output
    assert "结果已公布" in run(data, "campaigns").output  # what --last-stars-from can take

    final = branch_stars(campaign)
    assert final is not None and not final.provisional
    assert final.five_star == 3  # the quota over all 10 branches now cuts: the three best keep 五星
    assert final.held_by_quota == RATED + 1 - 3
    official = campaign.meeting.final_results()
    assert official is not None
    assert set(official.unrated) == {"B05", "B06", "B07", "B08"}

    # Published: a form can no longer be reopened under the finalised stars.
    reopened = run(
        data,
        "--campaign",
        campaign.id,
        "self-assess",
        "--reopen",
        "B00",
        "--reason",
        "更正",
        "--passphrase",
        PASSPHRASE,
        code=2,
    )
    assert "已于" in reopened.stderr and "最终结果" in reopened.stderr

    _init_2027(data, roster, campaign.id)
    new = open_store(data).campaign()
    assert new.info.year == 2027 and new.info.last_stars_from == campaign.id
    by_row = {row.unit_id: row.star for row in final.rows}
    assert new.roster.unit("B00").last_star == by_row["B00"] == 5
    assert new.roster.unit("B01").last_star == 2  # the roster's 上年星级 wins
    assert new.roster.unit("B04").last_star == by_row["B04"] == 4
    assert new.roster.unit("B06").last_star is None  # unrated in 2026: no star to carry
