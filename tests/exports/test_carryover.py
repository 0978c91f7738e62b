"""Last year's stars carried into a new campaign's roster (scenario 16): roster wins, source chosen, wizard too."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pytest
from click.testing import CliRunner

from exports.carryover import PreviousStars, previous_stars, with_last_stars
from exports.official import finalize
from exports.results import campaign_results
from forms.errors import InputError
from store.api import Unit, open_store
from store.demo import DemoResult
from tests.exports.export_fixtures import ROSTER, Campaign, build_campaign
from tui.cli import cli
from tui.i18n import set_language


@pytest.fixture(autouse=True)
def _chinese_after_each_test() -> Iterator[None]:
    yield
    set_language("zh")


def _unit(unit_id: str, name: str, last_star: int | None = None) -> Unit:
    return Unit(id=unit_id, name=name, org_name="", kind="机关党委", last_star=last_star)


def test_a_roster_star_wins_and_ids_match_before_names() -> None:
    previous = PreviousStars("2026-a", "2026年度", {"U01": 5, "U02": 2}, {"市委办公室": 5, "市财政局": 3})
    units = [
        _unit("U01", "市委办公室"),
        _unit("U02", "市人大常委会办公室", last_star=4),  # the roster says 4: it wins over 2
        _unit("X9", "市财政局"),  # a new id, the same name as last year
        _unit("U77", "新设立的单位"),
    ]
    roster = with_last_stars(units, previous)
    assert [unit.last_star for unit in roster.units] == [5, 4, 3, None]
    assert (roster.carried, roster.from_roster) == (2, 1)
    assert [unit.last_star for unit in with_last_stars(units, None).units] == [None, 4, None, None]


def _finalize(campaign: Campaign) -> None:
    """Finalise the fixture's results the way the admin would (its second branch still awaits review)."""
    store = campaign.store
    for record in store.self_assessments.self_assessments():
        if record.state == "submitted":
            store.self_assessments.mark_reviewed(record.unit_id, record.form_id, "第一联络组")
    if store.meeting.voting_state() == "open":
        store.meeting.close_voting("admin")
    finalize(store, "admin")


def test_previous_stars_refuse_results_not_finalised(campaign: Campaign) -> None:
    with pytest.raises(InputError) as refused:
        previous_stars(campaign.store)
    assert refused.value.key == "selfyear.not_final"


def test_previous_stars_are_the_final_results_of_organizations_and_branches(campaign: Campaign) -> None:
    _finalize(campaign)
    stars = previous_stars(campaign.store)
    results = {unit.unit_id: unit.star for unit in campaign_results(campaign.store).units}
    for unit_id, star in results.items():
        assert stars.by_id.get(unit_id) == (star if star else None)
    # The reviewed branch at full marks has a star; the branch never started has none.
    assert stars.by_id.get("U01-1") is not None and "U01-3" not in stars.by_id
    assert stars.by_name["市委办公室第一党支部"] == stars.by_id["U01-1"]


class ScriptedAsker:
    """The wizard's questions answered from a script (year, name, roster file, codes per group)."""

    def __init__(self, texts: list[str]) -> None:
        self.texts = texts

    def text(self, message: str, default: str, validate: Callable[[str], str | None]) -> str:
        answer = self.texts.pop(0) or default
        assert validate(answer) is None, (message, answer)
        return answer

    def checkbox(self, message: str, choices: Sequence[object], checked: Sequence[str]) -> list[str]:
        return ["review_ballot", "star_branch"]

    def password(self, message: str, validate: Callable[[str], str | None]) -> str:
        return "口令一二三四五六七八"

    def confirm(self, message: str, default: bool) -> bool:
        return True


def test_the_wizard_carries_the_newest_earlier_campaigns_stars(
    campaign: Campaign, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tui.commands import support
    from tui.wizards import init as wizard

    _finalize(campaign)
    final = {unit.unit_id: unit.star for unit in campaign_results(campaign.store).units}
    asker = ScriptedAsker(["2027", "", str(ROSTER), "0", "0", "3", "0"])
    monkeypatch.setattr(support, "has_terminal", lambda: True)
    monkeypatch.setattr(wizard, "QuestionaryAsker", lambda: asker)
    result = CliRunner().invoke(cli, ["--data", str(campaign.data_dir), "init"])
    assert result.exit_code == 0, result.output + result.stderr
    assert campaign.store.info.id in result.stderr
    new = open_store(campaign.data_dir).campaign()
    assert new.info.year == 2027 and new.info.last_stars_from == campaign.store.info.id
    for unit_id, star in final.items():
        assert new.roster.unit(unit_id).last_star == (star or None), unit_id
    assert new.roster.unit("U40").last_star is None  # not in last year's campaign


def test_a_demo_campaign_is_never_the_default_source(demo_data: tuple[Path, DemoResult]) -> None:
    data, _ = demo_data
    result = CliRunner().invoke(
        cli,
        [
            "--data",
            str(data),
            "init",
            "--name",
            "2027年度考核",
            "--year",
            "2027",
            "--passphrase",
            "口令一二三四五六七八",
        ],
    )
    assert result.exit_code == 0, result.output + result.stderr
    assert open_store(data).campaign().info.last_stars_from is None


def test_an_explicit_source_is_used_even_when_newer_campaigns_exist(tmp_path: Path) -> None:
    first = build_campaign(tmp_path / "data", units=6, ballots=6)
    _finalize(first)
    store = open_store(first.data_dir)
    store.create_campaign("2027年度考核（试运行）", 2027, ["review_ballot"])
    args = ["--data", str(first.data_dir), "init", "--name", "2027年度考核", "--year", "2027"]
    result = CliRunner().invoke(
        cli,
        [
            *args,
            "--passphrase",
            "口令一二三四五六七八",
            "--last-stars-from",
            first.store.info.id,
            "--units",
            str(ROSTER),
        ],
    )
    assert result.exit_code == 0, result.output + result.stderr
    new = open_store(first.data_dir).campaign()
    assert new.info.last_stars_from == first.store.info.id
    carried = [unit for unit in new.roster.units() if unit.last_star is not None]
    assert carried and {unit.id for unit in carried} <= {unit.id for unit in first.units}


def test_a_damaged_earlier_campaign_stops_init_before_anything_is_created(tmp_path: Path) -> None:
    first = build_campaign(tmp_path / "data", units=6, ballots=6)
    main = first.store.dir / "campaign.json"
    main.write_bytes(main.read_bytes()[:200])
    before = {p: p.read_bytes() for p in sorted(first.data_dir.rglob("*")) if p.is_file()}
    args = ["--data", str(first.data_dir), "init", "--name", "2027年度考核", "--year", "2027"]
    result = CliRunner().invoke(cli, [*args, "--passphrase", "口令一二三四五六七八", "--units", str(ROSTER)])
    assert result.exit_code in (1, 2) and "campaign.json" in result.stderr
    assert "Traceback" not in result.output + result.stderr
    assert {p: p.read_bytes() for p in sorted(first.data_dir.rglob("*")) if p.is_file()} == before
