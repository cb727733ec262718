"""Group commit into the intake outbox, on a real outbox file: a caller's future resolves only
once its records are committed (another connection reads them), many callers share one
transaction, and a failed commit fails every caller in it."""

from __future__ import annotations

import asyncio
import sqlite3
import threading
import uuid
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from contracts import Topic
from ingest.group_commit import GroupCommitter
from ingest.outbox import Outbox, OutboxRecord


def record(n: int) -> OutboxRecord:
    record_id = uuid.uuid5(uuid.NAMESPACE_URL, f"group-commit-{n}")
    return OutboxRecord(Topic.contacts_received, record_id, record_id, b'{"n": %d}' % n)


def committed_ids(path: Path) -> list[str]:
    """What another connection (another process, after a crash) finds in the outbox file."""
    with sqlite3.connect(path) as other:
        return [row[0] for row in other.execute("SELECT record_id FROM outbox")]


class GatedOutbox(Outbox):
    """An outbox whose commits wait for ``gate``: the moment before a group is durable."""

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self.gate = threading.Event()
        self.entered = threading.Event()

    def put(self, records: Sequence[OutboxRecord]) -> None:
        self.entered.set()
        assert self.gate.wait(10)
        super().put(records)


def test_a_caller_is_answered_only_after_its_records_are_committed(tmp_path: Path) -> None:
    outbox = GatedOutbox(tmp_path / "outbox.db")
    committer = GroupCommitter(outbox)
    try:
        future = committer.submit([record(1)])
        assert outbox.entered.wait(10)
        assert not future.done()  # the commit has not happened: no acknowledgement
        assert committed_ids(outbox.path) == []
        outbox.gate.set()
        future.result(10)
        assert committed_ids(outbox.path) == [str(record(1).record_id)]
    finally:
        outbox.gate.set()
        committer.close()


def test_concurrent_callers_share_transactions_and_each_record_is_stored_once(
    tmp_path: Path,
) -> None:
    outbox = GatedOutbox(tmp_path / "outbox.db")
    committer = GroupCommitter(outbox)
    try:
        first = committer.submit([record(0)])
        assert outbox.entered.wait(10)  # the writer is busy with the first group ...
        with ThreadPoolExecutor(max_workers=50) as pool:
            waiting = list(pool.map(lambda n: committer.submit([record(n)]), range(1, 400)))
            # ... so everything submitted meanwhile waits for the next group, not its own fsync
            assert not any(f.done() for f in waiting)
            outbox.gate.set()
            for future in [first, *waiting]:
                future.result(10)
        assert committer.records == 400
        assert committer.groups <= 3
        ids = committed_ids(outbox.path)
        assert sorted(ids) == sorted(str(record(n).record_id) for n in range(400))
    finally:
        outbox.gate.set()
        committer.close()


def test_the_same_record_twice_in_one_group_is_one_row(tmp_path: Path) -> None:
    outbox = GatedOutbox(tmp_path / "outbox.db")
    committer = GroupCommitter(outbox)
    try:
        futures = [committer.submit([record(7)]) for _ in range(5)]
        outbox.gate.set()
        for future in futures:
            future.result(10)
        assert committed_ids(outbox.path) == [str(record(7).record_id)]
    finally:
        committer.close()


def test_a_failed_commit_fails_every_caller_in_the_group(tmp_path: Path) -> None:
    outbox = Outbox(tmp_path / "outbox.db")
    outbox.close()  # every commit now fails
    committer = GroupCommitter(outbox)
    try:
        futures = [committer.submit([record(n)]) for n in range(20)]
        for future in futures:
            with pytest.raises(sqlite3.ProgrammingError):
                future.result(10)
        assert committer.groups == 0
    finally:
        committer.close()
    assert committed_ids(outbox.path) == []


def test_after_commit_runs_once_the_group_is_durable(tmp_path: Path) -> None:
    outbox = Outbox(tmp_path / "outbox.db")
    seen: list[list[str]] = []
    committer = GroupCommitter(outbox, after_commit=lambda: seen.append(committed_ids(outbox.path)))
    try:
        committer.put([record(3)], timeout=10)
        committer.close()
        assert seen and seen[0] == [str(record(3).record_id)]
    finally:
        committer.close()


def test_event_loop_callers_are_answered_after_the_commit_and_share_it(tmp_path: Path) -> None:
    outbox = GatedOutbox(tmp_path / "outbox.db")
    committer = GroupCommitter(outbox)

    async def burst() -> None:
        first = committer.submit_async([record(0)])
        assert await asyncio.to_thread(outbox.entered.wait, 10)
        waiting = [committer.submit_async([record(n)]) for n in range(1, 300)]
        await asyncio.sleep(0.05)
        assert not first.done() and not any(f.done() for f in waiting)  # nothing durable yet
        assert committed_ids(outbox.path) == []
        outbox.gate.set()
        await asyncio.wait_for(asyncio.gather(first, *waiting), 10)

    try:
        asyncio.run(burst())
        assert committer.records == 300
        assert committer.groups <= 3
        assert len(committed_ids(outbox.path)) == 300
    finally:
        outbox.gate.set()
        committer.close()


def test_a_failed_commit_fails_every_event_loop_caller(tmp_path: Path) -> None:
    outbox = Outbox(tmp_path / "outbox.db")
    outbox.close()
    committer = GroupCommitter(outbox)

    async def burst() -> list[BaseException | None]:
        futures = [committer.submit_async([record(n)]) for n in range(20)]
        return await asyncio.gather(*futures, return_exceptions=True)

    try:
        outcomes = asyncio.run(burst())
        assert all(isinstance(o, sqlite3.ProgrammingError) for o in outcomes)
    finally:
        committer.close()


def test_a_cancelled_caller_does_not_hold_back_the_others(tmp_path: Path) -> None:
    outbox = GatedOutbox(tmp_path / "outbox.db")
    committer = GroupCommitter(outbox)

    async def burst() -> None:
        gone = committer.submit_async([record(1)])
        kept = committer.submit_async([record(2)])
        gone.cancel()  # its client went away before the commit
        outbox.gate.set()
        await asyncio.wait_for(kept, 10)

    try:
        asyncio.run(burst())
        assert sorted(committed_ids(outbox.path)) == sorted(
            str(record(n).record_id) for n in (1, 2)
        )
    finally:
        outbox.gate.set()
        committer.close()
