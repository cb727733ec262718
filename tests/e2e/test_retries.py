"""Retries through the real path: intake API -> real broker -> worker batch -> real database.

A client that retries with an ``Idempotency-Key`` is stored once; without a key (or a
``source_ref``) each post is a new record, as the README says. Rating comments are stored
with personal data removed, as contact text is.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from kafka import KafkaConsumer, TopicPartition
from sqlalchemy import Engine, func, select

from classifiers import ContactClassifier
from config import ReferenceData, Settings
from contracts import Topic, topic_name
from ingest.api import create_app
from sinks import SqlContactSink
from sinks.db.tables import ContactRow, RatingRow
from workers import RawMessage, store_contacts, store_ratings

pytestmark = pytest.mark.kafka


def on_topic(settings: Settings, topic: Topic) -> list[RawMessage]:
    """Everything on ``topic`` so far, as the worker would receive it."""
    name = topic_name(topic, settings.topic_prefix)
    consumer = KafkaConsumer(bootstrap_servers=settings.kafka_bootstrap, enable_auto_commit=False)
    try:
        tps = [TopicPartition(name, p) for p in sorted(consumer.partitions_for_topic(name) or ())]
        consumer.assign(tps)
        consumer.seek_to_beginning(*tps)
        out: list[RawMessage] = []
        while batch := consumer.poll(timeout_ms=1500):
            out.extend(
                RawMessage(r.topic, r.partition, r.offset, r.key, r.value)
                for records in batch.values()
                for r in records
            )
        return out
    finally:
        consumer.close()


@pytest.fixture()
def client(kafka_settings: Settings, reference: ReferenceData) -> Iterator[TestClient]:
    with TestClient(create_app(kafka_settings, reference)) as test_client:
        yield test_client


def rows(engine: Engine, table: type[ContactRow] | type[RatingRow]) -> int:
    with engine.connect() as c:
        return c.scalar(select(func.count()).select_from(table)) or 0


def test_retried_posts_with_one_key_are_stored_once(
    client: TestClient,
    kafka_settings: Settings,
    engine: Engine,
    small_classifier: ContactClassifier,
) -> None:
    body = {"text": "The street light outside number 4 has been out for a week"}
    answers = [
        client.post("/contacts", json=body, headers={"Idempotency-Key": "form-7f3a"})
        for _ in range(20)
    ]
    assert {a.status_code for a in answers} == {202}
    contact_id = answers[0].json()["contact_id"]
    assert {a.json()["contact_id"] for a in answers} == {contact_id}
    unkeyed = [client.post("/contacts", json=body).json()["contact_id"] for _ in range(3)]
    assert len(set(unkeyed)) == 3  # no key, no source_ref: every post is a new contact

    messages = on_topic(kafka_settings, Topic.contacts_received)
    assert len(messages) == 23  # all on the stream: the id is what makes them one
    store_contacts(messages, small_classifier, SqlContactSink(engine))
    assert rows(engine, ContactRow) == 1 + 3
    with engine.connect() as c:
        ids = set(c.scalars(select(ContactRow.contact_id)))
    assert ids == {uuid.UUID(i) for i in [contact_id, *unkeyed]}


def test_retried_ratings_with_one_key_are_stored_once_and_comments_redacted(
    client: TestClient, kafka_settings: Settings, engine: Engine
) -> None:
    contact_id = str(uuid.uuid4())
    body = {
        "contact_id": contact_id,
        "score": 2,
        "comment": "Mr Patel never rang back. Call me on 07700 900123 or jane.citizen@example.com",
    }
    for _ in range(50):
        answer = client.post("/ratings", json=body, headers={"Idempotency-Key": "rating-1"})
        assert answer.status_code == 202
    client.post("/ratings", json={**body, "idempotency_key": "rating-2"})

    messages = on_topic(kafka_settings, Topic.ratings_received)
    assert len(messages) == 51
    store_ratings(messages, SqlContactSink(engine))
    assert rows(engine, RatingRow) == 2
    with engine.connect() as c:
        comments = set(c.scalars(select(RatingRow.comment)))
    assert comments == {"[name] never rang back. Call me on [phone] or [email]"}
