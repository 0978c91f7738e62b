"""Real browsers on the hall page: Debian's chromium driven by Playwright, a phone (390x844, taps) and a
laptop (1280x800, keyboard only): slip URL, all 66 units, reload half-way, seal, nothing after back/reload.

Skipped with the reason when /usr/bin/chromium or playwright is missing, unless KAOPING_REQUIRE_BROWSER=1
(set by .ci/run), which turns the skip into a failure.
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from click.testing import CliRunner

from store.api import CampaignStore
from store.demo import DemoResult
from tests.tui.serve.conftest import Served, ballot_levels, codes_of
from tui.cli import cli

if TYPE_CHECKING:  # imported in the tests, after the `browser` fixture checked that playwright is there
    from playwright.sync_api import Browser, Locator, Page

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
KEYS = {"good": "1", "fairly_good": "2", "average": "3", "poor": "4"}
LABELS = {"good": "好", "fairly_good": "较好", "average": "一般", "poor": "差"}


def _missing() -> str:
    if not CHROMIUM.exists():
        return "no /usr/bin/chromium (apt-get install -y chromium)"
    if importlib.util.find_spec("playwright") is None:
        return "playwright is not installed (pip install -e '.[test]')"
    return ""


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    reason = _missing()
    if reason:
        if os.environ.get("KAOPING_REQUIRE_BROWSER") == "1":
            pytest.fail(f"browser tests required (KAOPING_REQUIRE_BROWSER=1) but {reason}")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()


def _main_button(page: Page, unit: str, level: str) -> Locator:
    return page.locator(f"#u-{unit} > .levels button", has_text=LABELS[level]).first


def _first(page: Page, unit: str) -> Locator:
    """The button a row gets focus on: its first level (no level chosen yet)."""
    return page.locator(f"#u-{unit} > .levels button").first


def _no_answers_shown(page: Page) -> None:

    html = page.content()
    assert 'aria-pressed="true"' not in html
    assert 'class="row"' not in html
    assert "/login" in html  # back at the code page


def _closed_and_checked(
    campaign: CampaignStore, data_dir: Path, tmp_path: Path, answers: dict[str, str]
) -> None:
    ballots = list(campaign.ballots.sealed_ballots("review_ballot"))
    assert len(ballots) == 1
    assert {unit: row["overall"] for unit, row in ballots[0].answers.items()} == answers
    campaign.meeting.close_voting("admin")
    runner = CliRunner()
    target = tmp_path / "ballots.csv"
    exported = runner.invoke(cli, ["--data", str(data_dir), "export", "ballots", "-o", str(target)])
    assert exported.exit_code == 0, exported.output
    text = target.read_text(encoding="utf-8-sig")
    assert ballots[0].ballot_id in text
    verified = runner.invoke(cli, ["--data", str(data_dir), "verify"])
    assert verified.exit_code == 0, verified.output


def test_a_phone_rates_66_units_resumes_after_reload_and_seals(
    browser: Browser,
    served: Served,
    hall: tuple[CampaignStore, DemoResult],
    demo_data: tuple[Path, DemoResult],
    tmp_path: Path,
) -> None:
    from playwright.sync_api import expect

    campaign, result = hall
    code = codes_of(result)[0]
    units = [unit.id for unit in campaign.roster.meeting_units()]
    levels = ballot_levels(len(units))
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    page = context.new_page()
    urls: list[str] = []
    page.on("request", lambda request: urls.append(request.url))
    page.goto(f"{served.url}/v/{code}")
    expect(page).to_have_url(f"{served.url}/")  # the code is taken out of the address bar
    assert page.input_value("#code") == code
    page.get_by_role("button", name="开始测评").tap()
    page.wait_for_url("**/ballot")
    box = _main_button(page, units[0], "good").bounding_box()
    assert box is not None and box["height"] >= 44 and box["width"] >= 70  # a thumb's tap target
    for index, (unit, level) in enumerate(zip(units, levels, strict=True)):
        if index == 33:
            page.reload()
            page.wait_for_selector(f"#u-{units[32]} > .levels button[aria-pressed=true]")
            assert "已评 33 / 66 个单位" in page.inner_text("#progress")
        button = _main_button(page, unit, level)
        button.tap()
        page.wait_for_selector(f"#u-{unit} > .levels button.on", state="attached")
        assert button.get_attribute("aria-pressed") == "true"
    assert "已评 66 / 66 个单位" in page.inner_text("#progress")
    page.get_by_role("link", name="检查并提交").tap()
    page.wait_for_url("**/review")
    assert "本票符合测评规则" in page.inner_text("main")
    page.get_by_role("button", name="确认提交（封存后不能修改）").tap()
    page.wait_for_url("**/thanks")
    assert "测评票已封存" in page.inner_text("h1")
    page.go_back()
    page.wait_for_load_state()
    _no_answers_shown(page)
    page.reload()
    _no_answers_shown(page)
    assert [url for url in urls if code in url] == [f"{served.url}/v/{code}"]
    context.close()
    _closed_and_checked(campaign, demo_data[0], tmp_path, dict(zip(units, levels, strict=True)))
    assert code not in served.output()


def test_a_laptop_with_the_keyboard_only(
    browser: Browser,
    served: Served,
    hall: tuple[CampaignStore, DemoResult],
    demo_data: tuple[Path, DemoResult],
    tmp_path: Path,
) -> None:
    from playwright.sync_api import expect

    campaign, result = hall
    code = codes_of(result)[1]
    units = [unit.id for unit in campaign.roster.meeting_units()]
    # 19 好 (the most the 30% cap allows on 66 units), then 较好/一般: a valid ballot.
    levels = ["good"] * 19 + ["fairly_good" if i % 2 else "average" for i in range(len(units) - 19)]
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(f"{served.url}/v/{code}")
    expect(page.locator("#code")).to_be_focused()
    page.keyboard.press("Enter")
    page.wait_for_url("**/ballot")
    page.keyboard.press("Tab")
    expect(_first(page, units[0])).to_be_focused()
    for index, (unit, level) in enumerate(zip(units, levels, strict=True)):
        if index == 40:
            page.reload()
            page.wait_for_selector(f"#u-{units[39]} > .levels button[aria-pressed=true]")
            _first(page, unit).focus()  # a reload forgets the focus
        if index == 19:
            # A 20th 好 is refused where it is typed, with the reason, and the focus stays on the row.
            page.keyboard.press("1")
            expect(page.locator("#msg")).to_contain_text("这一项没有保存")
            expect(_first(page, unit)).to_be_focused()
        page.keyboard.press(KEYS[level])
        if index + 1 < len(units):
            expect(_first(page, units[index + 1])).to_be_focused()
        else:
            expect(page.locator("#to-review")).to_be_focused()
    page.keyboard.press("Enter")
    page.wait_for_url("**/review")
    page.keyboard.press("Tab")
    expect(page.locator("#seal")).to_be_focused()
    page.keyboard.press("Enter")
    page.wait_for_url("**/thanks")
    page.go_back()
    page.wait_for_load_state()
    _no_answers_shown(page)
    page.reload()
    _no_answers_shown(page)
    context.close()
    _closed_and_checked(campaign, demo_data[0], tmp_path, dict(zip(units, levels, strict=True)))


def test_without_javascript_the_forms_still_save(
    browser: Browser, served: Served, hall: tuple[CampaignStore, DemoResult]
) -> None:
    campaign, result = hall
    code = codes_of(result)[2]
    units = [unit.id for unit in campaign.roster.meeting_units()]
    context = browser.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{served.url}/v/{code}")
    page.get_by_role("button", name="开始测评").click()
    page.wait_for_url("**/ballot")
    _main_button(page, units[0], "fairly_good").click()
    page.wait_for_url(f"**/ballot#u-{units[0]}")
    assert _main_button(page, units[0], "fairly_good").get_attribute("aria-pressed") == "true"
    page.locator(f"#u-{units[1]} details summary").click()
    page.locator(f"#u-{units[1]} textarea").fill("联系群众紧密")
    page.locator(f"#u-{units[1]} button.save").click()
    page.wait_for_url(f"**/ballot#u-{units[1]}")
    context.close()
    draft = campaign.ballots.load_draft(code)
    assert draft is not None
    assert draft.answers[units[0]] == {"overall": "fairly_good"}
    assert draft.answers[units[1]] == {"comment": "联系群众紧密"}
