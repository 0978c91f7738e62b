"""The campaign is a small object holding named parts; each part works on its own over the shared files."""

from __future__ import annotations

import inspect
from pathlib import Path

import pytest

from forms.errors import InputError
from store.api import CampaignStore, open_store
from store.audit_trail import AuditTrail
from store.ballot_codes import CampaignCodes
from store.ballots import Ballots
from store.campaign_files import CampaignFiles
from store.integrity import Integrity
from store.meeting import Meeting
from store.pinned_forms import PinnedForms
from store.roster import Roster
from store.selfassess import SelfAssessments
from store.visits import Visits
from tests.store.store_helpers import SMALL_UNITS, good_ballot, make_small_campaign

# Where each method of the former 62-method CampaignStore lives now (the rename table of the split).
PARTS: dict[str, tuple[type, tuple[str, ...]]] = {
    "roster": (
        Roster,
        ("units", "unit", "meeting_units", "branches", "import_units", "brands", "import_brands"),
    ),
    "codes": (
        CampaignCodes,
        (
            "normalise",
            "issue_codes",
            "code_status",
            "issue_unit_codes",
            "issue_group_codes",
            "units_with_codes",
            "groups_with_codes",
            "unit_for_code",
            "group_for_code",
        ),
    ),
    "ballots": (
        Ballots,
        (
            "load_draft",
            "save_answer",
            "save_answers",
            "save_position",
            "discard_draft",
            "seal_ballot",
            "seal_ballots",
            "sealed_ballots",
            "ballot_count",
            "import_sealed_ballots",
            "issue_paper_slips",
            "paper_slips_left",
            "seal_paper_ballot",
        ),
    ),
    "meeting": (
        Meeting,
        (
            "voting_state",
            "open_voting",
            "close_voting",
            "record_imported_closings",
            "imported_closings",
            "closings",
            "participation",
            "set_passphrase",
            "has_passphrase",
            "check_passphrase",
        ),
    ),
    "self_assessments": (
        SelfAssessments,
        (
            "self_assessment",
            "save_self_answer",
            "save_self_position",
            "submit_self",
            "reopen_self",
            "adjust_item",
            "mark_reviewed",
            "send_back",
            "self_assessments",
        ),
    ),
    "visits": (Visits, ("add_visit", "update_visit", "delete_visit", "visits", "import_visits")),
    "integrity": (Integrity, ("verify",)),
    "audit_trail": (AuditTrail, ("audit", "audit_log")),
}
ON_THE_CAMPAIGN = ("manifest_mac", "rules", "form_text", "form", "forms", "forms_of_scope", "unit_forms")


def test_every_method_has_one_home(small: CampaignStore) -> None:
    for name, (kind, methods) in PARTS.items():
        part = getattr(small, name)
        assert type(part) is kind
        for method in methods:
            assert callable(getattr(part, method)), f"{name}.{method}"
            assert not hasattr(CampaignStore, method) or method in PARTS, f"{method} still on the campaign"
    public = sorted(n for n, v in inspect.getmembers(CampaignStore) if callable(v) and not n.startswith("_"))
    assert public == sorted(ON_THE_CAMPAIGN)


def test_the_parts_share_one_files_context(small: CampaignStore) -> None:
    assert all(getattr(small, name).files is small.files for name in PARTS)
    assert small.files.dir == small.dir and small.files.info == small.info


@pytest.fixture
def files(data_dir: Path) -> CampaignFiles:
    campaign = open_store(data_dir).create_campaign("分件测试", 2026, ["review_ballot", "star_branch"])
    return CampaignFiles(campaign.store, campaign.id)


def test_roster_alone(files: CampaignFiles) -> None:
    audit = AuditTrail(files)
    roster = Roster(files, audit)
    assert roster.import_units(SMALL_UNITS) == len(SMALL_UNITS)
    assert [unit.id for unit in roster.branches("U01")] == ["U01-01"]
    with pytest.raises(InputError):
        roster.unit("不存在")
    assert [entry.action for entry in audit.audit_log()][-1] == "units.import"


def test_codes_alone(files: CampaignFiles) -> None:
    audit = AuditTrail(files)
    roster = Roster(files, audit)
    roster.import_units(SMALL_UNITS)
    codes = CampaignCodes(files, roster, audit)
    [code] = codes.issue_codes("members", 1)
    assert codes.code_status(code.lower().replace("-", " ")).state == "fresh"
    unit_codes = codes.issue_unit_codes(["U01-01"])
    assert codes.unit_for_code(unit_codes["U01-01"]) == roster.unit("U01-01")
    assert codes.group_for_code(code) is None


def test_ballots_and_meeting_over_the_same_files(files: CampaignFiles) -> None:
    audit = AuditTrail(files)
    roster = Roster(files, audit)
    roster.import_units(SMALL_UNITS)
    codes = CampaignCodes(files, roster, audit)
    ballots = Ballots(files, PinnedForms(files), roster, codes, audit)
    meeting = Meeting(files, PinnedForms(files), ballots, audit)
    [code] = codes.issue_codes("members", 1)
    campaign = open_store(files.store.data_dir).campaign(files.id)
    with pytest.raises(InputError):
        ballots.seal_ballot(code, "review_ballot", good_ballot(campaign))
    meeting.open_voting("admin")
    ballots.seal_ballot(code, "review_ballot", good_ballot(campaign))
    closing = meeting.close_voting("admin")
    assert closing.count == 1 and ballots.ballot_count() == 1
    assert Integrity(files).verify() == []


def test_self_assessments_and_visits_alone(files: CampaignFiles) -> None:
    audit = AuditTrail(files)
    roster = Roster(files, audit)
    roster.import_units(SMALL_UNITS)
    selfs = SelfAssessments(files, PinnedForms(files), roster, audit)
    assert selfs.self_assessment("U01-01", "star_branch").state == "draft"
    with pytest.raises(InputError):
        Visits(files, PinnedForms(files), roster, audit).add_visit(
            "U01", "第一联络组", "2026-05-01", "star_branch"
        )


def test_make_small_campaign_still_composes(data_dir: Path) -> None:
    campaign = make_small_campaign(data_dir)
    assert campaign.meeting.voting_state() == "open" and len(campaign.roster.meeting_units()) == 10


def test_a_repeated_row_is_checked_once_and_a_bad_row_after_it_still_refused(small: CampaignStore) -> None:
    [code] = small.codes.issue_codes("members", 1)
    ballot = good_ballot(small)
    last = small.roster.meeting_units()[-1].id
    ballot[last] = {**ballot[last], "overall": True}  # same items, a value of the wrong type
    with pytest.raises(InputError) as caught:
        small.ballots.seal_ballot(code, "review_ballot", ballot)
    assert caught.value.key == "store.bad_answer" and caught.value.params["unit"] == last
    assert small.codes.code_status(code).state == "fresh"


def test_a_star_form_pinned_before_kind_existed_is_still_the_star_form(small: CampaignStore) -> None:
    text = small.form_text("star_branch")
    old_text = text.replace('kind = "star"', "", 1)
    assert old_text != text
    with small.store.locked(), small.store.edit(small.dir / "campaign.json") as db:
        db.table("forms", cache_size=0).update({"text": old_text}, lambda doc: doc.get("id") == "star_branch")
    assert small.form("star_branch").kind == "star"
    assert small.unit_forms("U01-01") == [small.form("star_branch")]
