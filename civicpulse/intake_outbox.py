"""Wiring the intake outbox: its relay reads what the database holds (through ``sinks``) and
notices a restarted embedded broker (through the address file the broker writes).

``serve`` (and so ``up``) runs the relay in a thread for as long as it runs; ``ingest`` sends
its own records and leaves the rest to that relay.
"""

from __future__ import annotations

import logging
import uuid

from sqlalchemy import Engine

from civicpulse.embedded_broker import recorded
from config import Settings
from contracts import Topic
from ingest import KafkaPublisher, Outbox, OutboxPublisher, OutboxRelay, StoredCheck
from sinks import make_engine, stored_contact_ids, stored_rating_ids, stored_review_ids


def stored_check(engine: Engine) -> StoredCheck:
    """Which records of a topic the database holds (contacts by id, ratings by rating id,
    reviewers' decisions by review id)."""

    def stored(topic: Topic, ids: list[uuid.UUID]) -> set[uuid.UUID]:
        if topic is Topic.contacts_received:
            return stored_contact_ids(engine, ids)
        if topic is Topic.ratings_received:
            return stored_rating_ids(engine, ids)
        if topic is Topic.contacts_reviewed:
            return stored_review_ids(engine, ids)
        return set()

    return stored


def broker_generation(settings: Settings) -> object:
    """The embedded broker's pid as recorded in CIVICPULSE_HOME: it changes on a restart.
    None for a broker this home did not start (Kafka: overdue records are sent again instead)."""
    broker = recorded(settings.broker_file)
    return broker.get("pid") if broker.get("bootstrap") == settings.kafka_bootstrap else None


def build_relay(settings: Settings, *, ack_timeout: float = 5.0) -> OutboxRelay:
    """A relay over this home's outbox, publishing to ``settings.kafka_bootstrap``."""
    engine = make_engine(settings.sqlalchemy_url, must_exist=True)
    return OutboxRelay(
        outbox=Outbox(settings.outbox_file),
        producer_factory=lambda: KafkaPublisher(
            settings, ack_timeout=ack_timeout, max_block_seconds=ack_timeout, idempotent=False
        ),
        stored=stored_check(engine),
        broker_generation=lambda: broker_generation(settings),
    )


def outbox_publisher(settings: Settings, relay: OutboxRelay, *, strict: bool) -> OutboxPublisher:
    return OutboxPublisher(settings, relay, strict=strict)


def durable_publisher(settings: Settings) -> OutboxPublisher:
    """For a command (``ingest``, ``review``): what it publishes is committed to the intake
    outbox first, so it counts as published only once it is safe; the relay of ``serve``/``up``
    sends again whatever the broker loses. kafka-python's own logging is silenced: a lost
    broker is reported once, in one line."""
    logging.getLogger("kafka").setLevel(logging.CRITICAL)
    return outbox_publisher(settings, build_relay(settings, ack_timeout=30.0), strict=True)
