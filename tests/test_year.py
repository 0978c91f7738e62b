"""A year with kaoping (SCENARIOS.md), step by step: the real commands, and the store calls the screens make.

The 2026 campaign is walked once per test session (module fixture `year_2026`, asserting as it goes);
each test then works on its own copy of the data directories.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from exports.code_sheets import sheets_dir
from forms.errors import InputError
from forms.model import AnswerValue
from store.api import CampaignStore, open_store
from tui.cli import cli
from tui.i18n import set_language

SAMPLE_ROSTER = Path(__file__).parent / "exports" / "data" / "roster-city-66.csv"
NAME = "2026年度市直机关党建考核"
PASSPHRASE = "工委考核2026年度口令"
FORMS = "review_ballot,duty_list,star_branch,supervision_visit"
GOOD_UNITS = 8  # U01..U08 are rated 好 on every ballot: 好 grade, five stars
DIMENSIONS = ("political_leadership", "execution", "cohesion", "member_vanguard", "service")
LAST_STARS = {"U01": 4, "U02": 5, "U10": 3, "U11": 2}  # given by the 2026 roster


def run(data: Path, *args: str, code: int = 0) -> Result:
    """`kaoping --data DATA args...` through CliRunner, asserting the exit code and that nothing crashed."""
    result = CliRunner().invoke(cli, ["--data", str(data), *args])
    output = result.output + (result.stderr if result.stderr_bytes is not None else "")
    assert "Traceback" not in output
    assert result.exit_code == code, (args, result.exit_code, output, result.exception)
    if code:
        assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit)
    return result


@pytest.fixture(autouse=True)
def _chinese_after_each_test() -> Iterator[None]:
    yield
    set_language("zh")


# ---------------------------------------------------------------------- roster files


def sample_rows() -> list[list[str]]:
    with SAMPLE_ROSTER.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def roster_with_branches(last_stars: dict[str, int]) -> list[list[str]]:
    """The sample roster with 上年星级 and 上级 columns and two branches under U01 and U02 each."""
    header, *rows = sample_rows()
    out = [[*header, "上年星级", "上级"]]
    for row in rows:
        star = last_stars.get(row[0])
        out.append([*row, f"{star}星" if star else "", ""])
    for parent in ("U01", "U02"):
        parent_row = next(row for row in rows if row[0] == parent)
        for number, word in ((1, "一"), (2, "二")):
            branch = f"{parent}-{number}"
            star = last_stars.get(branch)
            out.append(
                [
                    branch,
                    f"{parent_row[1]}第{word}党支部",
                    f"中共{parent_row[1]}第{word}支部委员会",
                    "党支部",
                    parent_row[4],
                    str(star) if star else "",
                    parent,
                ]
            )
    return out


def write_csv(path: Path, rows: list[list[str]], encoding: str) -> Path:
    """A CSV the way Excel saves it: "CSV UTF-8" (utf-8-sig) or the Chinese default (GBK), CRLF."""
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


# ---------------------------------------------------------------------- what people do in the TUI


def rating(unit_index: int, evaluator: int) -> str:
    """Evaluator `evaluator`'s overall rating of the unit at `unit_index` (0-based, report order).

    The first GOOD_UNITS units get 好 from everyone; a few more get it from some; nobody rates more than
    30% of the 66 units 好 (the ballot's quota) and no ballot is straight-lined.
    """
    if unit_index < GOOD_UNITS:
        return "good"
    if unit_index < 16:
        return "good" if (unit_index + evaluator) % 3 == 0 else "fairly_good"
    if unit_index >= 62:
        return "poor" if (unit_index + evaluator) % 2 else "average"
    return ("fairly_good", "average", "fairly_good", "good" if unit_index % 9 == 0 else "average")[
        (unit_index + evaluator) % 4
    ]


def vote(campaign: CampaignStore, code: str, evaluator: int) -> str:
    """One evaluator at the kiosk: each answer autosaved as typed (`save_answer`), then sealed."""
    units = campaign.roster.meeting_units()
    answers: dict[str, dict[str, AnswerValue]] = {}
    form = campaign.form("review_ballot")
    dimensions = [item.id for item in form.items() if item.type == "rating" and item.id != "overall"]
    for index, unit in enumerate(units):
        value = rating(index, evaluator)
        row: dict[str, AnswerValue] = {}
        for item_id in [*dimensions, "overall"]:
            campaign.ballots.save_answer(code, unit.id, item_id, value)
            row[item_id] = value
        answers[unit.id] = row
    campaign.ballots.save_answer(code, units[0].id, "comment", "述职实在，“第一议题”制度落实好")
    answers[units[0].id]["comment"] = "述职实在，“第一议题”制度落实好"
    draft = campaign.ballots.load_draft(code)
    assert draft is not None and draft.answers[units[5].id]["overall"] == answers[units[5].id]["overall"]
    return campaign.ballots.seal_ballot(code, "review_ballot", answers)


def full_marks(campaign: CampaignStore, form_id: str) -> dict[str, AnswerValue]:
    form = campaign.form(form_id)
    answers: dict[str, AnswerValue] = {}
    for item in form.items():
        if item.show_if is not None:
            continue
        if item.type == "score":
            answers[item.id] = item.max if item.max is not None else 0
        elif item.type == "check":
            answers[item.id] = True
        elif item.type == "deduct":
            answers[item.id] = 0
        elif item.type == "veto":
            answers[item.id] = False
        elif item.type == "choice" and item.choices:
            answers[item.id] = max(item.choices, key=lambda choice: choice.points).code
        elif item.type == "multi" and item.choices:
            answers[item.id] = [item.choices[0].code]
        elif item.type == "rating":
            scale = form.scale_of(item)
            if scale:
                answers[item.id] = scale.levels[0].code
        elif item.type == "text" and item.required:
            answers[item.id] = "理论学习记录不够完整；已建立台账，每月检查。"
    return answers


def self_assess(campaign: CampaignStore, unit_id: str, form_id: str, answers: dict[str, AnswerValue]) -> None:
    """The unit fills the form section by section (each answer autosaved with a note) and submits."""
    for item_id, value in answers.items():
        campaign.self_assessments.save_self_answer(unit_id, form_id, item_id, value, "见支部台账第3册")
    last = list(answers)[-1]
    campaign.self_assessments.save_self_position(unit_id, form_id, last)
    # Back from lunch (a new process): the same place, the answers kept, still a draft.
    back = (
        open_store(campaign.store.data_dir)
        .campaign(campaign.id)
        .self_assessments.self_assessment(unit_id, form_id)
    )
    assert back.position == last and back.answers[last] == answers[last] and back.state != "submitted"
    campaign.self_assessments.submit_self(unit_id, form_id, actor=unit_id)
    assert campaign.self_assessments.self_assessment(unit_id, form_id).state == "submitted"


# ---------------------------------------------------------------------- the 2026 campaign


@dataclass
class Year:
    """Where the walked year left its files."""

    room1: Path
    room2: Path
    files: Path
    campaign_id: str
    summary: Path
    ballots_room1: int
    ballots_room2: int


@pytest.fixture(scope="module")
def year_2026(tmp_path_factory: pytest.TempPathFactory) -> Year:
    base = tmp_path_factory.mktemp("year")
    room1, room2, files = base / "room1", base / "room2", base / "files"
    files.mkdir()

    # 2. init with flags, codes for each rater group.
    result = run(
        room1,
        "init",
        "--name",
        NAME,
        "--year",
        "2026",
        "--forms",
        FORMS,
        "--codes",
        "leaders=3",
        "--codes",
        "heads=3",
        "--codes",
        "members=4",
        "--codes",
        "served=2",
        "--passphrase",
        PASSPHRASE,
    )
    assert NAME in result.output
    campaign = open_store(room1).campaign()
    assert campaign.info.name == NAME and campaign.info.year == 2026
    assert campaign.info.last_stars_from is None  # nothing earlier to carry stars from
    sheet = sheets_dir(room1, campaign.id) / "ballot-codes.csv"  # beside the data, never in it
    with sheet.open(encoding="utf-8-sig", newline="") as handle:
        slips = list(csv.reader(handle))[1:]
    assert len(slips) == 12 and {row[1] for row in slips} >= {"工委领导", "党员代表"}
    init_codes = [row[2] for row in slips]

    # 3. A broken roster first: a blank name and a star of 6, both reported with their lines, nothing imported.
    rows = roster_with_branches(LAST_STARS)
    broken = [list(row) for row in rows]
    broken[37][1] = ""
    broken[52][5] = "6"
    bad = write_csv(files / "单位名单-有误.csv", broken, "utf-8-sig")
    before = snapshot(room1)
    result = run(room1, "units", "import", str(bad), code=2)
    # Row 37 and row 52 of data are lines 38 and 53 of the file (the header is line 1).
    assert f"{bad}:38: 单位名称: " in result.stderr and f"{bad}:53: 上年星级: " in result.stderr
    assert result.stderr.splitlines()[-1].endswith(
        f"{bad} 有 2 处错误（见上），未导入任何单位；请改正后重新导入。"
    )
    assert snapshot(room1) == before and open_store(room1).campaign().roster.units() == []

    # The sample as Excel saves "CSV UTF-8" (BOM, CRLF), then the full roster as Chinese Excel saves it (GBK).
    result = run(room1, "units", "import", str(SAMPLE_ROSTER))
    assert "66" in result.output and "UTF-8" in result.output
    gbk = write_csv(files / "单位名单.csv", rows, "gbk")
    with pytest.raises(UnicodeDecodeError):
        gbk.read_bytes().decode("utf-8")
    result = run(room1, "units", "import", str(gbk))
    assert "70" in result.output and "GBK" in result.output
    campaign = open_store(room1).campaign()
    assert len(campaign.roster.meeting_units()) == 66 and len(campaign.roster.branches("U01")) == 2
    assert campaign.roster.unit("U02").last_star == 5 and campaign.roster.unit("U05").last_star is None
    assert campaign.roster.unit("U01-1").name == "市委办公室第一党支部"

    # 4. More ballot codes for one group, to a sheet of slips.
    result = run(
        room1, "codes", "issue", "--count", "2", "--group", "党员代表", "-o", str(files / "党员代表.csv")
    )
    with (files / "党员代表.csv").open(encoding="utf-8-sig", newline="") as handle:
        extra = [row[2] for row in list(csv.reader(handle))[1:]]
    assert len(extra) == 2 and "党员代表" in (files / "党员代表.txt").read_text(encoding="utf-8")

    # 5. Unit codes and group codes.
    run(room1, "codes", "units", "-o", str(files / "单位码.csv"))
    run(room1, "codes", "groups", "-o", str(files / "组码.csv"))
    with (files / "单位码.csv").open(encoding="utf-8-sig", newline="") as handle:
        unit_codes = {row[1].split()[0]: row[2] for row in list(csv.reader(handle))[1:]}
    with (files / "组码.csv").open(encoding="utf-8-sig", newline="") as handle:
        group_codes = {row[1]: row[2] for row in list(csv.reader(handle))[1:]}
    campaign = open_store(room1).campaign()
    signed_in = campaign.codes.unit_for_code(unit_codes["U03"])
    assert signed_in is not None and signed_in.id == "U03"
    assert campaign.codes.group_for_code(group_codes["第一联络组"]) == "第一联络组"
    # Reissuing without --yes is refused: old codes would stop working.
    run(room1, "codes", "units", "--reissue", code=2)

    # 6. Visits: one recorded in the review screen, others imported from a group's spreadsheet.
    visit_form = campaign.form("supervision_visit")
    scores = {item.id: item.max for item in visit_form.items() if item.type == "score" and item.max}
    campaign.visits.add_visit(
        "U01", "第一联络组", "2026-06-01", "supervision_visit", dict(scores), "调研“三会一课”台账"
    )
    visits_csv = [["单位编号", "所属联络组", "日期", "题目编号", "得分", "说明"]]
    for unit_id, day in (("U02", "2026年7月3日"), ("U03", "2026/9/15")):
        visits_csv += [
            [unit_id, "第一联络组", day, item_id, str(value), "现场查看"] for item_id, value in scores.items()
        ]
    run(room1, "import", "supervision", str(write_csv(files / "督导记录.csv", visits_csv, "gbk")))
    assert {visit.unit_id for visit in open_store(room1).campaign().visits.visits()} == {"U01", "U02", "U03"}

    # 7-8. Self-assessments: submitted, one sent back and re-submitted, one adjusted with a reason, reviewed.
    duty = full_marks(campaign, "duty_list")
    star = full_marks(campaign, "star_branch")
    for unit_id in ("U01", "U02", "U03"):
        self_assess(campaign, unit_id, "duty_list", duty)
    for branch in ("U01-1", "U01-2", "U02-1", "U02-2"):
        self_assess(campaign, branch, "star_branch", star)
    with pytest.raises(InputError):  # submitted: read-only
        campaign.self_assessments.save_self_answer("U01", "duty_list", "problems", "改一下", None)
    campaign.self_assessments.send_back("U03", "duty_list", "请补充理论学习的佐证材料", "第一联络组")
    assert campaign.self_assessments.self_assessment("U03", "duty_list").state != "submitted"
    campaign.self_assessments.save_self_answer(
        "U03", "duty_list", next(iter(duty)), duty[next(iter(duty))], "已补充学习记录"
    )
    campaign.self_assessments.submit_self("U03", "duty_list", actor="U03")
    score_items = [item for item in campaign.form("star_branch").items() if item.type == "score" and item.max]
    lowered = score_items[0]
    assert lowered.max is not None
    campaign.self_assessments.adjust_item(
        "U02-2", "star_branch", lowered.id, lowered.max / 2, "台账缺少“第一议题”记录", "第一联络组"
    )
    for unit_id, form_id in (("U01", "duty_list"), ("U02", "duty_list"), ("U03", "duty_list")):
        campaign.self_assessments.mark_reviewed(unit_id, form_id, "第一联络组")
    for branch in ("U01-1", "U01-2", "U02-1", "U02-2"):
        campaign.self_assessments.mark_reviewed(branch, "star_branch", "第一联络组")
    adjusted = campaign.self_assessments.self_assessment("U02-2", "star_branch")
    assert adjusted.state == "reviewed" and adjusted.adjustments[-1].reason == "台账缺少“第一议题”记录"

    # 13 (set-up). The second room's laptop gets the same campaign: a backup restored into its own directory.
    result = run(room1, "backup")
    backup = Path(result.output.strip().split()[-1].rstrip("。."))
    if not backup.exists():
        backup = open_store(room1).backups()[-1]
    run(room2, "restore", str(backup), "--yes")
    second = open_store(room2).campaign()
    assert second.info.id == campaign.info.id and len(second.roster.meeting_units()) == 66
    assert open_store(room2).terminal_id() != open_store(room1).terminal_id()  # a terminal of its own
    # Room 2 votes with codes issued on its own laptop, so a slip works in one room only.
    run(room2, "codes", "issue", "--count", "4", "--group", "served", "-o", str(files / "二会场.csv"))
    with (files / "二会场.csv").open(encoding="utf-8-sig", newline="") as handle:
        room2_codes = [row[2] for row in list(csv.reader(handle))[1:]]
    assert open_store(room1).campaign().codes.code_status(room2_codes[0]) != second.codes.code_status(
        room2_codes[0]
    )

    # 9-12. The meeting in both rooms: voting opened, ballots sealed, voting closed with the digest.
    first = open_store(room1).campaign()
    first.meeting.open_voting("admin")
    second.meeting.open_voting("admin")
    for evaluator, code in enumerate(init_codes[:6] + extra[:1]):
        vote(first, code, evaluator)
    # 10. The battery dies mid-ballot: after the restart the same code resumes the draft where it was.
    resumed = init_codes[6]
    units = first.roster.meeting_units()
    for unit in units[:3]:
        first.ballots.save_answer(resumed, unit.id, "overall", "good")
    first.ballots.save_position(resumed, units[2].id)
    restarted = open_store(room1).campaign()
    draft = restarted.ballots.load_draft(resumed)
    assert draft is not None and draft.position == units[2].id
    assert {unit_id: row["overall"] for unit_id, row in draft.answers.items()} == {
        unit.id: "good" for unit in units[:3]
    }
    vote(restarted, resumed, 7)
    # 11. One evaluator voted on paper: the operator enters it against a paper slip of the group.
    first.ballots.issue_paper_slips("members", 1)
    paper = {
        unit.id: {item: rating(index, 8) for item in ("overall", *DIMENSIONS)}
        for index, unit in enumerate(units)
    }
    first.ballots.seal_paper_ballot("members", "review_ballot", dict(paper))
    assert first.ballots.paper_slips_left("members") == 0
    for evaluator, code in enumerate(room2_codes):
        vote(second, code, evaluator + 9)
    with pytest.raises(InputError):  # a code seals once
        vote(first, init_codes[0], 0)
    closings = [first.meeting.close_voting("admin"), second.meeting.close_voting("admin")]
    assert [closing.count for closing in closings] == [9, 4]
    assert all(len(closing.digest) >= 16 for closing in closings)

    # 13. Each laptop exports its ballots.
    room1_csv, room2_csv = files / "room1.csv", files / "room2.csv"
    run(room1, "export", "ballots", "-o", str(room1_csv))
    run(room2, "export", "ballots", "-o", str(room2_csv))
    terminals = {
        json.loads(path.with_name(path.name + ".manifest.json").read_text(encoding="utf-8"))["terminal_id"]
        for path in (room1_csv, room2_csv)
    }
    assert len(terminals) == 2

    # A file opened and re-saved by Excel on the way (a rating changed) is refused with a clear message.
    tampered = files / "room2-excel.csv"
    shutil.copy(room2_csv, tampered)
    shutil.copy(
        room2_csv.with_name(room2_csv.name + ".manifest.json"), files / "room2-excel.csv.manifest.json"
    )
    text = tampered.read_bytes().decode("utf-8-sig")
    assert ",fairly_good," in text or "较好" in text
    changed = (
        text.replace(",fairly_good,", ",good,", 1)
        if ",fairly_good," in text
        else text.replace("较好", "好", 1)
    )
    tampered.write_bytes(changed.encode("utf-8-sig"))
    result = run(
        room1, "consolidate", str(room1_csv), str(tampered), "-o", str(files / "不应写出.csv"), code=1
    )
    assert "room2-excel.csv" in result.stderr and not (files / "不应写出.csv").exists()

    # The good files consolidate to 汇总.csv.
    summary = files / "汇总.csv"
    run(room1, "consolidate", str(room1_csv), str(room2_csv), "-o", str(summary))
    assert summary.exists()

    # 15. The admin's laptop takes room 2's ballots in, writes the notice, and verify passes.
    run(room1, "import", "ballots", str(room2_csv))
    assert open_store(room1).campaign().ballots.ballot_count("review_ballot") == 13
    return Year(room1, room2, files, campaign.info.id, summary, 9, 4)


def copy_dir(source: Path, target: Path) -> Path:
    shutil.copytree(source, target)
    return target


def read_summary(path: Path) -> dict[str, dict[str, str]]:
    """The summary as Excel shows it: read back strictly as UTF-8 with BOM, one row per unit id."""
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return {row["单位编号"]: row for row in csv.DictReader(handle)}


def test_the_summary_has_grades_ranks_and_stars_against_last_year(year_2026: Year) -> None:
    rows = read_summary(year_2026.summary)
    assert len(rows) == 66
    assert rows["U01"]["单位名称"] == "市委办公室" and rows["U01"]["有效票数"] == "13"
    for unit_id in ("U01", "U02", "U08"):
        assert (
            rows[unit_id]["名次"] == "1" and rows[unit_id]["等次"] == "好" and rows[unit_id]["星级"] == "五星"
        )
    assert (rows["U01"]["上年星级"], rows["U01"]["升降"]) == ("四星", "升")
    assert (rows["U02"]["上年星级"], rows["U02"]["升降"]) == ("五星", "持平")
    assert (rows["U05"]["上年星级"], rows["U05"]["升降"]) == ("", "新评")
    assert rows["U66"]["等次"] in ("一般", "差") and int(rows["U66"]["名次"]) > 60
    five = sum(1 for row in rows.values() if row["星级"] == "五星")
    assert GOOD_UNITS <= five <= int(0.3 * 66)
    # No formula surprises: every text cell is plain, numbers stay numbers.
    assert not any(cell.startswith(("=", "+", "@")) for row in rows.values() for cell in row.values())
    manifest = json.loads(year_2026.summary.with_name("汇总.csv.manifest.json").read_text(encoding="utf-8"))
    assert len(manifest["closing_digests"]) == 2  # one meeting per room, both carried into the summary


def test_report_and_verify_then_an_edited_ballot_is_caught(year_2026: Year, tmp_path: Path) -> None:
    room1 = copy_dir(year_2026.room1, tmp_path / "room1")
    notice = tmp_path / "通报.md"
    run(room1, "report", "-o", str(notice))
    text = notice.read_text(encoding="utf-8")
    campaign = open_store(room1).campaign()
    digest = campaign.meeting.closings()[-1].digest
    room2_digest = open_store(year_2026.room2).campaign().meeting.closings()[-1].digest
    assert NAME in text and "市委办公室" in text and "好" in text
    # Both rooms' minutes digests: this laptop's own and the one that came with room 2's ballots.
    assert digest in text and room2_digest in text
    assert campaign.meeting.imported_closings() == [room2_digest]
    result = run(room1, "verify")
    assert "13 张" in result.output and digest in result.output

    # Someone edits one sealed ballot in its file: verify finds it and exits 1.
    edited = False
    for path in sorted((campaign.dir / "ballots").glob("*.json")):
        text = path.read_text(encoding="utf-8")
        if '"overall":"fairly_good"' in text:
            path.write_text(text.replace('"overall":"fairly_good"', '"overall":"good"', 1), encoding="utf-8")
            edited = True
            break
    assert edited
    result = run(room1, "verify", code=1)
    assert "Traceback" not in result.output


def test_room_two_verifies_its_own_meeting(year_2026: Year, tmp_path: Path) -> None:
    room2 = copy_dir(year_2026.room2, tmp_path / "room2")
    result = run(room2, "verify")
    closing = open_store(room2).campaign().meeting.closings()[-1]
    assert closing.digest in result.output and closing.count == year_2026.ballots_room2
    room1 = open_store(year_2026.room1).campaign()
    assert room1.meeting.closings()[-1].count == year_2026.ballots_room1
    # Room 1 holds both rooms' ballots after the import; its own closing covers only its own.
    assert room1.ballots.ballot_count("review_ballot") == year_2026.ballots_room1 + year_2026.ballots_room2


# ---------------------------------------------------------------------- 2027: scenario 16


def init_2027(data: Path, *extra: str, code: int = 0) -> Result:
    return run(
        data,
        "init",
        "--name",
        "2027年度市直机关党建考核",
        "--year",
        "2027",
        "--forms",
        FORMS,
        "--codes",
        "members=6",
        "--passphrase",
        PASSPHRASE,
        *extra,
        code=code,
    )


def finalize_2026(data: Path, campaign_id: str) -> None:
    """The admin finalises 2026's results: voting closed, every self-assessment reviewed."""
    result = run(data, "--campaign", campaign_id, "results", "finalize", "--passphrase", PASSPHRASE)
    assert "最终结果" in result.output


def test_2027_takes_last_years_stars_from_2026_and_they_move_both_ways(
    year_2026: Year, tmp_path: Path
) -> None:
    from exports.stars import branch_stars

    data = copy_dir(year_2026.room1, tmp_path / "data")
    finalize_2026(data, year_2026.campaign_id)
    old = open_store(data).campaign(year_2026.campaign_id)
    words = {"无星级": 0, "一星": 1, "二星": 2, "三星": 3, "四星": 4, "五星": 5}  # stars as Excel shows them
    final_2026 = {row["单位编号"]: words[row["星级"]] for row in read_summary(year_2026.summary).values()}
    stars_2026 = branch_stars(old)
    assert stars_2026 is not None
    branch_2026 = {row.unit_id: row.star for row in stars_2026.rows}
    # Final: the 30% five-star quota counts every unit to be rated, not only the four rated branches.
    assert not stars_2026.provisional
    assert stars_2026.five_star <= (stars_2026.five_star_allowed or 0)
    assert branch_2026["U01-1"] is not None and branch_2026["U02-2"] is not None

    # The 2027 roster gives U03's star itself (the roster wins) and leaves the rest blank.
    roster = roster_with_branches({"U03": 3})
    result = init_2027(data, "--units", str(write_csv(tmp_path / "2027名单.csv", roster, "gbk")))
    assert year_2026.campaign_id in result.stderr
    store = open_store(data)
    assert [info.year for info in store.campaigns()] == [2026, 2027]
    new = store.campaign()
    assert new.info.last_stars_from == year_2026.campaign_id
    assert new.roster.unit("U01").last_star == 5 and new.roster.unit("U03").last_star == 3
    assert final_2026["U59"] in (2, 3, 4) and new.roster.unit("U59").last_star == final_2026["U59"]
    # U66 fell below 50% satisfaction in 2026: no star then, so none to carry.
    assert final_2026["U66"] == 0 and new.roster.unit("U66").last_star is None
    assert new.roster.unit("U01-1").last_star == branch_2026["U01-1"]
    assert new.roster.unit("U02-2").last_star == branch_2026["U02-2"]

    # The 2027 meeting rates the other way round: U01 falls, U59 rises (能上能下).
    new.meeting.open_voting("admin")
    with (sheets_dir(data, new.id) / "ballot-codes.csv").open(encoding="utf-8-sig", newline="") as handle:
        codes = [row[2] for row in list(csv.reader(handle))[1:]]
    units = new.roster.meeting_units()
    for evaluator, code in enumerate(codes):
        answers = {
            unit.id: {item: rating(65 - index, evaluator) for item in ("overall", *DIMENSIONS)}
            for index, unit in enumerate(units)
        }
        for unit_id, row in answers.items():
            new.ballots.save_answers(code, unit_id, row)
        new.ballots.seal_ballot(code, "review_ballot", dict(answers))
    new.meeting.close_voting("admin")
    summary = tmp_path / "2027汇总.csv"
    run(data, "export", "summary", "-o", str(summary))
    rows = read_summary(summary)
    assert (rows["U01"]["上年星级"], rows["U01"]["升降"]) == ("五星", "降")
    assert rows["U01"]["星级"] != "五星"
    assert rows["U59"]["星级"] == "五星" and rows["U59"]["升降"] == "升"
    assert rows["U03"]["上年星级"] == "三星"
    # The 2026 campaign is still there and unchanged in its results.
    run(data, "--campaign", year_2026.campaign_id, "verify")


def test_2027_without_carry_over_or_from_an_unknown_campaign(year_2026: Year, tmp_path: Path) -> None:
    data = copy_dir(year_2026.room1, tmp_path / "data")
    roster = write_csv(tmp_path / "名单.csv", roster_with_branches({"U03": 3}), "utf-8-sig")
    before = snapshot(data)
    result = init_2027(data, "--last-stars-from", "2019-abcdef", "--units", str(roster), code=2)
    assert "2019-abcdef" in result.stderr and year_2026.campaign_id in result.stderr
    assert snapshot(data) == before
    init_2027(data, "--last-stars-from", "none", "--units", str(roster))
    new = open_store(data).campaign()
    assert new.info.last_stars_from is None
    assert new.roster.unit("U01").last_star is None and new.roster.unit("U03").last_star == 3


def test_2027_roster_imported_after_init_also_takes_last_years_stars(year_2026: Year, tmp_path: Path) -> None:
    data = copy_dir(year_2026.room1, tmp_path / "data")
    finalize_2026(data, year_2026.campaign_id)
    result = init_2027(data, "--last-stars-from", year_2026.campaign_id)
    assert f"{NAME}”（{year_2026.campaign_id}）" in result.stderr  # said before the roster comes in
    result = run(data, "units", "import", str(SAMPLE_ROSTER))
    assert year_2026.campaign_id in result.stderr
    new = open_store(data).campaign()
    assert new.roster.unit("U01").last_star == 5 and new.roster.unit("U02").last_star == 5
