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
