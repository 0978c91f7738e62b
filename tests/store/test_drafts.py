"""A draft is an append-only log per code: an autosave appends one record, whatever the ballot's size;
drafts kept by older versions (a folder of unit files, or one JSON file) are read and folded in."""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Any

import pytest
from tinydb.table import Document

from store import draft_log
from store.api import CampaignStore
from store.errors import StoreWriteError
from store.file_data import single
from tests.store.store_helpers import good_ballot


def _log(campaign: CampaignStore, code: str) -> Path:
    return campaign.files.draft_log_path(campaign.files.code_hash(code) or "")


def _draft_files(campaign: CampaignStore) -> dict[str, tuple[int, int]]:
    return {
        path.name: (path.stat().st_ino, path.stat().st_size) for path in (campaign.dir / "drafts").iterdir()
    }


def test_an_autosave_appends_one_record_and_touches_no_other_file(small: CampaignStore) -> None:
    first, second = small.codes.issue_codes("members", 2)
    for code in (first, second):
        for unit_id, row in good_ballot(small).items():
            small.ballots.save_answers(code, unit_id, row)
    small.ballots.save_position(first, "U03/overall")
    before = _draft_files(small)
    log = _log(small, first)
    lines = log.read_bytes().count(b"\n")
    small.ballots.save_answer(first, "U02", "comment", "工作扎实，亮点突出")
    after = _draft_files(small)
    assert [name for name in after if after[name] != before[name]] == [log.name]
    assert after[log.name][0] == before[log.name][0], "appended in place, not rewritten"
    assert log.read_bytes().count(b"\n") == lines + 1
    draft = small.ballots.load_draft(first)
    assert draft is not None and draft.position == "U03/overall"
    assert draft.answers["U02"]["comment"] == "工作扎实，亮点突出"
    assert draft.answers["U02"]["overall"] == good_ballot(small)["U02"]["overall"]


def test_later_answers_win_and_a_cleared_answer_is_gone(small: CampaignStore) -> None:
    [code] = small.codes.issue_codes("members", 1)
    small.ballots.save_answer(code, "U01", "overall", "good")
    small.ballots.save_answer(code, "U01", "overall", "poor")
    small.ballots.save_answer(code, "U01", "comment", "需改进")
    small.ballots.save_answer(code, "U01", "comment", None)
    draft = small.ballots.load_draft(code)
    assert draft is not None and draft.answers["U01"] == {"overall": "poor"}


def test_a_record_cut_short_by_a_power_cut_is_skipped_and_later_answers_still_count(
    small: CampaignStore,
) -> None:
    [code] = small.codes.issue_codes("members", 1)
    small.ballots.save_answer(code, "U01", "overall", "good")
    log = _log(small, code)
    with log.open("ab") as out:  # what a power cut can leave: half a record, no newline after it
        out.write(b'\n{"u":"U02","a":{"overall":"ave')
    small.ballots.save_answer(code, "U03", "overall", "average")
    draft = small.ballots.load_draft(code)
    assert draft is not None
    assert draft.answers == {"U01": {"overall": "good"}, "U03": {"overall": "average"}}


class ShortWriteOs:
    """The `os` module, except that `write` writes only the first 5 bytes it is given."""

    def __getattr__(self, name: str) -> Any:
        real = getattr(os, name)
        if name != "write":
            return real
        return lambda fd, data: real(fd, bytes(data)[:5])


def test_a_short_write_is_cut_back_so_the_log_never_ends_in_half_a_record(
    small: CampaignStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    [code] = small.codes.issue_codes("members", 1)
    small.ballots.save_answer(code, "U01", "overall", "good")
    size = _log(small, code).stat().st_size
    monkeypatch.setattr(draft_log, "os", ShortWriteOs())
    with pytest.raises(StoreWriteError):
        small.ballots.save_answer(code, "U02", "overall", "average")
    monkeypatch.setattr(draft_log, "os", os)
    assert _log(small, code).stat().st_size == size
    small.ballots.save_answer(code, "U02", "overall", "average")
    draft = small.ballots.load_draft(code)
    assert draft is not None and set(draft.answers) == {"U01", "U02"}


def test_a_long_log_is_compacted_on_resume_without_changing_the_answers(small: CampaignStore) -> None:
    [code] = small.codes.issue_codes("members", 1)
    for _round in range(40):  # an evaluator who keeps changing their mind
        for level in ("good", "average"):
            small.ballots.save_answer(code, "U01", "overall", level)
    small.ballots.save_answer(code, "U02", "overall", "good")
    log = _log(small, code)
    before = log.stat().st_size
    first = small.ballots.load_draft(code)
    assert log.stat().st_size < before
    again = small.ballots.load_draft(code)
    assert first is not None and again is not None and first.answers == again.answers
    assert again.answers == {"U01": {"overall": "average"}, "U02": {"overall": "good"}}


def test_a_failed_open_of_the_log_is_reported_and_loses_nothing(
    small: CampaignStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    [code] = small.codes.issue_codes("members", 1)
    small.ballots.save_answer(code, "U01", "overall", "good")

    class NoSpaceOs:
        def __getattr__(self, name: str) -> Any:
            real = getattr(os, name)
            if name != "open":
                return real

            def failing(*args: Any, **kwargs: Any) -> Any:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

            return failing

    monkeypatch.setattr(draft_log, "os", NoSpaceOs())
    with pytest.raises(StoreWriteError) as error:
        small.ballots.save_answer(code, "U02", "overall", "average")
    monkeypatch.setattr(draft_log, "os", os)
    assert error.value.key == "store.write_failed"
    draft = small.ballots.load_draft(code)
    assert draft is not None and draft.answers == {"U01": {"overall": "good"}}


def test_a_draft_kept_as_a_folder_before_the_upgrade_is_read_folded_and_sealed(small: CampaignStore) -> None:
    [code] = small.codes.issue_codes("members", 1)
    digest = small.files.code_hash(code) or ""
    folder = small.files.draft_dir(digest)
    answers = good_ballot(small)
    with small.store.locked():  # the way drafts were written before they became logs
        folder.mkdir(parents=True)
        for number, (unit_id, row) in enumerate(answers.items()):
            with small.store.edit(folder / f"{number:024d}.json") as db:
                db.table("unit").insert(Document({"unit": unit_id, "answers": row}, doc_id=1))
        with small.store.edit(folder / "position.json") as db:
            db.table("position").insert(Document({"position": "U04"}, doc_id=1))
    assert small.codes.code_status(code).state == "draft"
    assert small.ballots.open_draft_count() == 1
    draft = small.ballots.load_draft(code)
    assert draft is not None and draft.position == "U04" and draft.answers == answers
    small.ballots.save_answer(code, "U01", "overall", "average")  # folds the folder into the log
    assert not folder.exists() and _log(small, code).exists()
    folded = small.ballots.load_draft(code)
    assert folded is not None and folded.position == "U04"
    assert folded.answers == {**answers, "U01": {**answers["U01"], "overall": "average"}}
    small.ballots.seal_ballot(code, "review_ballot")
    assert not any((small.dir / "drafts").iterdir())


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
    assert not legacy.exists() and not _log(small, code).exists()
    assert single(small.store.read(legacy), "draft") == {}
