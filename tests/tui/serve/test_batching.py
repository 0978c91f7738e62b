"""Answer taps that arrive together travel to the store thread together; each gets its own result."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from typing import Any

from forms.errors import InputError
from store.api import CampaignStore
from store.demo import DemoResult
from tests.store.store_helpers import locked_by_another_thread
from tui.meeting.backend import MeetingBackend
from tui.meeting.model import CodeState
from tui.serve.ballot import HallService, Outcome, Tap
from tui.serve.batching import MAX_BATCH, TapBatcher

from .conftest import codes_of


async def test_taps_that_arrive_while_the_worker_is_busy_share_one_trip_in_arrival_order() -> None:
    trips: list[list[int]] = []
    gate = asyncio.Event()

    async def run(call: Callable[[], Any]) -> Any:
        await gate.wait()  # the store thread is busy until the test lets it go
        return call()

    def process(taps: Sequence[int], done: Callable[[int, Any], None]) -> None:
        trips.append(list(taps))
        for index, tap in enumerate(taps):
            done(index, ValueError(f"坏 {tap}") if tap == 3 else tap * 10)

    batcher: TapBatcher[int, int] = TapBatcher(run, process)
    waiting = [asyncio.ensure_future(batcher.submit(tap)) for tap in range(MAX_BATCH + 5)]
    while not batcher._waiting:  # wait for the taps to be queued, not for a time
        await asyncio.sleep(0)
    gate.set()
    results = await asyncio.gather(*waiting, return_exceptions=True)
    assert trips == [list(range(MAX_BATCH)), list(range(MAX_BATCH, MAX_BATCH + 5))]
    assert str(results[3]) == "坏 3"  # one bad tap fails alone
    assert [r for i, r in enumerate(results) if i != 3] == [i * 10 for i in range(MAX_BATCH + 5) if i != 3]


async def test_each_tap_hears_its_result_as_soon_as_it_is_saved_not_at_the_end_of_its_trip() -> None:
    heard: list[int] = []
    before_second: list[int] = []
    loop = asyncio.get_running_loop()

    async def run(call: Callable[[], Any]) -> Any:
        return await loop.run_in_executor(None, call)

    def process(taps: Sequence[int], done: Callable[[int, Any], None]) -> None:
        done(0, taps[0])
        # the first tap's client has its answer while the second tap is still being saved (a bounded
        # wait for that condition: with answers given at the end of the trip it never comes)
        for _ in range(1000):
            if heard:
                break
            asyncio.run_coroutine_threadsafe(asyncio.sleep(0), loop).result()
        before_second.extend(heard)
        done(1, taps[1])

    batcher: TapBatcher[int, int] = TapBatcher(run, process)

    async def tap(value: int) -> None:
        heard.append(await batcher.submit(value))

    await asyncio.gather(tap(1), tap(2))
    assert before_second == [1]
    assert heard == [1, 2]


async def test_a_failed_trip_tells_every_tap_of_it() -> None:
    async def run(call: Callable[[], Any]) -> Any:
        raise InputError("store.locked_out")

    batcher: TapBatcher[int, int] = TapBatcher(run, lambda taps, done: None)
    results = await asyncio.gather(batcher.submit(1), batcher.submit(2), return_exceptions=True)
    assert all(isinstance(r, InputError) for r in results)


async def test_a_trip_failing_half_way_keeps_the_results_given_before_the_failure() -> None:
    loop = asyncio.get_running_loop()

    async def run(call: Callable[[], Any]) -> Any:
        return await loop.run_in_executor(None, call)

    def process(taps: Sequence[int], done: Callable[[int, Any], None]) -> None:
        done(0, taps[0] * 10)
        raise InputError("store.locked_out")

    batcher: TapBatcher[int, int] = TapBatcher(run, process)
    results = await asyncio.gather(batcher.submit(1), batcher.submit(2), return_exceptions=True)
    assert results[0] == 10
    assert isinstance(results[1], InputError)


def test_one_trip_saves_good_taps_and_refuses_the_others_each_with_its_reason(
    hall: tuple[CampaignStore, DemoResult],
) -> None:
    campaign, demo = hall
    service = HallService(MeetingBackend(campaign, "zh"))
    first, second, sealed = codes_of(demo)[:3]
    units = service.unit_ids
    for unit in units:
        campaign.ballots.save_answer(sealed, unit, "overall", "average" if unit != units[0] else "good")
    campaign.ballots.seal_ballot(sealed, "review_ballot")
    results = service.answer_many(
        [
            Tap(first, units[0], "overall", "good"),
            Tap(second, units[1], "overall", "<script>"),  # tampered
            Tap(sealed, units[2], "overall", "good"),  # sealed on another device
            Tap("ZZZZ-ZZZZ", units[3], "overall", "good"),  # never a code
            Tap(second, units[4], "overall", "average"),
        ]
    )
    assert isinstance(results[0], Outcome) and results[0].saved
    assert isinstance(results[1], InputError) and results[1].key == "serve.error.tampered"
    assert results[2] == CodeState.USED
    assert results[3] == CodeState.UNKNOWN
    assert isinstance(results[4], Outcome) and results[4].saved
    assert campaign.ballots.load_draft(first) is not None
    draft = campaign.ballots.load_draft(second)
    assert draft is not None and draft.answers == {units[4]: {"overall": "average"}}
    campaign.meeting.close_voting("admin")
    assert service.answer_many([Tap(first, units[1], "overall", "good")]) == [CodeState.CLOSED]


async def test_a_hall_sealing_at_once_queues_one_seal_ahead_of_a_tap_not_all_of_them() -> None:
    from functools import partial

    from tui.serve.handlers import Hall

    entered: list[str] = []
    release = asyncio.Event()

    async def run(call: Callable[[], Any]) -> Any:
        assert isinstance(call, partial)
        entered.append(call.func.__name__)
        await release.wait()  # the store thread is busy with the first call
        return call()

    class Service(HallService):
        """Answers every tap with CLOSED, without a campaign (only `answer_many` is called)."""

        def __init__(self) -> None:
            pass

        def answer_many(
            self, taps: Sequence[Tap], done: Callable[[int, Any], None] | None = None
        ) -> list[Outcome | CodeState | BaseException]:
            results: list[Outcome | CodeState | BaseException] = []
            for index, _tap in enumerate(taps):
                results.append(CodeState.CLOSED)
                if done is not None:
                    done(index, CodeState.CLOSED)
            return results

        def answer_if_free(self, taps: Sequence[Tap]) -> list[Outcome | CodeState | BaseException] | None:
            return None  # the first seal holds the store's lock: a tap cannot be answered on the spot

    def seal() -> str:
        return "sealed"

    hall = Hall(Service(), run)
    seals = [asyncio.ensure_future(hall.store_slow(seal)) for _ in range(3)]
    tap = asyncio.ensure_future(hall.taps.submit(Tap("ABCD-EFGH", "U01", "overall", "好")))
    for _ in range(10_000):  # wait for the calls to reach the store thread, not for a time
        if len(entered) >= 2:
            break
        await asyncio.sleep(0)
    release.set()
    assert await tap == CodeState.CLOSED

    assert await asyncio.gather(*seals) == ["sealed"] * 3
    assert entered == ["seal", "answer_many", "seal", "seal"]


def test_taps_use_the_remembered_draft_yet_see_a_seal_on_the_kiosk_and_page_loads_read_afresh(
    hall: tuple[CampaignStore, DemoResult],
) -> None:
    campaign, demo = hall
    service = HallService(MeetingBackend(campaign, "zh"))
    code = codes_of(demo)[0]
    units = service.unit_ids
    first = service.answer_many([Tap(code, units[0], "overall", "good")])[0]
    assert isinstance(first, Outcome) and first.status.tallies[0].count == 1
    # The same code answered meanwhile at the kiosk (another process, straight into the store):
    campaign.ballots.save_answer(code, units[1], "overall", "good")
    tapped = service.answer_many([Tap(code, units[2], "overall", "average")])[0]
    assert isinstance(tapped, Outcome) and tapped.saved
    # The store merged both devices' answers; a page load reads them afresh, tally included.
    state = service.state(code)
    assert state.answered_units == 3 and state.tallies[0].count == 2
    draft = campaign.ballots.load_draft(code)
    assert draft is not None and set(draft.answers) == {units[0], units[1], units[2]}
    # Sealed at the kiosk: the next tap from the page hears it and stores nothing.
    for unit in units[3:]:
        campaign.ballots.save_answer(code, unit, "overall", "average")
    campaign.ballots.seal_ballot(code, "review_ballot")
    assert service.answer_many([Tap(code, units[4], "overall", "good")]) == [CodeState.USED]
    assert campaign.ballots.open_draft_count() == 0


async def test_a_tap_with_nothing_queued_is_answered_on_the_spot_when_the_store_is_free() -> None:
    trips: list[list[int]] = []
    free = [True]

    async def run(call: Callable[[], Any]) -> Any:
        return call()

    def process(taps: Sequence[int], done: Callable[[int, Any], None]) -> None:
        trips.append(list(taps))
        for index, tap in enumerate(taps):
            done(index, tap * 10)

    def process_now(taps: Sequence[int]) -> list[Any] | None:
        return [tap * 100 for tap in taps] if free[0] else None

    batcher: TapBatcher[int, int] = TapBatcher(run, process, process_now)
    assert await batcher.submit(1) == 100 and trips == []
    free[0] = False  # the store's lock is held elsewhere: the tap takes the trip
    assert await batcher.submit(2) == 20 and trips == [[2]]


def test_answering_on_the_spot_waits_for_no_one_and_leaves_a_held_store_untouched(
    hall: tuple[CampaignStore, DemoResult],
) -> None:
    campaign, demo = hall
    service = HallService(MeetingBackend(campaign, "zh"))
    code = codes_of(demo)[0]
    units = service.unit_ids
    with locked_by_another_thread(campaign.store):
        assert service.answer_if_free([Tap(code, units[0], "overall", "good")]) is None
    assert campaign.ballots.load_draft(code) is None  # nothing was saved while the lock was held
    answered = service.answer_if_free([Tap(code, units[0], "overall", "good")])
    assert answered is not None
    (outcome,) = answered
    assert isinstance(outcome, Outcome) and outcome.saved and outcome.status.tallies[0].count == 1
    draft = campaign.ballots.load_draft(code)
    assert draft is not None and draft.answers == {units[0]: {"overall": "good"}}
