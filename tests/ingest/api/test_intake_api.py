"""The intake API against the real broker: 202 only once the event is on the broker."""

from __future__ import annotations

import uuid

import pytest
from fastapi.testclient import TestClient
from kafka import KafkaConsumer, TopicPartition

from civicpulse.embedded_broker import free_port
from config import ReferenceData, Settings
from contracts import ContactReceived, RatingReceived, Topic, decode, topic_name
from ingest.api import PAUSED, create_app

pytestmark = pytest.mark.kafka


def read_topic(settings: Settings, topic: Topic) -> list[tuple[bytes | None, bytes]]:
    """Everything on ``topic`` so far, read without a consumer group."""
    name = topic_name(topic, settings.topic_prefix)
    consumer = KafkaConsumer(bootstrap_servers=settings.kafka_bootstrap, enable_auto_commit=False)
    try:
        tps = [TopicPartition(name, p) for p in sorted(consumer.partitions_for_topic(name) or ())]
        if not tps:
            return []
        consumer.assign(tps)
        consumer.seek_to_beginning(*tps)
        out = []
        while batch := consumer.poll(timeout_ms=1500):
            out.extend((r.key, r.value) for records in batch.values() for r in records)
        return out
    finally:
        consumer.close()


@pytest.fixture()
def client(kafka_settings: Settings, reference: ReferenceData) -> TestClient:
    with TestClient(create_app(kafka_settings, reference)) as test_client:
        yield test_client


def test_202_means_the_contact_is_on_the_broker(
    client: TestClient, kafka_settings: Settings
) -> None:
    body = {
        "text": "Fly-tipping behind the shops on Ditton Road",
        "ward": "ditton",
        "partner": "HBC",
        "reporter_name": "Sam Example",
        "reporter_email": "sam@example.com",
        "source_ref": "WF-1",
    }
    answer = client.post("/contacts", json=body)
    assert answer.status_code == 202
    contact_id = answer.json()["contact_id"]
    assert answer.json()["reference"] == contact_id
    on_broker = read_topic(kafka_settings, Topic.contacts_received)
    assert [key for key, _ in on_broker] == [contact_id.encode()]
    event = decode(on_broker[0][1], ContactReceived)
    assert (event.ward, event.partner) == ("Ditton", "council")  # canonical names from config
    assert event.reporter.email == "sam@example.com"
    assert "sam@example.com" not in event.text
    # The same form reference posted again is the same contact.
    assert client.post("/contacts", json=body).json()["contact_id"] == contact_id


def test_rating_is_published_keyed_by_its_contact(
    client: TestClient, kafka_settings: Settings
) -> None:
    contact_id = str(uuid.uuid4())
    answer = client.post("/ratings", json={"contact_id": contact_id, "score": 2, "comment": "Slow"})
    assert answer.status_code == 202
    [(key, value)] = read_topic(kafka_settings, Topic.ratings_received)
    assert key == contact_id.encode()
    assert decode(value, RatingReceived).score == 2


def test_422_names_each_bad_field(client: TestClient) -> None:
    answer = client.post("/contacts", json={"text": "  ", "contact_type": "moan", "colour": "red"})
    assert answer.status_code == 422
    fields = {tuple(e["loc"]) for e in answer.json()["detail"]}
    assert {("body", "text"), ("body", "contact_type"), ("body", "colour")} <= fields


def test_413_for_a_body_over_the_limit(client: TestClient, kafka_settings: Settings) -> None:
    answer = client.post("/contacts", json={"text": "x" * (kafka_settings.api_max_body_bytes + 10)})
    assert answer.status_code == 413
    assert read_topic(kafka_settings, Topic.contacts_received) == []


def test_503_and_nothing_accepted_when_the_broker_is_unreachable(
    reference: ReferenceData, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    settings = Settings(home=tmp_path, kafka_bootstrap=f"127.0.0.1:{free_port()}")
    with TestClient(create_app(settings, reference)) as offline:
        answer = offline.post("/contacts", json={"text": "Pothole"})
    assert answer.status_code == 503
    # The public is told only that intake is paused: no broker address, no commands.
    assert answer.json()["detail"] == PAUSED
    assert settings.kafka_bootstrap not in answer.text and "civicpulse" not in answer.text


def test_openapi_document_describes_the_contract(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert {"/contacts", "/ratings"} <= set(spec["paths"])
    assert spec["components"]["schemas"]["ContactSubmission"]["required"] == ["text"]
