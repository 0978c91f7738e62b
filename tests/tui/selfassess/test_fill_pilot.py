"""A unit's way through the fill-in screen: sign in, fill, leave, resume, submit, read-only."""

from __future__ import annotations

from textual.widgets import Input, Select

from tests.tui.selfassess.conftest import Campaign
from tui.selfassess.app import SelfAssessApp
from tui.selfassess.fill import FillScreen
from tui.selfassess.item_editor import ItemEditor
from tui.selfassess.signin import SignInScreen


async def _sign_in(pilot, code: str) -> None:
    await pilot.pause()
    field = pilot.app.screen.query_one("#code", Input)
    field.value = code
    await pilot.press("enter")
    for _ in range(30):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        if isinstance(pilot.app.screen, FillScreen):
            return


async def _type_into(pilot, item_id: str, value: str, note: str | None = None) -> ItemEditor:
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
        await _sign_in(pilot, code)
        screen = app.screen
        assert isinstance(screen, FillScreen)
        assert screen.session.form.id == "star_branch"
        editor = await _type_into(pilot, "committee", "6")
        assert str(editor.query_one("#problem").render()) == ""
        # Below full marks without a note: refused beside the field, nothing saved.
        editor = await _type_into(pilot, "secretary", "4")
        assert "说明" in str(editor.query_one("#problem").render())
        stored = campaign.store.self_assessment("B011", "star_branch")
        assert stored.answers == {"committee": 6}
        editor = await _type_into(pilot, "secretary", "4", note="书记未参加年度轮训，已补训")
        assert str(editor.query_one("#problem").render()) == ""
        stored = campaign.store.self_assessment("B011", "star_branch")
        assert stored.answers["secretary"] == 4
        assert stored.notes["secretary"] == "书记未参加年度轮训，已补训"
        # Out of bounds: refused with the reason, the stored value stays.
        editor = await _type_into(pilot, "setup", "9")
        assert str(editor.query_one("#problem").render()) != ""
        assert "setup" not in campaign.store.self_assessment("B011", "star_branch").answers
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
        campaign.store.self_assessment("B011", "star_branch").position == f"{second.id}/{second.items[1].id}"
    )

    app = SelfAssessApp(campaign.context, campaign.store)
    async with app.run_test(size=(120, 40)) as pilot:
        await _sign_in(pilot, code)
        screen = app.screen
        assert isinstance(screen, FillScreen)
        assert screen.section_index == 1
        assert screen.focused_item == second.items[1].id
        assert app.focused is not None
        assert app.focused.id == "answer"


async def test_show_if_item_appears_and_disappears(campaign: Campaign) -> None:
    app = SelfAssessApp(campaign.context, campaign.store)
    async with app.run_test(size=(120, 40)) as pilot:
        await _sign_in(pilot, campaign.unit_codes["B021"])
        screen = app.screen
        assert isinstance(screen, FillScreen)
        index = next(i for i, s in enumerate(screen.session.form.sections) if s.id == "vetoes")
        screen.show_section(index)
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
