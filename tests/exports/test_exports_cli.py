"""The exports area's commands through click's CliRunner: exit codes 0/1/2 and messages in Chinese and English."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from exports.csvio import sha256_of
from exports.manifest import Signer, manifest_path, read_manifest, signed, write_manifest
from forms.model import AnswerValue
from store.api import Visit, open_store
from tests.exports.export_fixtures import ROSTER, Campaign, build_campaign
from tui.cli import cli
from tui.i18n import set_language


@pytest.fixture(autouse=True)
def _chinese_after_each_test() -> object:
    yield
    set_language("zh")


def run(data_dir: Path, *args: str, lang: str = "zh") -> Result:
    return CliRunner().invoke(cli, ["--data", str(data_dir), "--lang", lang, *args], catch_exceptions=False)


def _bad_roster(tmp_path: Path) -> Path:
    lines = ROSTER.read_bytes().decode("utf-8-sig").split("\r\n")
    lines[0] += ",上年星级"
    lines = [line + ",3" if index and line else line for index, line in enumerate(lines)]
    lines[36] = "U36,,中共某机关委员会,机关党委,第一联络组,3"
    lines[51] = lines[51].rsplit(",", 1)[0] + ",6"
    path = tmp_path / "单位名单.csv"
    path.write_bytes("\r\n".join(lines).encode("utf-8-sig"))
    return path


# ---------------------------------------------------------------------- export


def test_export_writes_the_file_and_says_where(campaign: Campaign, tmp_path: Path) -> None:
    out = tmp_path / "汇总.csv"
    result = run(campaign.data_dir, "export", "summary", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert "已导出 12 行" in result.stdout
    assert manifest_path(out).exists()


def test_export_plain(campaign: Campaign, tmp_path: Path) -> None:
    out = tmp_path / "b.csv"
    assert run(campaign.data_dir, "export", "ballots", "-o", str(out), "--plain").exit_code == 0
    assert out.read_bytes().startswith(b"campaign,form_id")


@pytest.mark.parametrize(
    ("lang", "message"),
    [("zh", "错误：投票仍在进行中"), ("en", "Error: Voting is still open")],
)
def test_export_while_voting_is_open_exits_1(tmp_path: Path, lang: str, message: str) -> None:
    open_campaign = build_campaign(tmp_path / "d", units=4, ballots=1, close=False)
    result = run(open_campaign.data_dir, "export", "summary", "-o", str(tmp_path / "s.csv"), lang=lang)
    assert result.exit_code == 1
    assert result.stderr.startswith(message)
    assert "Traceback" not in result.output
    assert not (tmp_path / "s.csv").exists()


def test_export_usage_errors_exit_2(campaign: Campaign, tmp_path: Path) -> None:
    assert run(campaign.data_dir, "export", "everything", "-o", str(tmp_path / "x.csv")).exit_code == 2
    missing = run(campaign.data_dir, "export", "summary", "-o", str(tmp_path / "无此目录" / "x.csv"))
    assert missing.exit_code == 2
    assert "不存在" in missing.stderr
    english = run(campaign.data_dir, "export", "summary", "-o", str(tmp_path / "nope" / "x.csv"), lang="en")
    assert "does not exist" in english.stderr


def test_export_without_a_campaign_exits_2(tmp_path: Path) -> None:
    result = run(tmp_path / "empty", "export", "summary", "-o", str(tmp_path / "x.csv"))
    assert result.exit_code == 2
    assert result.stderr.startswith("错误：")


# ---------------------------------------------------------------------- units import


def test_units_import_the_sample_and_a_gbk_copy(tmp_path: Path) -> None:
    data = tmp_path / "data"
    open_store(data).create_campaign("2026年度考核", 2026, ["review_ballot"])
    result = run(data, "units", "import", str(ROSTER))
    assert result.exit_code == 0, result.output
    assert "导入 66 个单位" in result.stdout and "UTF-8" in result.stdout
    assert "各联络组的单位数：第一联络组 22、第二联络组 22、第三联络组 22" in result.stdout
    gbk = tmp_path / "名单-gbk.csv"
    gbk.write_bytes(ROSTER.read_text(encoding="utf-8-sig").encode("gbk"))
    again = run(data, "units", "import", str(gbk), lang="en")
    assert again.exit_code == 0, again.output
    assert "Imported 66 units" in again.stdout and "GBK/GB18030" in again.stdout
    units = open_store(data).campaign().roster.units()
    assert len(units) == 66 and units[0].name == "市委办公室"


def test_units_import_lists_every_bad_row_and_imports_nothing(tmp_path: Path) -> None:
    data = tmp_path / "data"
    campaign = open_store(data).create_campaign("2026年度考核", 2026, ["review_ballot"])
    bad = _bad_roster(tmp_path)
    result = run(data, "units", "import", str(bad))
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert f"{bad}:37: 单位名称: 单位名称为空" in lines
    assert f"{bad}:52: 上年星级: 星级“6”无效，应为 1 到 5 的整数" in lines
    assert lines[-1].startswith("错误：") and "2 处错误" in lines[-1]
    assert campaign.roster.units() == []
    english = run(data, "units", "import", str(bad), lang="en")
    assert f"{bad}:37: 单位名称: the unit name is empty" in english.stderr.splitlines()
    assert "no unit was imported" in english.stderr


def test_units_import_unknown_group_against_the_current_roster(tmp_path: Path) -> None:
    data = tmp_path / "data"
    open_store(data).create_campaign("2026年度考核", 2026, ["review_ballot"])
    assert run(data, "units", "import", str(ROSTER)).exit_code == 0
    renamed = tmp_path / "r.csv"
    renamed.write_bytes(ROSTER.read_bytes().replace("第三联络组".encode(), "第四联络组".encode()))
    result = run(data, "units", "import", str(renamed))
    assert result.exit_code == 2
    assert "没有名为“第四联络组”的联络组" in result.stderr
    allowed = run(data, "units", "import", str(renamed), "--groups", "第一联络组,第二联络组,第四联络组")
    assert allowed.exit_code == 0, allowed.output


def test_units_import_of_a_missing_file(tmp_path: Path) -> None:
    data = tmp_path / "data"
    open_store(data).create_campaign("2026年度考核", 2026, ["review_ballot"])
    result = run(data, "units", "import", str(tmp_path / "无.csv"))
    assert result.exit_code == 2
    assert "找不到文件" in result.stderr


# ---------------------------------------------------------------------- brands and supervision


def test_brands_import(campaign: Campaign, tmp_path: Path) -> None:
    good = tmp_path / "品牌.csv"
    good.write_text(
        "品牌编号,品牌名称,单位名称\nP1,“红色管家”服务品牌,市委办公室\nP2,“政务小蜜蜂”,市政府办公室\n",
        encoding="utf-8-sig",
    )
    result = run(campaign.data_dir, "brands", "import", str(good))
    assert result.exit_code == 0, result.output
    assert [brand.unit_id for brand in campaign.store.roster.brands()] == ["U01", "U03"]
    bad = tmp_path / "坏.csv"
    bad.write_text("品牌编号,品牌名称,单位名称\nP1,,市委办公室\nP1,重复,不存在的局\n", encoding="utf-8")
    failed = run(campaign.data_dir, "brands", "import", str(bad))
    assert failed.exit_code == 2
    assert f"{bad}:2: 品牌名称: 品牌名称为空" in failed.stderr
    assert f"{bad}:3: 品牌编号: 编号 P1 重复（第 2 行已使用）" in failed.stderr
    assert f"{bad}:3: 单位名称: 没有名为“不存在的局”的单位" in failed.stderr
    assert len(campaign.store.roster.brands()) == 2


def test_supervision_round_trip_through_its_export(campaign: Campaign, tmp_path: Path) -> None:
    out = tmp_path / "督导.csv"
    assert run(campaign.data_dir, "export", "supervision", "-o", str(out)).exit_code == 0
    before = campaign.store.visits.visits()
    campaign.store.visits.delete_visit(before[0].id)
    result = run(campaign.data_dir, "import", "supervision", str(out))
    assert result.exit_code == 0, result.output
    assert "导入 1 条督导记录，3 条与已有记录相同被跳过" in result.stdout
    after = campaign.store.visits.visits()

    def key(visit: Visit) -> tuple[str, str, str, list[tuple[str, AnswerValue]], str]:
        return (visit.unit_id, visit.group, visit.day, sorted(visit.answers.items()), visit.note)

    assert sorted(map(key, after)) == sorted(map(key, before))
    again = run(campaign.data_dir, "import", "supervision", str(out), lang="en")
    assert "Imported 0 supervision visits" in again.stdout and "4 identical" in again.stdout


def test_supervision_import_reports_bad_rows(campaign: Campaign, tmp_path: Path) -> None:
    bad = tmp_path / "督导.csv"
    bad.write_text(
        "单位编号,日期,题目编号,答案\nU99,2026-06-01,theory_study,15\nU01,2026-13-01,theory_study,15\nU01,2026-06-01,theory_study,99\n",
        encoding="gbk",
    )
    result = run(campaign.data_dir, "import", "supervision", str(bad))
    assert result.exit_code == 2
    errors = result.stderr.splitlines()
    assert f"{bad}:2: 单位编号: 没有编号为 U99 的单位" in errors
    assert any(line.startswith(f"{bad}:3: 日期:") for line in errors)
    assert f"{bad}:4: 答案: 答案“99”对此题无效" in errors
    assert len(campaign.store.visits.visits()) == 4


# ---------------------------------------------------------------------- ballots, consolidation, report


def test_import_ballots_into_the_second_terminal(tmp_path: Path) -> None:
    room1 = build_campaign(tmp_path / "room1", snapshot=tmp_path / "room2")
    out = tmp_path / "room1.csv"
    assert run(room1.data_dir, "export", "ballots", "-o", str(out)).exit_code == 0
    result = run(tmp_path / "room2", "import", "ballots", str(out))
    assert result.exit_code == 0, result.output
    assert "已导入 18 张测评票" in result.stdout
    again = run(tmp_path / "room2", "import", "ballots", str(out), lang="en")
    assert "Imported 0 ballots; 18 were already here" in again.stdout


def _exports(campaign: Campaign, tmp_path: Path) -> tuple[Path, Path]:
    first = tmp_path / "room1.csv"
    assert run(campaign.data_dir, "export", "ballots", "-o", str(first)).exit_code == 0
    second = tmp_path / "room1-copy.csv"
    shutil.copy(first, second)
    shutil.copy(manifest_path(first), manifest_path(second))
    return first, second


def _forge(path: Path, sign: Signer | None = None) -> str:
    """Change one rating in `path` and make its manifest match again (signed again with `sign`, the
    campaign key, when given); returns the ballot id changed."""
    lines = path.read_bytes().decode("utf-8-sig").split("\r\n")
    index = next(i for i, line in enumerate(lines) if ",overall," in line and ",good,好,100," in line)
    ballot_id = lines[index].split(",")[4]
    lines[index] = lines[index].replace(",good,好,100,", ",poor,差,40,")
    path.write_bytes(b"\xef\xbb\xbf" + "\r\n".join(lines).encode("utf-8"))
    manifest = json.loads(manifest_path(path).read_text(encoding="utf-8"))
    manifest["sha256"] = sha256_of(path)
    manifest_path(path).write_text(json.dumps(manifest), encoding="utf-8")
    if sign is not None:
        write_manifest(path, signed(read_manifest(path), sign))
    return ballot_id


def test_consolidate_prints_the_table_and_writes_the_summary(campaign: Campaign, tmp_path: Path) -> None:
    first, second = _exports(campaign, tmp_path)
    out = tmp_path / "汇总.csv"
    result = run(campaign.data_dir, "consolidate", str(first), str(second), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert "市委办公室" in result.stdout and "评议人类别偏差" in result.stdout
    assert "18 张不同的测评票，18 张重复已合并" in result.stderr
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    assert json.loads(manifest_path(out).read_text(encoding="utf-8"))["kind"] == "summary"


def test_consolidate_with_a_conflict_exits_1_and_writes_nothing(campaign: Campaign, tmp_path: Path) -> None:
    first, second = _exports(campaign, tmp_path)
    ballot_id = _forge(second, campaign.store.manifest_mac)
    out = tmp_path / "汇总.csv"
    result = run(campaign.data_dir, "consolidate", str(first), str(second), "-o", str(out))
    assert result.exit_code == 1
    assert f"冲突：测评票 {ballot_id} 在 {first}:" in result.stderr and f"和 {second}:" in result.stderr
    assert "未写出任何文件" in result.stderr
    assert not out.exists()
    english = run(campaign.data_dir, "consolidate", str(first), str(second), "-o", str(out), lang="en")
    assert f"Conflict: ballot {ballot_id} differs between {first}:" in english.stderr
    reported = run(campaign.data_dir, "consolidate", str(first), str(second), "-o", str(out), "--report-only")
    assert reported.exit_code == 1
    assert out.exists()
    assert "冲突的测评票未计入结果" in reported.stderr


def test_consolidate_refuses_a_file_changed_after_export(campaign: Campaign, tmp_path: Path) -> None:
    first, second = _exports(campaign, tmp_path)
    second.write_bytes(second.read_bytes().replace(b"\r\n", b"\n"))
    out = tmp_path / "汇总.csv"
    result = run(campaign.data_dir, "consolidate", str(first), str(second), "-o", str(out))
    assert result.exit_code == 1
    assert f"{second} 的内容与其清单不符" in result.stderr
    assert not out.exists()
    english = run(campaign.data_dir, "consolidate", str(first), str(second), "-o", str(out), lang="en")
    assert "does not match its manifest" in english.stderr


def test_consolidate_with_a_rules_file_and_no_store(campaign: Campaign, tmp_path: Path) -> None:
    from forms.rules import builtin_rules_text

    first, _ = _exports(campaign, tmp_path)
    rules = tmp_path / "rules.toml"
    rules.write_text(builtin_rules_text(), encoding="utf-8")
    out = tmp_path / "s.csv"
    result = run(tmp_path / "no-store", "consolidate", str(first), "-o", str(out), "--rules", str(rules))
    assert result.exit_code == 0, result.output
    assert "规则文件" in result.stderr
    assert out.exists()


def test_report_is_the_results_notice(campaign: Campaign, tmp_path: Path) -> None:
    out = tmp_path / "通报.md"
    result = run(campaign.data_dir, "report", "-o", str(out))
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# 关于2026年度市直机关党建考核结果的通报")
    for heading in ("参评情况", "考核等次", "星级评定", "十佳机关服务品牌", "投票封存校验"):
        assert heading in text
    assert "共发放测评码 16 个，收回测评票 9 张" in text and "有效票 8 张、无效票 1 张" in text
    assert campaign.store.meeting.closings()[0].digest in text
    for unit in campaign.units:
        assert f"| {unit.name} |" in text
    assert "“为民服务”品牌" in text


def test_report_while_voting_is_open_exits_1(tmp_path: Path) -> None:
    open_campaign = build_campaign(tmp_path / "d", units=4, ballots=1, close=False)
    result = run(open_campaign.data_dir, "report", "-o", str(tmp_path / "r.md"))
    assert result.exit_code == 1
    assert not (tmp_path / "r.md").exists()


def test_progress_shows_on_a_terminal_only(monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    from tui.commands.support import StderrProgress

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    screen = Terminal()
    monkeypatch.setattr("sys.stderr", screen)
    progress = StderrProgress("正在读取测评票", total=200)
    progress(100)
    progress(200)
    progress.close()
    shown = screen.getvalue()
    assert "正在读取测评票" in shown and "100%" in shown and "200/200" in shown
    assert shown.endswith("\n")

    piped = io.StringIO()
    monkeypatch.setattr("sys.stderr", piped)
    quiet = StderrProgress("正在读取测评票", total=200)
    quiet(200)
    quiet.close()
    assert piped.getvalue() == ""


def test_consolidate_plain_exports(campaign: Campaign, tmp_path: Path) -> None:
    first = tmp_path / "plain.csv"
    assert run(campaign.data_dir, "export", "ballots", "-o", str(first), "--plain").exit_code == 0
    out = tmp_path / "s.csv"
    result = run(campaign.data_dir, "consolidate", str(first), "-o", str(out), "--plain")
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("rank,unit_id")


def test_import_ballots_refuses_conflicts_and_changed_files(tmp_path: Path) -> None:
    room1 = build_campaign(tmp_path / "room1", snapshot=tmp_path / "room2")
    first, second = _exports(room1, tmp_path)
    ballot_id = _forge(second, room1.store.manifest_mac)
    conflict = run(tmp_path / "room2", "import", "ballots", str(first), str(second))
    assert conflict.exit_code == 1
    assert f"冲突：测评票 {ballot_id}" in conflict.stderr
    assert list(open_store(tmp_path / "room2").campaign().ballots.sealed_ballots()) == []
    second.write_bytes(second.read_bytes() + b"\r\n")
    changed = run(tmp_path / "room2", "import", "ballots", str(second), lang="en")
    assert changed.exit_code == 1
    assert (
        changed.stderr.startswith("Error: The content of") and "does not match its manifest" in changed.stderr
    )
    missing = run(tmp_path / "room2", "import", "ballots", str(tmp_path / "nowhere.csv"))
    assert missing.exit_code == 2
    assert (
        "找不到文件" in missing.stderr and "nowhere.csv" in missing.stderr
    )  # the file itself, not its manifest
    alone = tmp_path / "没有清单.csv"
    alone.write_bytes(second.read_bytes())
    no_manifest = run(tmp_path / "room2", "import", "ballots", str(alone))
    assert no_manifest.exit_code == 2
    assert "缺少清单文件" in no_manifest.stderr


def test_brands_and_supervision_problems_in_english(campaign: Campaign, tmp_path: Path) -> None:
    bad = tmp_path / "brands.csv"
    bad.write_text("brand_id,brand_name,unit_id\nP1,,U01\n", encoding="utf-8")
    result = run(campaign.data_dir, "brands", "import", str(bad), lang="en")
    assert result.exit_code == 2
    assert f"{bad}:2: brand_name: the brand name is empty" in result.stderr
    assert "nothing was imported" in result.stderr
    visits = tmp_path / "visits.csv"
    visits.write_text("unit_id,day,item_id,answer\nU01,2026-06-01,no_such_item,1\n", encoding="utf-8")
    failed = run(campaign.data_dir, "import", "supervision", str(visits), lang="en")
    assert failed.exit_code == 2
    assert f"{visits}:2: item_id: the form has no item no_such_item" in failed.stderr


def test_report_in_english(campaign: Campaign, tmp_path: Path) -> None:
    out = tmp_path / "notice.md"
    result = run(campaign.data_dir, "report", "-o", str(out), lang="en")
    assert result.exit_code == 0, result.output
    assert "The results notice draft was written" in result.stdout
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Results notice: 2026年度市直机关党建考核")
    assert "16 ballot codes were issued and 9 ballots cast" in text
