"""`create_hall_app`: the aiohttp application of `kaoping serve`, one factory for command, tests, bench.

Why aiohttp: one small dependency gives both an async HTTP server that holds a whole hall (hundreds of
phones) in one process and the HTTP client the load test and the `hall` bench drive it with; no ASGI
server, no template engine. The store is synchronous and takes a cross-process lock, so every store call
runs on one worker thread: calls queue in arrival order and never block the event loop.
"""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any

from aiohttp import web

from tui.serve.ballot import HallService
from tui.serve.handlers import HALL, Hall, add_routes
from tui.serve.participation import ParticipationPrinter
from tui.serve.security import MAX_BODY, guard

if TYPE_CHECKING:
    from store.api import CampaignStore


def create_hall_app(
    campaign: CampaignStore, lang: str = "zh", *, echo: Callable[[str], None] | None = None
) -> web.Application:
    """The hall's web application on `campaign`; `echo` (when given) receives the live participation lines."""
    from tui.meeting.backend import MeetingBackend

    service = HallService(MeetingBackend(campaign, lang))
    executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kaoping-store")

    async def run(call: Callable[[], Any]) -> Any:
        return await asyncio.get_running_loop().run_in_executor(executor, call)

    app = web.Application(middlewares=[guard], client_max_size=MAX_BODY)
    hall = Hall(service, run)
    app[HALL] = hall
    add_routes(app)
    printer = ParticipationPrinter(hall, echo) if echo is not None else None

    async def start(app: web.Application) -> None:
        if printer is not None:
            printer.start()

    async def stop(app: web.Application) -> None:
        if printer is not None:
            await printer.stop()
        executor.shutdown(wait=True)

    app.on_startup.append(start)
    app.on_cleanup.append(stop)
    return app


async def start_site(app: web.Application, host: str, port: int) -> tuple[web.AppRunner, int]:
    """Serve `app` on host:port (0: any free port) without an access log; the runner and the port bound."""
    # No access log: a line per request would link an address and a time to a code's session.
    runner = web.AppRunner(app, access_log=None, handle_signals=False)
    await runner.setup()
    site = web.TCPSite(runner, host, port)
    await site.start()
    bound = port
    for address in runner.addresses:
        if isinstance(address, tuple) and len(address) >= 2:
            bound = int(address[1])
            break
    return runner, bound


def machine_addresses() -> list[str]:
    """This machine's IPv4 addresses other than loopback, for the slips when serving on 0.0.0.0."""
    found: list[str] = []
    try:
        for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET):
            found.append(str(info[4][0]))
    except OSError:
        pass
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("10.255.255.255", 1))  # no packet is sent: it only picks the outgoing interface
        found.append(str(probe.getsockname()[0]))
    except OSError:
        pass
    finally:
        probe.close()
    return [address for address in dict.fromkeys(found) if not address.startswith("127.")]
