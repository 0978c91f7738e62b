"""A small Chinese campaign for the self-assessment, review and results tests: two groups, organizations and branches."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from textual.pilot import Pilot

from forms.model import AnswerValue, Form
from store.api import CampaignStore, Unit, open_store
from tui.context import AppContext
from tui.i18n import set_language

UNITS = (
    Unit("U01", "市委办公室", "中共市委办公室机关委员会", "机关党委", group="第一联络组", order=1),
    Unit("U02", "市教育局", "中共市教育局党总支", "机关党总支", group="第一联络组", order=2),
    Unit("U03", "市财政局", "中共市财政局机关委员会", "机关党委", group="第二联络组", order=3),
    Unit(
        "B011",
        "市委办公室第一党支部",
        "中共市委办公室第一支部",
        "党支部",
        parent_id="U01",
        last_star=4,
        order=4,
    ),
    Unit(
        "B012",
        "市委办公室第二党支部",
        "中共市委办公室第二支部",
        "党支部",
        parent_id="U01",
        last_star=5,
        order=5,
    ),
    Unit(
        "B021", "市教育局机关党支部", "中共市教育局机关支部", "党支部", parent_id="U02", last_star=3, order=6
    ),
    Unit(
        "B031",
        "市财政局预算科党支部",
        "中共市财政局预算科支部",
        "党支部",
        parent_id="U03",
        last_star=2,
        order=7,
    ),
)


@dataclass
class Campaign:
    """A campaign in a temporary data directory, with the plaintext codes the tests type."""

    store: CampaignStore
    context: AppContext
    unit_codes: dict[str, str]
    group_codes: dict[str, str]
    passphrase: str = "考评口令2026年度自评"


@pytest.fixture
def campaign(tmp_path: Path) -> Campaign:
    set_language("zh")
    data_dir = tmp_path / "data"
    store = open_store(data_dir).create_campaign(
        "2026年度市直机关党建考核",
        2026,
        ["review_ballot", "star_branch", "duty_list", "supervision_visit"],
        rules_text="",  # the documented defaults, independent of the rules file format
    )
    store.roster.import_units(list(UNITS))
    unit_codes = store.codes.issue_unit_codes()
    group_codes = store.codes.issue_group_codes()
    store.meeting.set_passphrase("考评口令2026年度自评")
    return Campaign(store, AppContext(data_dir=data_dir, lang="zh"), unit_codes, group_codes)


def full_marks(form: Form) -> dict[str, AnswerValue]:
    """Answers earning full marks on every item that needs one (no deduction, no veto)."""
    answers: dict[str, AnswerValue] = {}
    for item in form.items():
        if item.type == "score":
            answers[item.id] = item.max
        elif item.type == "check":
            answers[item.id] = True
        elif item.type == "veto":
            answers[item.id] = False
        elif item.type == "deduct":
            answers[item.id] = 0
        elif item.type == "rating":
            scale = form.scale_of(item)
            assert scale is not None
            answers[item.id] = scale.levels[0].code
        elif item.type == "choice":
            answers[item.id] = max(item.choices, key=lambda choice: choice.points).code
        elif item.type == "multi":
            answers[item.id] = [item.choices[0].code]
        elif item.type == "text" and item.required and item.show_if is None:
            answers[item.id] = "按要求完成"
    return {
        key: (int(value) if isinstance(value, float) and value.is_integer() else value)
        for key, value in answers.items()
    }


def fill_and_submit(
    store: CampaignStore, unit_id: str, form_id: str, submit: bool = True
) -> dict[str, AnswerValue]:
    """Answer a unit's form with full marks through the store (and submit it); the answers given."""
    answers = full_marks(store.form(form_id))
    for item_id, value in answers.items():
        store.self_assessments.save_self_answer(unit_id, form_id, item_id, value, None)
    if submit:
        store.self_assessments.submit_self(unit_id, form_id, actor=unit_id)
    return answers


async def settle(pilot: Pilot[object], rounds: int = 3) -> None:
    """Let workers finish and the screen catch up with their messages."""
    for _ in range(rounds):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


async def sign_in(pilot: Pilot[object], code: str) -> None:
    """Type a code on the sign-in screen and wait until the next screen is up."""
    from textual.widgets import Input

    await pilot.pause()
    pilot.app.screen.query_one("#code", Input).value = code
    await pilot.press("enter")
    await settle(pilot, 5)
