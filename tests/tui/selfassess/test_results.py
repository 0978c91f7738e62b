"""The star rating: change against last year, the five-star quota, a veto; the admin's results screen and chart."""

from __future__ import annotations

from textual.widgets import DataTable, Input

from exports.stars import branch_stars
from tests.tui.selfassess.conftest import Campaign, fill_and_submit, settle, sign_in
from tui.results.app import ResultsApp, ResultsScreen
from tui.widgets import SignInScreen, StarChart, TextPromptScreen, distribution


def _rate_the_branches(campaign: Campaign) -> None:
    """B011 full marks; B012 and B021 a little lower (still five-star band); B031 hits a veto. All reviewed."""
    store = campaign.store
    group = {"B011": "第一联络组", "B012": "第一联络组", "B021": "第一联络组", "B031": "第二联络组"}
    for unit_id in group:
        fill_and_submit(store, unit_id, "star_branch", submit=False)
    store.self_assessments.save_self_answer(
        "B012", "star_branch", "committee", 5, "支部委员缺一人，已启动增补"
    )
    store.self_assessments.save_self_answer("B021", "star_branch", "committee", 4, "换届逾期两个月")
    store.self_assessments.save_self_answer("B031", "star_branch", "veto_discipline", True, None)
    store.self_assessments.save_self_answer(
        "B031", "star_branch", "veto_details", "支部委员受到党内严重警告处分", None
    )
    for unit_id, liaison in group.items():
        store.self_assessments.submit_self(unit_id, "star_branch", actor=unit_id)
        store.self_assessments.mark_reviewed(unit_id, "star_branch", liaison)


def test_stars_against_last_year_with_the_quota_and_a_veto(campaign: Campaign) -> None:
    _rate_the_branches(campaign)
    found = branch_stars(campaign.store)
    assert found is not None
    rows = {row.unit_id: row for row in found.rows}
    assert set(rows) == {"B011", "B012", "B021", "B031"}
    # floor(30% x 4) = 1 five-star branch: the best keeps it, the next two are held at four stars.
    assert (rows["B011"].star, rows["B011"].last_star, rows["B011"].change) == (5, 4, "up")
    assert (rows["B012"].band_stars, rows["B012"].star, rows["B012"].reason) == (5, 4, "quota")
    assert (rows["B012"].last_star, rows["B012"].change) == (5, "down")
    assert (rows["B021"].star, rows["B021"].change) == (4, "up")
    assert (found.five_star, found.five_star_allowed, found.held_by_quota) == (1, 1, 2)
    assert found.within_quota
    # The veto takes the star away whatever the score.
    assert rows["B031"].score is not None and rows["B031"].score > 60
    assert (rows["B031"].star, rows["B031"].reason, rows["B031"].change) == (0, "veto", "down")
    assert rows["B031"].vetoes == ("支部班子成员发生严重违纪违法问题",)


def test_an_adjustment_changes_the_verified_score_and_star(campaign: Campaign) -> None:
    store = campaign.store
    fill_and_submit(store, "B011", "star_branch")
    store.self_assessments.adjust_item(
        "B011", "star_branch", "veto_ideology", True, "年度意识形态工作出现问题", "第一联络组"
    )
    submitted = branch_stars(store)
    assert submitted is not None
    row = next(row for row in submitted.rows if row.unit_id == "B011")
    assert (
        row.band_stars == 5 and not row.verified and row.vetoes == ()
    )  # until reviewed, the own answers count
    store.self_assessments.mark_reviewed("B011", "star_branch", "第一联络组")
    reviewed = branch_stars(store)
    assert reviewed is not None
    row = next(row for row in reviewed.rows if row.unit_id == "B011")
    assert row.verified and row.star == 1 and row.reason == "veto"


def test_distribution_counts_each_level() -> None:
    assert distribution([5, 4, 4, None, 0]) == {5: 1, 4: 2, 3: 0, 2: 0, 1: 0, 0: 2}


async def test_results_screen_behind_the_passphrase(campaign: Campaign) -> None:
    _rate_the_branches(campaign)
    app = ResultsApp(campaign.context, campaign.store)
    async with app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot, "不是口令")
        assert isinstance(app.screen, SignInScreen)
        assert "口令不正确" in str(app.screen.query_one("#problem").render())
        await sign_in(pilot, campaign.passphrase)
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ResultsScreen)
        table = screen.query_one("#sa-branches", DataTable)
        assert table.row_count == 4
        assert "五星名额已满" in str(table.get_row("B012"))
        assert "否决" in str(table.get_row("B031"))
        quota = str(screen.query_one("#sa-quota").render())
        assert "五星 1 个" in quota and "限额 1 个" in quota and "符合" in quota
        chart = screen.query_one("#sa-chart", StarChart)
        assert chart.this_year == {5: 1, 4: 2, 3: 0, 2: 0, 1: 0, 0: 1}
        assert chart.last_year == {5: 1, 4: 1, 3: 1, 2: 1, 1: 0, 0: 0}
        # Reopen B011 from the results screen, with a logged reason.
        table.move_cursor(row=table.get_row_index("B011"))
        await pilot.press("o")
        await pilot.pause()
        prompt = app.screen
        assert isinstance(prompt, TextPromptScreen)
        await pilot.press("enter")  # empty reason: refused in place
        await pilot.pause()
        assert app.screen is prompt
        prompt.query_one("#answer", Input).value = "支部申请更正组织生活得分"
        await pilot.press("enter")
        await settle(pilot)
        assert campaign.store.self_assessments.self_assessment("B011", "star_branch").state == "draft"
        assert any(entry.action == "self.reopen" for entry in campaign.store.audit_trail.audit_log())
