"""Pinyin initials for type-to-filter: the full table finds every name of the demo, rare characters too."""

from __future__ import annotations

from store.api import CampaignStore
from tui.meeting.pinyin import initials_of, matches


def _is_han(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


def test_nxyz_finds_the_brand_with_a_rare_character() -> None:
    # 驿 is not among GB2312's 3,755 common characters, which the old table was limited to.
    assert matches("暖心驿站", "nxyz")
    assert not matches("暖心驿站", "nxzz")


def test_polyphones_match_either_reading() -> None:
    assert matches("中国银行", "zgyh") and matches("执行力", "zxl")
    assert matches("局长", "jz") and matches("长效机制", "cxjz")


def test_every_character_of_the_demo_names_has_an_initial(demo_campaign: CampaignStore) -> None:
    names: set[str] = set()
    for unit in demo_campaign.roster.units():
        names |= {unit.name, unit.org_name, unit.secretary, unit.group}
    names |= {brand.name for brand in demo_campaign.roster.brands()}
    missing = sorted({char for name in names for char in name if _is_han(char) and not initials_of(char)})
    assert len(names) > 300
    assert missing == []
