"""The outbox relay: publishes what the intake outbox holds, and deletes a row only once the
database is seen to hold its record (``stored``, injected by the entry point: ingest never
reads the database itself).

Sent rows not seen stored are sent again: at once when the broker restarted (the embedded
broker forgets every topic), otherwise after ``resend_after`` seconds, doubling per send.
Sinks are idempotent, so a record sent twice is stored once. A failed send throws the producer
away: the next attempt builds a new one (an idempotent kafka-python producer never recovers
from a restarted embedded broker).
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from contracts import Topic
from ingest.errors import BrokerUnavailableError
from ingest.outbox import Outbox, OutboxKey, OutboxRecord

log = logging.getLogger(__name__)

StoredCheck = Callable[[Topic, list[uuid.UUID]], set[uuid.UUID]]
# Topics whose records the database can confirm; others leave the outbox once the broker has them.
CONFIRMABLE = frozenset({Topic.contacts_received, Topic.ratings_received, Topic.contacts_reviewed})
SEND_CHUNK = 1000


class EncodedPublisher(Protocol):
    def publish_encoded(self, topic: Topic, events: Iterable[tuple[uuid.UUID, bytes]]) -> int: ...

    def close(self) -> None: ...


@dataclass(frozen=True)
class RelayPass:
    sent: int = 0
    cleared: int = 0
    resent: int = 0
    error: str | None = None


@dataclass
class OutboxRelay:
    """Moves records from the outbox to the broker; ``start`` runs it in a daemon thread."""

    outbox: Outbox
    producer_factory: Callable[[], EncodedPublisher]
    stored: StoredCheck | None = None
    broker_generation: Callable[[], object] | None = None
    resend_after: float = 60.0
    interval: float = 1.0
    # Set when other processes write the outbox (``serve`` with several API workers): how
    # often to look whether they committed anything, since they cannot ``wake`` this thread.
    watch_other_writers: float | None = None
    last_error: str | None = None
    _producer: EncodedPublisher | None = None
    _generation: str | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _wake: threading.Event = field(default_factory=threading.Event)
    _stop: threading.Event = field(default_factory=threading.Event)
    _thread: threading.Thread | None = None
    _last_warning: str | None = None

    def send(self, records: Sequence[OutboxRecord]) -> None:
        """Publish ``records`` now and mark them sent; BrokerUnavailableError if it failed
        (they stay unsent in the outbox)."""
        by_topic: dict[Topic, list[OutboxRecord]] = defaultdict(list)
        for record in records:
            by_topic[record.topic].append(record)
        producer: EncodedPublisher | None = None
        try:
            # Only building the producer is serialised: the API's threads send concurrently.
            with self._lock:
                producer = self._producer = self._producer or self.producer_factory()
            for topic, batch in by_topic.items():
                producer.publish_encoded(topic, ((r.key, r.value) for r in batch))
        except BrokerUnavailableError as exc:
            with self._lock:
                if producer is None or self._producer is producer:
                    self._discard()
            self.last_error = str(exc)
            raise
        self.last_error = None
        self.outbox.mark_sent(records)
        unconfirmable = [r for r in records if r.topic not in CONFIRMABLE]
        if unconfirmable or self.stored is None:
            self.outbox.remove(unconfirmable if self.stored is not None else records)

    def run_once(self) -> RelayPass:
        """One full pass: notice a restarted broker, send what is unsent, clear what is
        stored, and queue again what is overdue."""
        resent = self._after_broker_restart()
        sent, error = self.send_unsent()
        if error is not None:
            return RelayPass(sent, 0, resent, error)
        cleared = self._clear_stored()
        overdue = self.outbox.overdue(self.resend_after)
        if overdue:
            log.info("%d record(s) sent but not stored yet; sending them again", len(overdue))
            self.outbox.mark_unsent(overdue)
        return RelayPass(sent, cleared, resent + len(overdue))

    def send_unsent(self) -> tuple[int, str | None]:
        """Send everything not yet sent, in chunks; (how many were sent, the error if any)."""
        sent = 0
        try:
            while batch := self.outbox.unsent(SEND_CHUNK):
                self.send(batch)
                sent += len(batch)
        except BrokerUnavailableError as exc:
            return sent, str(exc)
        return sent, None

    def wake(self) -> None:
        self._wake.set()

    def start(self) -> OutboxRelay:
        self._thread = threading.Thread(target=self._run, name="outbox-relay", daemon=True)
        self._thread.start()
        return self

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
        with self._lock:
            self._discard()

    def _run(self) -> None:
        """Send as soon as woken (the API wakes the relay after each commit), and make a full
        pass (clear what is stored, resend what is overdue) every ``interval`` seconds."""
        delay = self.interval
        full_pass_due = 0.0
        while not self._stop.is_set():
            error: str | None
            try:
                if time.monotonic() >= full_pass_due:
                    error = self.run_once().error
                    full_pass_due = time.monotonic() + self.interval
                else:
                    error = self.send_unsent()[1]
            except Exception as exc:  # the relay thread must outlive any pass
                log.warning("outbox relay pass failed: %r", exc)
                error = repr(exc)
            if error:
                # Back off while the broker is away, up to 2 s, so its return is noticed
                # quickly; commits do not wake a relay that is backing off.
                delay = min(delay * 2, 2.0)
                self._stop.wait(delay)
                full_pass_due = 0.0
                continue
            delay = self.interval
            try:
                self._wait_for_work(full_pass_due)
            except Exception as exc:  # an unreadable outbox: look again after a full interval
                log.warning("outbox relay cannot watch the outbox: %r", exc)
                self._stop.wait(self.interval)

    def _wait_for_work(self, full_pass_due: float) -> None:
        """Until woken, another process committed to the outbox, or a full pass is due."""
        if self.watch_other_writers is None:
            self._wake.wait(max(0.0, full_pass_due - time.monotonic()))
            self._wake.clear()
            return
        seen = self.outbox.data_version()
        while (left := full_pass_due - time.monotonic()) > 0:
            if self._wake.wait(min(left, self.watch_other_writers)):
                break
            if self.outbox.data_version() != seen:
                break
        self._wake.clear()

    def _after_broker_restart(self) -> int:
        """Send everything again when the broker is another than the one the outbox's rows
        were sent to: seen change under this relay, or recorded in the outbox by a relay that
        ran before (``up`` killed and started again: what it sent went to a broker now gone)."""
        generation = self.broker_generation() if self.broker_generation is not None else None
        if generation is None:
            return 0  # not a broker this home started (Kafka keeps what it was sent)
        current = str(generation)
        previous = (
            self._generation if self._generation is not None else self.outbox.broker_sent_to()
        )
        self._generation = current
        if previous == current:
            return 0
        self.outbox.record_broker(current)
        if previous is None:
            return 0  # the first broker this outbox has sent to
        waiting = self.outbox.counts().awaiting_storage
        log.warning("the broker restarted: sending %d unconfirmed record(s) again", waiting)
        self.outbox.mark_unsent()
        with self._lock:
            self._discard()
        return waiting

    def _clear_stored(self) -> int:
        if self.stored is None:
            return 0
        cleared = 0
        by_topic: dict[Topic, list[OutboxKey]] = defaultdict(list)
        for record in self.outbox.awaiting_storage():
            by_topic[record.topic].append(record)
        for topic, records in by_topic.items():
            try:
                found = self.stored(topic, [r.record_id for r in records])
            except Exception as exc:  # an unreadable database just waits
                if repr(exc) != self._last_warning:  # once per distinct problem, not per pass
                    log.warning("cannot check what is stored (rows kept): %r", exc)
                    self._last_warning = repr(exc)
                return cleared
            self._last_warning = None
            done = [r for r in records if r.record_id in found]
            self.outbox.remove(done)
            cleared += len(done)
        return cleared

    def _discard(self) -> None:
        producer, self._producer = self._producer, None
        if producer is not None:
            # A broken producer is being thrown away: whatever closing it raises does not matter.
            with contextlib.suppress(Exception):
                producer.close()
