"""Ballot secrecy against an observer of the data directory: file times during voting, and a backup
taken during voting, link no code to a ballot."""

from __future__ import annotations

import json
import random
import shutil
import zipfile
from pathlib import Path

from store import codes as codebook
from store.api import open_store
from store.file_data import table
from store.simulate import random_ballot
from tests.store.store_helpers import make_small_campaign

SEALS = 40
BACKUP_AFTER = 20


def _times(data_dir: Path) -> dict[str, tuple[int, int]]:
    """(modification, change) time of every file of the data directory (backups aside), by path."""
    return {
        path.relative_to(data_dir).as_posix(): (path.stat().st_mtime_ns, path.stat().st_ctime_ns)
        for path in data_dir.rglob("*")
        if path.is_file() and "backups" not in path.relative_to(data_dir).parts
    }


def test_file_times_leave_every_code_at_least_eight_candidate_ballots(data_dir: Path, tmp_path: Path) -> None:
    campaign = make_small_campaign(data_dir)
    form = campaign.form("review_ballot")
    units = [unit.id for unit in campaign.roster.meeting_units()]
    codes = campaign.codes.issue_codes("members", SEALS)
    drafting = campaign.codes.issue_codes("served", 1)[0]
    rng = random.Random(SEALS)
    snapshots = [_times(data_dir)]
    truth: list[str] = []
    backup = tmp_path / "投票中的备份.zip"
    for step, code in enumerate(codes, start=1):
        for unit_id, row in random_ballot(form, units, rng).items():  # the kiosk autosaves row by row
            campaign.ballots.save_answers(code, unit_id, row)
        truth.append(campaign.ballots.seal_ballot(code, "review_ballot"))
        snapshots.append(_times(data_dir))
        if step == BACKUP_AFTER:
            campaign.ballots.save_answers(drafting, units[0], {"overall": "good", "comment": "草稿中的意见"})
            shutil.copy(campaign.store.backup(during_voting=True), backup)

    # Where every sealed ballot lives at the end: its ballot shard and its ledger shard.
    files_of: dict[str, list[str]] = {}
    for folder, name in (("ballots", "ballots"), ("ledger", "ledger")):
        for path in sorted((campaign.dir / folder).glob("*.json")):
            for key, doc in table(open_store(data_dir).read(path), name).items():
                ballot_id = str(doc.get("ballot_id", doc.get("id", key)))
                files_of.setdefault(ballot_id, []).append(path.relative_to(data_dir).as_posix())
    assert set(truth) == set(files_of) and all(len(files) == 2 for files in files_of.values())

    def history(name: str) -> tuple[int | None, ...]:
        return tuple(snapshot[name][0] if name in snapshot else None for snapshot in snapshots)

    # Two ballots are told apart by file times only if the time histories of their files differ.
    signature = {ballot: tuple(history(name) for name in files) for ballot, files in files_of.items()}
    smallest = min(sum(1 for other in signature if signature[other] == signature[ballot]) for ballot in truth)
    assert smallest >= 8, f"a code's seal narrows to {smallest} ballots by the file times"

    # Change times (no program can set them): a seal's ballot could be any ballot whose shard and
    # ledger shard both changed with it.
    for step in range(1, SEALS + 1):
        before, after = snapshots[step - 1], snapshots[step]
        changed = {name for name, times in after.items() if before.get(name, (0, 0))[1] != times[1]}
        candidates = [b for b, files in files_of.items() if all(name in changed for name in files)]
        assert truth[step - 1] in candidates
        assert len(candidates) >= 8, f"seal {step}: {len(candidates)} candidates by change times"

    # The backup taken during voting, with the salt it holds and the printed code sheet: the used codes
    # are found only in the code book; no draft, no commit record, no member time; its ballots all alike.
    with zipfile.ZipFile(backup) as archive:
        members = {info.filename: archive.read(info.filename) for info in archive.infolist()}
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert list(members)[1:] == sorted(members)[:-1]  # the root file, then by name: no write order
    assert not [name for name in members if "/drafts/" in name or name.endswith("pending.json")]
    assert "草稿中的意见".encode() not in b"".join(members.values())
    main = json.loads(members[f"campaigns/{campaign.id}/campaign.json"])
    salt = main["secrets"]["1"]["salt"]
    for code in [*codes, drafting]:
        digest = codebook.hash_code(salt, codebook.normalise_code(code) or "")
        holders = [name for name, blob in members.items() if digest.encode() in blob]
        assert holders and all("/codebook/" in name for name in holders), (code, holders)
    used = [
        doc
        for name, blob in members.items()
        if "/codebook/" in name
        for doc in json.loads(blob).get("codes", {}).values()
        if doc.get("used")
    ]
    assert len(used) == BACKUP_AFTER
    backed_up = {
        doc["ballot_id"]
        for name, blob in members.items()
        if "/ballots/" in name
        for doc in json.loads(blob).get("ballots", {}).values()
    }
    assert len(backed_up) == BACKUP_AFTER and backed_up == set(truth[:BACKUP_AFTER])
    assert len(backed_up) >= 8  # each code used before the backup could be any of these ballots
