"""The hall page's ballot: live tally and refusal at the cap, early warning, resume on reload and on another
device, plain form posts without JavaScript, the 五力 on request, larger text, review and seal."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from aiohttp.test_utils import TestClient, TestServer
from aiohttp.web import Application, Request

from store.api import CampaignStore
from tests.tui.serve.conftest import GRID_CSRF as GRID
from tests.tui.serve.conftest import HallClient, HallFixture, ballot_levels, codes_of, found, login
from tui.serve.app import create_hall_app


def pressed(grid: str, unit: str) -> list[str]:
    """The levels shown as chosen in one unit's row."""
    row = re.search(rf'id="u-{unit}".*?</form>', grid, re.S)
    assert row is not None
    return re.findall(r'value="([a-z_]+:[a-z_]+)"[^>]*aria-pressed="true"', row.group(0))


async def answer(
    client: TestClient[Request, Application], token: str, unit: str, level: str, item: str = "overall"
) -> dict[str, Any]:
    response = await client.post(
        "/api/answer", json={"u": unit, "i": item, "v": level}, headers={"X-CSRF-Token": token}
    )
    assert response.status == 200, await response.text()
    reply: dict[str, Any] = await response.json()
    return reply


async def test_the_twentieth_good_is_refused_at_once_with_the_reason(
    client: HallClient, hall: HallFixture
) -> None:
    campaign, result = hall
    code = codes_of(result)[0]
    token = await login(client, code)
    units = [unit.id for unit in campaign.roster.meeting_units()]
    grid = await (await client.get("/ballot")).text()
    assert "好 0 / 上限 19" in grid
    for unit in units[:19]:
        data = await answer(client, token, unit, "good")
        assert data["saved"]
    assert data["tallies"] == [{"text": "好 19 / 上限 19", "full": True}]
    refused = await answer(client, token, units[19], "good")
    assert refused["saved"] is False
    assert "超过参评单位总数的30%" in refused["refused"] and "19" in refused["refused"]
    draft = campaign.ballots.load_draft(code)
    assert draft is not None
    assert units[19] not in draft.answers or "overall" not in draft.answers[units[19]]
    # Another level for the same unit is fine, and changing a 好 away frees a place.
    assert (await answer(client, token, units[19], "fairly_good"))["saved"]
    assert (await answer(client, token, units[0], "average"))["saved"]
    assert (await answer(client, token, units[19], "good"))["saved"]


async def test_all_the_same_so_far_is_warned_early(client: HallClient, hall: HallFixture) -> None:
    campaign, result = hall
    token = await login(client, codes_of(result)[0])
    units = [unit.id for unit in campaign.roster.meeting_units()]
    for unit in units[:4]:
        data = await answer(client, token, unit, "fairly_good")
    assert data["warnings"] == []
    data = await answer(client, token, units[4], "fairly_good")
    assert any("完全相同" in text for text in data["warnings"])
    data = await answer(client, token, units[5], "average")
    assert data["warnings"] == []


async def test_a_reload_and_another_device_resume_the_draft(client: HallClient, hall: HallFixture) -> None:
    campaign, result = hall
    code = codes_of(result)[0]
    token = await login(client, code)
    units = [unit.id for unit in campaign.roster.meeting_units()]
    for unit, level in zip(units[:33], ballot_levels(66), strict=False):
        await answer(client, token, unit, level)
    grid = await (await client.get("/ballot")).text()
    assert pressed(grid, units[0]) == ["overall:good"]
    assert pressed(grid, units[40]) == []
    assert "已评 33 / 66 个单位" in grid
    async with TestClient(TestServer(create_hall_app(campaign), host="127.0.0.1")) as phone:
        await login(phone, code.lower().replace("-", " "))
        other = await (await phone.get("/ballot")).text()
    assert pressed(other, units[0]) == ["overall:good"] and "已评 33 / 66 个单位" in other


async def test_plain_form_posts_work_without_javascript(client: HallClient, hall: HallFixture) -> None:
    campaign, result = hall
    code = codes_of(result)[0]
    token = await login(client, code)
    units = [unit.id for unit in campaign.roster.meeting_units()]
    for unit in units[:19]:
        await answer(client, token, unit, "good")
    response = await client.post(
        "/answer", data={"csrf": token, "u": units[20], "a": "overall:average"}, allow_redirects=False
    )
    assert response.status == 303 and response.headers["Location"] == f"/ballot#u-{units[20]}"
    refused = await client.post("/answer", data={"csrf": token, "u": units[21], "a": "overall:good"})
    page = await refused.text()
    assert "这一项没有保存" in page
    comment = await client.post(
        "/answer", data={"csrf": token, "u": units[1], "a": "comment:", "text": "  学习扎实，<b>好</b>  "}
    )
    assert comment.status == 200
    draft = campaign.ballots.load_draft(code)
    assert draft is not None
    assert draft.answers[units[20]]["overall"] == "average"
    assert "overall" not in draft.answers.get(units[21], {})
    assert draft.answers[units[1]]["comment"] == "学习扎实，<b>好</b>"
    grid = await (await client.get("/ballot")).text()
    assert "学习扎实，&lt;b&gt;好&lt;/b&gt;" in grid


async def test_the_dimensions_are_offered_on_request_and_not_required(
    client: HallClient, hall: HallFixture
) -> None:
    campaign, result = hall
    token = await login(client, codes_of(result)[0])
    units = [unit.id for unit in campaign.roster.meeting_units()]
    grid = await (await client.get("/ballot")).text()
    assert "<details><summary>“五力”分项评价（选填）" in grid
    assert (await answer(client, token, units[0], "good", item="execution"))["saved"]
    grid = await (await client.get("/ballot")).text()
    assert pressed(grid, units[0]) == ["execution:good"]
    for unit, level in zip(units, ballot_levels(66), strict=True):
        data = await answer(client, token, unit, level)
    assert data["missing"] == 0


async def test_larger_text_is_remembered_until_sealed(client: HallClient, hall: HallFixture) -> None:
    _campaign, result = hall
    token = await login(client, codes_of(result)[0])
    response = await client.post("/larger", data={"csrf": token}, allow_redirects=False)
    assert response.status == 303
    assert 'class="larger p-ballot"' in await (await client.get("/ballot")).text()
    assert 'class="larger p-review"' in await (await client.get("/review")).text()
    data = await (await client.post("/api/larger", headers={"X-CSRF-Token": token})).json()
    assert data["larger"] is False


async def test_review_shows_what_is_missing_then_the_verdict_and_seals(
    client: HallClient, hall: HallFixture
) -> None:
    campaign: CampaignStore = hall[0]
    code = codes_of(hall[1])[0]
    token = await login(client, code)
    units = [unit.id for unit in campaign.roster.meeting_units()]
    for unit in units[:60]:
        await answer(client, token, unit, "fairly_good")
    review = await (await client.get("/review")).text()
    assert "还有 6 项没有评价" in review and 'id="seal"' not in review
    early = await client.post("/seal", data={"csrf": token})
    assert early.status == 400 and "没有封存" in await early.text()
    for unit in units[60:]:
        await answer(client, token, unit, "fairly_good")
    review = await (await client.get("/review")).text()
    assert "✗ 所有单位的总体评价完全相同" in review and "将作为无效票" in review
    await answer(client, token, units[0], "good")
    review = await (await client.get("/review")).text()
    assert "本票符合测评规则" in review and 'id="seal"' in review
    sealed = await client.post("/seal", data={"csrf": token})
    assert "测评票已封存" in await sealed.text()
    ballots = list(campaign.ballots.sealed_ballots("review_ballot"))
    assert len(ballots) == 1 and ballots[0].valid
    assert ballots[0].answers[units[0]] == {"overall": "good"}


async def test_the_page_speaks_english_with_lang_en(hall: HallFixture) -> None:
    from tui.i18n import set_language

    set_language("en")
    async with TestClient(TestServer(create_hall_app(hall[0], "en"), host="127.0.0.1")) as client:
        first = await (await client.get("/")).text()
        assert 'lang="en"' in first and "Ballot code (on your slip)" in first
        token = await login(client, codes_of(hall[1])[0])
        grid = await (await client.get("/ballot")).text()
        assert "Good 0 / limit 19" in grid and ">Fairly good</button>" in grid
        data = await answer(client, token, hall[0].roster.meeting_units()[0].id, "good")
        assert data["progress"] == "1 of 66 units rated"


async def test_a_slip_url_never_shows_the_last_persons_ballot(client: HallClient, hall: HallFixture) -> None:
    campaign, result = hall
    first, second = codes_of(result)[:2]
    token = await login(client, first)
    unit = campaign.roster.meeting_units()[0].id
    await answer(client, token, unit, "poor")
    slip = await client.get(f"/v/{second}", allow_redirects=False)
    assert slip.status == 200 and 'value="poor"' not in await slip.text()
    await login(client, second)  # the same browser, the next evaluator
    grid = await (await client.get("/ballot")).text()
    assert pressed(grid, unit) == []
    # Leaving keeps the draft and forgets the code in this browser.
    token = found(GRID, grid)
    left = await client.post("/leave", data={"csrf": token}, allow_redirects=False)
    assert left.status == 303 and left.headers["Location"] == "/"
    assert (await client.get("/ballot", allow_redirects=False)).status == 303
    kept = campaign.ballots.load_draft(first)
    assert kept is not None and kept.answers[unit] == {"overall": "poor"}


def test_an_idle_session_ends() -> None:
    from tui.serve.sessions import IDLE_SECONDS, Sessions

    now = [1000.0]
    sessions = Sessions(clock=lambda: now[0])
    session = sessions.open("ABCD-EFGH", "members")
    now[0] += IDLE_SECONDS - 1
    assert sessions.get(session.token) is session
    now[0] += IDLE_SECONDS + 1
    assert sessions.get(session.token) is None


async def test_the_dimensions_follow_the_campaign_rules(data_dir: Path) -> None:

    from forms.rules import builtin_rules_text
    from store.api import open_store
    from tests.store.store_helpers import SMALL_UNITS

    for mode in ("required", "off"):
        rules = builtin_rules_text().replace('dimensions = "optional"', f'dimensions = "{mode}"')
        store = open_store(data_dir / mode)
        campaign = store.create_campaign("2026年度测试考核", 2026, ["review_ballot"], rules_text=rules)
        campaign.roster.import_units(SMALL_UNITS)
        campaign.meeting.open_voting("admin")
        code = campaign.codes.issue_codes("members", 1)[0]
        async with TestClient(TestServer(create_hall_app(campaign), host="127.0.0.1")) as client:
            token = await login(client, code)
            grid = await (await client.get("/ballot")).text()
            units = [unit.id for unit in campaign.roster.meeting_units()]
            data = await answer(client, token, units[0], "good")
            if mode == "required":
                assert "<details open><summary>“五力”分项评价（必填）" in grid
                assert data["missing"] == 10 * 6 - 1
                assert (await answer(client, token, units[0], "good", item="service"))["missing"] == 58
            else:
                assert "五力" not in grid and "<summary>意见建议（选填）" in grid
                assert data["missing"] == 9
                bad = await client.post(
                    "/api/answer",
                    json={"u": units[0], "i": "service", "v": "good"},
                    headers={"X-CSRF-Token": token},
                )
                assert bad.status == 400
