"""The hall's routes: code, grid, answers (form posts and fetch), larger text, review, seal, thanks."""

from __future__ import annotations

import asyncio
import json
import secrets
from collections.abc import Callable
from functools import partial
from importlib import resources
from typing import Any, TypeVar

from aiohttp import web

from forms.errors import InputError
from tui.i18n import error_text, t
from tui.meeting.model import CodeState
from tui.serve import pages
from tui.serve.ballot import BallotStatus, HallService, Outcome, Tap
from tui.serve.batching import TapBatcher
from tui.serve.security import csrf_ok, failure
from tui.serve.sessions import (
    NONCE_COOKIE,
    SESSION_COOKIE,
    Session,
    Sessions,
    WrongCodeLimit,
    cookie_value,
)

T = TypeVar("T")


class Hall:
    """The running page's state: the ballot service, sessions, wrong-code limit, store thread."""

    def __init__(self, service: HallService, run: Callable[..., Any]) -> None:
        self.service = service
        self.sessions = Sessions()
        self.limit = WrongCodeLimit()
        self._run = run  # runs a blocking store call on the store's one worker thread
        # Answer taps are answered on the event loop when the store is free, and otherwise travel to that
        # thread together when they arrive together (group commit).
        self.taps: TapBatcher[Tap, Outcome | CodeState] = TapBatcher(
            run, service.answer_many, service.answer_if_free
        )
        # Seals and reviews (several durable writes, the ballot rules) take the thread one at a time, so
        # when a whole hall seals at once the others still tapping wait behind one seal, not a hundred.
        self._slow = asyncio.Semaphore(1)

    async def store(self, function: Callable[..., T], *args: Any) -> T:
        result: T = await self._run(partial(function, *args))
        return result

    async def store_slow(self, function: Callable[..., T], *args: Any) -> T:
        """`store` for a long call (seal, review): at most one of them queues on the store's thread."""
        async with self._slow:
            return await self.store(function, *args)


HALL = web.AppKey("hall", Hall)
STATIC = ("hall.js", "hall.css")
STATIC_TYPES = {"js": "text/javascript", "css": "text/css"}


def html(text: str, status: int = 200) -> web.Response:
    response = web.Response(text=text, status=status, content_type="text/html", charset="utf-8")
    response.enable_compression()  # a 66-unit grid shrinks about tenfold for 200 phones on one Wi-Fi
    return response


def redirect(location: str) -> web.Response:
    return web.Response(status=303, headers={"Location": location})


def set_cookie(response: web.StreamResponse, name: str, value: str) -> None:
    response.set_cookie(name, value, httponly=True, samesite="Strict", path="/")


def cookie(request: web.Request, name: str) -> str | None:
    return cookie_value(request.headers.getall("Cookie", []), name)


def current(request: web.Request) -> Session | None:
    return request.app[HALL].sessions.get(cookie(request, SESSION_COOKIE))


# -- the code --------------------------------------------------------------------------------------


async def login_form(
    request: web.Request, code: str = "", message: str = "", status: int = 200
) -> web.Response:
    hall = request.app[HALL]
    if current(request) is not None and not message and not code:
        return redirect("/ballot")  # a slip's URL always asks for its own code: never the last one's ballot
    nonce = cookie(request, NONCE_COOKIE) or secrets.token_urlsafe(24)
    voting_open = await hall.store(hall.service.voting_open)
    backend = hall.service.backend
    text = pages.login_page(
        backend.meeting_name,
        backend.campaign_name,
        hall.sessions.login_token(nonce),
        code=code,
        message=message,
        voting_open=voting_open,
    )
    response = html(text, status)
    set_cookie(response, NONCE_COOKIE, nonce)
    return response


async def index(request: web.Request) -> web.Response:
    return await login_form(request, code=request.query.get("c", "")[:40])


async def slip(request: web.Request) -> web.Response:
    return await login_form(request, code=request.match_info.get("code", "")[:40])


async def login(request: web.Request) -> web.Response:
    hall = request.app[HALL]
    form = await request.post()
    if not hall.sessions.login_token_ok(cookie(request, NONCE_COOKIE), _field(form, "csrf")):
        return failure(request, 403, t("serve.error.csrf"))
    address = request.remote or "?"
    wait = hall.limit.wait(address)
    if wait:
        return await login_form(request, message=t("serve.login.wait", seconds=wait), status=429)
    state, code, group = await hall.store(hall.service.login, _field(form, "code")[:40])
    if state in (CodeState.FRESH, CodeState.DRAFT):
        hall.sessions.end(cookie(request, SESSION_COOKIE))
        session = hall.sessions.open(code, group)
        response = redirect("/ballot")
        set_cookie(response, SESSION_COOKIE, session.token)
        return response
    if state == CodeState.CLOSED:
        return await login_form(request, message=t("serve.login.closed"), status=409)
    hall.limit.failed(address)
    key = "serve.login.used" if state == CodeState.USED else "serve.login.unknown"
    wait = hall.limit.wait(address)
    message = t(key) + (" " + t("serve.login.wait", seconds=wait) if wait else "")
    return await login_form(request, message=message, status=400)


def _field(form: Any, name: str) -> str:
    value = form.get(name, "")
    return value if isinstance(value, str) else ""


# -- the ballot ------------------------------------------------------------------------------------


async def _usable(request: web.Request) -> Session | web.Response:
    """The session of a code that may still vote, or the page to show instead (and the session ended)."""
    hall = request.app[HALL]
    session = current(request)
    if session is None:
        if request.path.startswith("/api/"):
            return failure(request, 401, t("serve.error.no_session"))
        return redirect("/")
    state = await hall.store(hall.service.still_usable, session.code)
    if state == CodeState.DRAFT:
        return session
    return _no_longer(request, session, state)


async def _usable_post(request: web.Request) -> tuple[Session, Any] | web.Response:
    """A plain form post of a usable session with its CSRF token checked: the session and the form, or
    the page to show instead."""
    found = await _usable(request)
    if isinstance(found, web.Response):
        return found
    form = await request.post()
    if not csrf_ok(found.csrf, _field(form, "csrf")):
        return failure(request, 403, t("serve.error.csrf"))
    return found, form


def _no_longer(request: web.Request, session: Session, state: CodeState) -> web.Response:
    """The page for a session whose code may not vote now (voting closed, or sealed on another device)."""
    hall = request.app[HALL]
    if state == CodeState.USED:
        hall.sessions.forget_code(session.code)
    key = {CodeState.CLOSED: "serve.login.closed", CodeState.USED: "serve.login.used"}.get(
        state, "serve.login.unknown"
    )
    return failure(request, 409, t(key))


async def ballot(request: web.Request) -> web.Response:
    hall = request.app[HALL]
    session = await _usable(request)
    if isinstance(session, web.Response):
        return session
    state = await hall.store(hall.service.state, session.code)
    message, session.flash = session.flash, ""
    return html(
        pages.ballot_page(hall.service, state, session.csrf, larger=session.larger_text, message=message)
    )


def _state_json(service: HallService, state: BallotStatus) -> dict[str, Any]:
    return {
        "tallies": [
            {"text": t("serve.tally", label=x.label, count=x.count, limit=x.limit), "full": x.full}
            for x in state.tallies
        ],
        "warnings": list(state.warnings),
        "missing": state.missing,
        "progress": t("serve.progress", done=state.answered_units, total=len(service.units)),
    }


async def answer_form(request: web.Request) -> web.Response:
    """A tap without JavaScript: the pressed button says item:level; back to the row afterwards."""
    hall = request.app[HALL]
    posted = await _usable_post(request)
    if isinstance(posted, web.Response):
        return posted
    session, form = posted
    unit_id = _field(form, "u")
    item_id, _, value = _field(form, "a").partition(":")
    question = hall.service.by_id.get(item_id)
    if question is not None and question.kind == "text":
        value = _field(form, "text")
    try:
        outcome = await hall.store(hall.service.answer, session.code, unit_id, item_id, value)
    except InputError as error:
        if error.key != "serve.error.comment_long":
            raise
        session.flash = error_text(error)
    else:
        session.flash = outcome.refused
    anchor = f"#u-{unit_id}" if unit_id in hall.service.in_ballot else ""
    return redirect("/ballot" + anchor)


async def answer_api(request: web.Request) -> web.Response:
    """A tap with JavaScript: JSON in and out, the CSRF token in a header."""
    hall = request.app[HALL]
    session = current(request)
    if session is None:
        return failure(request, 401, t("serve.error.no_session"))
    if not csrf_ok(session.csrf, request.headers.get("X-CSRF-Token")):
        return failure(request, 403, t("serve.error.csrf"))
    try:
        body = json.loads(await request.read())
    except ValueError:
        raise InputError("serve.error.tampered") from None
    if not isinstance(body, dict) or not all(isinstance(body.get(key), str) for key in ("u", "i", "v")):
        raise InputError("serve.error.tampered")
    # One trip to the store's thread for the check and the save, shared with the taps that arrived
    # meanwhile: under a full hall every trip queues.
    outcome = await hall.taps.submit(Tap(session.code, body["u"], body["i"], body["v"]))
    if isinstance(outcome, CodeState):
        return _no_longer(request, session, outcome)
    data = _state_json(hall.service, outcome.status)
    data.update(ok=True, saved=outcome.saved, refused=outcome.refused)
    return web.json_response(data)


async def larger(request: web.Request) -> web.Response:
    session = current(request)
    if session is None:
        return (
            failure(request, 401, t("serve.error.no_session"))
            if request.path.startswith("/api/")
            else redirect("/")
        )
    if request.path.startswith("/api/"):
        token = request.headers.get("X-CSRF-Token")
    else:
        token = _field(await request.post(), "csrf")
    if not csrf_ok(session.csrf, token):
        return failure(request, 403, t("serve.error.csrf"))
    session.larger_text = not session.larger_text
    if request.path.startswith("/api/"):
        return web.json_response({"ok": True, "larger": session.larger_text})
    return redirect("/ballot")


# -- review, seal, thanks --------------------------------------------------------------------------


async def review(request: web.Request) -> web.Response:
    hall = request.app[HALL]
    session = await _usable(request)
    if isinstance(session, web.Response):
        return session
    result = await hall.store_slow(hall.service.review, session.code, session.rater_group)
    return html(pages.review_page(hall.service, result, session.csrf, larger=session.larger_text))


async def seal(request: web.Request) -> web.Response:
    hall = request.app[HALL]
    posted = await _usable_post(request)
    if isinstance(posted, web.Response):
        return posted
    session, _form = posted
    await hall.store_slow(hall.service.seal, session.code, session.rater_group)
    hall.sessions.forget_code(session.code)
    response = redirect("/thanks")
    response.del_cookie(SESSION_COOKIE, path="/")
    return response


async def leave(request: web.Request) -> web.Response:
    """Stop here without sealing: the draft stays in the store, this browser forgets the code."""
    session = current(request)
    if session is not None:
        if not csrf_ok(session.csrf, _field(await request.post(), "csrf")):
            return failure(request, 403, t("serve.error.csrf"))
        request.app[HALL].sessions.end(session.token)
    response = redirect("/")
    response.del_cookie(SESSION_COOKIE, path="/")
    return response


async def thanks(request: web.Request) -> web.Response:
    return html(pages.thanks_page())


async def static(request: web.Request) -> web.Response:
    name = request.match_info.get("name", "")
    if name not in STATIC:
        raise web.HTTPNotFound()
    text = (resources.files("tui.serve") / "static" / name).read_text(encoding="utf-8")
    return web.Response(text=text, content_type=STATIC_TYPES[name.rsplit(".", 1)[1]], charset="utf-8")


def add_routes(app: web.Application) -> None:
    app.router.add_get("/", index)
    app.router.add_get("/v/{code}", slip)
    app.router.add_post("/login", login)
    app.router.add_get("/ballot", ballot)
    app.router.add_post("/answer", answer_form)
    app.router.add_post("/api/answer", answer_api)
    app.router.add_post("/larger", larger)
    app.router.add_post("/api/larger", larger)
    app.router.add_get("/review", review)
    app.router.add_post("/seal", seal)
    app.router.add_post("/leave", leave)
    app.router.add_get("/thanks", thanks)
    app.router.add_get("/static/{name}", static)
