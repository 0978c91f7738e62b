"""The self-assessment session without a screen: refusals at entry, nothing half-saved, ordered autosave."""

from __future__ import annotations

import threading

from tests.tui.selfassess.conftest import Campaign, full_marks
from tui.selfassess.session import NOTE_MAX_LENGTH, SelfSession


def _session(campaign: Campaign, unit_id: str = "B021") -> SelfSession:
    store = campaign.store
    return SelfSession.open(store, store.roster.unit(unit_id), "star_branch")


def test_out_of_bounds_and_off_step_scores_are_kept_as_typed_never_scored(campaign: Campaign) -> None:
    session = _session(campaign)
    assert "0" in (session.enter("committee", 7, "") or "")  # 0–6
    assert session.enter("committee", 5.3, "书记缺位", text="5.3") is not None  # step 0.5
    assert session.flush() == 1
    record = campaign.store.self_assessments.self_assessment("B021", "star_branch")
    assert record.answers == {}
    assert record.typed == {"committee": "5.3"}
    assert record.notes == {"committee": "书记缺位"}
    assert "committee" in session.unfinished(session.score())
    assert session.enter("committee", 6, "", text="6") is None
    session.flush()
    record = campaign.store.self_assessments.self_assessment("B021", "star_branch")
    assert record.answers == {"committee": 6} and record.typed == {}


def test_a_lowered_score_without_its_note_is_saved_and_marked_unfinished(campaign: Campaign) -> None:
    """Issue 14, why 1: the lowered score is saved at once; submit lists it until the note is there."""
    session = _session(campaign)
    assert "说明" in (session.enter("committee", 4, "", text="4") or "")
    assert session.flush() == 1
    assert campaign.store.self_assessments.self_assessment("B021", "star_branch").answers == {"committee": 4}
    assert "committee" in session.unfinished(session.score())
    assert "committee" in session.open_items(session.score())


def test_a_note_over_its_limit_is_refused_and_a_missing_required_note_marked(campaign: Campaign) -> None:
    session = _session(campaign)
    too_long = "党" * (NOTE_MAX_LENGTH + 1)
    assert str(NOTE_MAX_LENGTH) in (session.enter("committee", 5, too_long) or "")
    assert not session.dirty
    assert "说明" in (session.enter("committee", 5, "") or "")
    assert session.enter("committee", 5, "纪检委员空缺，已报批增补") is None
    assert session.flush() == 1
    record = campaign.store.self_assessments.self_assessment("B021", "star_branch")
    assert record.answers == {"committee": 5}
    assert record.notes == {"committee": "纪检委员空缺，已报批增补"}


def test_text_over_its_limit_is_kept_but_not_taken(campaign: Campaign) -> None:
    session = _session(campaign)
    assert session.enter("veto_discipline", True, "") is None
    assert session.enter("veto_details", "违" * 501, "") is not None  # at most 500 characters
    assert "veto_details" in session.open_items(session.score())
    assert session.enter("veto_details", "支部委员受到党内严重警告处分", "") is None
    session.flush()
    details = campaign.store.self_assessments.self_assessment("B021", "star_branch").answers["veto_details"]
    assert isinstance(details, str) and details.startswith("支部委员")


def test_overlapping_flushes_leave_the_latest_value(campaign: Campaign) -> None:
    session = _session(campaign)
    values = [round(0.5 * step, 1) for step in range(13)]  # 0 .. 6 by 0.5
    threads = []
    for value in values:
        session.accept("committee", value if value.is_integer() is False else int(value), "说明")
        thread = threading.Thread(target=session.flush)
        thread.start()
        threads.append(thread)
    for thread in threads:
        thread.join()
    assert not session.dirty
    assert campaign.store.self_assessments.self_assessment("B021", "star_branch").answers["committee"] == 6


def test_clearing_an_answer_removes_it_from_the_store(campaign: Campaign) -> None:
    session = _session(campaign)
    assert session.enter("setup", 4, "") is None
    session.flush()
    assert session.enter("setup", None, "") is None
    session.flush()
    assert "setup" not in campaign.store.self_assessments.self_assessment("B021", "star_branch").answers


def test_live_score_star_and_vetoes(campaign: Campaign) -> None:
    session = _session(campaign)
    score = session.score()
    assert score.total == 0 and score.missing
    assert session.enter("veto_ideology", True, "") is None
    score = session.score()
    assert [hit.item for hit in score.vetoes] == ["veto_ideology"]
    assert session.star(score) <= 1


def test_satisfaction_below_the_threshold_gives_no_star(campaign: Campaign) -> None:
    session = _session(campaign)
    for item_id, value in full_marks(session.form).items():
        session.accept(item_id, value, "")
    assert session.star(session.score()) == 5
    assert session.enter("satisfaction", 40, "群众满意度测评结果偏低") is None
    score = session.score()
    assert score.satisfaction == 40
    assert session.percent(score) >= 60
    assert session.star(score) == 0
