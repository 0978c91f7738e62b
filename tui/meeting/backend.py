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
from forms.scoring.entry import (
    DimensionsMode,
    asked_items,
    dimension_items,
    required_items,
)
from tui.i18n import error_text, t
from tui.meeting.ballot_entry import BallotEntry
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
    UnitSpec,
)

if TYPE_CHECKING:
    from exports.runoff import RunoffSpec
    from store.api import Brand, CampaignStore

ANSWER_TYPES = ("rating", "score", "text")
"""The item types a meeting ballot can ask on screen."""

ADMIN = "meeting-admin"


class MeetingBackend:
    """Reads and writes one campaign's meeting through the store API; no Textual here."""

    def __init__(
        self,
        campaign: CampaignStore,
        lang: str = "zh",
        *,
        vote: bool = False,
        runoff_round: int | None = None,
    ) -> None:
        self.campaign = campaign
        self.lang = lang
        self.vote = vote
        info = campaign.info
        self.campaign_name = info.name
        self.form = self._find_form(campaign, "vote" if vote else "ballot")
        self.meeting_name = self.form.title.get(lang)
        self.unit_records = tuple(campaign.roster.meeting_units())
        self.dimensions: DimensionsMode = campaign.rules().dimensions
        self.entry = BallotEntry(self)
        self.group_labels = {
            group.id: (group.en if lang == "en" and group.en else group.zh)
            for group in campaign.rules().rater_groups
        }
        self.ballot_spec = self._spec()
        self.brand_item = self._brand_item() if vote else None
        self.brand_max_picks = (self.brand_item.max_picks or 10) if self.brand_item else 10
        # A run-off (加票): only the brands tied at the tenth place, at most the places left.
        self.runoff: RunoffSpec | None = None
        if vote and runoff_round is not None:
            from exports.runoff import runoff_spec

            self.runoff = runoff_spec(campaign, runoff_round)
            self.brand_max_picks = self.runoff.places
            self.meeting_name = t(
                "results.runoff.name", name=self.meeting_name, round=runoff_round, places=self.runoff.places
            )

    # -- the ballot's shape ------------------------------------------------------------------------------

    @staticmethod
    def _find_form(campaign: CampaignStore, scope: str) -> Form:
        for form_id in campaign.info.form_ids:
            form = campaign.form(form_id)
            if form.scope == scope:
                return form
        raise KaopingError("meeting.no_form" if scope == "ballot" else "meeting.no_vote_form")

    def _spec(self) -> BallotSpec:
        # The campaign's 五力 mode decides which items are asked and which must be answered (one rule,
        # in forms.scoring.entry, shared with the hall's web page and the store's seal).
        asked = {item.id for item in asked_items(self.form, self.dimensions)}
        required = {item.id for item in required_items(self.form, self.dimensions)}
        items = tuple(
            self._item_spec(item, item.id in required)
            for item in self.form.items()
            if item.type in ANSWER_TYPES and item.id in asked
        )
        units = tuple(UnitSpec(unit.id, unit.name, unit.secretary, unit.group) for unit in self.unit_records)
        if not self.vote and not units:
            raise KaopingError("meeting.no_units")
        dims = tuple(item.id for item in dimension_items(self.form) if item.id in asked)
        return BallotSpec(
            self.form.id,
            self.form.title.get(self.lang),
            items,
            units,
            score_item=self.form.score_item,
            dimension_ids=dims,
            dimensions=self.dimensions,
        )

    def _item_spec(self, item: Item, required: bool) -> ItemSpec:
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
            required=required,
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
        if self.campaign.meeting.voting_state() != "open":
            return CodeState.CLOSED, None
        code = self.campaign.codes.normalise(typed)
        if code is None:
            return CodeState.UNKNOWN, None
        status = self.campaign.codes.code_status(code)
        if status.state == "used":
            return CodeState.USED, None
        if status.state == "unknown" or status.rater_group is None:
            return CodeState.UNKNOWN, None
        if status.state == "fresh":
            return CodeState.FRESH, BallotDraft(code=code, rater_group=status.rater_group)
        saved = self.campaign.ballots.load_draft(code)
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
        self.campaign.ballots.save_answer(code, unit_id, item_id, value)

    def save_position(self, code: str, index: int) -> None:
        units = self.ballot_spec.units
        if units:
            self.campaign.ballots.save_position(code, units[max(0, min(index, len(units) - 1))].unit_id)

    def ballot_answers(self, draft: BallotDraft) -> dict[str, dict[str, AnswerValue]]:
        """The answers this form concerns: every meeting unit (empty ones too), or the campaign-wide key."""
        if self.vote:
            from store.api import CAMPAIGN_WIDE

            answers = dict(draft.answers.get(CAMPAIGN_WIDE, {}))
            if self.runoff is not None:
                from exports.compute import RUNOFF_ITEM

                answers[RUNOFF_ITEM] = self.runoff.round
            return {CAMPAIGN_WIDE: answers}
        return {unit.unit_id: dict(draft.answers.get(unit.unit_id, {})) for unit in self.ballot_spec.units}

    def seal(self, draft: BallotDraft) -> None:
        self.campaign.ballots.seal_ballot(draft.code, self.form.id, self.ballot_answers(draft))

    def describe(self, error: BaseException) -> str:
        """One sentence for any failure of the store below."""
        if isinstance(error, KaopingError):
            return error_text(error)
        return t("error.unexpected", detail=f"{type(error).__name__}: {error}")

    # -- admin ---------------------------------------------------------------------------------------------

    def check_passphrase(self, passphrase: str) -> bool:
        return bool(self.campaign.meeting.check_passphrase(passphrase))

    def participation(self) -> list[GroupParticipation]:
        return [
            GroupParticipation(entry.rater_group, entry.issued, entry.used)
            for entry in self.campaign.meeting.participation()
        ]

    def voting_state(self) -> str:
        return str(self.campaign.meeting.voting_state())

    def open_ballots(self) -> int:
        """How many codes have a ballot begun and not sealed (a seat mid-ballot, or one left idle)."""
        return int(self.campaign.ballots.open_draft_count())

    def open_voting(self) -> None:
        self.campaign.meeting.open_voting(ADMIN)

    def reopen_voting(self, passphrase: str, reason: str, count: int, digest: str) -> None:
        self.campaign.meeting.reopen_voting(ADMIN, passphrase, reason, count, digest)

    def close_voting(self) -> CloseReceipt:
        closing = self.campaign.meeting.close_voting(ADMIN)
        return CloseReceipt(closing.count, closing.digest)

    def prepare_results(self) -> bool:
        """Count the closed vote once and keep the tallies for the results screen (see `exports.results`)."""
        from exports.results import prepare_results

        return prepare_results(self.campaign)

    def last_closing(self) -> CloseReceipt | None:
        from exports.counts import ballot_counts, count_lines

        closings = list(self.campaign.meeting.closings())
        if not closings:
            return None
        lines = count_lines(ballot_counts(self.campaign), t, self.lang)
        return CloseReceipt(closings[-1].count, closings[-1].digest, tuple(lines))

    def results_visible(self) -> bool:
        """Results show once voting is closed, or before when the campaign's rules allow it."""
        return self.voting_state() != "not_open" and self.campaign.meeting.results_visible()

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
        brands = tuple(self.campaign.roster.brands())
        if self.runoff is not None:
            tied = set(self.runoff.brands)
            return tuple(brand for brand in brands if brand.id in tied)
        return brands

    # -- paper ballots ------------------------------------------------------------------------------------

    def rater_groups(self) -> tuple[str, ...]:
        return tuple(self.campaign.info.rater_groups)

    def group_label(self, group_id: str) -> str:
        """A rater group's name in the user's language (its id when the rules do not name it)."""
        return self.group_labels.get(group_id, group_id)

    def paper_slips_left(self, rater_group: str) -> int:
        return int(self.campaign.ballots.paper_slips_left(rater_group))

    def seal_paper(self, rater_group: str, answers: dict[str, dict[str, AnswerValue]]) -> None:
        self.campaign.ballots.seal_paper_ballot(rater_group, self.form.id, answers)
