"""A unit's way through the fill-in screen: sign in, fill, leave, resume, submit, read-only."""

from __future__ import annotations

import pytest
from textual.notifications import SeverityLevel
from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Select

from tests.tui.selfassess.conftest import Campaign, fill_and_submit, settle
from tui.selfassess.app import SelfAssessApp
from tui.selfassess.fill import FillScreen
from tui.selfassess.form_list import FormListScreen
from tui.widgets import ConfirmDialog, ItemEditor, SignInScreen


async def _sign_in(pilot: Pilot[object], code: str) -> None:
    await pilot.pause()
    field = pilot.app.screen.query_one("#code", Input)
    field.value = code
    await pilot.press("enter")
    for _ in range(30):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        if isinstance(pilot.app.screen, FillScreen):
            return


async def _open_fill(pilot: Pilot[object], code: str) -> FillScreen:
    """Signs in with a code that leads straight to one form and returns its fill screen."""
    await _sign_in(pilot, code)
    screen = pilot.app.screen
    assert isinstance(screen, FillScreen)
    return screen


async def _type_into(pilot: Pilot[object], item_id: str, value: str, note: str | None = None) -> ItemEditor:
    editor = pilot.app.screen.query_one(f"#item-{item_id}", ItemEditor)
    if note is not None:
        editor.query_one("#note", Input).value = note
        await pilot.pause()
    editor.query_one("#answer", Input).value = value
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    return editor


async def test_branch_fills_leaves_resumes_and_submits(campaign: Campaign) -> None:
    code = campaign.unit_codes["B011"]
    app = SelfAssessApp(campaign.context, campaign.store)
    async with app.run_test(size=(120, 40)) as pilot:
        assert isinstance(app.screen, SignInScreen)
        screen = await _open_fill(pilot, code)
        assert screen.session.form.id == "star_branch"
        editor = await _type_into(pilot, "committee", "6")
        assert editor.problem_text == ""
        # Below full marks without a note: kept and saved, marked unfinished beside the field.
        editor = await _type_into(pilot, "secretary", "4")
        assert "说明" in editor.problem_text
        stored = campaign.store.self_assessments.self_assessment("B011", "star_branch")
        assert stored.answers == {"committee": 6, "secretary": 4}
        editor = await _type_into(pilot, "secretary", "4", note="书记未参加年度轮训，已补训")
        assert editor.problem_text == ""
        stored = campaign.store.self_assessments.self_assessment("B011", "star_branch")
        assert stored.answers["secretary"] == 4
        assert stored.notes["secretary"] == "书记未参加年度轮训，已补训"
        # Out of bounds: kept as typed with the reason, never scored.
        editor = await _type_into(pilot, "setup", "9")
        assert editor.problem_text != ""
        stored = campaign.store.self_assessments.self_assessment("B011", "star_branch")
        assert "setup" not in stored.answers
        assert stored.typed == {"setup": "9"}
        # Go to the second section and put the cursor on its second item.
        await pilot.press("f8")
        await pilot.pause()
        second = screen.session.form.sections[1]
        screen.query_one(f"#item-{second.items[1].id}", ItemEditor).focus_answer()
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.press("escape")
        await pilot.pause()
    assert (
        campaign.store.self_assessments.self_assessment("B011", "star_branch").position
        == f"{second.id}/{second.items[1].id}"
    )

    app = SelfAssessApp(campaign.context, campaign.store)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open_fill(pilot, code)
        assert screen.section_index == 1
        assert screen.focused_item == second.items[1].id
        assert app.focused is not None
        assert app.focused.id == "answer"


async def test_show_if_item_appears_and_disappears(campaign: Campaign) -> None:
    app = SelfAssessApp(campaign.context, campaign.store)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open_fill(pilot, campaign.unit_codes["B021"])
        index = next(i for i, s in enumerate(screen.session.form.sections) if s.id == "vetoes")
        await screen.show_section(index)
        await pilot.pause()
        details = screen.query_one("#item-veto_details", ItemEditor)
        assert details.has_class("-hidden")
        screen.query_one("#item-veto_discipline", ItemEditor).query_one("#answer", Select).value = True
        await pilot.pause()
        assert not details.has_class("-hidden")
        totals = str(screen.query_one("#sa-totals").render())
        assert "否决" in totals
        screen.query_one("#item-veto_discipline", ItemEditor).query_one("#answer", Select).value = False
        await pilot.pause()
        assert details.has_class("-hidden")


async def test_submit_refuses_an_incomplete_form_and_jumps_to_the_first_open_item(campaign: Campaign) -> None:
    app = SelfAssessApp(campaign.context, campaign.store)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open_fill(pilot, campaign.unit_codes["B012"])
        await pilot.press("f8", "f8")
        await pilot.pause()
        await pilot.press("f9")
        await settle(pilot)
        assert isinstance(app.screen, FillScreen)  # no confirmation for an incomplete form
        assert screen.section_index == 0
        assert screen.focused_item == "committee"
        assert campaign.store.self_assessments.self_assessment("B012", "star_branch").state == "draft"


async def test_submitted_form_is_read_only_until_the_admin_reopens_it(campaign: Campaign) -> None:
    fill_and_submit(campaign.store, "B012", "star_branch", submit=False)
    app = SelfAssessApp(campaign.context, campaign.store, unit_id="B012")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open_fill(pilot, campaign.unit_codes["B012"])
        assert "五星" in str(screen.query_one("#sa-totals").render())
        await pilot.press("f9")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await settle(pilot)
        assert campaign.store.self_assessments.self_assessment("B012", "star_branch").state == "submitted"
        assert not screen.session.editable
        assert "只读" in str(screen.query_one("#sa-banner").render())
        assert all(field.disabled for field in screen.query("#answer"))
        # Entering anyway (as a stray event would) is refused by the session, nothing stored.
        assert screen.session.enter("committee", 1, "") is not None
        assert (
            campaign.store.self_assessments.self_assessment("B012", "star_branch").answers["committee"] == 6
        )

    campaign.store.self_assessments.reopen_unit("B012", None, "单位申请更正第二部分的分数")
    record = campaign.store.self_assessments.self_assessment("B012", "star_branch")
    assert record.state == "draft"
    assert record.history[-1].note == "单位申请更正第二部分的分数"
    assert any(entry.action == "self.reopen" for entry in campaign.store.audit_trail.audit_log())
    app = SelfAssessApp(campaign.context, campaign.store)
    async with app.run_test(size=(120, 40)) as pilot:
        await _sign_in(pilot, campaign.unit_codes["B012"])
        assert isinstance(app.screen, FillScreen)
        assert app.screen.session.editable


async def test_a_unit_code_for_another_unit_is_refused(campaign: Campaign) -> None:
    app = SelfAssessApp(campaign.context, campaign.store, unit_id="B011")
    async with app.run_test(size=(120, 40)) as pilot:
        await _sign_in(pilot, campaign.unit_codes["B012"])
        assert isinstance(app.screen, SignInScreen)
        assert "另一个单位" in str(app.screen.query_one("#problem").render())
        await _sign_in(pilot, "AAAA-BBBB")
        assert "单位登录码不正确" in str(app.screen.query_one("#problem").render())


async def test_an_organization_chooses_among_its_forms(campaign: Campaign) -> None:
    app = SelfAssessApp(campaign.context, campaign.store)
    async with app.run_test(size=(120, 40)) as pilot:
        await _sign_in(pilot, campaign.unit_codes["U01"])
        # U01 is an organization: it fills the responsibility list only, straight away.
        assert isinstance(app.screen, FillScreen)
        assert app.screen.session.form.id == "duty_list"


async def test_a_unit_with_two_forms_picks_one_and_comes_back_to_the_list(
    campaign: Campaign, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The built-in forms give each unit one form; a campaign may assign more (every unit form here).
    store = campaign.store
    monkeypatch.setattr(store, "unit_forms", lambda unit_id: store.forms_of_scope("unit"))
    app = SelfAssessApp(campaign.context, campaign.store)
    async with app.run_test(size=(120, 40)) as pilot:
        await _sign_in(pilot, campaign.unit_codes["U02"])
        screen = app.screen
        assert isinstance(screen, FormListScreen)
        listing = screen  # typed as the list, whatever `app.screen is listing` says later
        assert [entry.form.id for entry in listing.entries] == ["star_branch", "duty_list"]
        assert {entry.state for entry in listing.entries} == {"new"}
        await pilot.press("down", "enter")
        await settle(pilot)
        fill = app.screen
        assert isinstance(fill, FillScreen) and fill.session.form.id == "duty_list"
        first = fill.session.form.sections[0].items[0]
        assert first.type == "rating"
        scale = fill.session.form.scale_of(first)
        assert scale is not None
        best = scale.levels[0].code
        fill.query_one(f"#item-{first.id}", ItemEditor).query_one("#answer", Select).value = best
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is listing
        assert [entry.state for entry in listing.entries] == ["new", "draft"]
        assert campaign.store.self_assessments.self_assessment("U02", "duty_list").answers[first.id] == best


async def test_submit_is_refused_while_a_refused_value_is_on_screen(campaign: Campaign) -> None:
    fill_and_submit(campaign.store, "B012", "star_branch", submit=False)
    app = SelfAssessApp(campaign.context, campaign.store)
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_fill(pilot, campaign.unit_codes["B012"])
        editor = await _type_into(pilot, "committee", "60")  # refused; the stored 6 stays
        assert editor.problem_text
        await pilot.press("f9")
        await settle(pilot)
        assert isinstance(app.screen, FillScreen)  # no confirmation
        assert campaign.store.self_assessments.self_assessment("B012", "star_branch").state == "draft"
        await _type_into(pilot, "committee", "6")
        assert not editor.problem_text
        await pilot.press("f9")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)


async def test_sections_are_reached_from_the_keyboard(campaign: Campaign) -> None:
    app = SelfAssessApp(campaign.context, campaign.store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open_fill(pilot, campaign.unit_codes["B021"])
        await pilot.press("shift+tab")  # from the first item to the section list
        assert app.focused is not None and app.focused.id == "sa-sections"
        await pilot.press("down", "down", "enter")
        await settle(pilot)
        assert screen.section_index == 2
        assert screen.focused_item == screen.session.form.sections[2].items[0].id
        await pilot.press("f7")
        await settle(pilot)
        assert screen.section_index == 1


async def test_a_lowered_score_without_its_note_is_kept_marked_and_listed_at_submit(
    campaign: Campaign, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 14, why 1: nothing typed is lost; the unfinished answer is marked and submit names it."""
    code = campaign.unit_codes["B011"]
    app = SelfAssessApp(campaign.context, campaign.store)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open_fill(pilot, code)
        await _type_into(pilot, "secretary", "4")
        await _type_into(pilot, "setup", "abc")
        totals = str(screen.query_one("#sa-totals").render())
        assert "已自动保存" in totals
        assert not screen.session.dirty
        await pilot.press("escape")
        await settle(pilot)
    stored = campaign.store.self_assessments.self_assessment("B011", "star_branch")
    assert stored.answers["secretary"] == 4
    assert stored.typed["setup"] == "abc"

    app = SelfAssessApp(campaign.context, campaign.store)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await _open_fill(pilot, code)
        await settle(pilot)
        secretary = screen.query_one("#item-secretary", ItemEditor)
        assert secretary.query_one("#answer", Input).value == "4"
        assert "说明" in secretary.problem_text
        setup = screen.query_one("#item-setup", ItemEditor)
        assert setup.query_one("#answer", Input).value == "abc"
        assert setup.problem_text != ""
        sections = screen.query_one("#sa-sections", OptionList)
        first = str(sections.get_option_at_index(0).prompt)
        assert first.startswith("△")
        notices: list[str] = []
        original = app.notify

        def record(
            message: str,
            *,
            title: str = "",
            severity: SeverityLevel = "information",
            timeout: float | None = None,
            markup: bool = True,
        ) -> None:
            notices.append(message)
            original(message, title=title, severity=severity, timeout=timeout, markup=markup)

        monkeypatch.setattr(app, "notify", record)
        await pilot.press("f9")
        await settle(pilot)
        assert isinstance(app.screen, FillScreen)
        listed = "\n".join(notices)
        secretary_item = screen.session.form.item("secretary")
        assert secretary_item is not None
        secretary_label = secretary_item.label.get("zh")
        assert secretary_label in listed
        assert "说明" in listed
    assert campaign.store.self_assessments.self_assessment("B011", "star_branch").state == "draft"
