"""`PinnedForms`: the copies of the forms and rules a campaign pinned when it was created."""

from __future__ import annotations

from dataclasses import replace

from forms.errors import InputError
from forms.model import Form
from forms.rules import Rules

from .campaign_files import CampaignFiles
from .file_data import single, table
from .formsource import parse_form, parse_rules

LEGACY_STAR_FORM = "star_branch"
"""The built-in star form's id: its copies pinned before `kind = "star"` existed are read as the star form."""


class PinnedForms:
    """Reads the pinned forms and rules out of `campaign.json`."""

    def __init__(self, files: CampaignFiles) -> None:
        self.files = files

    def rules(self) -> Rules:
        """The campaign's pinned rules."""
        text = str(single(self.files.main_cached(), "rules").get("text", ""))
        return parse_rules(text, f"{self.files.id}/rules.toml")

    def form_text(self, form_id: str) -> str:
        """The pinned TOML text of one of the campaign's forms."""
        for doc in table(self.files.main_cached(), "forms").values():
            if doc.get("id") == form_id:
                return str(doc["text"])
        raise InputError(
            "store.form_not_in_campaign", form=form_id, known=", ".join(self.files.info.form_ids)
        )

    def form(self, form_id: str) -> Form:
        """One of the campaign's forms, as pinned when the campaign was created."""
        form = parse_form(self.form_text(form_id), f"{self.files.id}/{form_id}.toml")
        if form.id == LEGACY_STAR_FORM and form.scope == "unit" and not form.kind:
            # Campaigns created before forms had a `kind` pinned the built-in star form without it.
            form = replace(form, kind="star")
        return form

    def forms(self) -> list[Form]:
        """Every form of the campaign, in the order they were chosen."""
        return [self.form(form_id) for form_id in self.files.info.form_ids]

    def forms_of_scope(self, scope: str) -> list[Form]:
        """The campaign's forms of one scope (ballot, vote, unit, visit)."""
        return [form for form in self.forms() if form.scope == scope]

    def campaign_form(self, form_id: str) -> Form:
        """A form the campaign pinned; InputError naming the campaign's forms when it is not one."""
        if form_id not in self.files.info.form_ids:
            raise InputError(
                "store.form_not_in_campaign", form=form_id, known=", ".join(self.files.info.form_ids)
            )
        return self.form(form_id)
