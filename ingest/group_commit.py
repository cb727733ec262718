"""Group commit into the intake outbox: many callers' records in one transaction (one fsync).

Each caller submits its records and waits for its own future; a single writer thread takes
everything submitted so far, commits it to the outbox in one transaction and only then
resolves every waiting future (or fails them all with the commit's error). While the writer
commits one group the next one gathers, so under a burst each fsync carries hundreds of
requests, and a lone request waits for one commit, no timer. An acknowledgement given after
the future resolves therefore still means "committed on disk" (issue 9), as before.

An event loop's callers (``submit_async``) are woken once per group: one
``call_soon_threadsafe`` settles all of a loop's futures, where ``asyncio.wrap_future`` of
each caller's future cost a cross-thread wake-up (a write to the loop's pipe) per request.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import queue
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future

from ingest.outbox import Outbox, OutboxRecord

log = logging.getLogger(__name__)

# A group never grows past this many records, so one transaction stays short.
MAX_GROUP_RECORDS = 5000

_Waiting = tuple[Sequence[OutboxRecord], "Future[None] | asyncio.Future[None]"]


class GroupCommitter:
    """One writer thread committing submitted records in groups; ``after_commit`` is called
    (on the writer thread) after each group is durable, e.g. to wake the relay."""

    def __init__(self, outbox: Outbox, after_commit: Callable[[], None] | None = None) -> None:
        self.outbox = outbox
        self.after_commit = after_commit
        self.groups = 0
        self.records = 0
        self._queue: queue.SimpleQueue[_Waiting | None] = queue.SimpleQueue()
        self._closed = False
        self._thread = threading.Thread(target=self._run, name="outbox-group-commit", daemon=True)
        self._thread.start()

    def submit(self, records: Sequence[OutboxRecord]) -> Future[None]:
        """Queue ``records``; the future resolves once they are committed (or fails)."""
        future: Future[None] = Future()
        if self._closed:
            future.set_exception(RuntimeError("the outbox writer is closed"))
        else:
            self._queue.put((records, future))
        return future

    def submit_async(self, records: Sequence[OutboxRecord]) -> asyncio.Future[None]:
        """``submit`` for the running event loop: await the returned future."""
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        if self._closed:
            future.set_exception(RuntimeError("the outbox writer is closed"))
        else:
            self._queue.put((records, future))
        return future

    def put(self, records: Sequence[OutboxRecord], timeout: float | None = None) -> None:
        """Commit ``records`` with whatever else is waiting; returns once they are durable."""
        self.submit(records).result(timeout)

    def close(self, timeout: float = 10.0) -> None:
        """Commit what is queued, then stop the writer."""
        self._closed = True
        self._queue.put(None)
        self._thread.join(timeout)

    def _run(self) -> None:
        while True:
            first = self._queue.get()
            if first is None:
                return
            group, stopping = self._gather(first)
            self._commit(group)
            if stopping:
                return

    def _gather(self, first: _Waiting) -> tuple[list[_Waiting], bool]:
        """``first`` and everything queued behind it, up to MAX_GROUP_RECORDS records."""
        group, size = [first], len(first[0])
        while size < MAX_GROUP_RECORDS:
            try:
                item = self._queue.get_nowait()
            except queue.Empty:
                break
            if item is None:
                return group, True
            group.append(item)
            size += len(item[0])
        return group, False

    def _commit(self, group: list[_Waiting]) -> None:
        records = [record for records, _ in group for record in records]
        failure: BaseException | None = None
        try:
            self.outbox.put(records)
        except BaseException as exc:  # every waiting caller hears why; none is acknowledged
            log.warning("outbox commit of %d record(s) failed: %r", len(records), exc)
            failure = exc
        else:
            self.groups += 1
            self.records += len(records)
        _settle_all([waiter for _, waiter in group], failure)
        if failure is None and self.after_commit is not None:
            try:
                self.after_commit()
            except Exception as exc:  # waking someone must never stop the writer
                log.warning("after outbox commit: %r", exc)


def _settle_all(
    waiters: list[Future[None] | asyncio.Future[None]], failure: BaseException | None
) -> None:
    """Resolve (or fail) every waiter: thread futures here, each event loop's futures in one
    callback on that loop."""
    by_loop: dict[asyncio.AbstractEventLoop, list[asyncio.Future[None]]] = {}
    for waiter in waiters:
        if isinstance(waiter, asyncio.Future):
            by_loop.setdefault(waiter.get_loop(), []).append(waiter)
        elif failure is None:
            waiter.set_result(None)
        else:
            waiter.set_exception(failure)
    for loop, futures in by_loop.items():
        # A closed loop raises RuntimeError: nobody is waiting there any more.
        with contextlib.suppress(RuntimeError):
            loop.call_soon_threadsafe(_settle_on_loop, futures, failure)


def _settle_on_loop(futures: list[asyncio.Future[None]], failure: BaseException | None) -> None:
    for future in futures:
        if future.done():  # its request was cancelled (the client went away)
            continue
        if failure is None:
            future.set_result(None)
        else:
            future.set_exception(failure)
