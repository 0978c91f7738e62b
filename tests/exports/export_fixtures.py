"""Helpers for the exports tests: a real campaign in a tmp data directory, roster units, valid ballots."""

from __future__ import annotations

import random
import shutil
from dataclasses import dataclass
from pathlib import Path

from exports.roster import read_roster
from forms.model import AnswerValue, Form
from store.api import Brand, CampaignStore, Unit, open_store

DATA = Path(__file__).parent / "data"
ROSTER = DATA / "roster-city-66.csv"
LEVELS = ("good", "fairly_good", "average", "poor")
COMMENTS = (
    '工作扎实，"亮点"突出,\n但台账不全；建议改进',
    '=HYPERLINK("http://evil")',
    "-5分也不为过",
    "＠所有人：继续努力",
)


def roster_units(limit: int | None = None) -> list[Unit]:
    reading = read_roster(ROSTER)
    chosen = reading.units[:limit] if limit else reading.units
    return [
        Unit(
            id=row.unit_id,
            name=row.name,
            org_name=row.org_name,
            kind=row.org_type,
            group=row.group,
            last_star=(index % 5) + 1 if index % 7 else None,
            order=index,
        )
        for index, row in enumerate(chosen)
    ]


def valid_ballot(
    form: Form, unit_ids: list[str], rng: random.Random, *, comments: bool = True
) -> dict[str, dict[str, AnswerValue]]:
    """Answers that pass the 30%-好 quota and are not all identical."""
    good_allowed = int(0.3 * len(unit_ids))
    answers: dict[str, dict[str, AnswerValue]] = {}
    for index, unit_id in enumerate(unit_ids):
        overall = "good" if index < good_allowed and rng.random() < 0.7 else rng.choice(LEVELS[1:])
        row: dict[str, AnswerValue] = {"overall": overall}
        for item in form.items():
            if item.type == "rating" and item.id != "overall":
                row[item.id] = rng.choice(LEVELS)
        if comments and index < len(COMMENTS):
            row["comment"] = COMMENTS[index]
        answers[unit_id] = row
    return answers


@dataclass
class Campaign:
    """The fixture campaign: its store and what the test may need to know."""

    store: CampaignStore
    data_dir: Path
    units: list[Unit]
    unused_codes: list[tuple[str, str]]  # (rater group, code) left fresh for a second terminal


def build_campaign(
    data_dir: Path,
    *,
    units: int = 12,
    ballots: int = 9,
    seed: int = 7,
    close: bool = True,
    snapshot: Path | None = None,
) -> Campaign:
    """A campaign with sealed ballots; `snapshot` receives a copy of the data directory taken before voting
    (the same campaign on a second terminal)."""
    rng = random.Random(seed)
    store = open_store(data_dir)
    campaign = store.create_campaign(
        "2026年度市直机关党建考核", 2026, ["review_ballot", "brand_vote", "supervision_visit", "star_branch"]
    )
    chosen = roster_units(units)
    branches = [
        Unit(
            id=f"U01-{n}",
            name=f"市委办公室第{'一二三'[n - 1]}党支部",
            org_name="",
            kind="党支部",
            parent_id="U01",
            last_star=(4, 5, 3)[n - 1],
            order=100 + n,
        )
        for n in (1, 2, 3)
    ]
    campaign.roster.import_units([*chosen, *branches])
    campaign.roster.import_brands(
        [
            Brand(f"B{index:02d}", f"“为民服务”品牌{index}号", chosen[index % len(chosen)].id)
            for index in range(1, 13)
        ]
    )
    form = campaign.form("review_ballot")
    groups = list(campaign.info.rater_groups)
    codes = {group: campaign.codes.issue_codes(group, 4) for group in groups}
    if snapshot is not None:
        shutil.copytree(data_dir, snapshot)
    campaign.meeting.open_voting("admin")
    unit_ids = [unit.id for unit in chosen]
    used: set[str] = set()
    brand_ids = [f"B{index:02d}" for index in range(1, 13)]
    for index in range(ballots):
        group = groups[index % len(groups)]
        code = codes[group][index // len(groups)]
        used.add(code)
        answers = valid_ballot(form, unit_ids, rng)
        if index == ballots - 1:  # one straight-lined ballot: invalid by the form's rule
            answers = {unit_id: {**row, "overall": "average"} for unit_id, row in answers.items()}
        answers["*"] = {"brands": rng.sample(brand_ids, 3)}
        campaign.ballots.save_answer(code, unit_ids[0], "overall", answers[unit_ids[0]]["overall"])
        campaign.ballots.seal_ballots(code, ["review_ballot", "brand_vote"], answers)
    closing = campaign.meeting.close_voting("admin")
    if not close:  # reopened, as `kaoping voting reopen` does: passphrase, reason, the count repeated
        campaign.meeting.set_passphrase("导出测试口令-2026")
        campaign.meeting.reopen_voting("admin", "导出测试口令-2026", "测试：投票仍在进行", closing.count)
    visit_form = campaign.form("supervision_visit")
    for unit in chosen[:4]:
        campaign.visits.add_visit(
            unit.id,
            unit.group,
            "2026-06-01",
            "supervision_visit",
            visit_answers(visit_form, rng),
            "走访，记录齐全",
        )
    star_form = campaign.form("star_branch")
    for position, unit in enumerate(chosen[:2]):
        for item_id, value in self_answers(star_form).items():
            campaign.self_assessments.save_self_answer(unit.id, "star_branch", item_id, value)
        campaign.self_assessments.submit_self(unit.id, "star_branch", actor=unit.id)
        if position == 0:
            campaign.self_assessments.adjust_item(
                unit.id, "star_branch", "theory_study", 1, "台账缺少“=第一议题”记录", unit.group
            )
            campaign.self_assessments.mark_reviewed(unit.id, "star_branch", unit.group)
    unused = [(group, code) for group in groups for code in codes[group] if code not in used]
    # Branch stars: the first branch reviewed at full marks, the second submitted with a point off, the third
    # not started.
    for branch, lower in ((branches[0], 0), (branches[1], 1)):
        branch_answers = self_answers(star_form)
        if lower:
            branch_answers["dues_late"] = lower
        for item_id, value in branch_answers.items():
            note = "有一次迟交党费，已整改" if item_id == "dues_late" and lower else None
            campaign.self_assessments.save_self_answer(branch.id, "star_branch", item_id, value, note)
        campaign.self_assessments.submit_self(branch.id, "star_branch", actor=branch.id)
    campaign.self_assessments.mark_reviewed(branches[0].id, "star_branch", "第一联络组")
    return Campaign(campaign, data_dir, chosen, unused)


def self_answers(form: Form) -> dict[str, AnswerValue]:
    """Full marks everywhere, no deduction, no veto."""
    answers: dict[str, AnswerValue] = {}
    for item in form.items():
        if item.type == "score":
            answers[item.id] = item.max if item.max is not None else 0
        elif item.type == "check":
            answers[item.id] = True
        elif item.type == "deduct":
            answers[item.id] = 0
        elif item.type == "veto":
            answers[item.id] = False
        elif item.type == "rating":
            scale = form.scale_of(item)
            if scale:
                answers[item.id] = scale.levels[0].code
        elif item.type == "choice" and item.choices:
            answers[item.id] = max(item.choices, key=lambda choice: choice.points).code
        elif item.type == "multi" and item.choices:
            answers[item.id] = [choice.code for choice in item.choices][: item.max_picks or None]
    return answers


def visit_answers(form: Form, rng: random.Random) -> dict[str, AnswerValue]:
    answers: dict[str, AnswerValue] = {}
    for item in form.items():
        if item.show_if is not None:
            continue
        if item.type == "score":
            high = item.max or 10
            answers[item.id] = float(high) if rng.random() < 0.5 else int(high)
        elif item.type == "multi" and item.choices:
            answers[item.id] = [item.choices[0].code]
        elif item.type == "choice" and item.choices:
            answers[item.id] = item.choices[0].code
        elif item.type == "check":
            answers[item.id] = False
    return answers
