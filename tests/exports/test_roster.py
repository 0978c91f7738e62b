"""The roster reader: the 66-unit sample as Excel saves it (BOM, CRLF), a GBK copy, and every kind of bad row."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from exports.roster import parse_star, read_roster
from forms.errors import InputError

DATA = Path(__file__).parent / "data"
ROSTER = DATA / "roster-city-66.csv"
GROUPS = ("第一联络组", "第二联络组", "第三联络组")


def test_the_sample_roster_reads_whole() -> None:
    reading = read_roster(ROSTER, known_groups=GROUPS)
    assert reading.ok, reading.problems
    assert reading.encoding == "utf-8-sig"
    assert len(reading.units) == 66
    first = reading.units[0]
    assert (first.unit_id, first.name, first.group, first.org_type) == (
        "U01",
        "市委办公室",
        "第一联络组",
        "机关党委",
    )
    assert first.org_name == "中共市委办公室机关委员会"
    assert {unit.group for unit in reading.units} == set(GROUPS)


def test_a_gbk_copy_reads_the_same(tmp_path: Path) -> None:
    gbk = tmp_path / "单位名单-gbk.csv"
    gbk.write_bytes(ROSTER.read_text(encoding="utf-8-sig").encode("gbk"))
    reading = read_roster(gbk, known_groups=GROUPS)
    assert reading.encoding == "gb18030"
    assert reading.units == read_roster(ROSTER, known_groups=GROUPS).units


def test_english_headers_and_extra_columns(tmp_path: Path) -> None:
    path = tmp_path / "en.csv"
    path.write_text(
        "id,name,group,secretary,last_star,notes\nU1,市委办公室,第一联络组,张三,4,备注\n", encoding="utf-8"
    )
    reading = read_roster(path, known_groups=GROUPS)
    assert reading.ok
    unit = reading.units[0]
    assert (unit.secretary, unit.last_star) == ("张三", 4)
    assert reading.ignored_columns == ("notes",)


def test_every_bad_row_is_reported_at_once_with_its_line(tmp_path: Path) -> None:
    source = tmp_path / "单位名单.csv"
    shutil.copy(ROSTER, source)
    lines = source.read_bytes().decode("utf-8-sig").split("\r\n")
    lines[0] += ",上年星级"
    for index in range(1, len(lines)):
        if lines[index]:
            lines[index] += ",3"
    lines[36] = "U36,,中共某机关委员会,机关党委,第一联络组,3"  # line 37: blank name
    lines[51] = lines[51].rsplit(",", 1)[0] + ",6"  # line 52: star 6
    lines[9] = lines[9].replace("联络组", "联络小组")  # line 10: unknown group
    lines[20] = "U05" + lines[20][3:]  # line 21: duplicate id of line 6
    source.write_bytes("\r\n".join(lines).encode("utf-8-sig"))
    reading = read_roster(source, known_groups=GROUPS)
    found = [(p.line, p.column, p.key) for p in reading.problems]
    assert found == [
        (10, "所属联络组", "import.roster.unknown_group"),
        (21, "编号", "import.roster.duplicate_id"),
        (37, "单位名称", "import.roster.missing_name"),
        (52, "上年星级", "import.roster.bad_star"),
    ]
    assert reading.problems[1].params["first"] == 6
    assert not reading.ok


def test_missing_required_column_is_reported_on_line_one(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("单位名称,所属联络组\n市委办公室,第一联络组\n", encoding="utf-8-sig")
    reading = read_roster(path)
    assert [(p.line, p.column, p.key) for p in reading.problems] == [
        (1, "编号", "import.roster.missing_column")
    ]


def test_unknown_parent(tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_text("编号,单位名称,上级\nU1,机关党委,\nB1,第一支部,U1\nB2,第二支部,U9\n", encoding="utf-8")
    reading = read_roster(path, existing_ids=["U0"])
    assert [(p.line, p.key) for p in reading.problems] == [(4, "import.roster.unknown_parent")]


def test_empty_file_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.csv"
    path.write_bytes(b"\xef\xbb\xbf")
    with pytest.raises(InputError):
        read_roster(path)


@pytest.mark.parametrize(
    ("text", "stars"), [("3", 3), ("三星", 3), ("五星级", 5), ("4星", 4), ("", None), ("2.0", 2)]
)
def test_stars_as_people_type_them(text: str, stars: int | None) -> None:
    assert parse_star(text) == stars


@pytest.mark.parametrize("text", ["六星", "2.5", "好"])
def test_stars_that_are_not_stars(text: str) -> None:
    with pytest.raises(ValueError):
        parse_star(text)
