"""How a worker waits out a database outage without losing a batch.

``BatchPause`` is the ``sleep`` the batch functions call between attempts while the database
is unavailable: it records why (the heartbeat reports it), waits, and gives up only when the
worker is stopping. ``withhold_acks`` keeps Faust from acknowledging a batch that was not
stored: ``Stream.take_events`` acks a batch in a ``finally`` block, so an exception or a
cancellation in the agent body would otherwise commit offsets past unstored data.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from contracts import PipelineError
from sinks import SinkUnavailableError

T = TypeVar("T")
FIRST_DELAY, LONGEST_DELAY = 0.5, 30.0

log = logging.getLogger(__name__)


class BatchAbandonedError(PipelineError):
    """The worker is stopping while a batch waits for the database: it is not acknowledged."""


@dataclass
class WorkerProblem:
    """Why the worker cannot do its job now (None: all is well), shared with the heartbeat."""

    reason: str | None = None
    since: float | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def report(self, reason: str) -> None:
        with self._lock:
            if self.reason is None:
                self.since = time.monotonic()
            self.reason = reason

    def clear(self) -> None:
        with self._lock:
            if self.reason is not None:
                log.info(
                    "resolved after %.1fs: %s", time.monotonic() - (self.since or 0), self.reason
                )
            self.reason, self.since = None, None


@dataclass
class BatchPause:
    """Waits between attempts to store a batch; a stop request ends the wait at once."""

    problem: WorkerProblem
    stopping: threading.Event = field(default_factory=threading.Event)
    reason: str = "database unavailable; batches are held and retried"

    def __call__(self, seconds: float) -> None:
        self.wait(seconds, self.reason)

    def wait(self, seconds: float, reason: str) -> None:
        self.problem.report(reason)
        if self.stopping.wait(seconds):
            raise BatchAbandonedError("worker stopping: the batch stays unacknowledged")


def retry_while_unavailable(write: Callable[[], T], sleep: Callable[[float], None]) -> T:
    """Run ``write`` until it succeeds, waiting (0.5 s doubling to 30 s) while the database is
    unavailable. Other errors propagate at once: they are about the data, not the database."""
    delay, attempts = FIRST_DELAY, 0
    while True:
        try:
            return write()
        except SinkUnavailableError as exc:
            attempts += 1
            wait = max(delay, exc.retry_after)
            log.warning(
                "database unavailable (attempt %d), batch held, retrying in %.1fs: %s",
                attempts,
                wait,
                exc,
            )
            if isinstance(sleep, BatchPause):
                sleep.wait(wait, f"database unavailable, batch held and retried: {exc}")
            else:
                sleep(wait)
            delay = min(delay * 2, LONGEST_DELAY)


def withhold_acks(events: Iterable[Any]) -> None:
    """Mark a batch's Faust messages as already acknowledged *without* telling the consumer.

    ``Message.ack`` is then a no-op, so no offset of the batch (nor, because commits stop at
    the first gap, any later one on its partitions) is committed: the batch is delivered again
    after the worker restarts."""
    for event in events:
        event.message.acked = True
