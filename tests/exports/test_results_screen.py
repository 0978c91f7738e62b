"""The results screen shows each unit's 五力 as a small chart (strongest green, weakest red) and its grade."""

from __future__ import annotations

from export_fixtures import Campaign
from textual.app import App
from textual.widgets import DataTable

from exports.results import campaign_results
from tui.results.app import ResultsScreen
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
