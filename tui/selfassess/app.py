"""`SelfAssessApp` (sign in with the unit code, pick a form, fill it in) and its factory."""

from __future__ import annotations

from dataclasses import dataclass

from textual import work
from textual.message import Message

from forms.errors import InputError, KaopingError
from forms.model import Form
from store.api import CampaignStore, SelfAssessment, Unit, open_store
from tui.base import KaopingApp
from tui.context import AppContext
from tui.i18n import error_text, t
from tui.selfassess.assigned import unit_forms
from tui.selfassess.fill import FillScreen
from tui.selfassess.form_list import FormEntry, FormListScreen
from tui.selfassess.session import SelfSession
from tui.widgets import SignInScreen


def display_state(record: SelfAssessment | None) -> str:
    """The state a person reads: "new" for an untouched draft, else the stored state."""
    if record is None:
        return "new"
    if record.state == "draft" and not record.answers and not record.history:
        return "new"
    return record.state


@dataclass(frozen=True)
class SignedInUnit:
    """A unit whose code was accepted, with the forms it fills and their states."""

    unit: Unit
    entries: list[FormEntry]


def sign_in_unit(store: CampaignStore, code: str, unit_id: str | None = None) -> SignedInUnit:
    """The unit a code belongs to (and its forms); refused when unknown, or when it is another unit's code."""
    unit = store.codes.unit_for_code(code)
    if unit is None:
        raise InputError("self.signin.unknown_code")
    if unit_id is not None and unit.id != unit_id:
        raise InputError("self.signin.other_unit", unit=unit_id)
    forms = unit_forms(store, unit)
    if not forms:
        raise InputError("self.signin.no_forms", unit=unit.name)
    entries = [
        FormEntry(form, display_state(store.self_assessments.self_assessment(unit.id, form.id)))
        for form in forms
    ]
    return SignedInUnit(unit, entries)


@dataclass
class SessionOpened(Message):
    """A unit's form was loaded from the store and can be shown."""

    session: SelfSession


@dataclass
class OpenFailed(Message):
    """Loading a form failed; `reason` is the sentence to show."""

    reason: str


class SelfAssessApp(KaopingApp):
    """Self-assessment by a unit: sign in, choose a form, fill in section by section, submit."""

    STYLESHEETS = ("selfassess.tcss",)

    def __init__(self, context: AppContext, store: CampaignStore, unit_id: str | None = None) -> None:
        super().__init__(context)
        self.store = store
        self.unit_id = unit_id
        self.signed_in: SignedInUnit | None = None
        self.form_list: FormListScreen | None = None
        self.session: SelfSession | None = None

    def on_mount(self) -> None:
        self.sub_title = t("self.app.subtitle")
        prompt = t("self.signin.prompt_for", unit=self.unit_id) if self.unit_id else t("self.signin.prompt")
        screen: SignInScreen[SignedInUnit] = SignInScreen(
            t("self.signin.title"), prompt, lambda code: sign_in_unit(self.store, code, self.unit_id)
        )
        self.push_screen(screen, self._signed_in)

    def _signed_in(self, signed: SignedInUnit | None) -> None:
        if signed is None:
            self.exit()
            return
        self.signed_in = signed
        self.sub_title = signed.unit.name
        if len(signed.entries) == 1:
            self.open_form(signed.entries[0].form)
            return
        self.form_list = FormListScreen(signed.unit.name, list(signed.entries))
        self.push_screen(self.form_list)

    def on_form_list_screen_chosen(self, message: FormListScreen.Chosen) -> None:
        assert self.signed_in is not None
        for entry in self.signed_in.entries:
            if entry.form.id == message.form_id:
                self.open_form(entry.form)

    @work(thread=True, exclusive=True, group="store")
    def open_form(self, form: Form) -> None:
        """Load the unit's answers to `form` and show the fill-in screen."""
        assert self.signed_in is not None
        unit = self.signed_in.unit
        try:
            record = self.store.self_assessments.self_assessment(unit.id, form.id)
            session = SelfSession.from_record(self.store, unit, form, self.store.rules(), record)
        except KaopingError as error:
            self.post_message(OpenFailed(error_text(error)))
            return
        self.post_message(SessionOpened(session))

    def on_session_opened(self, message: SessionOpened) -> None:
        self.session = message.session
        self.push_screen(FillScreen(message.session), self._left_form)

    def _left_form(self, _: None) -> None:
        if self.form_list is not None and self.session is not None:
            self.form_list.update_state(self.session.form.id, self.session.state or "new")

    def on_open_failed(self, message: OpenFailed) -> None:
        self.notify(message.reason, severity="error", timeout=8, markup=False)


def create_selfassess_app(
    context: AppContext, unit_id: str | None = None, store: CampaignStore | None = None
) -> SelfAssessApp:
    """The self-assessment app for the context's data directory and campaign (or the given store)."""
    campaign = store or open_store(context.data_dir).campaign(context.campaign_id)
    return SelfAssessApp(context, campaign, unit_id)
