"""The admin's reopen of a unit's self-assessments lives in the core: typed forms back, one key per refusal."""

from __future__ import annotations

import pytest

from forms.errors import InputError
from store.api import CampaignStore
from store.selfassess import REASON_MAX_LENGTH
from tests.tui.selfassess.conftest import full_marks

BRANCH = "U01-01"


def _submit(small: CampaignStore) -> None:
    for item_id, value in full_marks(small.form("star_branch")).items():
        small.self_assessments.save_self_answer(BRANCH, "star_branch", item_id, value, "台账齐全")
    small.self_assessments.submit_self(BRANCH, "star_branch", actor=BRANCH)


def test_reopen_unit_returns_the_forms_reopened_and_logs_the_reason(small: CampaignStore) -> None:
    _submit(small)
    forms = small.self_assessments.reopen_unit(BRANCH, None, "  单位申请更正  ")
    assert [form.id for form in forms] == ["star_branch"]
    record = small.self_assessments.self_assessment(BRANCH, "star_branch")
    assert record.state == "draft" and record.history[-1].note == "单位申请更正"
    assert small.audit_trail.audit_log()[-1].action == "self.reopen"


@pytest.mark.parametrize(
    ("form_id", "reason", "key"),
    [
        (None, "   ", "self.cli.reason_required"),
        (None, "长" * (REASON_MAX_LENGTH + 1), "self.cli.reason_too_long"),
        ("review_ballot", "更正", "self.cli.form_not_for_unit"),
        (None, "更正", "self.cli.nothing_to_reopen"),
    ],
)
def test_reopen_unit_refuses_with_one_clear_key(
    small: CampaignStore, form_id: str | None, reason: str, key: str
) -> None:
    with pytest.raises(InputError) as caught:
        small.self_assessments.reopen_unit(BRANCH, form_id, reason)
    assert caught.value.key == key
    assert small.self_assessments.self_assessment(BRANCH, "star_branch").state == "draft"


def test_which_forms_a_unit_fills_follows_the_kind_not_the_title(small: CampaignStore) -> None:
    from dataclasses import replace

    from store.selfassess import forms_for_unit

    star = small.form("star_branch")
    plain = replace(
        star, id="t_branch_like", kind=""
    )  # 星 in the title, "branch" in the id: not the star form
    branch, organization = small.roster.unit(BRANCH), small.roster.unit("U01")
    assert forms_for_unit(branch, [star, plain]) == [star]
    assert forms_for_unit(organization, [star, plain]) == [plain]
    assert small.unit_forms(BRANCH) == [star]
