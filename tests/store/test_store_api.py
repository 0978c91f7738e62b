"""The store's public surface on real files: campaigns, units, codes, drafts, sealing, meeting, reviews."""

from __future__ import annotations

from pathlib import Path

import pytest

from forms.errors import InputError, ProblemFound
from store.api import CAMPAIGN_WIDE, CampaignStore, Unit, Visit, open_store
from tests.store.store_helpers import SMALL_UNITS, good_ballot, make_small_campaign


def test_no_campaign_and_unknown_campaign_are_clear_input_errors(data_dir: Path) -> None:
    store = open_store(data_dir)
    with pytest.raises(InputError) as none:
        store.campaign()
    assert none.value.key == "store.no_campaign"
    make_small_campaign(data_dir)
    with pytest.raises(InputError) as unknown:
        store.campaign("1999-xxxx")
    assert unknown.value.key == "store.unknown_campaign"


def test_newest_campaign_is_the_default_and_pins_its_forms(data_dir: Path) -> None:
    first = make_small_campaign(data_dir)
    store = open_store(data_dir)
    second = store.create_campaign("2027年度考核", 2027, ["review_ballot"])
    assert [info.id for info in store.campaigns()] == [first.id, second.id]
    assert store.campaign().id == second.id
    assert store.campaign(first.id).info.name == "2026年度测试考核"
    assert first.form("review_ballot").version == second.form("review_ballot").version
    assert "述职评议" in first.form_text("review_ballot")
    assert first.rules().rater_groups[0].id == first.info.rater_groups[0]


def test_import_units_is_all_or_nothing(small: CampaignStore) -> None:
    before = small.roster.units()
    broken = [*SMALL_UNITS, Unit("U99", "孤儿支部", "中共孤儿支部", "党支部", "U77", "第一联络组")]
    with pytest.raises(InputError) as error:
        small.roster.import_units(broken)
    assert error.value.key == "store.unit_parent"
    assert small.roster.units() == before
    with pytest.raises(InputError):
        small.roster.import_units([*SMALL_UNITS, SMALL_UNITS[0]])
    assert [u.id for u in small.roster.meeting_units()] == [f"U{i:02d}" for i in range(1, 11)]
    assert [u.id for u in small.roster.branches("U01")] == ["U01-01"]


def test_codes_are_typed_forgivingly_and_stored_only_as_hashes(small: CampaignStore) -> None:
    codes = small.codes.issue_codes("members", 3)
    assert all(len(code) == 9 and code[4] == "-" for code in codes)
    code = codes[0]
    fullwidth = "".join(chr(ord(ch) + 0xFEE0) if ch.isalnum() else "－" for ch in code.lower())
    for typed in (code, code.lower(), code.replace("-", " "), f"  {code[:4]} {code[5:]} ", fullwidth):
        assert small.codes.code_status(typed).state == "fresh", typed
        assert small.codes.code_status(typed).rater_group == "members"
    assert small.codes.code_status("AAAA-AAAA").state == "unknown"
    assert small.codes.code_status("O0I1-LLLL").state == "unknown"
    raw = "".join(p.read_text(encoding="utf-8") for p in (small.dir / "codebook").glob("*.json"))
    for plain in codes:
        assert plain not in raw and plain.replace("-", "") not in raw
    with pytest.raises(InputError):
        small.codes.issue_codes("没有这个类别", 1)


def test_draft_autosave_resumes_and_seal_marks_the_code_used(small: CampaignStore, data_dir: Path) -> None:
    code = small.codes.issue_codes("heads", 1)[0]
    assert small.ballots.load_draft(code) is None
    small.ballots.save_answer(code, "U01", "overall", "good")
    small.ballots.save_answer(code, "U02", "comment", "服务意识强")
    small.ballots.save_position(code, "U02/comment")
    assert small.codes.code_status(code).state == "draft"
    resumed = (
        open_store(data_dir).campaign().ballots.load_draft(code)
    )  # a restart: a new Store on the same files
    assert resumed is not None
    assert resumed.answers["U01"]["overall"] == "good"
    assert resumed.answers["U02"]["comment"] == "服务意识强"
    assert resumed.position == "U02/comment"
    small.ballots.save_answer(code, "U01", "overall", None)
    assert "overall" not in (small.ballots.load_draft(code) or resumed).answers["U01"]
    for unit_id, row in good_ballot(small).items():
        small.ballots.save_answers(code, unit_id, row)
    ballot_id = small.ballots.seal_ballot(code, "review_ballot")
    assert small.codes.code_status(code).state == "used"
    assert not any((small.dir / "drafts").rglob("*"))
    [ballot] = list(small.ballots.sealed_ballots())
    assert ballot.ballot_id == ballot_id and ballot.valid and ballot.rater_group == "heads"
    assert ballot.answers["U02"]["comment"] == "工作扎实"
    with pytest.raises(InputError) as again:
        small.ballots.seal_ballot(code, "review_ballot", good_ballot(small))
    assert again.value.key == "store.code_used"
    with pytest.raises(InputError):
        small.ballots.save_answer(code, "U01", "overall", "good")


def test_incomplete_or_bad_ballots_are_refused_and_nothing_is_sealed(small: CampaignStore) -> None:
    code = small.codes.issue_codes("heads", 1)[0]
    answers = good_ballot(small)
    del answers["U05"]["overall"]
    with pytest.raises(InputError) as missing:
        small.ballots.seal_ballot(code, "review_ballot", answers)
    assert missing.value.key == "store.ballot_incomplete"
    answers = good_ballot(small)
    answers["U05"]["overall"] = "excellent"
    with pytest.raises(InputError) as bad:
        small.ballots.seal_ballot(code, "review_ballot", answers)
    assert bad.value.key == "store.bad_answer"
    assert small.ballots.ballot_count() == 0 and small.codes.code_status(code).state == "fresh"


def test_invalid_ballots_are_sealed_with_their_flags(small: CampaignStore) -> None:
    code = small.codes.issue_codes("heads", 1)[0]
    answers = good_ballot(small)
    for row in answers.values():
        row["overall"] = "good"
    small.ballots.seal_ballot(code, "review_ballot", answers)
    [ballot] = list(small.ballots.sealed_ballots())
    assert not ballot.valid and "good_share" in ballot.invalid_reasons


def test_brand_vote_is_sealed_with_the_review_ballot_under_the_campaign_wide_key(
    small: CampaignStore,
) -> None:
    code = small.codes.issue_codes("served", 1)[0]
    for unit_id, row in good_ballot(small).items():
        small.ballots.save_answers(code, unit_id, row)
    small.ballots.save_answer(code, None, "brands", ["B1", "B3"])
    review_id, vote_id = small.ballots.seal_ballots(code, ["review_ballot", "brand_vote"])
    [vote] = list(small.ballots.sealed_ballots("brand_vote"))
    assert vote.ballot_id == vote_id and vote.answers == {CAMPAIGN_WIDE: {"brands": ["B1", "B3"]}}
    assert [b.ballot_id for b in small.ballots.sealed_ballots("review_ballot")] == [review_id]
    assert small.ballots.ballot_count() == 2 and small.integrity.verify() == []


def test_voting_must_be_open_and_closing_gives_count_and_digest(data_dir: Path) -> None:
    campaign = make_small_campaign(data_dir, open_voting=False)
    code = campaign.codes.issue_codes("members", 2)
    with pytest.raises(InputError) as closed:
        campaign.ballots.seal_ballot(code[0], "review_ballot", good_ballot(campaign))
    assert closed.value.key == "store.voting_not_open"
    campaign.meeting.open_voting("管理员")
    campaign.ballots.seal_ballot(code[0], "review_ballot", good_ballot(campaign))
    closing = campaign.meeting.close_voting("管理员")
    assert campaign.meeting.voting_state() == "closed"
    assert closing.count == 1 and len(closing.digest) == 64 and campaign.meeting.closings() == [closing]
    with pytest.raises(InputError) as after:
        campaign.ballots.seal_ballot(code[1], "review_ballot", good_ballot(campaign))
    assert after.value.key == "store.voting_closed"
    assert [p.used for p in campaign.meeting.participation() if p.rater_group == "members"] == [1]
    assert [e.action for e in campaign.audit_trail.audit_log()][-2:] == ["voting.open", "voting.close"]


def test_passphrase_is_a_slow_salted_hash(small: CampaignStore) -> None:
    assert small.meeting.check_passphrase("口令123456-考评")
    assert not small.meeting.check_passphrase("口令12345")
    raw = (small.dir / "campaign.json").read_text(encoding="utf-8")
    assert "口令123456-考评" not in raw and "scrypt$" in raw
    with pytest.raises(InputError):
        small.meeting.set_passphrase("短")


def test_unit_and_group_codes_sign_in_and_reissue_replaces(small: CampaignStore) -> None:
    unit_codes = small.codes.issue_unit_codes()
    group_codes = small.codes.issue_group_codes()
    assert set(group_codes) == {"第一联络组"}
    unit = small.codes.unit_for_code(unit_codes["U03"].lower())
    assert unit is not None and unit.name == "市测试局3"
    assert small.codes.group_for_code(group_codes["第一联络组"]) == "第一联络组"
    assert small.codes.unit_for_code(group_codes["第一联络组"]) is None
    again = small.codes.issue_unit_codes(["U03"])
    assert small.codes.unit_for_code(unit_codes["U03"]) is None
    assert small.codes.unit_for_code(again["U03"]) == unit


def test_self_assessment_lifecycle_keeps_the_units_answers_beside_adjustments(small: CampaignStore) -> None:
    form = small.form("star_branch")
    items = list(form.items())
    assert [f.id for f in small.unit_forms("U01-01")] == ["star_branch"]
    small.self_assessments.save_self_answer("U01-01", "star_branch", items[0].id, None, note="见会议记录")
    import random

    from store.simulate import random_response

    answers = random_response(form, random.Random(3))
    for item_id, value in answers.items():
        small.self_assessments.save_self_answer("U01-01", "star_branch", item_id, value, note="见台账材料")
    small.self_assessments.save_self_position("U01-01", "star_branch", items[3].id)
    state = small.self_assessments.self_assessment("U01-01", "star_branch")
    assert state.state == "draft" and state.position == items[3].id
    small.self_assessments.submit_self("U01-01", "star_branch", actor="U01-01")
    with pytest.raises(InputError) as locked:
        small.self_assessments.save_self_answer(
            "U01-01", "star_branch", items[0].id, answers.get(items[0].id)
        )
    assert locked.value.key == "store.self_locked"
    score_item = next(i for i in items if i.type == "score")
    small.self_assessments.adjust_item(
        "U01-01", "star_branch", score_item.id, score_item.min or 0, "佐证材料不足", "第一联络组"
    )
    small.self_assessments.send_back("U01-01", "star_branch", "请补充支部会议记录", "第一联络组")
    returned = small.self_assessments.self_assessment("U01-01", "star_branch")
    assert returned.state == "returned" and returned.return_note == "请补充支部会议记录"
    small.self_assessments.submit_self("U01-01", "star_branch")
    small.self_assessments.mark_reviewed("U01-01", "star_branch", "第一联络组")
    done = small.self_assessments.self_assessment("U01-01", "star_branch")
    assert done.state == "reviewed"
    assert done.answers[score_item.id] == answers[score_item.id]
    assert done.adjustments[0].original == answers[score_item.id]
    assert done.adjustments[0].reason == "佐证材料不足"
    assert done.verified_answers()[score_item.id] == (score_item.min or 0)
    assert [e.action for e in done.history] == ["submitted", "returned", "submitted", "reviewed"]
    small.self_assessments.reopen_self("U01-01", "star_branch", "单位申请更正", "管理员")
    assert small.self_assessments.self_assessment("U01-01", "star_branch").state == "draft"
    assert small.audit_trail.audit_log()[-1].action == "self.reopen"
    assert [s.unit_id for s in small.self_assessments.self_assessments(group="第一联络组")] == ["U01-01"]
    assert small.self_assessments.self_assessments(group="第二联络组") == []


def test_submitting_an_incomplete_self_assessment_names_what_is_missing(small: CampaignStore) -> None:
    with pytest.raises(InputError) as error:
        small.self_assessments.submit_self("U01-01", "star_branch")
    assert error.value.key == "store.self_missing"
    assert small.self_assessments.self_assessment("U01-01", "star_branch").state == "draft"


def test_self_assessments_live_in_one_small_file_per_unit(small: CampaignStore) -> None:
    form = small.form("star_branch")
    item = next(i for i in form.items() if i.type == "score")
    small.self_assessments.save_self_answer("U01-01", "star_branch", item.id, item.max)
    files = list((small.dir / "self").glob("*.json"))
    assert len(files) == 1 and "U01-01" not in files[0].name


def test_visits_add_update_delete_and_import(small: CampaignStore) -> None:
    small_form = "supervision_visit"
    store = open_store(small.store.data_dir)
    campaign = store.create_campaign("督导测试", 2026, ["review_ballot", small_form])
    campaign.roster.import_units(SMALL_UNITS)
    visit = campaign.visits.add_visit("U02", "第一联络组", "2026-05-12", small_form, {}, "现场查看台账")
    assert campaign.visits.visits(unit_id="U02") == [visit]
    changed = campaign.visits.update_visit(visit.id, note="补充：座谈会")
    assert changed.note == "补充：座谈会" and campaign.visits.visits()[0].note == "补充：座谈会"
    with pytest.raises(InputError):
        campaign.visits.add_visit("U02", "第一联络组", "2026-13-40", small_form)
    campaign.visits.import_visits([Visit("", "U03", "第一联络组", "2026-06-01", small_form, "", {}, "导入")])
    assert len(campaign.visits.visits(group="第一联络组")) == 2
    campaign.visits.delete_visit(visit.id)
    assert [v.unit_id for v in campaign.visits.visits()] == ["U03"]
    with pytest.raises(InputError):
        campaign.visits.delete_visit(visit.id)


def test_paper_ballots_count_against_issued_slips(small: CampaignStore) -> None:
    with pytest.raises(InputError) as none:
        small.ballots.seal_paper_ballot("members", "review_ballot", good_ballot(small))
    assert none.value.key == "store.no_paper_left"
    small.ballots.issue_paper_slips("members", 2)
    small.ballots.seal_paper_ballot("members", "review_ballot", good_ballot(small))
    assert small.ballots.paper_slips_left("members") == 1
    assert small.ballots.ballot_count() == 1 and small.integrity.verify() == []


def test_import_sealed_ballots_skips_known_and_refuses_conflicts(
    small: CampaignStore, tmp_path: Path
) -> None:
    other = make_small_campaign(tmp_path / "room2")
    code = other.codes.issue_codes("members", 1)[0]
    other.ballots.seal_ballot(code, "review_ballot", good_ballot(other))
    ballots = list(other.ballots.sealed_ballots())
    outcome = small.ballots.import_sealed_ballots(ballots)
    assert (outcome.added, outcome.skipped) == (1, 0)
    assert small.ballots.import_sealed_ballots(ballots).skipped == 1
    assert [b.ballot_id for b in small.ballots.sealed_ballots()] == [ballots[0].ballot_id]
    from dataclasses import replace

    forged = replace(ballots[0], answers={"U01": {"overall": "poor"}})
    with pytest.raises(ProblemFound):
        small.ballots.import_sealed_ballots([forged])
    assert small.integrity.verify() == []


def test_brands_replace_and_check_units(small: CampaignStore) -> None:
    from store.api import Brand

    with pytest.raises(InputError):
        small.roster.import_brands([Brand("B1", "“红色驿站”", "U404")])
    assert len(small.roster.brands()) == 3
    small.roster.import_brands([Brand("B9", "“红色驿站”", "U02")])
    assert [b.name for b in small.roster.brands()] == ["“红色驿站”"]


def test_terminal_id_is_stable_per_data_directory(data_dir: Path, tmp_path: Path) -> None:
    first = open_store(data_dir).terminal_id()
    assert open_store(data_dir).terminal_id() == first
    assert open_store(tmp_path / "other").terminal_id() != first


def test_demo_is_shaped_like_the_seed_city(demo_campaign: CampaignStore) -> None:
    tops = demo_campaign.roster.meeting_units()
    assert len(tops) == 66
    assert len({u.group for u in tops}) == 3
    assert 600 <= len(demo_campaign.roster.branches()) <= 800
    assert len(demo_campaign.roster.brands()) == 293
    assert sum(p.issued for p in demo_campaign.meeting.participation()) > 100
    assert demo_campaign.meeting.voting_state() == "not_open"
    assert demo_campaign.meeting.check_passphrase("kaoping-demo")


def test_ballots_imported_after_the_close_leave_the_minutes_digest_valid(
    small: CampaignStore, tmp_path: Path
) -> None:
    code = small.codes.issue_codes("members", 1)[0]
    small.ballots.seal_ballot(code, "review_ballot", good_ballot(small))
    closing = small.meeting.close_voting("管理员")
    other = make_small_campaign(tmp_path / "room2")
    other.ballots.seal_ballot(other.codes.issue_codes("heads", 1)[0], "review_ballot", good_ballot(other))
    small.ballots.import_sealed_ballots(list(other.ballots.sealed_ballots()))
    assert small.ballots.ballot_count() == 2 and closing.count == 1
    assert small.integrity.verify() == []


def test_a_ballot_needs_a_roster(data_dir: Path) -> None:
    campaign = open_store(data_dir).create_campaign("空名单考核", 2026, ["review_ballot"])
    campaign.meeting.open_voting("管理员")
    code = campaign.codes.issue_codes("members", 1)[0]
    with pytest.raises(InputError) as error:
        campaign.ballots.seal_ballot(code, "review_ballot", {})
    assert error.value.key == "store.no_units"
    assert campaign.codes.code_status(code).state == "fresh"


def test_the_campaign_list_carries_the_full_info(data_dir: Path) -> None:
    campaign = make_small_campaign(data_dir)
    [listed] = open_store(data_dir).campaigns()
    assert listed == campaign.info
    assert listed.form_ids == ("review_ballot", "brand_vote", "star_branch") and not listed.demo


def test_an_entry_kept_as_typed_is_saved_and_blocks_submit(tmp_path: Path) -> None:
    """Issue 14, why 1: what was typed is kept even when it is not a value of the item; never submitted."""
    campaign = open_store(tmp_path / "data").create_campaign(
        "2026年度考核", 2026, ["star_branch"], rules_text=""
    )
    campaign.roster.import_units(
        [Unit("U01", "市委办公室", "", "机关党委"), Unit("B1", "第一党支部", "", "党支部", parent_id="U01")]
    )
    campaign.self_assessments.save_self_answer("B1", "star_branch", "committee", None, "换届推迟", typed="七")
    record = campaign.self_assessments.self_assessment("B1", "star_branch")
    assert record.typed == {"committee": "七"} and "committee" not in record.answers
    assert record.notes["committee"] == "换届推迟"
    with pytest.raises(InputError) as refused:
        campaign.self_assessments.submit_self("B1", "star_branch", actor="B1")
    assert refused.value.key == "selfyear.typed_left"
    campaign.self_assessments.save_self_answer("B1", "star_branch", "committee", 6, None)
    record = campaign.self_assessments.self_assessment("B1", "star_branch")
    assert record.typed == {} and record.answers["committee"] == 6
