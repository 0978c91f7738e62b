"""`TapBatcher`: the answer taps that arrive while the store thread is busy go to it together, in one trip."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence
from functools import partial
from typing import Any, Generic, TypeVar

Tap = TypeVar("Tap")
Result = TypeVar("Result")

MAX_BATCH = 32
"""The most taps one trip carries: a tap's answer never waits behind more than this many others' saves
of the same trip (the rest go in the next one, in arrival order)."""


class TapBatcher(Generic[Tap, Result]):
    """Group commit for the hall's answer taps.

    Under a full hall every tap used to be its own trip to the store's one worker thread: a thread
    hand-off, a wake-up of the event loop and a hold of the directory lock per tap, each of which
    queues behind the event loop for the GIL. Here the taps waiting when the worker is free travel
    together; `process` handles them in order (one lock hold) and returns one result or exception per
    tap, so one bad tap never fails the others.
    """

    def __init__(
        self,
        run: Callable[[Callable[[], Any]], Awaitable[Any]],
        process: Callable[[Sequence[Tap]], list[Result | BaseException]],
    ) -> None:
        self._run = run
        self._process = process
        self._waiting: list[tuple[Tap, asyncio.Future[Result]]] = []
        self._draining: asyncio.Task[None] | None = None

    async def submit(self, tap: Tap) -> Result:
        """The result of one tap, after it was saved (or refused) in arrival order."""
        future: asyncio.Future[Result] = asyncio.get_running_loop().create_future()
        self._waiting.append((tap, future))
        if self._draining is None or self._draining.done():
            self._draining = asyncio.create_task(self._drain())
        return await future

    async def _drain(self) -> None:
        while self._waiting:
            batch, self._waiting = self._waiting[:MAX_BATCH], self._waiting[MAX_BATCH:]
            try:
                results: list[Result | BaseException] = await self._run(
                    partial(self._process, [tap for tap, _ in batch])
                )
            except Exception as error:  # the whole trip failed (e.g. the lock): every tap hears why
                results = [error] * len(batch)
            for (_, future), result in zip(batch, results, strict=True):
                if future.done():
                    continue  # the client went away; nobody waits for this one
                if isinstance(result, BaseException):
                    future.set_exception(result)
                else:
                    future.set_result(result)
