"""The hall page's guards: security headers and no-store on every response, a small body limit, CSRF checks,
and one clear page (or JSON error) for every failure, never a traceback."""

from __future__ import annotations

import hmac
import sys
from collections.abc import Awaitable, Callable

from aiohttp import web

from forms.errors import KaopingError
from tui.i18n import error_text, t
from tui.serve.pages import problem_page

MAX_BODY = 4096
"""The largest request body accepted: one answer or one comment of 200 characters fits many times over."""

HEADERS = {
    # Nothing of a ballot may stay in a cache or the history: back and reload always ask the server again.
    "Cache-Control": "no-store, max-age=0",
    "Pragma": "no-cache",
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
        "frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}

STATUS_TEXT = {
    400: "serve.error.bad_request",
    403: "serve.error.csrf",
    404: "serve.error.not_found",
    405: "serve.error.bad_request",
    413: "serve.error.too_large",
    429: "serve.error.rate",
}

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def is_api(request: web.Request) -> bool:
    return request.path.startswith("/api/")


def failure(request: web.Request, status: int, message: str) -> web.Response:
    """One sentence for the person: a page, or JSON for the page's own fetch calls."""
    if is_api(request):
        return web.json_response({"ok": False, "error": message}, status=status)
    return web.Response(text=problem_page(message), status=status, content_type="text/html", charset="utf-8")


def csrf_ok(expected: str, given: str | None) -> bool:
    return bool(given) and hmac.compare_digest(expected.encode(), (given or "").encode())


@web.middleware
async def guard(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Refuse oversized bodies before reading them, turn every failure into one sentence, add the headers."""
    response: web.StreamResponse
    if request.content_length is not None and request.content_length > MAX_BODY:
        response = failure(request, 413, t("serve.error.too_large"))
    else:
        try:
            response = await handler(request)
        except web.HTTPRedirection as redirect:
            location = redirect.headers.get("Location", "/")
            response = web.Response(status=redirect.status, headers={"Location": location})
        except web.HTTPException as error:
            response = failure(
                request, error.status, t(STATUS_TEXT.get(error.status, "serve.error.bad_request"))
            )
        except KaopingError as error:
            response = failure(request, 400 if error.exit_code == 2 else 409, error_text(error))
        except Exception as error:
            print(t("serve.log.unexpected", kind=type(error).__name__), file=sys.stderr)
            response = failure(request, 500, t("serve.error.unexpected"))
    response.headers.update(HEADERS)
    return response
