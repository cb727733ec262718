"""What the worker does with one batch of raw messages, independent of Faust.

Decode -> redact -> classify in one model call -> add to the sink -> flush (one transaction).
Rating comments are redacted the same way before they are stored.
A message that cannot be decoded, classified or stored goes to the dead-letter list with its
reason; the rest of the batch carries on.
"""

from __future__ import annotations

import base64
import logging
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TypeVar

from pydantic import BaseModel

from classifiers import ContactClassifier, SourceLabels, contact_text, redact_personal_data
from contracts import (
    ENVELOPE_CONTACTS,
    ContactClassified,
    ContactReceived,
    ContactReviewed,
    ContractError,
    DeadLetter,
    RatingReceived,
    decode,
    split_envelope,
)
from sinks import (
    ContactSink,
    FlushResult,
    PublicWording,
    SinkError,
)
from workers.retry import retry_while_unavailable

log = logging.getLogger(__name__)
Event = TypeVar("Event", bound=BaseModel)
R = TypeVar("R")


@dataclass(frozen=True)
class RawMessage:
    """A message as it came off the broker."""

    topic: str
    partition: int
    offset: int
    key: bytes | None
    value: bytes | None

    @property
    def key_text(self) -> str | None:
        return self.key.decode("utf-8", errors="replace") if self.key is not None else None

    def dead_letter(self, error: str) -> DeadLetter:
        raw = self.value or b""
        try:
            value: str | None = raw.decode("utf-8")
        except UnicodeDecodeError:
            value = None
        if value is None or "\x00" in value:  # PostgreSQL text cannot hold NUL
            value = "base64:" + base64.b64encode(raw).decode("ascii")
        return DeadLetter(
            topic=self.topic,
            partition=self.partition,
            offset=self.offset,
            key=self.key_text,
            value=value,
            error=error,
            failed_at=datetime.now(UTC),
        )


@dataclass
class BatchOutcome:
    stored: int = 0
    new: int = 0
    classified: list[ContactClassified] = field(default_factory=list)
    dead_letters: list[DeadLetter] = field(default_factory=list)


def public_wording(contact: ContactReceived) -> PublicWording:
    """Subject and text with personal data (including the reporter's own details) removed."""
    subject = redact_personal_data(contact.subject, contact.reporter) if contact.subject else None
    return PublicWording(subject=subject, text=redact_personal_data(contact.text, contact.reporter))


def public_rating(rating: RatingReceived) -> RatingReceived:
    """The rating as stored: its comment with personal data removed, as contact text is."""
    if not rating.comment:
        return rating
    return rating.model_copy(update={"comment": redact_personal_data(rating.comment)})


def store_contacts(
    messages: Sequence[RawMessage],
    classifier: ContactClassifier,
    sink: ContactSink,
    *,
    sleep: Callable[[float], None] = time.sleep,
) -> BatchOutcome:
    outcome = BatchOutcome()
    contacts = decode_batch(messages, ContactReceived, outcome.dead_letters)
    wordings = [public_wording(c) for _, c in contacts]
    texts = [contact_text(w.subject, w.text) for w in wordings]
    categorisations = classifier.categorise(texts, [SourceLabels.of(c) for _, c in contacts])
    items = [
        (m, c, ContactClassified.of(c.contact_id, cat), w)
        for (m, c), cat, w in zip(contacts, categorisations, wordings, strict=True)
    ]
    _write(items, sink, outcome, sleep)  # also when only dead letters: they are stored too
    return outcome


BACKFILL_CHUNK_ENVELOPES = 4
BACKFILL_CHUNK_CONTACTS = BACKFILL_CHUNK_ENVELOPES * ENVELOPE_CONTACTS
"""Back-filled contacts stored in one transaction: the contacts of four envelopes (2,000).
With a quarter of the commits, two-worker back-fills on SQLite ran 8-17% faster than an
envelope at a time (``bench backfill``, alternated 400,000-row runs; a million rows in 293-299
s against 319-343). A live batch waits for at most one chunk (about a second of work); eight
envelopes were no faster and held 40 MB more (bench/PROFILE.md)."""


def unpack_envelope(envelope: RawMessage) -> list[RawMessage]:
    """The contacts of a back-fill envelope as messages of their own (same topic, partition
    and offset: a dead letter names the envelope it came in)."""
    return [
        RawMessage(envelope.topic, envelope.partition, envelope.offset, None, value)
        for value in split_envelope(envelope.value)
    ]


def backfill_chunks(
    envelopes: Sequence[RawMessage], size: int = BACKFILL_CHUNK_CONTACTS
) -> Iterator[list[RawMessage]]:
    """The envelopes' contacts in order, in chunks of whole envelopes holding at least ``size``
    contacts each (the last may hold fewer); an envelope is never split."""
    chunk: list[RawMessage] = []
    for envelope in envelopes:
        chunk += unpack_envelope(envelope)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def store_ratings(
    messages: Sequence[RawMessage],
    sink: ContactSink,
    *,
    sleep: Callable[[float], None] = time.sleep,
) -> BatchOutcome:
    outcome = BatchOutcome()
    ratings = [r for _, r in decode_batch(messages, RatingReceived, outcome.dead_letters)]

    def write() -> FlushResult:
        for rating in ratings:
            sink.add_rating(public_rating(rating))
        for dead in outcome.dead_letters:
            sink.add_dead_letter(dead)
        return sink.flush()

    result = _retry_while_unavailable(write, sleep)
    outcome.stored = result.ratings_written
    return outcome


def store_reviews(
    messages: Sequence[RawMessage],
    sink: ContactSink,
    *,
    sleep: Callable[[float], None] = time.sleep,
) -> BatchOutcome:
    """Apply reviewers' confirmations and corrections; undecodable ones are dead-lettered."""
    outcome = BatchOutcome()
    reviews = [r for _, r in decode_batch(messages, ContactReviewed, outcome.dead_letters)]
    if reviews:
        result = _retry_while_unavailable(lambda: sink.apply_reviews(reviews), sleep)
        outcome.stored = result.applied
        if result.skipped:
            log.warning("%d review(s) name contacts that are not stored", result.skipped)
    if outcome.dead_letters:
        for dead in outcome.dead_letters:
            sink.add_dead_letter(dead)
        _retry_while_unavailable(sink.flush, sleep)
    return outcome


def decode_batch(
    messages: Sequence[RawMessage], event_type: type[Event], dead_letters: list[DeadLetter]
) -> list[tuple[RawMessage, Event]]:
    """Each message decoded as ``event_type``, beside the message it came from; one that
    cannot be decoded goes onto ``dead_letters`` with the reason, and the rest carry on."""
    decoded: list[tuple[RawMessage, Event]] = []
    for message in messages:
        try:
            decoded.append((message, decode(message.value, event_type, key=_where(message))))
        except ContractError as exc:
            dead_letters.append(message.dead_letter(str(exc)))
    return decoded


def _write(
    items: list[tuple[RawMessage, ContactReceived, ContactClassified, PublicWording]],
    sink: ContactSink,
    outcome: BatchOutcome,
    sleep: Callable[[float], None],
) -> None:
    def write(
        batch: Sequence[tuple[RawMessage, ContactReceived, ContactClassified, PublicWording]],
        dead: Sequence[DeadLetter],
    ) -> FlushResult:
        for _, contact, classified, wording in batch:
            sink.add(contact, classified, wording)
        for d in dead:
            sink.add_dead_letter(d)
        return sink.flush()

    try:
        result = _retry_while_unavailable(lambda: write(items, outcome.dead_letters), sleep)
        outcome.stored, outcome.new = result.contacts_written, result.contacts_new
        outcome.classified = [classified for _, _, classified, _ in items]
        return
    except SinkError as exc:
        log.warning("batch of %d failed to store (%s); storing one by one", len(items), exc)
    # Find the record(s) the database refuses; everything else is stored.
    for item in items:
        try:
            result = _retry_while_unavailable(lambda item=item: write([item], []), sleep)  # type: ignore[misc]
            outcome.stored += result.contacts_written
            outcome.new += result.contacts_new
            outcome.classified.append(item[2])
        except SinkError as exc:
            outcome.dead_letters.append(item[0].dead_letter(f"could not be stored: {exc}"))
    _retry_while_unavailable(lambda: write([], outcome.dead_letters), sleep)


def _retry_while_unavailable(write: Callable[[], R], sleep: Callable[[float], None]) -> R:
    """Keep trying while the database is unavailable: offsets must not move past unstored data."""
    return retry_while_unavailable(write, sleep)


def _where(message: RawMessage) -> str:
    return f"{message.topic}[{message.partition}]@{message.offset}"
