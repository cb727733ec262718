"""Property-based: whatever a caller sends to the review routes (any Authorization header,
any JSON body, any path), the answer is a refusal or an acceptance, never a 500; and no
header but a live token's gets past 401."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine

from config import ReferenceData, Settings
from sinks import issue_staff_token
from web import create_app

from .test_review import store

pytestmark = pytest.mark.kafka
FIELDS = ["action", "reviewer", "category", "service", "contact_type"]
visible_ascii = st.text(st.characters(min_codepoint=0x20, max_codepoint=0x7E), max_size=80)
json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=30),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(), children),
    max_leaves=8,
)
bodies = st.one_of(
    st.dictionaries(st.sampled_from(FIELDS), json_values | st.sampled_from(["confirm", "correct"])),
    json_values,
)
PROPERTY = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.fixture()
def client(
    kafka_settings: Settings, reference: ReferenceData, engine: Engine
) -> Iterator[TestClient]:
    with TestClient(create_app(kafka_settings, reference, engine=engine)) as test_client:
        yield test_client


@PROPERTY
@given(
    scheme=st.sampled_from(["Bearer ", "bearer ", "Basic ", "", "Bearer  "]), value=visible_ascii
)
def test_no_made_up_authorization_gets_in(
    client: TestClient, engine: Engine, scheme: str, value: str
) -> None:
    issue_staff_token(engine, "jo")  # a live token exists; the guess is not it
    headers = {"Authorization": f"{scheme}{value}"}
    assert client.get("/review", headers=headers).status_code == 401
    contact = "00000000-0000-0000-0000-000000000000"
    answer = client.post(f"/review/{contact}", json={"action": "confirm"}, headers=headers)
    assert answer.status_code == 401


@PROPERTY
@given(body=bodies, path=st.one_of(st.none(), visible_ascii))
def test_any_body_or_path_is_answered_never_a_500(
    client: TestClient, engine: Engine, body: Any, path: str | None
) -> None:
    contact = store(engine, "P1", 0.3)
    headers = {"Authorization": f"Bearer {issue_staff_token(engine, 'jo').secret}"}
    target = f"/review/{contact}" if path is None else f"/review/{path.replace('/', '_')}"
    answer = client.post(target, json=body, headers=headers)
    assert answer.status_code in (202, 404, 405, 422), (target, body, answer.text)
    assert client.get(target, headers=headers).status_code in (200, 404, 422)
