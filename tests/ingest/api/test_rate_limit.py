"""Per-client rate limit of the intake API (CIVICPULSE_API_RATE_LIMIT_*), against the real
broker: a client over its rate gets 429 with Retry-After, and what it was refused never reaches
the broker; other clients and health checks go on as before."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from config import ReferenceData, Settings
from contracts import Topic
from ingest.api import create_app
from tests.ingest.api.test_intake_api import read_topic

pytestmark = pytest.mark.kafka


@pytest.fixture()
def limited(kafka_settings: Settings, reference: ReferenceData) -> Iterator[FastAPI]:
    settings = kafka_settings.with_changes(api_rate_limit_per_second=1.0, api_rate_limit_burst=3)
    app = create_app(settings, reference)
    with TestClient(app):  # runs the lifespan once, so the publisher is closed at the end
        yield app


def client_at(app: FastAPI, address: str) -> TestClient:
    return TestClient(app, client=(address, 50000))


def test_a_client_over_its_rate_gets_429_with_retry_after(
    limited: FastAPI, kafka_settings: Settings
) -> None:
    resident = client_at(limited, "192.0.2.10")
    answers = [resident.post("/contacts", json={"text": f"Bins missed {i}"}) for i in range(4)]
    assert [a.status_code for a in answers] == [202, 202, 202, 429]
    refused = answers[-1]
    assert refused.headers["retry-after"] == "1"
    assert refused.json()["detail"] == (
        "too many requests from 192.0.2.10: the limit is 1 a second (bursts of 3); retry after 1 s"
    )
    assert len(read_topic(kafka_settings, Topic.contacts_received)) == 3  # not the refused one


def test_other_clients_and_health_checks_are_not_held_back(limited: FastAPI) -> None:
    busy, other = client_at(limited, "192.0.2.10"), client_at(limited, "192.0.2.11")
    for i in range(3):
        assert busy.post("/contacts", json={"text": f"Pothole {i}"}).status_code == 202
    assert busy.post("/contacts", json={"text": "Pothole again"}).status_code == 429
    assert busy.get("/health").status_code == 200
    assert other.post("/contacts", json={"text": "Streetlight out"}).status_code == 202


def test_the_allowance_comes_back_at_the_configured_rate(limited: FastAPI) -> None:
    resident = client_at(limited, "192.0.2.12")
    statuses = [resident.post("/contacts", json={"text": "Graffiti"}).status_code for _ in range(4)]
    assert statuses[-1] == 429
    time.sleep(1.1)  # one request a second: one more is allowed, not two
    assert resident.post("/contacts", json={"text": "Graffiti"}).status_code == 202
    assert resident.post("/contacts", json={"text": "Graffiti"}).status_code == 429


def test_no_limit_unless_configured(kafka_settings: Settings, reference: ReferenceData) -> None:
    with TestClient(create_app(kafka_settings, reference)) as client:
        statuses = {client.post("/ratings", json={"text": "x"}).status_code for _ in range(150)}
    assert 429 not in statuses  # each refused as a bad rating (422), none as too many
