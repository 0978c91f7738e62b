"""`ReviewApp`: a liaison group signs in with its code and works on its board; and its factory."""

from __future__ import annotations

from forms.errors import InputError
from store.api import CampaignStore, open_store
from tui.base import KaopingApp
from tui.context import AppContext
from tui.i18n import t
from tui.review.board import BoardScreen
from tui.widgets import SignInScreen


def sign_in_group(store: CampaignStore, code: str) -> str:
    """The liaison group a code belongs to; refused when the code is unknown."""
    group = store.codes.group_for_code(code)
    if group is None:
        raise InputError("review.signin.unknown_code")
    return group


class ReviewApp(KaopingApp):
    """The liaison group's review of self-assessments and its supervision visits."""

    STYLESHEETS = ("selfassess.tcss",)

    def __init__(self, context: AppContext, store: CampaignStore) -> None:
        super().__init__(context)
        self.store = store
        self.group: str | None = None

    def on_mount(self) -> None:
        self.sub_title = t("review.app.subtitle")
        screen: SignInScreen[str] = SignInScreen(
            t("review.signin.title"), t("review.signin.prompt"), lambda code: sign_in_group(self.store, code)
        )
        self.push_screen(screen, self._signed_in)

    def _signed_in(self, group: str | None) -> None:
        if group is None:
            self.exit()
            return
        self.group = group
        self.sub_title = group
        self.push_screen(BoardScreen(self.store, group))


def create_review_app(context: AppContext, store: CampaignStore | None = None) -> ReviewApp:
    """The review app for the context's data directory and campaign (or the given store)."""
    campaign = store or open_store(context.data_dir).campaign(context.campaign_id)
    return ReviewApp(context, campaign)
