"""Rating links and follow-ups over HTTP, on the real broker and database: a rating through a
signed link is published for its contact; a bad token or an unknown contact is refused with
the reason; a second rating is the same rating (a change of mind); follow-ups are listed and
updated."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr
from sqlalchemy import Engine

from config import ReferenceData, Settings
from contracts import RatingReceived, Topic, decode
from ingest import contact_of_token, rating_link, rating_token
from sinks import SqlContactSink, issue_staff_token
from tests.ingest.api.test_intake_api import read_topic
from tests.web.routes.test_review import store
from web import create_app

pytestmark = pytest.mark.kafka


@pytest.fixture()
def settings(kafka_settings: Settings) -> Settings:
    return kafka_settings.with_changes(
        rating_link_secret=SecretStr("test-secret"), public_base_url="https://rate.example/"
    )


@pytest.fixture()
def client(settings: Settings, reference: ReferenceData, engine: Engine) -> Iterator[TestClient]:
    with TestClient(create_app(settings, reference, engine=engine)) as test_client:
        yield test_client


def token_of(link: str) -> str:
    assert link.startswith("https://rate.example/rate/")
    return link.rsplit("/", 1)[1]


def test_a_rating_through_the_link_is_published_for_that_contact(
    client: TestClient, settings: Settings, engine: Engine
) -> None:
    contact_id = store(engine, "R1", 0.9)
    token = token_of(rating_link(settings, contact_id))
    assert client.get(f"/rate/{token}").json() == {
        "contact_id": str(contact_id),
        "current_score": None,
    }
    answer = client.post(f"/rate/{token}", json={"score": 2, "follow_up_requested": True})
    assert answer.status_code == 202, answer.text
    assert answer.json()["change_of_mind"] is False
    ((key, value),) = read_topic(settings, Topic.ratings_received)
    rating = decode(value, RatingReceived)
    assert key == str(contact_id).encode()
    assert (rating.contact_id, rating.score, rating.follow_up_requested) == (contact_id, 2, True)
    # The worker stores it; a second rating through the link is the same rating, replaced.
    sink = SqlContactSink(engine)
    sink.add_rating(rating)
    sink.flush()
    again = client.post(f"/rate/{token}", json={"score": 4})
    assert again.json()["rating_id"] == answer.json()["rating_id"]
    assert (again.json()["change_of_mind"], again.json()["previous_score"]) == (True, 2)


@pytest.mark.parametrize(
    ("mangle", "reason"),
    [
        (lambda t: t[:-2] + ("AA" if not t.endswith("AA") else "BB"), "signature does not match"),
        (lambda t: t[:20], "bytes, not 32"),
        (lambda t: "not a token!", "base64url"),
    ],
)
def test_a_bad_token_is_refused_with_the_reason(
    client: TestClient, settings: Settings, engine: Engine, mangle: object, reason: str
) -> None:
    contact_id = store(engine, "R2", 0.9)
    bad = mangle(token_of(rating_link(settings, contact_id)))  # type: ignore[operator]
    answer = client.post(f"/rate/{bad}", json={"score": 5})
    assert answer.status_code == 403
    assert reason in answer.json()["detail"]
    assert read_topic(settings, Topic.ratings_received) == []


def test_a_token_signed_with_another_secret_is_refused(
    client: TestClient, settings: Settings, engine: Engine
) -> None:
    contact_id = store(engine, "R3", 0.9)
    forged = rating_token(b"someone else's secret", contact_id)
    answer = client.post(f"/rate/{forged}", json={"score": 5})
    assert answer.status_code == 403


def test_a_rating_for_an_unknown_contact_is_refused(client: TestClient, settings: Settings) -> None:
    unknown = uuid.uuid4()
    token = token_of(rating_link(settings, unknown))
    assert contact_of_token(b"test-secret", token) == unknown
    answer = client.post(f"/rate/{token}", json={"score": 1})
    assert answer.status_code == 404
    assert str(unknown) in answer.json()["detail"]
    assert read_topic(settings, Topic.ratings_received) == []


def test_follow_ups_are_for_staff_only_and_are_listed_and_updated(
    client: TestClient, engine: Engine
) -> None:
    assert client.get("/followups").status_code == 401  # names dissatisfied residents' contacts
    client.headers["Authorization"] = f"Bearer {issue_staff_token(engine, 'sam').secret}"
    contact_id = store(engine, "R4", 0.9)
    sink = SqlContactSink(engine)
    sink.add_rating(
        RatingReceived(
            rating_id=uuid.uuid4(),
            contact_id=contact_id,
            rated_at=datetime(2025, 10, 20, 10, tzinfo=UTC),
            score=1,
        )
    )
    sink.flush()
    (listed,) = client.get("/followups").json()
    assert listed["contact_id"] == str(contact_id)
    assert (listed["status"], listed["due"], listed["overdue"]) == ("open", "2025-10-27", True)
    assert client.get("/followups", params={"service": "highways"}).json() == []
    url = f"/followups/{listed['followup_id']}"
    refused = client.post(url, json={"status": "closed_without_action"})
    assert refused.status_code == 422 and "reason" in refused.json()["detail"]
    done = client.post(url, json={"status": "resolved", "note": "bin collected", "owner": "Sam"})
    assert done.status_code == 200, done.text
    assert (done.json()["status"], done.json()["overdue"], done.json()["owner"]) == (
        "resolved",
        False,
        "Sam",
    )
    assert client.get("/followups", params={"overdue": True}).json() == []
    assert client.post(f"/followups/{uuid.uuid4()}", json={"status": "open"}).status_code == 404
