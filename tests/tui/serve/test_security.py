"""The hall page on a shared network: CSRF, CSP and headers, escaping, the wrong-code limit, used codes,
oversized bodies, tampered posts, nothing readable after sealing, no code in a URL or in the output."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from aiohttp.test_utils import TestClient, TestServer

from store.api import CampaignStore, open_store
from store.demo import DemoResult
from tests.store.store_helpers import SMALL_UNITS
from tests.tui.serve.conftest import CSRF, HallClient, HallFixture, ballot_levels, codes_of, found, login
from tui.serve.app import create_hall_app
from tui.serve.security import MAX_BODY


async def test_every_page_carries_the_security_headers(client: HallClient) -> None:
    for path in ("/", "/static/hall.js", "/thanks", "/nowhere"):
        response = await client.get(path)
        headers = response.headers
        assert "default-src 'self'" in headers["Content-Security-Policy"]
        assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
        assert headers["Cache-Control"].startswith("no-store")
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"] == "no-referrer"
    page = await (await client.get("/")).text()
    assert "<script>" not in page and "style=" not in page  # nothing inline: CSP forbids it
    assert 'src="/static/hall.js"' in page and "http" not in page.split("<main>")[0]  # no CDN


async def test_login_without_or_with_a_wrong_csrf_token_is_refused(
    client: HallClient, hall: HallFixture
) -> None:
    code = codes_of(hall[1])[0]
    await client.get("/")
    for data in ({"code": code}, {"code": code, "csrf": "forged"}):
        response = await client.post("/login", data=data, allow_redirects=False)
        assert response.status == 403
        assert "页面已过期" in await response.text()
    assert hall[0].codes.code_status(code).state == "fresh"


async def test_answers_without_the_session_csrf_token_store_nothing(
    client: HallClient, hall: HallFixture
) -> None:
    campaign, result = hall
    code = codes_of(result)[0]
    token = await login(client, code)
    unit = campaign.roster.meeting_units()[0].id
    for headers in ({}, {"X-CSRF-Token": "x" + token}):
        response = await client.post(
            "/api/answer", json={"u": unit, "i": "overall", "v": "good"}, headers=headers
        )
        assert response.status == 403
        assert (await response.json())["ok"] is False
    form = {"csrf": "wrong", "u": unit, "a": "overall:good"}
    assert (await client.post("/answer", data=form, allow_redirects=False)).status == 403
    assert (await client.post("/seal", data={"csrf": ""}, allow_redirects=False)).status == 403
    assert campaign.ballots.load_draft(code) is None
    assert campaign.codes.code_status(code).state == "fresh"


async def test_tampered_posts_are_refused_with_one_sentence_and_store_nothing(
    client: HallClient, hall: HallFixture
) -> None:
    campaign, result = hall
    code = codes_of(result)[0]
    token = await login(client, code)
    unit = campaign.roster.meeting_units()[0].id
    headers = {"X-CSRF-Token": token}
    for body in (
        {"u": "U999", "i": "overall", "v": "good"},
        {"u": unit, "i": "no_such_item", "v": "good"},
        {"u": unit, "i": "overall", "v": "excellent"},
        {"u": unit, "i": "overall", "v": 3},
        ["not", "an", "object"],
    ):
        response = await client.post("/api/answer", json=body, headers=headers)
        assert response.status == 400
        data = await response.json()
        assert data["ok"] is False and "未作任何保存" in data["error"]
        assert "Traceback" not in data["error"]
    bad_json = await client.post(
        "/api/answer", data=b"{not json", headers={**headers, "Content-Type": "application/json"}
    )
    assert bad_json.status == 400
    form = await client.post(
        "/answer", data={"csrf": token, "u": unit, "a": "overall:best"}, allow_redirects=False
    )
    assert form.status == 400 and "未作任何保存" in await form.text()
    assert campaign.ballots.load_draft(code) is None


async def test_an_oversized_body_is_refused_before_it_is_read(client: HallClient, hall: HallFixture) -> None:
    campaign, result = hall
    code = codes_of(result)[0]
    token = await login(client, code)
    unit = campaign.roster.meeting_units()[0].id
    huge = "长" * (MAX_BODY * 2)
    response = await client.post(
        "/api/answer", json={"u": unit, "i": "comment", "v": huge}, headers={"X-CSRF-Token": token}
    )
    assert response.status == 413
    assert "过长" in (await response.json())["error"]
    page = await client.post("/answer", data={"csrf": token, "u": unit, "a": "comment:", "text": huge})
    assert page.status == 413 and "过长" in await page.text()
    assert campaign.ballots.load_draft(code) is None


async def test_wrong_codes_are_rate_limited_per_address_and_say_how_long_to_wait(
    client: HallClient, hall: HallFixture
) -> None:
    page = await (await client.get("/")).text()
    token = found(CSRF, page)
    statuses = []
    for _ in range(6):
        response = await client.post("/login", data={"csrf": token, "code": "AAAA-AAAA"})
        statuses.append(response.status)
        text = await response.text()
    assert statuses[:4] == [400] * 4
    assert statuses[5] == 429
    assert re.search(r"请 \d+ 秒后再试", text)
    # Even the right code waits now: guessing cannot continue from this address.
    good = codes_of(hall[1])[0]
    response = await client.post("/login", data={"csrf": token, "code": good}, allow_redirects=False)
    assert response.status == 429


async def test_a_used_code_is_refused(client: HallClient, hall: HallFixture) -> None:
    campaign, result = hall
    code = codes_of(result)[0]
    answers = {
        unit.id: {"overall": level}
        for unit, level in zip(campaign.roster.meeting_units(), ballot_levels(66), strict=False)
    }
    campaign.ballots.seal_ballot(code, "review_ballot", answers)
    page = await (await client.get("/")).text()
    token = found(CSRF, page)
    response = await client.post("/login", data={"csrf": token, "code": code})
    assert response.status == 400
    assert "已经投过票" in await response.text()


async def test_voting_not_open_is_said_on_the_page(client: HallClient, hall: HallFixture) -> None:
    campaign, result = hall
    campaign.meeting.close_voting("admin")
    page = await (await client.get("/")).text()
    assert "现在不在投票时间" in page
    token = found(CSRF, page)
    response = await client.post("/login", data={"csrf": token, "code": codes_of(result)[0]})
    assert response.status == 409 and "现在不在投票时间" in await response.text()


async def test_after_sealing_nothing_of_the_ballot_is_readable_and_no_url_holds_the_code(
    client: HallClient, hall: HallFixture
) -> None:

    campaign, result = hall
    code = codes_of(result)[0]
    token = await login(client, code)
    units = [unit.id for unit in campaign.roster.meeting_units()]
    for unit, level in zip(units, ballot_levels(len(units)), strict=True):
        response = await client.post(
            "/api/answer", json={"u": unit, "i": "overall", "v": level}, headers={"X-CSRF-Token": token}
        )
        assert (await response.json())["saved"] is True
    grid = await (await client.get("/ballot")).text()
    assert code not in grid and code.replace("-", "") not in grid
    for link in re.findall(r'(?:href|action)="([^"]+)"', grid):
        assert code not in link
    sealed = await client.post("/seal", data={"csrf": token}, allow_redirects=False)
    assert sealed.status == 303 and sealed.headers["Location"] == "/thanks"
    assert 'kp_s=""' in sealed.headers.get("Set-Cookie", "") or "Max-Age=0" in sealed.headers.get(
        "Set-Cookie", ""
    )
    assert campaign.codes.code_status(code).state == "used"
    for path in ("/ballot", "/review"):
        again = await client.get(path, allow_redirects=False)
        assert again.status == 303 and again.headers["Location"] == "/"
    thanks = await (await client.get("/thanks")).text()
    assert "好" not in thanks.replace("好的", "")  # no level shown
    late = await client.post(
        "/api/answer", json={"u": units[0], "i": "overall", "v": "good"}, headers={"X-CSRF-Token": token}
    )
    assert late.status == 401
    assert campaign.ballots.ballot_count() == 1
    assert not any(code in line for line in client.lines)


async def test_names_from_the_roster_show_as_text(data_dir: Path) -> None:
    campaign = open_store(data_dir).create_campaign("<b>年度</b>考核", 2026, ["review_ballot"])
    units = [
        replace(SMALL_UNITS[0], name="<script>alert(1)</script>", secretary='"><img src=x>'),
        *SMALL_UNITS[1:],
    ]
    campaign.roster.import_units(units)
    campaign.meeting.open_voting("admin")
    code = campaign.codes.issue_codes("members", 1)[0]
    async with TestClient(TestServer(create_hall_app(campaign), host="127.0.0.1")) as client:
        first = await (await client.get("/")).text()
        assert "<b>年度</b>" not in first and "&lt;b&gt;年度&lt;/b&gt;" in first
        await login(client, code)
        grid = await (await client.get("/ballot")).text()
    assert "<script>alert(1)</script>" not in grid
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in grid
    assert "<img src=x>" not in grid


async def test_the_server_output_has_counts_only(client: HallClient, hall: HallFixture) -> None:
    campaign: CampaignStore = hall[0]
    result: DemoResult = hall[1]
    code = codes_of(result)[0]
    await login(client, code)
    assert client.lines, "the participation line is printed at start"
    assert all(code not in line and "127.0.0.1" not in line for line in client.lines)
    assert campaign.codes.code_status(code).state == "fresh"


async def test_rows_rendered_once_for_the_hall_still_carry_each_persons_own_token_and_answers(
    hall: HallFixture,
) -> None:
    campaign, result = hall
    first_code, second_code = codes_of(result)[:2]
    app = create_hall_app(campaign, "zh")
    unit = campaign.roster.meeting_units()[0].id
    pages = []
    async with (
        TestClient(TestServer(app, host="127.0.0.1")) as first,
        TestClient(TestServer(app, host="127.0.0.1")) as second,
    ):
        first_token = await login(first, first_code)
        second_token = await login(second, second_code)
        answer = {"u": unit, "i": "overall", "v": "good"}
        saved = await first.post("/api/answer", json=answer, headers={"X-CSRF-Token": first_token})
        assert (await saved.json())["saved"] is True
        for client in (first, second):
            pages.append(await (await client.get("/ballot")).text())
    tokens = [set(CSRF.findall(page)) for page in pages]
    assert tokens == [{first_token}, {second_token}]  # every row's form holds its own session's token
    assert "\x00" not in pages[0] + pages[1]
    first_row, second_row = (page.split(f'id="u-{unit}"')[1].split("</form>")[0] for page in pages)
    assert 'aria-pressed="true"' in first_row and 'aria-pressed="true"' not in second_row


def test_the_session_cookie_is_read_by_its_exact_name_from_any_cookie_line() -> None:
    from tui.serve.sessions import SESSION_COOKIE, cookie_value

    assert cookie_value([], SESSION_COOKIE) is None
    assert cookie_value(["theme=dark; kp_s=abc-DEF_1; lang=zh"], SESSION_COOKIE) == "abc-DEF_1"
    assert cookie_value(["xkp_s=wrong; kp_sx=wrong"], SESSION_COOKIE) is None
    assert cookie_value(["kp_n=1", ' kp_s = "quoted" '], SESSION_COOKIE) == "quoted"
    assert cookie_value(["kp_s"], SESSION_COOKIE) is None  # a name without a value
    assert cookie_value(["kp_s=a=b"], SESSION_COOKIE) == "a=b"
