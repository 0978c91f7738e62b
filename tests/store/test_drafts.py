"""A draft is a folder with one small file per unit: an autosave rewrites only the unit it changed."""

from __future__ import annotations

from tinydb.table import Document

from store.api import CampaignStore
from store.file_data import single
from tests.store.store_helpers import good_ballot


def _files(campaign: CampaignStore, code: str) -> dict[str, int]:
    digest = campaign.files.code_hash(code) or ""
    return {path.name: path.stat().st_ino for path in campaign.files.draft_dir(digest).iterdir()}


def test_an_autosave_rewrites_only_its_unit(small: CampaignStore) -> None:
    [code] = small.codes.issue_codes("members", 1)
    for unit_id, row in good_ballot(small).items():
        small.ballots.save_answers(code, unit_id, row)
    small.ballots.save_position(code, "U03/overall")
    before = _files(small, code)
    assert len(before) == len(small.roster.meeting_units()) + 1  # one per unit and the position
    small.ballots.save_answer(code, "U02", "comment", "工作扎实")
    after = _files(small, code)
    changed = [name for name in after if after[name] != before[name]]
    unit_file = small.files.draft_unit_path(small.files.code_hash(code) or "", "U02").name
    assert changed == [unit_file]
    draft = small.ballots.load_draft(code)
    assert (
        draft is not None
        and draft.position == "U03/overall"
        and draft.answers["U02"]["comment"] == "工作扎实"
    )


def test_a_draft_kept_as_one_file_before_the_upgrade_is_read_and_sealed(small: CampaignStore) -> None:
    [code] = small.codes.issue_codes("members", 1)
    digest = small.files.code_hash(code) or ""
    legacy = small.files.draft_path(digest)
    answers = good_ballot(small)
    with small.store.locked(), small.store.edit(legacy) as db:  # the way drafts were written before
        db.table("draft").insert(Document({"answers": answers, "position": "U05"}, doc_id=1))
    assert small.codes.code_status(code).state == "draft"
    draft = small.ballots.load_draft(code)
    assert draft is not None and draft.position == "U05" and draft.answers == answers
    small.ballots.save_answer(code, "U01", "overall", "average")  # the newer answer wins over the old file
    assert (small.ballots.load_draft(code) or draft).answers["U01"]["overall"] == "average"
    small.ballots.seal_ballot(code, "review_ballot")
    assert not legacy.exists() and not small.files.draft_dir(digest).exists()
    assert single(small.store.read(legacy), "draft") == {}
