"""`TapBatcher`: the answer taps that arrive while the store thread is busy go to it together, in one trip."""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Awaitable, Callable, Sequence
from functools import partial
from typing import Any, Generic, TypeVar

Tap = TypeVar("Tap")
Result = TypeVar("Result")

MAX_BATCH = 32
"""The most taps one trip carries (the rest go in the next one, in arrival order)."""

Done = Callable[[int, Any], None]
"""Called on the store's thread as each tap of a trip is finished: its index and its result or error."""


class TapBatcher(Generic[Tap, Result]):
    """Group commit for the hall's answer taps.

    Under a full hall every tap used to be its own trip to the store's one worker thread: a thread
    hand-off, a wake-up of the event loop and a hold of the directory lock per tap, each of which
    queues behind the event loop for the GIL. Here the taps waiting when the worker is free travel
    together; `process` handles them in order (one lock hold) and reports one result or exception per
    tap as soon as that tap is done (so a tap never waits for the saves after it in its trip), and one
    bad tap never fails the others.

    Cheaper still is no trip at all: with `process_now`, a tap that finds nothing queued is answered at
    once on the event loop when the store is free (it returns None when not, and the tap queues). A tap
    is about 0.1 ms of small unflushed writes; the trip cost more than that in hand-offs of the GIL.
    """

    def __init__(
        self,
        run: Callable[[Callable[[], Any]], Awaitable[Any]],
        process: Callable[[Sequence[Tap], Done], object],
        process_now: Callable[[Sequence[Tap]], Sequence[Any] | None] | None = None,
    ) -> None:
        self._run = run
        self._process = process
        self._process_now = process_now
        self._waiting: list[tuple[Tap, asyncio.Future[Result]]] = []
        self._draining: asyncio.Task[None] | None = None
        # Results finished on the store's thread, waiting for the event loop to hand them out.
        self._finished: deque[tuple[asyncio.Future[Result], Any]] = deque()
        self._wake_scheduled = False

    async def submit(self, tap: Tap) -> Result:
        """The result of one tap, after it was saved (or refused) in arrival order."""
        if self._process_now is not None and not self._waiting and not self._busy():
            # Nothing queued before it: answered here and now if the store is free (no thread hand-off).
            results = self._process_now([tap])
            if results is not None:
                result = results[0]
                if isinstance(result, BaseException):
                    raise result
                answer: Result = result
                return answer
        future: asyncio.Future[Result] = asyncio.get_running_loop().create_future()
        self._waiting.append((tap, future))
        if not self._busy():
            self._draining = asyncio.create_task(self._drain())
        return await future

    def _busy(self) -> bool:
        """Whether a trip to the store's thread is under way (taps queue behind it, in order)."""
        return self._draining is not None and not self._draining.done()

    async def _drain(self) -> None:
        loop = asyncio.get_running_loop()
        while self._waiting:
            batch, self._waiting = self._waiting[:MAX_BATCH], self._waiting[MAX_BATCH:]
            futures = [future for _, future in batch]

            def done(index: int, result: Any, futures: list[asyncio.Future[Result]] = futures) -> None:
                self._finished.append((futures[index], result))
                # One wake-up of the event loop for the results finished while it was busy, not one each:
                # every wake-up is a write to the loop's self-pipe and a turn of the loop.
                if not self._wake_scheduled:
                    self._wake_scheduled = True
                    loop.call_soon_threadsafe(self._hand_out)

            try:
                await self._run(partial(self._process, [tap for tap, _ in batch], done))
            except Exception as error:  # the whole trip failed (e.g. the lock): every tap left hears why
                self._hand_out()  # those finished before the failure keep their own results
                for future in futures:
                    _settle(future, error)

    def _hand_out(self) -> None:
        """On the event loop: settle every tap finished so far (a later one schedules another call)."""
        self._wake_scheduled = False  # first: a result appended from here on schedules its own hand-out
        while self._finished:
            future, result = self._finished.popleft()
            _settle(future, result)


def _settle(future: asyncio.Future[Any], result: Any) -> None:
    if future.done():
        return  # already settled, or the client went away and nobody waits for it
    if isinstance(result, BaseException):
        future.set_exception(result)
    else:
        future.set_result(result)
