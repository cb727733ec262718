"""Follow-ups, like /review: a token scoped to partners sees only their contacts' follow-ups;
one outside them answers 404 exactly like an id never used and is left unchanged; every call
is audited."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from config import ReferenceData, Settings
from contracts import RatingReceived
from sinks import SqlContactSink, follow_ups, issue_staff_token, staff_audit
from tests.web.routes.test_review import store
from web import create_app

pytestmark = pytest.mark.kafka


@pytest.fixture()
def client(
    kafka_settings: Settings, reference: ReferenceData, engine: Engine
) -> Iterator[TestClient]:
    with TestClient(create_app(kafka_settings, reference, engine=engine)) as test_client:
        yield test_client


def dissatisfied(engine: Engine, ref: str, partner: str) -> uuid.UUID:
    """A contact of ``partner`` rated 1 out of 5, which opens a follow-up; its id."""
    contact_id = store(engine, ref, 0.9, partner=partner)
    sink = SqlContactSink(engine)
    rating = RatingReceived(
        rating_id=uuid.uuid4(),
        contact_id=contact_id,
        rated_at=datetime(2025, 10, 20, 10, tzinfo=UTC),
        score=1,
    )
    sink.add_rating(rating)
    sink.flush()
    (record,) = [f for f in follow_ups(engine) if f.contact_id == contact_id]
    return record.followup_id


def bearer(engine: Engine, holder: str, *scopes: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {issue_staff_token(engine, holder, scopes).secret}"}


def test_follow_ups_outside_the_tokens_partners_are_not_found(
    client: TestClient, engine: Engine
) -> None:
    ours = dissatisfied(engine, "F1", "council")
    theirs = dissatisfied(engine, "F2", "police")
    council = bearer(engine, "sam", "partner:council")
    listed = client.get("/followups", headers=council).json()
    assert [f["followup_id"] for f in listed] == [str(ours)]

    never_used = uuid.uuid4()
    unknown = client.post(f"/followups/{never_used}", json={"status": "contacted"}, headers=council)
    hidden = client.post(f"/followups/{theirs}", json={"status": "contacted"}, headers=council)
    assert (unknown.status_code, hidden.status_code) == (404, 404)
    assert hidden.json()["detail"] == unknown.json()["detail"].replace(str(never_used), str(theirs))
    (untouched,) = follow_ups(engine, followup_id=theirs)
    assert untouched.status == "open"  # the refused change was not made

    changed = client.post(f"/followups/{ours}", json={"status": "contacted"}, headers=council)
    assert changed.status_code == 200 and changed.json()["status"] == "contacted"

    everyone = bearer(engine, "ali")
    assert len(client.get("/followups", headers=everyone).json()) == 2
    seen = client.post(f"/followups/{theirs}", json={"status": "contacted"}, headers=everyone)
    assert seen.status_code == 200

    nobody = bearer(engine, "kim", "report:read")  # scopes, but no partner among them
    assert client.get("/followups", headers=nobody).json() == []
    assert (
        client.post(f"/followups/{ours}", json={"status": "open"}, headers=nobody).status_code
        == 404
    )

    trail = [(e.holder, e.action, e.outcome) for e in staff_audit(engine)]
    assert ("sam", "follow-up", f"not found: {theirs}") in trail
    assert ("sam", "follow-up", f"{ours} set to contacted") in trail
    assert ("sam", "list follow-ups", "1 listed") in trail
