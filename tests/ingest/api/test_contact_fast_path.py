"""The fast path of POST /contacts answers exactly as the FastAPI route does: the same status
and the same bytes for what it accepts, and the route's own answer for everything else.

``application/json`` takes the fast path; ``application/vnd.civicpulse+json`` (JSON to
FastAPI, not to the fast path) goes to the route, so each body is posted both ways."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, example, given, settings

from config import ReferenceData, Settings
from contracts import ContactReceived, Topic
from ingest import ContactSubmission, MemoryPublisher
from ingest.api import create_app
from ingest.errors import BrokerUnavailableError
from tests.ingest.api.test_intake_properties import bodies

FAST = "application/json"
ROUTE = "application/vnd.civicpulse+json"
WHEN = "2026-11-30T09:15:00+00:00"


class PausedPublisher:
    """A Publisher whose broker is gone: every publish is refused."""

    def publish(self, topic: Topic, events: object) -> int:
        raise BrokerUnavailableError("no broker answered at 192.0.2.1:9092")

    def close(self) -> None:
        pass


@pytest.fixture(scope="module")
def publisher() -> MemoryPublisher:
    return MemoryPublisher()


@pytest.fixture(scope="module")
def client(
    reference: ReferenceData, publisher: MemoryPublisher, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[TestClient]:
    app = create_app(Settings(home=tmp_path_factory.mktemp("home")), reference, lambda: publisher)
    with TestClient(app) as test_client:
        yield test_client


def post(client: TestClient, body: bytes, content_type: str, key: str | None = None) -> Any:
    headers = {"content-type": content_type}
    if key is not None:
        headers["Idempotency-Key"] = key
    return client.post("/contacts", content=body, headers=headers)


def sent(publisher: MemoryPublisher) -> list[ContactReceived]:
    return [event for _, event in publisher.sent.get(Topic.contacts_received, [])]  # type: ignore[misc]


@pytest.mark.parametrize(
    "body",
    [
        {"text": "Bins missed on Ditton Road", "source_ref": "WF-7", "received_at": WHEN},
        {"text": "Street light out", "ward": "ditton", "partner": "HBC", "source_ref": "WF-8"},
        {"text": "Pothole", "idempotency_key": "form-81", "received_at": "2001-01-01T00:00:00Z"},
        {"text": "Early", "source_ref": "WF-9", "received_at": "1990-05-01T08:00:00+01:00"},
    ],
)
def test_an_accepted_contact_gets_the_routes_answer_byte_for_byte(
    client: TestClient, publisher: MemoryPublisher, body: dict[str, Any]
) -> None:
    content = json.dumps(body).encode()
    fast, route = post(client, content, FAST), post(client, content, ROUTE)
    assert (fast.status_code, route.status_code) == (202, 202)
    if "received_at" in body:  # otherwise "now" differs between the two posts
        assert fast.content == route.content
    else:
        assert fast.json().keys() == route.json().keys()
    assert fast.headers["content-type"] == route.headers["content-type"]
    # Both published the same contact once each.
    first, second = sent(publisher)[-2:]
    assert first.contact_id == second.contact_id
    assert str(first.contact_id) == fast.json()["contact_id"]


def test_the_header_key_is_honoured_and_a_mismatch_gets_the_routes_422(
    client: TestClient, publisher: MemoryPublisher
) -> None:
    content = json.dumps({"text": "Graffiti on the bridge", "received_at": WHEN}).encode()
    fast = post(client, content, FAST, key="retry-42")
    assert fast.content == post(client, content, ROUTE, key="retry-42").content
    assert (
        fast.json()["contact_id"]
        == post(client, content, FAST, key="retry-42").json()["contact_id"]
    )
    mismatch = json.dumps({"text": "x", "idempotency_key": "other"}).encode()
    before = len(sent(publisher))
    fast, route = (
        post(client, mismatch, FAST, key="retry-42"),
        post(client, mismatch, ROUTE, key="retry-42"),
    )
    assert fast.status_code == route.status_code == 422
    assert fast.json() == route.json()
    assert len(sent(publisher)) == before  # nothing published for a refusal


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=bodies(ContactSubmission))
@example(body={"text": "  "})
@example(body={"text": "x", "colour": "red"})
@example(body=[{"text": "x"}])
@example(body={"text": "x", "received_at": "2099-01-01T00:00:00Z"})
def test_any_json_body_gets_the_same_status_and_refusal_as_the_route(
    client: TestClient, publisher: MemoryPublisher, body: Any
) -> None:
    content = json.dumps(body).encode("utf-8", "surrogatepass")
    before = len(sent(publisher))
    fast, route = post(client, content, FAST), post(client, content, ROUTE)
    assert fast.status_code == route.status_code
    if fast.status_code == 202:
        assert len(sent(publisher)) == before + 2  # one contact per 202, not two
    else:
        assert fast.json() == route.json()
        assert len(sent(publisher)) == before


@pytest.mark.parametrize(
    "content", [b"", b"{", b"\xff\xfe", b"NaN", b'{"text": NaN}', b"[" * 5000 + b"]" * 5000]
)
def test_bodies_that_are_not_json_get_the_routes_answer(client: TestClient, content: bytes) -> None:
    fast, route = post(client, content, FAST), post(client, content, ROUTE)
    assert fast.status_code == route.status_code
    assert fast.status_code in (400, 422)
    assert fast.json() == route.json()


def test_a_paused_intake_answers_503_as_the_route_does(
    reference: ReferenceData, tmp_path_factory: pytest.TempPathFactory
) -> None:
    app = create_app(
        Settings(home=tmp_path_factory.mktemp("home")), reference, lambda: PausedPublisher()
    )
    with TestClient(app) as client:
        content = json.dumps({"text": "Bins missed"}).encode()
        fast, route = post(client, content, FAST), post(client, content, ROUTE)
    assert fast.status_code == route.status_code == 503
    assert fast.content == route.content
    assert fast.headers["retry-after"] == route.headers["retry-after"] == "30"
