"""`kaoping forms list | show | check` through click's CliRunner, in Chinese and English."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.forms.form_texts import BASE
from tui.cli import cli
from tui.i18n import set_language


@pytest.fixture(autouse=True)
def _chinese_afterwards() -> object:
    yield
    set_language("zh")


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_list_shows_every_builtin_form_in_chinese() -> None:
    code, out, _ = run("forms", "list")
    assert code == 0
    for form_id in ("review_ballot", "star_branch", "duty_list", "supervision_visit", "brand_vote"):
        assert form_id in out
    assert "星级党支部评定自评表" in out
    assert "编号" in out.splitlines()[0]
    # columns line up on screen although Chinese characters take two columns
    titles = [line.index("2025.1") for line in out.splitlines()[1:6]]
    assert len(set(titles)) == 1
    header = out.splitlines()[0]
    before = header[: header.index("版本")]
    assert len(before) + sum(1 for char in before if char in "编号") == titles[0]  # 编号 is four columns wide


def test_list_in_english() -> None:
    code, out, _ = run("--lang", "en", "forms", "list")
    assert code == 0
    assert "Star Party branch: self-assessment" in out
    assert out.splitlines()[0].startswith("ID")


def test_show_prints_sections_items_points_and_criteria() -> None:
    code, out, _ = run("forms", "show", "star_branch")
    assert code == 0
    assert "总分计算：基础项（扣除减分项） × 70% + 评议项 × 30%" in out
    assert "【基础项一：组织建设】（20分）" in out
    assert "落实“三会一课”制度" in out
    assert "评分标准：支部党员大会每季度1次" in out
    assert "每次扣 2 分，最多扣 6 分" in out
    assert "命中则不评星级" in out


def test_show_in_english() -> None:
    code, out, _ = run("--lang", "en", "forms", "show", "review_ballot")
    assert code == 0
    assert "Levels: 1=Good(100) 2=Fairly good(80) 3=Average(60) 4=Poor(40)" in out
    assert "Quota: More than 30% of the units rated Good" in out


def test_show_a_form_file(tmp_path: Path) -> None:
    path = tmp_path / "自评表.toml"
    path.write_text(BASE, encoding="utf-8")
    code, out, _ = run("forms", "show", str(path))
    assert code == 0
    assert "测试表（t，版本 1）" in out
    assert "三会一课" in out


def test_show_unknown_id_exits_2() -> None:
    code, _, err = run("forms", "show", "no_such_form")
    assert code == 2
    assert "没有编号为 no_such_form 的内置表单" in err


def test_show_rules() -> None:
    code, out, _ = run("forms", "show", "rules")
    assert code == 0
    assert "工委领导 0.15" in out


def test_check_builtin_forms_and_rules_pass() -> None:
    code, out, _ = run(
        "forms",
        "check",
        "review_ballot",
        "star_branch",
        "duty_list",
        "supervision_visit",
        "brand_vote",
        "rules",
    )
    assert code == 0
    assert out.count("检查通过") == 6


def test_check_reports_every_problem_with_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "坏表.toml"
    path.write_text(
        BASE.replace('scope = "unit"', 'scope = "team"') + "min = 20\ncolour = 1\n", encoding="utf-8"
    )
    code, out, err = run("forms", "check", str(path))
    assert code == 1
    lines = out.splitlines()
    assert lines == [
        f"{path}:3: form: “scope” 的值 “team” 无效，可选：ballot, vote, unit, visit",
        f"{path}:15: s1.a: 最小值 20 大于最大值 10",
        f"{path}:16: s1.a: 未知的键 “colour”（可用：{lines[2].split('可用：')[1]}",
    ]
    assert "共发现 3 个问题" in err


def test_check_in_english(tmp_path: Path) -> None:
    path = tmp_path / "broken.toml"
    path.write_text(BASE + "min = 20\n", encoding="utf-8")
    code, out, _ = run("--lang", "en", "forms", "check", str(path))
    assert code == 1
    assert out.strip() == f"{path}:15: s1.a: min 20 is greater than max 10"


def test_check_a_broken_rules_file(tmp_path: Path) -> None:
    path = tmp_path / "rules.toml"
    path.write_text(
        'trim_above = 5\n\n[[rater_groups]]\nid = "leaders"\nlabel = "工委领导"\nweight = 0.5\n',
        encoding="utf-8",
    )
    code, out, _ = run("forms", "check", str(path))
    assert code == 1
    assert out.strip() == f"{path}:3: rater_groups: 权重之和为 0.5，应为 1"


def test_check_a_missing_file_exits_2_after_checking_the_others(tmp_path: Path) -> None:
    code, out, err = run("forms", "check", "review_ballot", str(tmp_path / "没有.toml"))
    assert code == 2
    assert "检查通过" in out
    assert "找不到文件" in err
    assert "Traceback" not in err


def test_check_without_arguments_exits_2() -> None:
    code, _, err = run("forms", "check")
    assert code == 2
    assert "请给出至少一个表单编号或文件路径" in err


def test_forms_commands_do_not_import_textual() -> None:
    import subprocess
    import sys

    script = "import sys\nfrom tui.cli import cli\nfrom tui.commands import forms\nprint('textual' in sys.modules)\n"
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_show_a_rules_file_in_english(tmp_path: Path) -> None:
    path = tmp_path / "rules.toml"
    path.write_text("trim_above = 7\n", encoding="utf-8")
    code, out, _ = run("--lang", "en", "forms", "show", str(path))
    assert code == 0
    assert "With more than 7 valid scores, drop one highest and one lowest" in out


def test_check_a_directory_exits_2(tmp_path: Path) -> None:
    code, _, err = run("forms", "check", str(tmp_path))
    assert code == 2
    assert "是目录，不是表单文件" in err


def test_show_a_broken_form_file_exits_1(tmp_path: Path) -> None:
    path = tmp_path / "坏表.toml"
    path.write_text(BASE + "min = 20\n", encoding="utf-8")
    code, _, err = run("forms", "show", str(path))
    assert code == 1
    assert "有 1 个问题（第一个在第 15 行）" in err
