"""The store's public surface: `open_store(data_dir)` -> `Store` -> `CampaignStore`.

Everything the other parts need goes through these two classes; they return the frozen records of
`store.records` and raise `forms.errors.InputError` / `ProblemFound` (see `store.errors`) with catalogue
keys. Every method takes the data directory's cross-process lock for its whole read-modify-write and
reads the files afresh, so two terminals on one directory see each other's writes. Methods may block on
disk: call them from a worker thread, never from the UI thread.

Store
    `campaigns()`, `campaign(campaign_id=None)` (None = newest), `create_campaign(name, year, form_ids,
    rules_text=None, demo=False, last_stars_from=None)` (`CampaignInfo.last_stars_from`: the earlier
    campaign whose final stars the commands carry into a roster that gives none), `terminal_id()`,
    `backup(kind="manual", during_voting=False)` (no drafts, no commit records; "open", "close" and
    "restore" backups are never rotated away), `backups()`, `restore(path, discard_sealed=None) ->
    RestoreOutcome` (journaled; refuses to drop sealed ballots or closings unless `discard_sealed` repeats
    the count), `mirror` / `set_mirror(dir)` (every store file also written there; a damaged or missing
    file is healed from a verified mirror copy when a campaign opens). What the store did on its own (a
    restore finished after a crash, a file healed) waits in `store.notices.take()` for the UI to say.

CampaignStore (one year's assessment): a small object holding named parts, one job each
    On the campaign: `info`, `id`, `dir`, `rules()`, `forms()`, `form(form_id)`, `form_text(form_id)` -- the
    pinned copies; `forms_of_scope(scope)`, `unit_forms(unit_id)` (the self-assessment forms a unit fills).
    `campaign.roster`: `units()`, `unit(id)`, `meeting_units()` (directly affiliated, in report order),
    `branches(parent_id=None)`, `import_units(units)` (all-or-nothing, replaces the roster),
    `brands()`, `import_brands(brands)`.
    `campaign.codes`: `issue_codes(rater_group, count) -> list[str]` (plaintext only here),
    `code_status(code)`, `normalise(code)`; codes are typed as 'ABCD-EFGH' but case, spaces, dashes and
    full-width characters are forgiven. Unit and group codes: `issue_unit_codes()`, `issue_group_codes()`,
    `unit_for_code(code)`, `group_for_code(code)` (reissuing replaces the earlier codes),
    `units_with_codes()`, `groups_with_codes()`, `unit_code_days()` / `group_code_days()` (the day each
    current sign-in code was issued; the codes themselves are kept only as salted hashes).
    `campaign.ballots`: drafts `load_draft(code)`, `save_answer(code, unit_id, item_id, value)` (per-keystroke
    autosave: one small file per unit of a draft), `save_answers(code, unit_id, {item: value})` (one unit's
    row at once), `save_position(code, position)`, `discard_draft(code)`; sealing `seal_ballot(code, form_id,
    answers=None) -> ballot_id` (answers default to the draft's; marks the code used in the same atomic step),
    `seal_ballots(code, form_ids) -> list[ballot_id]` (one code's review ballot and brand vote sealed together
    from its draft, in one step), `sealed_ballots(form_id=None)` (order does not follow sealing),
    `ballot_count(form_id=None)`, `import_sealed_ballots(ballots)`; paper ballots
    `issue_paper_slips(rater_group, count)`, `paper_slips_left(rater_group)`, `seal_paper_ballot(rater_group,
    form_id, answers) -> ballot_id`.
    `campaign.meeting`: `voting_state()`, `open_voting(actor)`, `close_voting(actor) -> Closing`,
    `closings()`, `participation()`, `set_passphrase(p)`, `has_passphrase()`, `check_passphrase(p)`,
    `record_imported_closings(digests)`, `imported_closings()` (other rooms' minutes digests),
    `finalize_results(stars, unrated, actor)`, `final_results()` (the official stars, once finalised).
    `campaign.self_assessments`: `self_assessment(unit_id, form_id)`, `save_self_answer(...)`,
    `save_self_position(...)`, `submit_self(...)`, `reopen_self(...)`, `adjust_item(...)`,
    `mark_reviewed(...)`, `send_back(...)`, `self_assessments(group=None, form_id=None)` -- one small file
    per unit.
    `campaign.visits`: `add_visit(...)`, `update_visit(...)`, `delete_visit(id)`, `visits(group=None,
    unit_id=None)`, `import_visits(visits)`.
    `campaign.audit_trail`: `audit(actor, action, detail)`, `audit_log()`.
    `campaign.integrity`: `verify() -> list[Finding]`.
    The parts share one `CampaignFiles` (`campaign.files`: the store, the campaign id, its files and lock).

How answers are stored: a ballot's answers are `unit id -> item id -> value`. A `vote`-scope form (the brand
vote, answered once per evaluator about the whole campaign) keeps its answers under the single pseudo unit
`records.CAMPAIGN_WIDE` ("*"); `ballots.save_answer(code, None, item_id, value)` and
`ballots.save_answer(code, "", ...)` mean that key. A draft holds the answers of every form the evaluator
fills with one code; sealing a form seals the answers of the units (or "*") that form concerns. A code seals
once: seal the review ballot and the brand vote of one evaluator together with `ballots.seal_ballots(code,
[...])`.

Errors beyond InputError: `StoreCorruptError` (a file is empty, truncated or not ours: it names the file and
the newest good backup, and the file is left as it was; a seal beside a damaged or missing ballot, ledger
or code-book file is refused with it, see `store.health`), `SchemaError`, `StoreLockedError` (another terminal
held the lock longer than `lock_timeout`), `StoreWriteError` (disk full or failing; what was stored before is
intact; if it interrupted a seal, the next operation of any process finishes that seal, so check
`codes.code_status` before telling the evaluator to retry).

Also here: `ballot_hash(ballot)` and `closing_digest(hashes)` (for imports and the minutes), and the checks a
command makes before it changes anything: `check_backup(path)`, `check_units(units)`,
`check_passphrase_strength(passphrase)`, `checked_reason(reason)`, `stray_sheets(data_dir)`,
`builtin_form_ids()`. Elsewhere in the package, the synthetic data: `store.demo.create_demo(store, seed)`,
`store.simulate.simulate_ballots(campaign, n, rng)`; and `store.outputs.refuse_inside_data(data_dir, path)`.
"""

from __future__ import annotations

from .campaign import CampaignStore
from .core import Store, check_backup, open_store
from .formsource import builtin_form_ids
from .integrity import stray_sheets
from .passphrases import check_passphrase_strength
from .records import (
    CAMPAIGN_WIDE,
    Adjustment,
    AuditEntry,
    BallotAnswers,
    Brand,
    CampaignInfo,
    Closing,
    CodeStatus,
    Draft,
    FinalResults,
    Finding,
    ImportOutcome,
    Participation,
    SealedBallot,
    SelfAssessment,
    SelfEvent,
    Unit,
    Visit,
)
from .roster import check_units
from .sealing import ballot_hash, closing_digest
from .selfassess import checked_reason, forms_for_unit

__all__ = [
    "CAMPAIGN_WIDE",
    "Adjustment",
    "AuditEntry",
    "BallotAnswers",
    "Brand",
    "CampaignInfo",
    "CampaignStore",
    "Closing",
    "CodeStatus",
    "Draft",
    "FinalResults",
    "Finding",
    "ImportOutcome",
    "Participation",
    "SealedBallot",
    "SelfAssessment",
    "SelfEvent",
    "Store",
    "Unit",
    "Visit",
    "ballot_hash",
    "builtin_form_ids",
    "check_backup",
    "check_passphrase_strength",
    "check_units",
    "checked_reason",
    "closing_digest",
    "forms_for_unit",
    "open_store",
    "stray_sheets",
]
