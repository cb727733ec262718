"""A burst on `civicpulse up` with two API processes (CIVICPULSE_API_WORKERS=2) sharing the
intake outbox, and `serve` SIGKILLed right after its 202s: every acknowledged contact is
stored exactly once (the outbox commit came before each 202; the restarted relay sends what
the killed one had not), one idempotency key is one contact, and the trend table agrees."""

from __future__ import annotations

import asyncio
import os
import signal
from pathlib import Path

import httpx
import pytest

from tests.e2e.test_faults import assert_stored_once_and_trends_agree

pytestmark = [pytest.mark.kafka, pytest.mark.timeout(900)]


@pytest.fixture()
def api_workers() -> int:
    return 2


async def burst(api: str, count: int, tag: str) -> dict[str, str]:
    """``count`` concurrent POSTs with distinct keys, and 20 more that all share one key."""
    limits = httpx.Limits(max_connections=100)
    async with httpx.AsyncClient(base_url=api, timeout=30, limits=limits) as client:

        async def post(key: str, n: int) -> tuple[str, httpx.Response]:
            body = {"text": f"Fly-tipping at number {n} on Mill Lane ({tag})"}
            answer = await client.post("/contacts", json=body, headers={"Idempotency-Key": key})
            return key, answer

        posts = [post(f"{tag}-{n}", n) for n in range(count)]
        posts += [post(f"{tag}-same", n) for n in range(20)]
        answers = await asyncio.gather(*posts)
    assert {a.status_code for _, a in answers} == {202}
    accepted: dict[str, set[str]] = {}
    for key, answer in answers:
        accepted.setdefault(key, set()).add(answer.json()["contact_id"])
    assert all(len(ids) == 1 for ids in accepted.values())  # a key is one contact
    return {key: ids.pop() for key, ids in accepted.items()}


def answers_health(api: str) -> bool:
    try:
        return httpx.get(f"{api}/health", timeout=2).status_code == 200
    except httpx.HTTPError:
        return False


def process_tree(pid: int) -> list[int]:
    children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    return [pid, *(int(child) for child in children)]


def test_a_burst_on_two_api_processes_killed_after_202_is_stored_exactly_once(
    api_workers: int, running_stack
) -> None:  # type: ignore[no-untyped-def]
    stack = running_stack
    stack.wait_until("serving", lambda: answers_health(stack.api), 120)
    serve = process_tree(stack.child_pid("serve"))
    assert len(serve) >= 1 + api_workers  # serve, its workers (and multiprocessing's tracker)
    acknowledged = asyncio.run(burst(stack.api, 400, "burst"))
    for pid in serve:  # at once, no chance to send or clean up anything
        os.kill(pid, signal.SIGKILL)
    # `up` restarts serve; its relay sends whatever the killed one had not.
    stack.wait_until("serving again", lambda: answers_health(stack.api), 120)
    acknowledged |= asyncio.run(burst(stack.api, 100, "after"))
    assert_stored_once_and_trends_agree(stack, set(acknowledged.values()))
