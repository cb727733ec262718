"""Back-filling a CRM export: its contacts go in envelopes (a few hundred per Kafka message,
zstd-compressed) onto ``contacts.backfill``, which the worker reads with an agent of its own
behind live contacts.

The durable record is the export itself plus a checkpoint (``ingest.checkpoint``), not the
intake outbox: copying a million rows into the outbox would double the disk writes for
nothing the file does not already hold. The guarantee:

* ``ingest csv`` returns success only once every accepted row is seen stored in the database
  (by contact id). Until then it shows rows read, rows stored, the rate and an ETA.
* The checkpoint records the line through which every accepted row is stored. It advances only
  when the database holds the rows (never on the broker's acknowledgement: the embedded broker
  keeps messages in memory). After an interruption (Ctrl-C, a crash, a lost broker) re-running
  the same command resumes after that line; rows after it may be sent again and are stored
  once, because contact ids derive from the rows and every sink upserts by id.
* Envelopes sent but not seen stored are sent again when the embedded broker restarts, and
  otherwise after ``resend_after`` seconds (doubling).
* A busy broker (a send or acknowledgement timing out) is waited for and retried with backoff
  for up to ``patience`` seconds; only then does the command stop, with the checkpoint kept.
"""

from __future__ import annotations

import logging
import threading
import time
import uuid
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field

from contracts import (
    ENVELOPE_CONTACTS,
    CaseEvent,
    PipelineError,
    Topic,
    encode,
    encode_envelope,
)
from ingest._publisher import KafkaPublisher
from ingest.checkpoint import BackfillCheckpoint, CheckpointFile
from ingest.errors import BrokerUnavailableError
from ingest.sources import CrmParse, RejectedRow, RejectsFile

log = logging.getLogger(__name__)

StoredContacts = Callable[[list[uuid.UUID]], set[uuid.UUID]]
"""Which of these contact ids the database holds (injected: ingest never reads the database)."""

WINDOW_CONTACTS = 20_000
"""Contacts sent but not yet seen stored, at most: bounds the broker's and our own memory."""


class BackfillInterruptedError(PipelineError):
    """``stop`` was requested (Ctrl-C): the checkpoint says where a re-run resumes."""


@dataclass
class Envelope:
    """Contacts sent as one message, and the line through which the export is covered."""

    last_line: int
    ids: list[uuid.UUID]
    value: bytes
    sent_at: float = 0.0
    sends: int = 0

    @property
    def key(self) -> uuid.UUID:
        return self.ids[0]


@dataclass
class EnvelopeSender:
    """Sends envelopes with bounded patience: a timeout or lost connection rebuilds the
    producer and tries again (0.5 s doubling to 8 s) until ``patience`` seconds have passed."""

    producer_factory: Callable[[], KafkaPublisher]
    patience: float = 120.0
    sleep: Callable[[float], None] = time.sleep
    retries: int = 0
    _producer: KafkaPublisher | None = None

    def send(self, envelopes: list[Envelope]) -> None:
        deadline, delay = time.monotonic() + self.patience, 0.5
        while True:
            try:
                self._producer = self._producer or self.producer_factory()
                self._producer.publish_encoded(
                    Topic.contacts_backfill, ((e.key, e.value) for e in envelopes)
                )
            except BrokerUnavailableError as exc:
                self.close()
                if time.monotonic() + delay > deadline:
                    raise BrokerUnavailableError(
                        f"the broker did not take the back-fill for {self.patience:.0f}s: {exc}"
                    ) from exc
                self.retries += 1
                log.warning("broker busy or away (%s); retrying in %.1fs", exc, delay)
                self.sleep(delay)
                delay = min(delay * 2, 8.0)
                continue
            now = time.monotonic()
            for envelope in envelopes:
                envelope.sent_at, envelope.sends = now, envelope.sends + 1
            return

    def close(self) -> None:
        producer, self._producer = self._producer, None
        if producer is not None:
            try:
                producer.close()
            except PipelineError as exc:  # a producer being thrown away
                log.debug("closing a broken producer: %s", exc)


@dataclass
class BackfillTally:
    rows_read: int = 0
    contacts_sent: int = 0
    contacts_stored: int = 0
    rejected: int = 0
    case_events: int = 0
    resent: int = 0


@dataclass
class Backfill:
    """One export being back-filled; ``run`` returns once every accepted row is stored."""

    parse: CrmParse
    sender: EnvelopeSender
    stored: StoredContacts
    checkpoint_file: CheckpointFile
    rejects: RejectsFile
    publish_case_events: Callable[[list[CaseEvent]], int] = lambda events: 0
    broker_generation: Callable[[], object] | None = None
    on_progress: Callable[[BackfillTally], None] = lambda tally: None
    # Called once when nothing has been stored for ``stall_seconds`` (say, no worker runs):
    # the rows are safe in the stream, but a person watching a still bar deserves a reason.
    on_stalled: Callable[[float], None] = lambda seconds: None
    stall_seconds: float = 15.0
    envelope_contacts: int = ENVELOPE_CONTACTS
    window_contacts: int = WINDOW_CONTACTS
    resend_after: float = 60.0
    poll_seconds: float = 0.2
    tally: BackfillTally = field(default_factory=BackfillTally)
    stop_requested: threading.Event = field(default_factory=threading.Event)
    checkpoint: BackfillCheckpoint | None = None
    _pending: deque[Envelope] = field(default_factory=deque)
    _in_flight: int = 0
    _generation: object = None
    _saved_at: float = 0.0
    _progress_at: float = field(default_factory=time.monotonic)
    _stall_reported: bool = False
    _sending: Future[None] | None = None
    _send_thread: ThreadPoolExecutor | None = None

    def run(self, *, resume: bool = True) -> BackfillTally:
        # An envelope is sent (and its acknowledgement waited for) on a thread of its own
        # while the next one's rows are parsed; never two at once, so they leave in order.
        self._send_thread = ThreadPoolExecutor(1, thread_name_prefix="backfill-send")
        try:
            return self._run(resume=resume)
        finally:
            # Only after an error or a stop (a finished run has waited already): the send ends
            # before the sender's owner may close it, and the error that stopped the run is
            # the one raised.
            sending, self._sending = self._sending, None
            try:
                if sending is not None:
                    sending.result()
            except PipelineError as exc:
                log.warning("the last envelope was not sent either: %s", exc)
            finally:
                self._send_thread.shutdown()

    def _run(self, *, resume: bool) -> BackfillTally:
        found = self.checkpoint_file.load() if resume else None
        self.checkpoint = found or self.checkpoint_file.fresh()
        self.checkpoint.rejects_files.append(str(self.rejects.path))
        self.parse.skip_through = self.checkpoint.stored_through_line
        self._generation = self._broker_generation()
        self._progress_at = time.monotonic()
        ids: list[uuid.UUID] = []
        values: list[bytes] = []
        for item in self.parse:
            self._stop_if_requested()
            self.tally.rows_read = self.parse.rows_read
            if isinstance(item, RejectedRow):
                self.rejects.add(item)
                self.tally.rejected += 1
                continue
            ids.append(item.contact_id)
            values.append(encode(item))
            if len(ids) >= self.envelope_contacts:
                self._send(ids, values)
                ids, values = [], []
        if ids:
            self._send(ids, values)
        self.tally.case_events += self.publish_case_events(self.parse.take_case_events())
        self._await_send()
        self._confirm(until=0)
        self.rejects.close()
        self.checkpoint_file.clear()  # complete: a re-run starts over (and doubles nothing)
        return self.tally

    def stop(self) -> None:
        """Ask ``run`` to stop at the next row or poll (safe from a signal handler)."""
        self.stop_requested.set()

    def _stop_if_requested(self) -> None:
        if self.stop_requested.is_set():
            raise BackfillInterruptedError("interrupted")

    def save(self) -> None:
        """Write the checkpoint now (also on the way out of an interrupted run)."""
        if self.checkpoint is not None:
            self.checkpoint.rows_rejected = self.tally.rejected
            self.checkpoint_file.save(self.checkpoint)
            self._saved_at = time.monotonic()

    def _send(self, ids: list[uuid.UUID], values: list[bytes]) -> None:
        # Lifecycle events of these rows first, through the intake outbox (durable there).
        self.tally.case_events += self.publish_case_events(self.parse.take_case_events())
        envelope = Envelope(self.parse.line, ids, encode_envelope(values))
        self._await_send()
        assert self._send_thread is not None
        self._sending = self._send_thread.submit(self.sender.send, [envelope])
        self._pending.append(envelope)
        self._in_flight += len(ids)
        self.tally.contacts_sent += len(ids)
        self.on_progress(self.tally)
        self._confirm(until=self.window_contacts - self.envelope_contacts)

    def _confirm(self, *, until: int) -> None:
        """Advance past stored envelopes; wait while more than ``until`` contacts are in flight."""
        while self._pending:
            head = self._pending[0]
            if self._is_stored(head):
                self._pending.popleft()
                self._in_flight -= len(head.ids)
                self.tally.contacts_stored += len(set(head.ids))
                self._advance(head)
                continue
            if self._in_flight <= until:
                return
            self._stop_if_requested()
            self._await_send()
            self._resend_if_lost()
            self._report_if_stalled()
            time.sleep(self.poll_seconds)
        if self.checkpoint is not None and until == 0:
            self.checkpoint.stored_through_line = self.parse.line
            self.save()

    def _await_send(self) -> None:
        """Wait for the envelope on its way to the broker; its send's error is raised here."""
        sending, self._sending = self._sending, None
        if sending is not None:
            sending.result()

    def _is_stored(self, envelope: Envelope) -> bool:
        try:
            found = self.stored(envelope.ids)
        except PipelineError as exc:  # the database is away: wait for it, keep the rows
            log.warning("cannot check what is stored (waiting): %s", exc)
            return False
        return len(found) >= len(set(envelope.ids))

    def _report_if_stalled(self) -> None:
        waited = time.monotonic() - self._progress_at
        if waited >= self.stall_seconds and not self._stall_reported:
            self._stall_reported = True
            self.on_stalled(waited)

    def _advance(self, envelope: Envelope) -> None:
        assert self.checkpoint is not None
        self._progress_at, self._stall_reported = time.monotonic(), False
        self.checkpoint.stored_through_line = envelope.last_line
        self.checkpoint.contacts_stored += len(set(envelope.ids))
        self.on_progress(self.tally)
        if time.monotonic() - self._saved_at >= 1.0:
            self.save()

    def _resend_if_lost(self) -> None:
        generation = self._broker_generation()
        restarted = generation is not None and generation != self._generation
        self._generation = generation
        now = time.monotonic()
        due = [
            e
            for e in self._pending
            if restarted or now - e.sent_at >= self.resend_after * (1 << min(e.sends - 1, 5))
        ]
        if due:
            log.warning("%d envelope(s) sent but not stored; sending them again", len(due))
            if restarted:
                # A producer that outlived the broker is acknowledged for topics the new one
                # does not hold; a new producer creates them first.
                self.sender.close()
            self.sender.send(due)
            self.tally.resent += sum(len(e.ids) for e in due)

    def _broker_generation(self) -> object:
        return self.broker_generation() if self.broker_generation is not None else None
