"""Nobody in without the right: every /review route needs a live staff token (401 otherwise),
a contact outside the token's partners is 404 like one that does not exist, the reviewer is
the token's holder whatever the client says, and every call lands in the audit trail."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from kafka import KafkaConsumer, TopicPartition
from sqlalchemy import Engine

from config import ReferenceData, Settings
from contracts import ContactReviewed, Topic, decode, topic_name
from sinks import issue_staff_token, revoke_staff_token, staff_audit
from web import create_app

from .test_review import store

pytestmark = pytest.mark.kafka


@pytest.fixture()
def client(
    kafka_settings: Settings, reference: ReferenceData, engine: Engine
) -> Iterator[TestClient]:
    with TestClient(create_app(kafka_settings, reference, engine=engine)) as test_client:
        yield test_client


def bearer(secret: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {secret}"}


def routes(contact_id: uuid.UUID) -> list[tuple[str, str]]:
    return [("GET", "/review"), ("GET", f"/review/{contact_id}"), ("POST", f"/review/{contact_id}")]


def call(client: TestClient, method: str, path: str, headers: dict[str, str]) -> int:
    body = {"action": "confirm"} if method == "POST" else None
    return client.request(method, path, json=body, headers=headers).status_code


def test_every_route_answers_401_without_a_live_token(client: TestClient, engine: Engine) -> None:
    contact_id = store(engine, "A1", 0.3)
    issued = issue_staff_token(engine, "jo")
    for method, path in routes(contact_id):
        answer = client.request(method, path, json={"action": "confirm"})
        assert answer.status_code == 401, (method, path)
        assert answer.headers["www-authenticate"] == "Bearer"
        assert call(client, method, path, bearer("not-a-token")) == 401
        assert call(client, method, path, {"Authorization": issued.secret}) == 401  # no scheme
        assert call(client, method, path, bearer(issued.secret)) in (200, 202)
    revoke_staff_token(engine, issued.token.token_id)
    for method, path in routes(contact_id):
        assert call(client, method, path, bearer(issued.secret)) == 401, (method, path)


def test_contacts_outside_the_tokens_partners_are_not_found(
    client: TestClient, engine: Engine
) -> None:
    ours = store(engine, "A2", 0.3, partner="council")
    theirs = store(engine, "A3", 0.2, partner="police")
    council = bearer(issue_staff_token(engine, "sam", ["partner:council"]).secret)
    listed = client.get("/review", headers=council).json()
    assert [i["contact_id"] for i in listed["items"]] == [str(ours)]
    assert listed["waiting"] == 1
    for method, path in routes(theirs)[1:]:
        answer = client.request(method, path, json={"action": "confirm"}, headers=council)
        assert answer.status_code == 404, (method, path)
        assert answer.json() == {"detail": f"no contact {theirs}"}  # as for an unused id
    assert client.get(f"/review/{ours}", headers=council).status_code == 200
    everyone = bearer(issue_staff_token(engine, "ali").secret)
    assert client.get("/review", headers=everyone).json()["waiting"] == 2
    assert client.get(f"/review/{theirs}", headers=everyone).status_code == 200


def test_the_reviewer_is_the_tokens_holder_and_every_call_is_audited(
    client: TestClient, engine: Engine, kafka_settings: Settings
) -> None:
    contact_id = store(engine, "A4", 0.3)
    issued = issue_staff_token(engine, "jo")
    headers = bearer(issued.secret)
    client.get("/review", headers=headers)
    client.get(f"/review/{contact_id}", headers=headers)
    answer = client.post(
        f"/review/{contact_id}",
        json={"action": "correct", "reviewer": "anonymous-attacker", "category": "fly_tipping"},
        headers=headers,
    )
    assert answer.status_code == 202, answer.text
    assert answer.json()["reviewer"] == "jo"
    review = f"(review {answer.json()['review_id']})"
    assert [e.reviewer for e in reviews_on_the_broker(kafka_settings)] == ["jo"]
    missing = uuid.uuid4()
    assert client.get(f"/review/{missing}", headers=headers).status_code == 404
    audit = [(e.holder, e.action, e.contact_id, e.outcome) for e in staff_audit(engine)]
    assert audit == [
        ("jo", "list", None, "1 of 1 waiting"),
        ("jo", "list", contact_id, "listed"),
        ("jo", "read", contact_id, "shown"),
        ("jo", "relabel", contact_id, f"correct complaint/waste_recycling/fly_tipping {review}"),
        ("jo", "read", missing, "not found"),
    ]
    assert {e.token_id for e in staff_audit(engine)} == {issued.token.token_id}


def reviews_on_the_broker(settings: Settings) -> list[ContactReviewed]:
    name = topic_name(Topic.contacts_reviewed, settings.topic_prefix)
    consumer = KafkaConsumer(bootstrap_servers=settings.kafka_bootstrap, enable_auto_commit=False)
    tps = [TopicPartition(name, p) for p in sorted(consumer.partitions_for_topic(name) or ())]
    consumer.assign(tps)
    consumer.seek_to_beginning(*tps)
    events = []
    while batch := consumer.poll(timeout_ms=1500):
        events.extend(decode(r.value, ContactReviewed) for rs in batch.values() for r in rs)
    consumer.close()
    return events
