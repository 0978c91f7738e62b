"""The Excel-safe CSV layer: BOM, quoting of Chinese comments, the formula guard, encodings, atomic writes."""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exports.csvio import cell, detect_encoding, neutralize, read_csv, restore, write_csv, write_text_atomic
from forms.errors import InputError


def test_excel_safe_file_starts_with_a_bom_and_uses_crlf(tmp_path: Path) -> None:
    out = tmp_path / "汇总.csv"
    written = write_csv(out, [["单位", "得分"]], [["市委办公室", 95.5]])
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.endswith(b"\r\n")
    assert "市委办公室,95.5" in data.decode("utf-8-sig")
    assert written.rows == 1
    assert written.sha256 == hashlib.sha256(data).hexdigest()


def test_plain_file_has_no_bom(tmp_path: Path) -> None:
    out = tmp_path / "plain.csv"
    write_csv(out, [["unit"]], [["市委办公室"]], excel_safe=False)
    assert out.read_bytes().startswith(b"unit")


def test_commas_quotes_and_newlines_in_chinese_comments_survive(tmp_path: Path) -> None:
    comment = '工作扎实，"亮点"突出,\n但台账不全；\r\n建议改进'
    out = tmp_path / "c.csv"
    write_csv(out, [["说明"]], [[cell(comment)], [cell("第二行")]])
    with open(out, encoding="utf-8-sig", newline="") as source:
        rows = list(csv.reader(source))
    assert rows == [["说明"], [comment], ["第二行"]]
    records = list(read_csv(out))
    assert [r.cells[0] for r in records] == ["说明", comment, "第二行"]
    assert [r.line for r in records] == [1, 2, 5]


@pytest.mark.parametrize(
    "text",
    [
        '=HYPERLINK("http://x")',
        "+1+2",
        "-2+3",
        "@SUM(A1)",
        "\tcmd",
        "\rx",
        "\nx",
        "＝１＋１",
        "＋号",
        "－减",
        "＠人",
    ],
)
def test_formula_starts_are_neutralized(text: str) -> None:
    guarded = neutralize(text)
    assert guarded == "'" + text
    assert restore(guarded) == text


@pytest.mark.parametrize("number", ["-3", "-2.5", "+7", "12", "-0.5", "1e3"])
def test_numbers_written_as_text_stay_numbers(number: str) -> None:
    assert neutralize(number) == number


def test_numbers_stay_numbers_in_the_file(tmp_path: Path) -> None:
    out = tmp_path / "n.csv"
    write_csv(out, [["a", "b", "c", "d"]], [[cell(-3), cell(2.5), cell("=1+1"), cell(True)]])
    body = out.read_text(encoding="utf-8-sig").splitlines()[1]
    assert body == "-3,2.5,'=1+1,1"


def test_unguarded_output_keeps_text_as_is() -> None:
    assert cell("=1+1", excel_safe=False) == "=1+1"


@given(st.text(max_size=20))
def test_neutralize_then_restore_is_identity(text: str) -> None:
    assert restore(neutralize(text)) == text


@given(st.text(max_size=20))
def test_guarded_text_never_starts_with_a_formula_character(text: str) -> None:
    guarded = neutralize(text)
    if guarded and guarded[0] in "=@\t\r\n＝＋－＠":
        pytest.fail(guarded)
    if guarded and guarded[0] in "+-":
        float(guarded)  # only plain numbers may start with a sign


def test_gbk_file_is_detected(tmp_path: Path) -> None:
    path = tmp_path / "gbk.csv"
    path.write_bytes("编号,单位名称\r\nU01,市委办公室\r\n".encode("gbk"))
    assert detect_encoding(path) == "gb18030"
    assert [r.cells for r in read_csv(path)] == [["编号", "单位名称"], ["U01", "市委办公室"]]


def test_utf8_without_bom_is_detected(tmp_path: Path) -> None:
    path = tmp_path / "u.csv"
    path.write_text("编号\nU01\n", encoding="utf-8")
    assert detect_encoding(path) == "utf-8-sig"


def test_damaged_utf8_with_bom_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(b"\xef\xbb\xbfa\r\nb\r\n\xff\xfe\xfa\r\n")
    with pytest.raises(InputError) as caught:
        detect_encoding(path)
    assert caught.value.key == "import.bad_utf8"
    assert caught.value.params["line"] == 3


def test_undecodable_file_is_refused_not_guessed(tmp_path: Path) -> None:
    path = tmp_path / "bin.csv"
    path.write_bytes(b"ok\n\x81\x30\x81")  # truncated GB18030 four-byte sequence
    with pytest.raises(InputError) as caught:
        detect_encoding(path)
    assert caught.value.key == "import.unknown_encoding"


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        detect_encoding(tmp_path / "无.csv")
    assert caught.value.key == "import.file_missing"


def test_failed_write_leaves_the_old_file_and_no_temp(tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    out.write_text("旧内容", encoding="utf-8")

    def rows() -> Iterator[list[str]]:

        yield ["a"]
        raise RuntimeError("disk died")

    with pytest.raises(RuntimeError):
        write_csv(out, [["h"]], rows())
    assert out.read_text(encoding="utf-8") == "旧内容"
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]


def test_missing_directory_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        write_csv(tmp_path / "nope" / "x.csv", [["h"]], [])
    assert caught.value.key == "export.no_directory"


def test_text_files_are_replaced_whole_and_need_their_directory(tmp_path: Path) -> None:
    report = tmp_path / "报告.txt"
    report.write_text("旧报告", encoding="utf-8")
    write_text_atomic(report, "新报告：66 个单位\n")
    assert report.read_text(encoding="utf-8") == "新报告：66 个单位\n"
    assert [p.name for p in tmp_path.iterdir()] == ["报告.txt"]
    with pytest.raises(InputError) as caught:
        write_text_atomic(tmp_path / "没有" / "报告.txt", "内容")
    assert caught.value.key == "export.no_directory"
    assert not (tmp_path / "没有").exists()


def test_progress_is_reported_in_chunks(tmp_path: Path) -> None:
    seen: list[int] = []
    write_csv(tmp_path / "p.csv", [["n"]], ([i] for i in range(10000)), on_progress=seen.append)
    assert seen[-1] == 10000
    assert seen == sorted(seen) and len(seen) >= 2


TEXT = st.text(
    alphabet=st.sampled_from(list("单位，,\"'\n\r\t =+-@＝＋－＠好差0123456789abc；“”")), max_size=30
)


@given(st.lists(st.lists(TEXT, min_size=1, max_size=4), min_size=1, max_size=5))
def test_any_text_round_trips_through_an_excel_safe_file(rows: list[list[str]]) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "x.csv"
        width = max(len(row) for row in rows)
        padded = [row + [""] * (width - len(row)) for row in rows]
        write_csv(out, [["列"] * width], [[cell(value) for value in row] for row in padded])
        back = [[restore(value) for value in record.cells] for record in read_csv(out)]
        # read_csv skips rows that are blank as written (a guarded "\r" is not blank: it reads back).
        expected = [["列"] * width] + [
            row for row in padded if any(neutralize(value).strip() for value in row)
        ]
        assert back == expected
