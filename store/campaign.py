"""`CampaignStore`: one campaign -- units, codes, drafts, sealed ballots, meeting, self-assessments, visits.

The parts live in their own modules (campaign_base, ballot_codes, ballots, meeting, selfassess, visits);
this module puts them together and creates new campaigns.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from tinydb.table import Document

from forms.errors import InputError

from . import codes as codebook
from .core import today
from .formsource import builtin_form_text, default_rules_text, parse_form, parse_rules

if TYPE_CHECKING:
    from .core import Store

from .campaign_base import MAIN, CampaignBase, check_units, info_from_doc
from .meeting import MeetingMixin
from .selfassess import SelfAssessmentMixin
from .visits import VisitsMixin

__all__ = ["CampaignBase", "CampaignStore", "check_units", "create_campaign", "info_from_doc"]


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
        campaign.audit("admin", "campaign.create", f"{name} ({year})")
    return campaign


class CampaignStore(MeetingMixin, SelfAssessmentMixin, VisitsMixin):
    """One campaign of a data directory; see the module docstring of `store.api` for the surface."""
