"""`MeetingBackend`: the meeting's one door to the store, forms and exports, in the meeting's own terms.

Every method may touch the disk: screens call them from worker threads only. The ballot's shape
(`ballot_spec`) is read once when the backend is made, before the app starts.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from forms.errors import KaopingError
from forms.model import Form, Item
from tui.i18n import error_text, t
from tui.meeting.model import (
    AnswerValue,
    BallotDraft,
    BallotSpec,
    Choice,
    CloseReceipt,
    CodeState,
    GroupParticipation,
    ItemSpec,
    MeetingInfo,
    RuleBreak,
    UnitSpec,
)

if TYPE_CHECKING:
    from store.api import Brand, CampaignStore

ANSWER_TYPES = ("rating", "score", "text")
"""The item types a meeting ballot can ask on screen."""

ADMIN = "meeting-admin"


class MeetingBackend:
    """Reads and writes one campaign's meeting through the store API; no Textual here."""

    def __init__(self, campaign: CampaignStore, lang: str = "zh", *, vote: bool = False) -> None:
        self.campaign = campaign
        self.lang = lang
        self.vote = vote
        info = campaign.info
        self.campaign_name = info.name
        self.form = self._find_form(campaign, "vote" if vote else "ballot")
        self.meeting_name = self.form.title.get(lang)
        self.unit_records = tuple(campaign.meeting_units())
        self.group_labels = {
            group.id: (group.en if lang == "en" and group.en else group.zh)
            for group in campaign.rules().rater_groups
        }
        self.ballot_spec = self._spec()
        self.brand_item = self._brand_item() if vote else None
        self.brand_max_picks = (self.brand_item.max_picks or 10) if self.brand_item else 10

    # -- the ballot's shape ------------------------------------------------------------------------------

    @staticmethod
    def _find_form(campaign: CampaignStore, scope: str) -> Form:
        for form_id in campaign.info.form_ids:
            form = campaign.form(form_id)
            if form.scope == scope:
                return form
        raise KaopingError("meeting.no_form" if scope == "ballot" else "meeting.no_vote_form")

    def _spec(self) -> BallotSpec:
        items = tuple(self._item_spec(item) for item in self.form.items() if item.type in ANSWER_TYPES)
        units = tuple(UnitSpec(unit.id, unit.name, unit.secretary, unit.group) for unit in self.unit_records)
        if not self.vote and not units:
            raise KaopingError("meeting.no_units")
        return BallotSpec(self.form.id, self.form.title.get(self.lang), items, units)

    def _item_spec(self, item: Item) -> ItemSpec:
        choices: tuple[Choice, ...] = ()
        if item.type == "rating":
            scale = self.form.scale_of(item)
            levels = scale.levels if scale else ()
            choices = tuple(
                Choice(level.code, level.label.get(self.lang), level.key or str(number + 1))
                for number, level in enumerate(levels)
            )
        return ItemSpec(
            item_id=item.id,
            label=item.label.get(self.lang),
            kind=item.type,
            choices=choices,
            minimum=item.min if item.min is not None else 0.0,
            maximum=item.max if item.max is not None else 100.0,
            hint=item.help.get(self.lang),
            required=item.required or item.type != "text",
            max_length=item.max_length or 200,
        )

    def _brand_item(self) -> Item | None:
        for item in self.form.items():
            if item.type == "multi":
                return item
        raise KaopingError("meeting.no_vote_form")

    def rating_choices(self) -> tuple[Choice, ...]:
        """The levels of the first rating item, for the instruction screen."""
        for item in self.ballot_spec.items:
            if item.choices:
                return item.choices
        return ()

    # -- welcome and codes -------------------------------------------------------------------------------

    def info(self) -> MeetingInfo:
        groups = self.participation()
        state = self.voting_state()
        return MeetingInfo(
            campaign_name=self.campaign_name,
            meeting_name=self.meeting_name,
            voted=sum(group.used for group in groups),
            expected=sum(group.issued for group in groups),
            voting_open=state == "open",
            voting_state=state,
        )

    def check_code(self, typed: str) -> tuple[CodeState, BallotDraft | None]:
        """What a typed code may do now, and the draft to start from when it may vote."""
        if self.campaign.voting_state() != "open":
            return CodeState.CLOSED, None
        code = self.campaign.normalise(typed)
        if code is None:
            return CodeState.UNKNOWN, None
        status = self.campaign.code_status(code)
        if status.state == "used":
            return CodeState.USED, None
        if status.state == "unknown" or status.rater_group is None:
            return CodeState.UNKNOWN, None
        if status.state == "fresh":
            return CodeState.FRESH, BallotDraft(code=code, rater_group=status.rater_group)
        saved = self.campaign.load_draft(code)
        draft = BallotDraft(code=code, rater_group=status.rater_group)
        if saved is not None:
            draft.answers = {unit: dict(answers) for unit, answers in saved.answers.items()}
            draft.position = self._index_of(saved.position)
        return CodeState.DRAFT, draft

    def _index_of(self, unit_id: str | None) -> int:
        for number, unit in enumerate(self.ballot_spec.units):
            if unit.unit_id == unit_id:
                return number
        return 0

    # -- answers and sealing ----------------------------------------------------------------------------

    def save_answer(self, code: str, unit_id: str, item_id: str, value: AnswerValue) -> None:
        self.campaign.save_answer(code, unit_id, item_id, value)

    def save_position(self, code: str, index: int) -> None:
        units = self.ballot_spec.units
        if units:
            self.campaign.save_position(code, units[max(0, min(index, len(units) - 1))].unit_id)

    def ballot_answers(self, draft: BallotDraft) -> dict[str, dict[str, AnswerValue]]:
        """The answers this form concerns: every meeting unit (empty ones too), or the campaign-wide key."""
        if self.vote:
            from store.api import CAMPAIGN_WIDE

            return {CAMPAIGN_WIDE: dict(draft.answers.get(CAMPAIGN_WIDE, {}))}
        return {unit.unit_id: dict(draft.answers.get(unit.unit_id, {})) for unit in self.ballot_spec.units}

    def check(self, draft: BallotDraft) -> list[RuleBreak]:
        """The ballot rules this draft breaks, each with what breaks it, in the user's words."""
        from forms.scoring import check_ballot  # not needed before the first review page

        result = check_ballot(self.form, self.ballot_answers(draft))
        names = {unit.unit_id: unit.name for unit in self.ballot_spec.units}
        breaks: list[RuleBreak] = []
        for flag in result.flags:
            text = flag.text.get(self.lang)
            if flag.kind == "quota":
                shown = "、".join(names.get(unit, unit) for unit in flag.units[:6])
                more = "…" if len(flag.units) > 6 else ""
                text += " " + t("meeting.rule.quota", count=flag.count, limit=flag.limit, units=shown + more)
            else:
                text += " " + t("meeting.rule.all_units", count=flag.count)
            breaks.append(RuleBreak(text, flag.action == "invalid"))
        return breaks

    def seal(self, draft: BallotDraft) -> None:
        self.campaign.seal_ballot(draft.code, self.form.id, self.ballot_answers(draft))

    def describe(self, error: BaseException) -> str:
        """One sentence for any failure of the store below."""
        if isinstance(error, KaopingError):
            return error_text(error)
        return t("error.unexpected", detail=f"{type(error).__name__}: {error}")

    # -- admin ---------------------------------------------------------------------------------------------

    def check_passphrase(self, passphrase: str) -> bool:
        return bool(self.campaign.check_passphrase(passphrase))

    def participation(self) -> list[GroupParticipation]:
        return [
            GroupParticipation(entry.rater_group, entry.issued, entry.used)
            for entry in self.campaign.participation()
        ]

    def voting_state(self) -> str:
        return str(self.campaign.voting_state())

    def open_ballots(self) -> int:
        """How many codes have a ballot begun and not sealed (a seat mid-ballot, or one left idle)."""
        return int(self.campaign.open_draft_count())

    def open_voting(self) -> None:
        self.campaign.open_voting(ADMIN)

    def close_voting(self) -> CloseReceipt:
        closing = self.campaign.close_voting(ADMIN)
        return CloseReceipt(closing.count, closing.digest)

    def last_closing(self) -> CloseReceipt | None:
        closings = list(self.campaign.closings())
        if not closings:
            return None
        return CloseReceipt(closings[-1].count, closings[-1].digest)

    def results_visible(self) -> bool:
        """Results show once voting is closed, or before when the campaign's rules allow it."""
        return self.voting_state() == "closed" or bool(self.campaign.rules().results_before_close)

    def results(self) -> Any:
        """The campaign's results (exports.results.CampaignResults)."""
        from exports.results import campaign_results

        return campaign_results(self.campaign)

    def export(self, kind: str, folder: Path) -> tuple[Path, int]:
        """Write one export of the campaign into `folder` (made when missing): its path and row count."""
        from exports.kinds import export_kind

        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise KaopingError(
                "meeting.export.folder", path=str(folder), detail=error.strerror or str(error)
            ) from None
        path = folder / f"{kind}-{self.campaign.id}.csv"
        manifest = export_kind(self.campaign, kind, path, lang=self.lang, text=t)
        return path, manifest.rows

    def brands(self) -> Sequence[Brand]:
        return tuple(self.campaign.brands())

    # -- paper ballots ------------------------------------------------------------------------------------

    def rater_groups(self) -> tuple[str, ...]:
        return tuple(self.campaign.info.rater_groups)

    def group_label(self, group_id: str) -> str:
        """A rater group's name in the user's language (its id when the rules do not name it)."""
        return self.group_labels.get(group_id, group_id)

    def paper_slips_left(self, rater_group: str) -> int:
        return int(self.campaign.paper_slips_left(rater_group))

    def seal_paper(self, rater_group: str, answers: dict[str, dict[str, AnswerValue]]) -> None:
        self.campaign.seal_paper_ballot(rater_group, self.form.id, answers)
