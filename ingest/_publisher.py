"""Publishing events to Kafka. The only place a kafka-python KafkaProducer is built.

Every event is keyed by its contact id, sent with acks=all and retries, and a publish call
returns only after the broker has acknowledged every event it was given.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Protocol

from kafka import KafkaProducer
from kafka.errors import KafkaError
from pydantic import BaseModel

from config import Settings
from contracts import (
    CaseEvent,
    ContactReceived,
    ContactReviewed,
    RatingReceived,
    Topic,
    encode,
    topic_name,
)
from ingest._kafka import NO_BROKER_HINT, client_options, ensure_topics, open_kafka
from ingest.errors import BrokerUnavailableError

log = logging.getLogger(__name__)


class Publisher(Protocol):
    """Where ingest sends events. ``publish`` returns once the broker has them all."""

    def publish(self, topic: Topic, events: Iterable[tuple[uuid.UUID, BaseModel]]) -> int: ...

    def close(self) -> None: ...


def publish_contacts(publisher: Publisher, contacts: Iterable[ContactReceived]) -> int:
    """Publish contacts keyed by contact id; returns how many the broker acknowledged."""
    return publisher.publish(Topic.contacts_received, ((c.contact_id, c) for c in contacts))


def publish_ratings(publisher: Publisher, ratings: Iterable[RatingReceived]) -> int:
    """Publish ratings keyed by the contact they rate (so they share its partition)."""
    return publisher.publish(Topic.ratings_received, ((r.contact_id, r) for r in ratings))


def publish_reviews(publisher: Publisher, reviews: Iterable[ContactReviewed]) -> int:
    """Publish reviewers' decisions keyed by contact id."""
    return publisher.publish(Topic.contacts_reviewed, ((r.contact_id, r) for r in reviews))


def publish_case_events(publisher: Publisher, events: Iterable[CaseEvent]) -> int:
    """Publish case lifecycle events keyed by contact id (one partition per contact)."""
    return publisher.publish(Topic.cases_events, ((e.contact_id, e) for e in events))


class KafkaPublisher:
    """A Publisher backed by one long-lived kafka-python producer."""

    def __init__(
        self,
        settings: Settings,
        *,
        ack_timeout: float = 30.0,
        max_block_seconds: float = 10.0,
        idempotent: bool = True,
        compression: str | None = None,
        max_request_bytes: int = 1024 * 1024,
    ) -> None:
        self._settings = settings
        self._ack_timeout = ack_timeout
        ensure_topics(settings)
        try:
            self._producer = open_kafka(
                KafkaProducer,
                **client_options(settings),
                acks="all",
                retries=10,
                linger_ms=5,
                batch_size=256 * 1024,
                # Idempotence: retries neither duplicate nor reorder a key's events. The outbox
                # relay turns it off: an idempotent producer never recovers from a restarted
                # embedded broker, and its sinks are idempotent anyway.
                enable_idempotence=idempotent,
                max_block_ms=int(max_block_seconds * 1000),
                request_timeout_ms=int(min(15.0, ack_timeout) * 1000),
                compression_type=compression,
                max_request_size=max_request_bytes,
            )
        except KafkaError as exc:
            raise BrokerUnavailableError(
                f"Kafka broker at {settings.kafka_bootstrap} is unreachable ({exc}): "
                f"{NO_BROKER_HINT}"
            ) from exc

    def publish(self, topic: Topic, events: Iterable[tuple[uuid.UUID, BaseModel]]) -> int:
        return self.publish_encoded(topic, ((key, encode(event)) for key, event in events))

    def publish_encoded(self, topic: Topic, events: Iterable[tuple[uuid.UUID, bytes]]) -> int:
        """Publish already-encoded values; returns once the broker acknowledged them all."""
        name = topic_name(topic, self._settings.topic_prefix)
        futures = []
        try:
            for key, value in events:
                futures.append(self._producer.send(name, key=str(key).encode(), value=value))
            # Wait for these events' acknowledgements only, not flush(): flush waits for
            # everything any thread has sent, so concurrent API requests each waited for all
            # the others'. The producer sends within linger_ms, so events sent together by
            # concurrent requests go to the broker as one batch.
            for future in futures:
                future.get(timeout=self._ack_timeout)
        except KafkaError as exc:
            raise BrokerUnavailableError(
                f"the broker did not acknowledge events on {name} ({exc!r}); "
                f"{len(futures)} sent, none can be assumed stored"
            ) from exc
        return len(futures)

    def close(self) -> None:
        try:
            self._producer.flush(timeout=self._ack_timeout)
        finally:
            self._producer.close(timeout=5)


@dataclass
class MemoryPublisher:
    """A Publisher that keeps events in lists, for dev runs and unit tests."""

    sent: dict[Topic, list[tuple[uuid.UUID, BaseModel]]] = field(default_factory=dict)
    closed: bool = False

    def publish(self, topic: Topic, events: Iterable[tuple[uuid.UUID, BaseModel]]) -> int:
        batch = list(events)
        self.sent.setdefault(topic, []).extend(batch)
        return len(batch)

    def close(self) -> None:
        self.closed = True
