"""`CampaignStore`: one campaign, a small object holding named parts with one job each.

`campaign.roster` (units, brands), `campaign.codes` (ballot, unit and group codes), `campaign.ballots`
(drafts, sealing, sealed and paper ballots, imports), `campaign.meeting` (voting state, closings,
participation, passphrase), `campaign.self_assessments`, `campaign.visits`, `campaign.integrity`
(verify) and `campaign.audit_trail`; the pinned forms and rules are read on the campaign itself. The
parts share one `CampaignFiles` (the store, the campaign id, its files and lock). This module also
creates new campaigns.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from tinydb.table import Document

from forms.errors import InputError
from forms.model import Form
from forms.rules import Rules

from . import codes as codebook
from .audit_trail import AuditTrail
from .ballot_codes import CampaignCodes
from .ballots import Ballots
from .campaign_files import MAIN, CampaignFiles, info_from_doc
from .clock import today
from .file_data import single
from .formsource import builtin_form_text, default_rules_text, parse_form, parse_rules
from .integrity import Integrity
from .meeting import Meeting
from .pinned_forms import PinnedForms
from .roster import Roster, check_units
from .selfassess import SelfAssessments, forms_for_unit
from .visits import Visits

if TYPE_CHECKING:
    from .core import Store

__all__ = ["CampaignStore", "check_units", "create_campaign", "info_from_doc"]


def create_campaign(
    store: Store,
    name: str,
    year: int,
    form_ids: Sequence[str],
    rules_text: str | None,
    *,
    demo: bool = False,
    last_stars_from: str | None = None,
) -> CampaignStore:
    """Create a campaign pinning the named built-in forms and the rules; see `Store.create_campaign`."""
    name = name.strip()
    if not name:
        raise InputError("store.campaign_name_empty")
    if not 2000 <= int(year) <= 2100:
        raise InputError("store.campaign_year", year=year)
    if not form_ids:
        raise InputError("store.campaign_no_forms")
    pinned: list[dict[str, Any]] = []
    for form_id in dict.fromkeys(form_ids):
        text = builtin_form_text(form_id)
        form = parse_form(text, f"{form_id}.toml")
        pinned.append({"id": form.id, "version": form.version, "scope": form.scope, "text": text})
    rules_text = default_rules_text() if rules_text is None else rules_text
    rules = parse_rules(rules_text, "rules.toml")
    if last_stars_from is not None and last_stars_from not in {info.id for info in store.campaigns()}:
        raise InputError(
            "store.unknown_campaign",
            campaign=last_stars_from,
            known=", ".join(info.id for info in store.campaigns()),
        )
    campaign_id = f"{int(year)}-{secrets.token_hex(3)}"
    info = {
        "id": campaign_id,
        "name": name,
        "year": int(year),
        "form_ids": [doc["id"] for doc in pinned],
        "rater_groups": [group.id for group in rules.rater_groups],
        "created_day": today(),
        "demo": demo,
        "last_stars_from": last_stars_from or "",
    }
    with store.locked():
        directory = store.campaign_dir(campaign_id)
        with store.edit(directory / MAIN) as db:
            db.table("info").insert(Document(info, doc_id=1))
            db.table("forms").insert_multiple(pinned)
            db.table("rules").insert(Document({"text": rules_text}, doc_id=1))
            # manifest_key: the campaign key that signs export manifests (exports.manifest), copied with
            # the campaign (backup and restore) to a second room, never exported.
            keys = {"salt": codebook.new_salt(), "manifest_key": secrets.token_hex(32)}
            db.table("secrets").insert(Document(keys, doc_id=1))
            db.table("meeting").insert(Document({"state": "not_open", "session": 0}, doc_id=1))
        with store.edit(store.root_path) as db:
            campaigns = db.table("campaigns", cache_size=0)
            seq = 1 + max((int(doc.get("seq", 0)) for doc in campaigns.all()), default=0)
            campaigns.insert({**info, "seq": seq})  # the same info as the campaign file, for listing
        campaign = CampaignStore(store, campaign_id)
        campaign.audit_trail.audit("admin", "campaign.create", f"{name} ({year})")
    return campaign


class CampaignStore:
    """One campaign of a data directory; see the module docstring of `store.api` for the surface."""

    def __init__(self, store: Store, campaign_id: str) -> None:
        self.files = CampaignFiles(store, campaign_id)
        self.store = store
        self.id = campaign_id
        self.dir = self.files.dir
        self.info = self.files.info
        self.pinned = PinnedForms(self.files)
        self.audit_trail = AuditTrail(self.files)
        self.roster = Roster(self.files, self.audit_trail)
        self.codes = CampaignCodes(self.files, self.roster, self.audit_trail)
        self.ballots = Ballots(self.files, self.pinned, self.roster, self.codes, self.audit_trail)
        self.meeting = Meeting(self.files, self.pinned, self.ballots, self.audit_trail)
        self.self_assessments = SelfAssessments(self.files, self.pinned, self.roster, self.audit_trail)
        self.visits = Visits(self.files, self.pinned, self.roster, self.audit_trail)
        self.integrity = Integrity(self.files)
        for name, mirror in self.files.healed:
            self.audit_trail.audit("kaoping", "store.heal", f"{name} <- {mirror}")
        self.files.healed.clear()

    def manifest_mac(self, payload: bytes) -> str:
        """HMAC-SHA256 of an export manifest under the campaign key (made with the campaign, kept in its
        secrets, copied with it to the second room): a file changed on the way cannot be signed again."""
        with self.files.op():
            key = str(single(self.files.main_cached(), "secrets").get("manifest_key", ""))
            if not key:  # a campaign made before manifests were signed gets its key now
                key = secrets.token_hex(32)
                with self.store.edit(self.files.path(MAIN)) as db:
                    kept = db.table("secrets", cache_size=0)
                    kept.upsert(Document({**dict(kept.get(doc_id=1) or {}), "manifest_key": key}, doc_id=1))
        return hmac.new(bytes.fromhex(key), payload, hashlib.sha256).hexdigest()

    def rules(self) -> Rules:
        """The campaign's pinned rules."""
        return self.pinned.rules()

    def form_text(self, form_id: str) -> str:
        """The pinned TOML text of one of the campaign's forms."""
        return self.pinned.form_text(form_id)

    def form(self, form_id: str) -> Form:
        """One of the campaign's forms, as pinned when the campaign was created."""
        return self.pinned.form(form_id)

    def forms(self) -> list[Form]:
        """Every form of the campaign, in the order they were chosen."""
        return self.pinned.forms()

    def forms_of_scope(self, scope: str) -> list[Form]:
        """The campaign's forms of one scope (ballot, vote, unit, visit)."""
        return self.pinned.forms_of_scope(scope)

    def unit_forms(self, unit_id: str) -> list[Form]:
        """The self-assessment forms a unit fills (`selfassess.forms_for_unit`), in the campaign's order."""
        return forms_for_unit(self.roster.unit(unit_id), self.forms_of_scope("unit"))
