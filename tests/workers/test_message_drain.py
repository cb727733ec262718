"""The worker's consumer hands a message on inline, and falls back to Faust's race with a
suspended flow only when the conductor's callback has to wait."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from mode import Service
from mode.utils.locks import Event

from workers.message_drain import InlineCallbackConsumer, run_until_first_wait


class Drain(InlineCallbackConsumer, Service):
    """The mixin over mode's ``Service``, whose ``wait_first`` Faust's consumer inherits."""


def drained(scenario: Callable[[Drain, Event], Awaitable[Any]]) -> Any:
    async def main() -> Any:
        return await scenario(Drain(), Event())

    return asyncio.run(main())


def test_a_callback_that_never_waits_runs_in_the_callers_task_and_the_race_is_never_started() -> (
    None
):
    async def scenario(drain: Drain, suspend: Event) -> Any:
        ran_in: list[asyncio.Task[Any] | None] = []

        async def callback() -> str:
            ran_in.append(asyncio.current_task())
            return "queued"

        suspended = suspend.wait()
        result = await drain.wait_first(callback(), suspended)
        return result, ran_in == [asyncio.current_task()], suspended.cr_frame

    result, same_task, suspended_frame = drained(scenario)
    assert result.results == ["queued"] and not result.stopped
    assert same_task
    assert suspended_frame is None  # closed, not left to warn that it was never awaited


def test_a_callback_that_waits_is_finished_once_what_it_waits_for_is_done() -> None:
    async def scenario(drain: Drain, suspend: Event) -> Any:
        gate: asyncio.Future[int] = asyncio.get_running_loop().create_future()
        asyncio.get_running_loop().call_later(0.01, gate.set_result, 21)

        async def callback() -> int:
            return 2 * await gate

        return await drain.wait_first(callback(), suspend.wait())

    result = drained(scenario)
    assert result.results == [42] and not result.stopped


def test_a_callback_that_yields_bare_steps_is_run_again_until_it_finishes() -> None:
    async def scenario(drain: Drain, suspend: Event) -> Any:
        async def callback() -> str:
            for _ in range(3):
                await asyncio.sleep(0)
            return "done"

        return await drain.wait_first(callback(), suspend.wait())

    assert drained(scenario).results == ["done"]


def test_a_suspended_flow_cancels_a_waiting_callback_inside_it_as_faust_does() -> None:
    async def scenario(drain: Drain, suspend: Event) -> Any:
        seen: list[str] = []

        async def callback() -> None:
            try:
                await asyncio.get_running_loop().create_future()  # never done
            except asyncio.CancelledError:
                seen.append("cancelled")
                raise
            finally:
                seen.append("cleaned up")

        asyncio.get_running_loop().call_later(0.01, suspend.set)
        result = await drain.wait_first(callback(), suspend.wait())
        for _ in range(3):  # the cancellation lands on the loop's next turns
            await asyncio.sleep(0)
        return result, seen

    result, seen = drained(scenario)
    assert result.results == [True]  # only the suspension won: its wait returned
    assert seen == ["cancelled", "cleaned up"]


def test_an_error_from_what_a_callback_awaited_surfaces_inside_the_callback() -> None:
    async def scenario(drain: Drain, suspend: Event) -> Any:
        failing: asyncio.Future[int] = asyncio.get_running_loop().create_future()
        asyncio.get_running_loop().call_later(0.01, failing.set_exception, ValueError("full"))

        async def callback() -> str:
            try:
                await failing
            except ValueError as exc:
                return f"handled {exc}"
            return "not reached"

        return await drain.wait_first(callback(), suspend.wait())

    assert drained(scenario).results == ["handled full"]


@pytest.mark.parametrize("waits_first", [False, True])
def test_an_error_the_callback_raises_propagates_whether_or_not_it_waited(
    waits_first: bool,
) -> None:
    async def scenario(drain: Drain, suspend: Event) -> Any:
        async def callback() -> None:
            if waits_first:
                await asyncio.sleep(0)
            raise LookupError("no channel")

        suspended = suspend.wait()
        with pytest.raises(LookupError, match="no channel"):
            await drain.wait_first(callback(), suspended)
        for _ in range(3):  # a race's leftover wait is cancelled on the loop's next turns
            await asyncio.sleep(0)
        return suspended.cr_frame

    assert drained(scenario) is None  # the flow's wait is closed either way


def test_other_calls_keep_modes_own_race() -> None:
    async def scenario(drain: Drain, suspend: Event) -> Any:
        suspend.set()
        return await drain.wait_first(suspend.wait(), timeout=1.0)

    result = drained(scenario)
    assert result.results == [True] and not result.stopped


def test_a_race_against_an_event_itself_rather_than_its_wait_keeps_modes_own_race() -> None:
    async def scenario(drain: Drain, suspend: Event) -> Any:
        async def callback() -> str:
            return "queued"

        return await drain.wait_first(callback(), suspend)  # mode waits on an Event's .wait()

    result = drained(scenario)
    assert result.results == ["queued"] and not result.stopped


def test_running_to_the_first_wait_reports_what_the_callback_waits_for() -> None:
    async def scenario() -> Any:
        gate: asyncio.Future[None] = asyncio.get_running_loop().create_future()

        async def callback() -> None:
            await gate

        coroutine = callback()
        finished, waiting_for = run_until_first_wait(coroutine)
        coroutine.close()
        return finished, waiting_for is gate

    assert asyncio.run(scenario()) == (False, True)
