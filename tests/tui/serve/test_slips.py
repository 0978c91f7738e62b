"""`kaoping codes issue --url`: besides the CSV, a printable A4 page of slips with the code and its QR code."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from store.api import open_store
from store.demo import DemoResult
from tui.cli import cli
from tui.serve.slips import SLIPS_PER_PAGE, slip_base_url


def issue(data_dir: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--data", str(data_dir), "--lang", "zh", "codes", "issue", *args])
    return result.exit_code, result.output


def test_slips_carry_each_code_its_url_and_qr_code(
    demo_data: tuple[Path, DemoResult], tmp_path: Path
) -> None:
    target = tmp_path / "out" / "党员代表"
    target.parent.mkdir()
    code, output = issue(
        demo_data[0],
        "--count",
        "23",
        "--group",
        "members",
        "-o",
        str(target),
        "--url",
        "http://192.168.1.10:8080/",
    )
    assert code == 0, output
    page = target.with_suffix(".html")
    assert f"{page}" in output
    assert page.stat().st_mode & 0o777 == 0o600
    text = page.read_text(encoding="utf-8")
    codes = [
        line.split(",")[-1].strip()
        for line in target.with_suffix(".csv").read_text(encoding="utf-8-sig").splitlines()[1:]
    ]
    assert len(codes) == 23
    assert text.count('<div class="slip">') == 23
    assert text.count('<section class="page">') == 3 and SLIPS_PER_PAGE == 10
    assert text.count("<svg") == 23
    for issued in codes:
        assert f'<div class="code">{issued}</div>' in text
    assert "@page { size: A4" in text and "dashed" in text
    assert "http://192.168.1.10:8080" in text
    assert sorted(p.name for p in target.parent.iterdir()) == [
        "党员代表.csv",
        "党员代表.html",
        "党员代表.txt",
    ]
    # Each QR code holds the slip's URL on the served page: /v/CODE.
    import segno

    first = segno.make(f"http://192.168.1.10:8080/v/{codes[0]}", error="m")
    assert first.svg_inline(scale=1, unit="mm", border=2) in text


def test_a_bad_url_issues_nothing(demo_data: tuple[Path, DemoResult], tmp_path: Path) -> None:
    campaign = open_store(demo_data[0]).campaign()
    before = {entry.rater_group: entry.issued for entry in campaign.meeting.participation()}
    code, output = issue(
        demo_data[0],
        "--count",
        "5",
        "--group",
        "members",
        "-o",
        str(tmp_path / "x"),
        "--url",
        "javascript:alert(1)",
    )
    assert code == 2 and "--url 应形如" in output and "Traceback" not in output
    assert list(tmp_path.iterdir()) == [] or all(p.name == "data" for p in tmp_path.iterdir())
    after = {entry.rater_group: entry.issued for entry in campaign.meeting.participation()}
    assert after == before


def test_without_url_no_page_is_written(demo_data: tuple[Path, DemoResult], tmp_path: Path) -> None:
    code, _ = issue(demo_data[0], "--count", "2", "--group", "members", "-o", str(tmp_path / "plain"))
    assert code == 0
    assert not (tmp_path / "plain.html").exists()


def test_base_url_forms() -> None:
    assert slip_base_url(" http://10.0.0.2:8080/ ") == "http://10.0.0.2:8080"
    assert slip_base_url("http://hall.local") == "http://hall.local"
