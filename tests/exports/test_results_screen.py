"""The results screen shows each unit's 五力 as a small chart (strongest green, weakest red) and its grade."""

from __future__ import annotations

import pytest
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import DataTable, Input

from exports.results import campaign_results
from tests.exports.export_fixtures import Campaign
from tests.snapshot_type import SnapCompare
from tui.context import AppContext
from tui.results.app import ResultsApp, ResultsScreen
from tui.results.strengths import bar, strength_chart


def test_bars_span_poor_to_good() -> None:
    assert (bar(40), bar(100), bar(None)) == ("▁", "█", "·")
    chart = strength_chart({"a": 100, "b": 40, "c": 70}, ["a", "b", "c"], "a", "b")
    assert chart.plain == "█▁▅"
    assert [str(span.style) for span in chart.spans] == ["bold green", "bold red"]


async def test_the_organizations_table_has_a_five_strengths_chart_per_unit(campaign: Campaign) -> None:
    results = campaign_results(campaign.store)
    first = results.units[0]

    class Host(App[None]):
        def on_mount(self) -> None:
            self.push_screen(ResultsScreen(campaign.store))

    app = Host()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, ResultsScreen)
        table = screen.query_one("#sa-organizations", DataTable)
        for _ in range(200):  # the results load in a worker: wait for the rows
            if table.row_count:
                break
            await pilot.pause(0.05)
        assert table.row_count == len(results.units)
        row = table.get_row(first.unit_id)
        chart = row[2]
        assert len(chart.plain) == 5 and set(chart.plain) <= set("▁▂▃▄▅▆▇█·")
        assert row[7].plain == first.grade_label("zh")
        legend = str(screen.query_one("#sa-ties").render())
        assert "五力柱形（政治引领力·工作执行力·组织凝聚力·党员战斗力·群众服务力）" in legend


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_organizations_tab_snapshot(
    snap_compare: SnapCompare, campaign: Campaign, size: tuple[int, int]
) -> None:
    """The organizations' tab as the admin sees it: the 五力 bars, the grade, the legend (Chinese, fixed data)."""

    campaign.store.meeting.set_passphrase("考评口令2026年度结果")
    app = ResultsApp(AppContext(data_dir=campaign.data_dir), campaign.store)

    async def organizations(pilot: Pilot[object]) -> None:
        await pilot.pause()
        pilot.app.screen.query_one("#code", Input).value = "考评口令2026年度结果"
        await pilot.press("enter")
        for _ in range(200):
            if isinstance(pilot.app.screen, ResultsScreen):
                break
            await pilot.pause(0.05)
        screen = pilot.app.screen
        table = screen.query_one("#sa-organizations", DataTable)
        for _ in range(200):
            if table.row_count:
                break
            await pilot.pause(0.05)
        await pilot.press("t")
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=organizations)
