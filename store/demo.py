"""The demo campaign: 66 organizations in 3 liaison groups with ~700 branches, codes, brands and visits."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from .campaign import CampaignStore
from .core import Store
from .demo_roster import ROSTER
from .formsource import builtin_form_ids
from .records import Brand, Unit, Visit
from .simulate import random_response

DEMO_PASSPHRASE = "kaoping-demo"
"""The admin passphrase of the demo campaign (printed by `kaoping demo`)."""

DEMO_CODES: dict[str, int] = {"leaders": 12, "heads": 66, "members": 60, "served": 40}
"""Ballot codes per rater group in the demo: committee leaders, one head per unit, members, served."""

DEMO_BRANDS = 293
"""Registered service brands, as in the seed city."""

_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡"
    "余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯"
    "龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
_GIVEN = (
    "建国志强伟华明军海涛红梅丽娟秀英玉兰晓东文杰永刚雪峰春燕立新宏伟卫东振华光明国庆"
    "翠萍慧敏俊杰思远德胜丹丹鹏飞"
)
_NUMERALS = "一二三四五六七八九十"
_BRAND_HEADS = (
    "红色",
    "先锋",
    "暖心",
    "便民",
    "连心",
    "筑梦",
    "阳光",
    "惠企",
    "民生",
    "清风",
    "初心",
    "匠心",
    "橙心",
    "党建",
    "双报到",
    "好帮手",
    "一站式",
    "零距离",
    "马上办",
    "贴心",
    "同心",
    "领航",
    "守护",
    "燎原",
)
_BRAND_TAILS = (
    "服务站",
    "工作室",
    "先锋岗",
    "便民通道",
    "服务队",
    "志愿队",
    "驿站",
    "课堂",
    "热线",
    "服务台",
    "讲习所",
    "联络站",
)


@dataclass(frozen=True)
class DemoResult:
    """What `create_demo` made, with the plaintext codes (shown once: write the sheets now)."""

    campaign_id: str
    ballot_codes: dict[str, list[str]] = field(default_factory=dict)
    unit_codes: dict[str, str] = field(default_factory=dict)
    group_codes: dict[str, str] = field(default_factory=dict)
    passphrase: str = DEMO_PASSPHRASE


def _numeral(n: int) -> str:
    if n <= 10:
        return _NUMERALS[n - 1]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _NUMERALS[tens - 1]) + "十" + (_NUMERALS[ones - 1] if ones else "")


def _person(rng: random.Random) -> str:
    given = _GIVEN[rng.randrange(0, len(_GIVEN), 2) :][:2]
    return rng.choice(_SURNAMES) + (given if rng.random() < 0.7 else given[0])


def _last_star(rng: random.Random) -> int:
    return rng.choices((5, 4, 3, 2, 1), weights=(20, 35, 30, 10, 5))[0]


def demo_units(rng: random.Random) -> list[Unit]:
    """The 66 organizations of the demo roster and their branches (about 700 in all)."""
    units: list[Unit] = []
    order = 0
    for unit_id, name, org_name, kind, group in ROSTER:
        order += 1
        units.append(Unit(unit_id, name, org_name, kind, None, group, _person(rng), _last_star(rng), order))
        if kind == "机关党委":
            branch_count = rng.randint(14, 18)
        elif kind == "机关党总支":
            branch_count = rng.randint(3, 5)
        else:
            branch_count = 0
        for number in range(1, branch_count + 1):
            order += 1
            branch = f"第{_numeral(number)}党支部"
            units.append(
                Unit(
                    f"{unit_id}-{number:02d}",
                    f"{name}{branch}",
                    f"中共{name}{branch}",
                    "党支部",
                    unit_id,
                    group,
                    _person(rng),
                    _last_star(rng),
                    order,
                )
            )
    return units


def demo_brands(units: list[Unit], rng: random.Random) -> list[Brand]:
    """293 service brands spread over the 66 organizations."""
    tops = [unit for unit in units if unit.parent_id is None]
    brands: list[Brand] = []
    names: set[str] = set()
    while len(brands) < DEMO_BRANDS:
        unit = rng.choice(tops)
        name = f"“{rng.choice(_BRAND_HEADS)}{rng.choice(_BRAND_TAILS)}”"
        full = f"{unit.name}{name}"
        if full in names:
            continue
        names.add(full)
        brands.append(Brand(f"B{len(brands) + 1:03d}", full, unit.id))
    return brands


def create_demo(store: Store, seed: int = 2026) -> DemoResult:
    """Create the demo campaign in `store` (deterministic roster for a seed; codes are always random)."""
    rng = random.Random(seed)
    year = date.today().year
    campaign = store.create_campaign(
        f"{year}年度市直机关党建考核（演示）", year, _demo_forms(), None, demo=True
    )
    units = demo_units(rng)
    campaign.roster.import_units(units)
    campaign.roster.import_brands(demo_brands(units, rng))
    ballot_codes = {
        group: campaign.codes.issue_codes(group, count)
        for group, count in DEMO_CODES.items()
        if group in campaign.info.rater_groups
    }
    unit_codes = campaign.codes.issue_unit_codes()
    group_codes = campaign.codes.issue_group_codes()
    campaign.meeting.set_passphrase(DEMO_PASSPHRASE, actor="demo")
    _demo_visits(campaign, units, rng, year)
    return DemoResult(campaign.id, ballot_codes, unit_codes, group_codes)


def _demo_forms() -> list[str]:
    preferred = ["review_ballot", "brand_vote", "star_branch", "duty_list", "supervision_visit"]
    available = set(builtin_form_ids())
    return [form_id for form_id in preferred if form_id in available]


def _demo_visits(campaign: CampaignStore, units: list[Unit], rng: random.Random, year: int) -> None:
    """Two or three supervision visits to each of 30 organizations, spread over the year."""
    forms = campaign.forms_of_scope("visit")
    if not forms:
        return
    form = forms[0]
    tops = [unit for unit in units if unit.parent_id is None]
    visits: list[Visit] = []
    start = date(year, 3, 1)
    for unit in rng.sample(tops, 30):
        for _ in range(rng.randint(2, 3)):
            day = start + timedelta(days=rng.randint(0, 240))
            answers = random_response(form, rng)
            visits.append(
                Visit("", unit.id, unit.group, day.isoformat(), form.id, form.version, answers, "督导检查")
            )
    campaign.visits.import_visits(visits)
