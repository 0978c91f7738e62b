"""Every store command through click's CliRunner: exit codes, messages, files written."""

from __future__ import annotations

import csv
import stat
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from exports.code_sheets import sheets_dir
from store.api import open_store
from tests.store.store_helpers import make_small_campaign
from tui.cli import cli
from tui.i18n import set_language


@pytest.fixture(autouse=True)
def _chinese() -> None:
    set_language("zh")


def run(data_dir: Path, *args: str, lang: str = "zh", input: str | None = None) -> Result:
    result = CliRunner().invoke(cli, ["--data", str(data_dir), "--lang", lang, *args], input=input)
    set_language("zh")
    return result


def test_demo_writes_code_sheets_and_refuses_a_second_campaign(data_dir: Path) -> None:
    result = run(data_dir, "demo", "--seed", "7")
    assert result.exit_code == 0, result.output
    assert "66 个直属党组织" in result.output and "kaoping-demo" in result.output
    campaign = open_store(data_dir).campaign()
    sheets = sheets_dir(data_dir, campaign.id)
    sheet = sheets / "ballot-codes.csv"
    assert str(sheet) in result.output
    assert data_dir not in sheet.parents, "the plaintext codes never go into the data directory"
    raw = sheet.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    assert stat.S_IMODE(sheet.stat().st_mode) == 0o600
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0] == ["序号", "评议人类别", "测评码"]
    assert campaign.codes.code_status(rows[1][2]).state == "fresh"
    units = list(csv.reader((sheets / "unit-codes.csv").read_text(encoding="utf-8-sig").splitlines()))
    unit_id = units[1][1].split()[0]
    found = campaign.codes.unit_for_code(units[1][2])
    assert found is not None and found.id == unit_id
    assert (sheets / "group-codes.txt").read_text(encoding="utf-8").count("✂") == 4
    again = run(data_dir, "demo")
    assert again.exit_code == 2 and "已有考核活动" in again.output


def test_codes_issue_writes_csv_and_slips_and_never_overwrites(data_dir: Path, tmp_path: Path) -> None:
    campaign = make_small_campaign(data_dir)
    out = tmp_path / "党员代表测评码.csv"
    result = run(data_dir, "codes", "issue", "--count", "5", "--group", "党员代表", "-o", str(out))
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))[1:]
    assert len(rows) == 5 and all(row[1] == "党员代表" for row in rows)
    assert all(campaign.codes.code_status(row[2]).rater_group == "members" for row in rows)
    slips = out.with_suffix(".txt").read_text(encoding="utf-8")
    assert all(row[2] in slips for row in rows)
    again = run(data_dir, "codes", "issue", "--count", "5", "--group", "members", "-o", str(out))
    assert again.exit_code == 2 and "已存在" in again.output
    assert sum(p.issued for p in campaign.meeting.participation()) == 5
    unknown = run(
        data_dir, "codes", "issue", "--count", "1", "--group", "路人", "-o", str(tmp_path / "x.csv")
    )
    assert unknown.exit_code == 2 and "路人" in unknown.output


def test_simulate_prints_one_durable_id_per_line_and_verify_passes(data_dir: Path) -> None:
    make_small_campaign(data_dir, open_voting=False, demo=True)
    result = run(data_dir, "simulate", "--ballots", "4", "--seed", "1")
    assert result.exit_code == 0, result.output
    ids = result.output.split()
    campaign = open_store(data_dir).campaign()
    assert sorted(ids) == sorted(b.ballot_id for b in campaign.ballots.sealed_ballots())
    assert len(ids) == 4  # one review ballot per evaluator, as the meeting seals it
    assert {b.form_id for b in campaign.ballots.sealed_ballots()} == {"review_ballot"}
    votes = run(data_dir, "simulate", "--ballots", "2", "--seed", "1", "--vote", "brands")
    assert votes.exit_code == 0, votes.output
    assert len(votes.output.split()) == 2
    assert campaign.ballots.ballot_count("brand_vote") == 2
    verify = run(data_dir, "verify")
    assert verify.exit_code == 0 and "6 张测评票均完好" in verify.output
    english = run(data_dir, "verify", lang="en")
    assert "all 6 ballots" in english.output


def test_verify_exits_1_and_names_each_problem(data_dir: Path) -> None:
    import json

    campaign = make_small_campaign(data_dir, demo=True)
    run(data_dir, "simulate", "--ballots", "2", "--seed", "2")
    path = next(
        p for p in sorted((campaign.dir / "ballots").glob("*.json")) if json.loads(p.read_bytes())["ballots"]
    )
    data = json.loads(path.read_text(encoding="utf-8"))
    doc = next(iter(data["ballots"].values()))
    doc["rater_group"] = "leaders" if doc["rater_group"] != "leaders" else "heads"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = run(data_dir, "verify")
    assert result.exit_code == 1
    assert doc["ballot_id"] in result.output and "已被改动" in result.output
    assert "Traceback" not in result.output


def test_a_broken_file_is_one_clear_sentence_with_exit_1(data_dir: Path) -> None:
    campaign = make_small_campaign(data_dir)
    campaign.codes.issue_codes("members", 2)
    backup = campaign.store.backup(during_voting=True)
    next((campaign.dir / "codebook").glob("*.json")).write_bytes(b'{"codes": {"1": ')
    result = run(data_dir, "verify")
    assert result.exit_code == 1
    assert "已损坏" in result.output and str(backup) in result.output and "Traceback" not in result.output


def test_backup_and_restore_with_passphrase(data_dir: Path) -> None:
    campaign = make_small_campaign(data_dir)
    result = run(data_dir, "backup", "--during-voting", "--passphrase", "口令123456-考评")
    assert result.exit_code == 0, result.output
    backup = Path(result.output.strip().splitlines()[0].split("备份到 ")[1])
    campaign.roster.import_units(campaign.roster.units()[:2])
    no_terminal = run(data_dir, "restore", str(backup))
    assert no_terminal.exit_code == 2 and "交互式终端" in no_terminal.output
    wrong = run(data_dir, "restore", str(backup), "--yes", "--passphrase", "不对的口令")
    assert wrong.exit_code == 2 and "口令不正确" in wrong.output
    assert len(open_store(data_dir).campaign().roster.units()) == 2
    done = run(data_dir, "restore", str(backup), "--yes", "--passphrase", "口令123456-考评")
    assert done.exit_code == 0, done.output
    assert len(open_store(data_dir).campaign().roster.units()) == 11
    missing = run(data_dir, "restore", str(data_dir / "nope.zip"), "--yes", "--passphrase", "口令123456-考评")
    assert missing.exit_code == 2


def test_init_without_terminal_or_flags_exits_2_without_asking(data_dir: Path) -> None:
    result = run(data_dir, "init")
    assert result.exit_code == 2 and "交互式终端" in result.output
    assert open_store(data_dir).campaigns() == []


def test_init_from_flags(data_dir: Path, tmp_path: Path) -> None:
    roster = tmp_path / "单位名单.csv"
    roster.write_bytes(
        "编号,单位名称,党组织名称,党组织类型,所属联络组\r\n"
        "U01,市委办公室,中共市委办公室机关委员会,机关党委,第一联络组\r\n"
        "U02,市财政局,中共市财政局机关委员会,机关党委,第二联络组\r\n".encode("utf-8-sig")
    )
    result = run(
        data_dir,
        "init",
        "--name",
        "2026年度市直机关党建考核",
        "--year",
        "2026",
        "--forms",
        "review_ballot,star_branch",
        "--units",
        str(roster),
        "--codes",
        "members=3",
        "--codes",
        "leaders=2",
        "--passphrase",
        "口令123456-考评",
    )
    assert result.exit_code == 0, result.output
    campaign = open_store(data_dir).campaign()
    assert campaign.info.name == "2026年度市直机关党建考核"
    assert campaign.info.form_ids == ("review_ballot", "star_branch")
    assert [u.name for u in campaign.roster.meeting_units()] == ["市委办公室", "市财政局"]
    assert {p.rater_group: p.issued for p in campaign.meeting.participation()}["members"] == 3
    assert campaign.meeting.check_passphrase("口令123456-考评")
    assert (sheets_dir(data_dir, campaign.id) / "unit-codes.csv").exists()
    assert run(data_dir, "verify").exit_code == 0


def test_init_refuses_a_bad_roster_and_creates_nothing(data_dir: Path, tmp_path: Path) -> None:
    roster = tmp_path / "单位名单.csv"
    roster.write_text("编号,单位名称\nU01,\n", encoding="utf-8")
    result = run(data_dir, "init", "--yes", "--passphrase", "口令123456-考评", "--units", str(roster))
    assert result.exit_code == 2, result.output
    assert open_store(data_dir).campaigns() == []


def test_init_yes_needs_a_passphrase(data_dir: Path) -> None:
    result = run(data_dir, "init", "--yes")
    assert result.exit_code == 2 and "--passphrase" in result.output


class FakeAsker:
    """Scripted answers for the wizard, recording the questions."""

    def __init__(self, texts: list[str], picks: list[str], passwords: list[str]) -> None:
        self.texts, self.picks, self.passwords = texts, picks, passwords
        self.asked: list[str] = []

    def text(self, message: str, default: str, validate: Callable[[str], str | None]) -> str:
        self.asked.append(message)
        answer = self.texts.pop(0) or default
        assert validate(answer) is None, (message, answer)
        return answer

    def checkbox(self, message: str, choices: Sequence[object], checked: Sequence[str]) -> list[str]:
        self.asked.append(message)
        return self.picks

    def password(self, message: str, validate: Callable[[str], str | None]) -> str:
        self.asked.append(message)
        return self.passwords.pop(0)

    def confirm(self, message: str, default: bool) -> bool:
        self.asked.append(message)
        return True


def test_init_wizard_asks_what_the_flags_left_open(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tui.commands import support
    from tui.wizards import init as wizard

    fake = FakeAsker(
        texts=["2026", "", "", "5", "0", "10", "0"],
        picks=["review_ballot", "brand_vote"],
        passwords=["口令一二三四五六七八", "口令不一样", "口令一二三四五六七八", "口令一二三四五六七八"],
    )
    monkeypatch.setattr(support, "has_terminal", lambda: True)
    monkeypatch.setattr(wizard, "QuestionaryAsker", lambda: fake)
    result = run(data_dir, "init")
    assert result.exit_code == 0, result.output
    assert fake.asked[0] == "考核年度：" and "两次输入的口令不一致。重新输入？" in fake.asked
    campaign = open_store(data_dir).campaign()
    assert campaign.info.name == "2026年度市直机关党建考核"
    assert campaign.info.form_ids == ("review_ballot", "brand_vote")
    assert {p.rater_group: p.issued for p in campaign.meeting.participation()} == {
        "leaders": 5,
        "heads": 0,
        "members": 10,
        "served": 0,
    }
    assert campaign.meeting.check_passphrase("口令一二三四五六七八")


def test_wizard_validators_reject_bad_answers() -> None:
    from tui.wizards import init as wizard

    assert wizard._year_problem("二〇二六") is not None
    assert wizard._year_problem("2026") is None
    assert wizard._count_problem("-1") is not None
    assert wizard._passphrase_problem("12345") is not None
    assert wizard._name_problem("   ") is not None


def test_the_real_questionary_asker_reads_typed_answers() -> None:
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput

    from tui.wizards.init import Choice, QuestionaryAsker

    with create_pipe_input() as pipe:
        asker = QuestionaryAsker(input=pipe, output=DummyOutput())
        pipe.send_text("2027\r")
        assert asker.text("考核年度：", "", lambda v: None) == "2027"
        pipe.send_text("口令一二三四五六七八\r")
        assert asker.password("管理员口令：", lambda v: None) == "口令一二三四五六七八"
        pipe.send_text(" \r")  # space toggles the first (checked) choice off, enter confirms
        picked = asker.checkbox(
            "使用哪些测评表？",
            [Choice("review_ballot", "述职评议"), Choice("brand_vote", "品牌")],
            ["review_ballot", "brand_vote"],
        )
        assert picked == ["brand_vote"]
        pipe.send_text("n")
        assert asker.confirm("重新输入？", True) is False


def test_verify_after_the_close_prints_the_minutes_digest(data_dir: Path) -> None:
    make_small_campaign(data_dir, demo=True)
    run(data_dir, "simulate", "--ballots", "3", "--seed", "5")
    closing = open_store(data_dir).campaign().meeting.close_voting("管理员")
    result = run(data_dir, "verify")
    assert result.exit_code == 0
    assert closing.digest in result.output and f"{closing.count} 张" in result.output


def test_unit_and_group_codes_are_issued_and_reissue_needs_yes(data_dir: Path, tmp_path: Path) -> None:
    campaign = make_small_campaign(data_dir)
    listed = run(data_dir, "codes", "units")  # without -o: lists where the codes stand, issues nothing
    assert listed.exit_code == 0 and "还没有单位登录码" in listed.output, listed.output
    assert campaign.codes.units_with_codes() == set(), "the sheet goes only where -o says"
    sheet = tmp_path / "单位代码.csv"
    result = run(data_dir, "codes", "units", "-o", str(sheet))
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(sheet.read_text(encoding="utf-8-sig").splitlines()))[1:]
    assert len(rows) == 11 and rows[0][1] == "U01 市测试局1"
    assert campaign.codes.unit_for_code(rows[0][2]) == campaign.roster.unit("U01")
    again = run(data_dir, "codes", "units", "--unit", "U01", "-o", str(tmp_path / "again.csv"))
    assert again.exit_code == 2 and "--reissue" in again.output
    out = tmp_path / "U01.csv"
    redo = run(data_dir, "codes", "units", "--unit", "U01", "--reissue", "--yes", "-o", str(out))
    assert redo.exit_code == 0, redo.output
    assert campaign.codes.unit_for_code(rows[0][2]) is None
    new_code = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))[1][2]
    assert campaign.codes.unit_for_code(new_code) == campaign.roster.unit("U01")
    over = run(data_dir, "codes", "units", "--unit", "U02", "--yes", "-o", str(sheet))
    assert over.exit_code == 2, "never over an earlier sheet"
    groups = tmp_path / "联络组代码.csv"
    assert run(data_dir, "codes", "groups", "-o", str(groups)).exit_code == 0
    group_rows = list(csv.reader(groups.read_text(encoding="utf-8-sig").splitlines()))
    assert campaign.codes.group_for_code(group_rows[1][2]) == "第一联络组"


def test_campaigns_lists_every_campaign_with_its_id_state_and_star_source(data_dir: Path) -> None:
    empty = run(data_dir, "campaigns")
    assert empty.exit_code == 2 and "还没有考核活动" in empty.stderr
    store = open_store(data_dir)
    old = store.create_campaign("2026年度市直机关党建考核", 2026, ["review_ballot"])
    old.meeting.open_voting("admin")
    new = store.create_campaign("2027年度市直机关党建考核", 2027, ["review_ballot"], last_stars_from=old.id)
    result = run(data_dir, "campaigns")
    assert result.exit_code == 0, result.output
    first, second = result.output.splitlines()
    assert first.startswith(old.id) and "2026年度市直机关党建考核" in first and "投票进行中" in first
    assert second.startswith(new.id) and "未开始" in second and f"上年星级取自 {old.id}" in second


def test_code_sheet_guards_formula_holders_with_the_exports_guard(tmp_path: Path) -> None:
    from exports.code_sheets import SheetRow, write_code_sheet
    from exports.csvio import neutralize
    from tui.i18n import t

    rows = [SheetRow('=HYPERLINK("x") 市财政局', "ABCD-2345"), SheetRow("＋第一组", "EFGH-6789")]
    sheet = tmp_path / "codes.csv"
    text_path = write_code_sheet(sheet, "测试码单", "评议组", rows, t)
    raw = sheet.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    read = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert read[1] == ["1", neutralize(rows[0].holder), "ABCD-2345"]
    assert read[1][1].startswith("'=") and read[2][1] == "'＋第一组"
    assert stat.S_IMODE(sheet.stat().st_mode) == 0o600
    assert "ABCD-2345" in text_path.read_text(encoding="utf-8")
