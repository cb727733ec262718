"""POST /contacts/{contact_id}/events on the real broker: 202 once the event is on the
broker keyed by its contact; a retry is the same event; bad steps are a 422 naming the field."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from config import ReferenceData, Settings
from contracts import CaseEvent, CaseEventKind, CaseOutcome, Topic, decode
from ingest.api import create_app
from tests.ingest.api.test_intake_api import read_topic

pytestmark = pytest.mark.kafka


@pytest.fixture()
def client(kafka_settings: Settings, reference: ReferenceData) -> Iterator[TestClient]:
    with TestClient(create_app(kafka_settings, reference)) as test_client:
        yield test_client


def test_a_case_event_is_on_the_broker_keyed_by_its_contact(
    client: TestClient, kafka_settings: Settings
) -> None:
    contact_id = uuid.uuid4()  # not stored anywhere yet: the event waits for its contact
    body = {
        "kind": "responded",
        "occurred_at": "2025-10-20T10:00:00+01:00",
        "stage": 1,
        "outcome": "partly_upheld",
        "source_system": "verint",
    }
    answer = client.post(f"/contacts/{contact_id}/events", json=body)
    assert answer.status_code == 202, answer.text
    again = client.post(f"/contacts/{contact_id}/events", json=body)
    assert again.json()["event_id"] == answer.json()["event_id"]
    on_broker = read_topic(kafka_settings, Topic.cases_events)
    assert [key for key, _ in on_broker] == [str(contact_id).encode()] * 2
    event = decode(on_broker[0][1], CaseEvent)
    assert (event.kind, event.outcome, event.stage) == (
        CaseEventKind.responded,
        CaseOutcome.partly_upheld,
        1,
    )
    assert event.occurred_at.isoformat() == "2025-10-20T09:00:00+00:00"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"kind": "escalated"}, "body"),  # escalated must name stage 2 or 3
        ({"kind": "acknowledged", "outcome": "upheld"}, "body"),
        ({"kind": "reopened"}, "kind"),
        ({"kind": "responded", "stage": 4}, "stage"),
        ({"kind": "responded", "occurred_at": "2099-01-01T00:00:00Z"}, "occurred_at"),
        ({"kind": "responded", "note": "x"}, "note"),
    ],
)
def test_a_bad_step_is_refused_naming_the_field(
    client: TestClient, kafka_settings: Settings, body: dict[str, object], field: str
) -> None:
    answer = client.post(f"/contacts/{uuid.uuid4()}/events", json=body)
    assert answer.status_code == 422, answer.text
    assert any(field in d["loc"] for d in answer.json()["detail"]), answer.json()
    assert read_topic(kafka_settings, Topic.cases_events) == []


def test_an_id_that_is_not_a_uuid_is_refused(client: TestClient) -> None:
    answer = client.post("/contacts/CR-123/events", json={"kind": "acknowledged"})
    assert answer.status_code == 422
    assert answer.json()["detail"][0]["loc"] == ["path", "contact_id"]
