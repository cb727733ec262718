"""The review API: lists the queue from the database, publishes decisions to the broker (as a
staff token's holder; access itself is tested in test_review_access.py)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from fastapi.testclient import TestClient
from kafka import KafkaConsumer, TopicPartition
from sqlalchemy import Engine

from config import ReferenceData, Settings
from contracts import (
    Channel,
    ContactReviewed,
    Suggestion,
    Topic,
    decode,
    topic_name,
)
from sinks import issue_staff_token
from tests.fixtures.contacts import ContactSpec, store_contacts
from web import create_app

pytestmark = pytest.mark.kafka


def store(engine: Engine, ref: str, confidence: float, partner: str = "council") -> uuid.UUID:
    [contact] = store_contacts(
        engine,
        ContactSpec(
            ref,
            when=datetime(2025, 10, 1, tzinfo=UTC),
            category="missed_collection",
            text="Rubbish dumped by the garages",
            channel=Channel.crm_export,
            source_system="crm",
            partner=partner,
            ward=None,
            confidence=confidence,
            needs_review=confidence < 0.5,
            suggestions=(
                Suggestion(
                    service="waste_recycling", category="missed_collection", probability=0.45
                ),
                Suggestion(service="waste_recycling", category="fly_tipping", probability=0.4),
            ),
        ),
    )
    return contact.contact_id


@pytest.fixture()
def client(
    kafka_settings: Settings, reference: ReferenceData, engine: Engine
) -> Iterator[TestClient]:
    app = create_app(
        kafka_settings,
        reference,
        engine=engine,
        explainer=lambda text: [("rubbish", 0.8), ("dumped", 0.5)],
    )
    secret = issue_staff_token(engine, "jo").secret
    with TestClient(app, headers={"Authorization": f"Bearer {secret}"}) as test_client:
        yield test_client


def test_queue_lists_unsure_contacts_with_suggestions_and_reasons(
    client: TestClient, engine: Engine
) -> None:
    unsure = store(engine, "Q1", 0.3)
    store(engine, "Q2", 0.99)
    body = client.get("/review").json()
    assert body["waiting"] == 1
    [item] = body["items"]
    assert item["contact_id"] == str(unsure)
    assert [s["category"] for s in item["suggestions"]] == ["missed_collection", "fly_tipping"]
    assert item["explanation"][0] == {"word": "rubbish", "weight": 0.8}


def test_a_correction_is_published_for_the_worker(
    client: TestClient, engine: Engine, kafka_settings: Settings
) -> None:
    contact_id = store(engine, "Q3", 0.3)
    answer = client.post(
        f"/review/{contact_id}",
        json={"action": "correct", "reviewer": "jo", "category": "Fly tipping"},
    )
    assert answer.status_code == 202, answer.text
    assert answer.json()["corrected"] is True
    name = topic_name(Topic.contacts_reviewed, kafka_settings.topic_prefix)
    consumer = KafkaConsumer(
        bootstrap_servers=kafka_settings.kafka_bootstrap, enable_auto_commit=False
    )
    tps = [TopicPartition(name, p) for p in sorted(consumer.partitions_for_topic(name) or ())]
    consumer.assign(tps)
    consumer.seek_to_beginning(*tps)
    events = []
    while batch := consumer.poll(timeout_ms=1500):
        events.extend(decode(r.value, ContactReviewed) for rs in batch.values() for r in rs)
    consumer.close()
    assert [(e.contact_id, e.category, e.service, e.reviewer) for e in events] == [
        (contact_id, "fly_tipping", "waste_recycling", "jo")
    ]


def test_bad_decisions_are_refused(client: TestClient, engine: Engine) -> None:
    contact_id = store(engine, "Q4", 0.3)
    wrong = client.post(
        f"/review/{contact_id}",
        json={"action": "correct", "reviewer": "jo", "category": "unicorns"},
    )
    assert wrong.status_code == 422 and "unknown category" in wrong.json()["detail"]
    mismatch = client.post(
        f"/review/{contact_id}",
        json={
            "action": "correct",
            "reviewer": "jo",
            "category": "fly_tipping",
            "service": "parking",
        },
    )
    assert mismatch.status_code == 422
    assert (
        client.post(
            f"/review/{uuid.uuid4()}", json={"action": "confirm", "reviewer": "jo"}
        ).status_code
        == 404
    )
