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
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from pydantic import BaseModel

from config import Settings
from contracts import Topic, encode
from ingest._kafka import check_reachable
from ingest.errors import BrokerUnavailableError
from ingest.outbox import Outbox, OutboxRecord

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
    last_error: str | None = None
    _producer: EncodedPublisher | None = None
    _generation: object = None
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
        """One pass: notice a restarted broker, send what is unsent, clear what is stored,
        and queue again what is overdue."""
        resent = self._after_broker_restart()
        sent = 0
        try:
            while batch := self.outbox.unsent(SEND_CHUNK):
                self.send(batch)
                sent += len(batch)
        except BrokerUnavailableError as exc:
            return RelayPass(sent, 0, resent, str(exc))
        cleared = self._clear_stored()
        overdue = self.outbox.overdue(self.resend_after)
        if overdue:
            log.info("%d record(s) sent but not stored yet; sending them again", len(overdue))
            self.outbox.mark_unsent(overdue)
        return RelayPass(sent, cleared, resent + len(overdue))

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
        delay = self.interval
        while not self._stop.is_set():
            try:
                result = self.run_once()
            except Exception as exc:  # the relay thread must outlive any pass
                log.warning("outbox relay pass failed: %r", exc)
                result = RelayPass(error=repr(exc))
            # Back off while the broker is away, up to 2 s, so its return is noticed quickly.
            delay = min(delay * 2, 2.0) if result.error else self.interval
            self._wake.wait(delay)
            self._wake.clear()

    def _after_broker_restart(self) -> int:
        if self.broker_generation is None:
            return 0
        generation = self.broker_generation()
        previous, self._generation = self._generation, generation
        if previous is None or generation == previous:
            return 0
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
        by_topic: dict[Topic, list[OutboxRecord]] = defaultdict(list)
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


@dataclass
class OutboxPublisher:
    """A ``Publisher`` whose acknowledgement means "committed to the outbox".

    ``publish`` refuses at once (BrokerUnavailableError) when no broker answers, so intake
    pauses instead of piling up; otherwise it commits the events to the outbox, then sends
    them straight away. With ``strict`` a failed send is reported (``ingest`` stops there: what
    it accepted is safe in the outbox); without, the relay's thread sends them later."""

    settings: Settings
    relay: OutboxRelay
    strict: bool = False
    reachable_timeout: float = 0.5

    def publish(self, topic: Topic, events: Iterable[tuple[uuid.UUID, BaseModel]]) -> int:
        check_reachable(self.settings, timeout=self.reachable_timeout)
        records = [
            OutboxRecord(topic, record_id(key, event), key, encode(event)) for key, event in events
        ]
        if not records:
            return 0
        self.relay.outbox.put(records)
        try:
            self.relay.send(records)
        except BrokerUnavailableError:
            if self.strict:
                raise
            self.relay.wake()
        return len(records)

    def close(self) -> None:
        """The relay is owned by whoever built it."""


def record_id(key: uuid.UUID, event: BaseModel) -> uuid.UUID:
    """The id the database stores ``event`` under: a review's, a rating's or a case event's own
    id (a contact may have several of each), else the contact id."""
    found = (
        getattr(event, "review_id", None)
        or getattr(event, "rating_id", None)
        or getattr(event, "event_id", None)
        or getattr(event, "contact_id", None)
    )
    return found if isinstance(found, uuid.UUID) else key
