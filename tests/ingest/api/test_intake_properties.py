"""Hypothesis throws arbitrary JSON, text and bytes at every intake route: never a 500.

The API runs with the in-memory publisher (a real Publisher of ours), so this needs no broker;
what it accepts must also survive the wire (encode, then decode to the same event).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from config import ReferenceData, Settings
from contracts import ContactReceived, RatingReceived, Topic, decode, encode
from ingest import ContactSubmission, MemoryPublisher, RatingSubmission
from ingest.api import create_app

ROUTES = {"/contacts": ContactSubmission, "/ratings": RatingSubmission}
EVENTS: dict[str, tuple[Topic, type[ContactReceived] | type[RatingReceived]]] = {
    "/contacts": (Topic.contacts_received, ContactReceived),
    "/ratings": (Topic.ratings_received, RatingReceived),
}
ODD_TEXT = [
    "",
    " ",
    "\t\n",
    "\ud800",
    "a\udfffb",
    "\x00",
    "x\x00y",
    '=HYPERLINK("http://evil.example")',
    "x" * 201,
    "2099-01-01T00:00:00Z",
    "1900-01-01T00:00:00Z",
    "0001-01-01T00:00:00+01:00",
    "9999-12-31T23:59:59-23:59",
    "2025-06-30T09:15:00",
    "2025-06-30T09:15:00+01:00",
    "00000000-0000-0000-0000-000000000000",
    "complaint",
    "web",
    "3",
    "true",
]
any_text = st.one_of(
    st.text(),
    st.text(st.characters(codec=None, exclude_categories=())),
    st.text(st.characters(categories=["Cs", "Cc"]), min_size=1),
    st.sampled_from(ODD_TEXT),
)
json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | any_text,
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(any_text, children, max_size=3)
    ),
    max_leaves=12,
)


def bodies(model: type[Any]) -> st.SearchStrategy[Any]:
    """Objects with the route's own field names (so validation goes deep) holding any JSON,
    plus any JSON at all."""
    fields = list(model.model_fields)
    return st.one_of(
        st.dictionaries(st.sampled_from(fields), json_values, max_size=len(fields)),
        st.dictionaries(st.sampled_from(fields) | any_text, json_values, max_size=4),
        json_values,
    )


@pytest.fixture(scope="module")
def publisher() -> MemoryPublisher:
    return MemoryPublisher()


@pytest.fixture(scope="module")
def client(
    reference: ReferenceData, publisher: MemoryPublisher, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[TestClient]:
    settings = Settings(home=tmp_path_factory.mktemp("home"))
    app = create_app(settings, reference, lambda: publisher)
    with TestClient(app, raise_server_exceptions=True) as test_client:
        yield test_client


def post(client: TestClient, path: str, content: bytes, key: str | None = None) -> Any:
    headers = {"content-type": b"application/json"}
    if key is not None:
        headers["Idempotency-Key"] = key.encode("latin-1")  # what a header can carry
    return client.post(path, content=content, headers=headers)


def check_answer(answer: Any, path: str, publisher: MemoryPublisher) -> None:
    """Never a 500; a 422 names fields; a 202 put one event on the wire that decodes again."""
    assert answer.status_code in (202, 400, 413, 422), answer.text
    payload = answer.json()
    if answer.status_code == 422:
        assert payload["detail"] and all(e["loc"] and e["msg"] for e in payload["detail"])
    if answer.status_code == 202:
        topic, event_type = EVENTS[path]
        _, event = publisher.sent[topic][-1]
        assert decode(encode(event), event_type) == event


@pytest.mark.parametrize(
    ("path", "body", "field"),
    [
        ("/contacts", {"text": "x", "source_ref": ""}, "source_ref"),
        ("/contacts", {"text": "x", "source_ref": "  "}, "source_ref"),
        ("/contacts", {"text": "x", "source_system": ""}, "source_system"),
        ("/contacts", {"text": "a\ud800b"}, "text"),
        ("/contacts", {"text": "x", "subject": "\udc00"}, "subject"),
        ("/contacts", {"text": "x", "contact_type": "\ud800"}, "contact_type"),
        ("/contacts", {"text": "x", "colour\udc00": 1}, None),  # a key pydantic cannot read
        ("/contacts", {"text": "x\u0000y"}, "text"),
        ("/contacts", {"text": "x", "received_at": "2099-01-01T00:00:00Z"}, "received_at"),
        ("/contacts", {"text": "x", "received_at": "0001-01-01T00:00:00+01:00"}, "received_at"),
        ("/ratings", {"contact_id": str(uuid.uuid4()), "score": True}, "score"),
        ("/ratings", {"contact_id": str(uuid.uuid4()), "score": "3"}, "score"),
        ("/ratings", {"contact_id": str(uuid.uuid4()), "score": 3.0}, "score"),
        (
            "/ratings",
            {"contact_id": str(uuid.uuid4()), "score": 3, "source_ref": " "},
            "source_ref",
        ),
        ("/ratings", {"contact_id": str(uuid.uuid4()), "score": 3, "comment": "\ud800"}, "comment"),
        (
            "/ratings",
            {"contact_id": str(uuid.uuid4()), "score": 3, "follow_up_requested": "yes"},
            "follow_up_requested",
        ),
        (
            "/ratings",
            {"contact_id": str(uuid.uuid4()), "score": 3, "rated_at": "2099-01-01T00:00:00Z"},
            "rated_at",
        ),
    ],
)
def test_hostile_fields_get_a_422_naming_the_field(
    client: TestClient, path: str, body: dict[str, Any], field: str | None
) -> None:
    answer = post(client, path, json.dumps(body).encode())
    assert answer.status_code == 422, answer.text
    expected = ["body", field] if field else ["body"]
    assert expected in [e["loc"] for e in answer.json()["detail"]]


def test_an_early_date_is_accepted_with_a_warning(client: TestClient) -> None:
    answer = post(client, "/contacts", b'{"text": "x", "received_at": "1900-01-01T00:00:00Z"}')
    assert answer.status_code == 202
    assert answer.json()["warnings"] == [
        "received_at: 1900-01-01T00:00:00+00:00 is before 2000; accepted, but check it"
    ]
    assert post(client, "/contacts", b'{"text": "x"}').json()["warnings"] == []


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(path=st.sampled_from(sorted(ROUTES)), data=st.data())
def test_any_json_body_gets_an_answer_never_a_500(
    client: TestClient, publisher: MemoryPublisher, path: str, data: st.DataObject
) -> None:
    body = data.draw(bodies(ROUTES[path]), label="body")
    check_answer(post(client, path, json.dumps(body).encode()), path, publisher)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    path=st.sampled_from(sorted(ROUTES)),
    raw=st.one_of(
        st.binary(max_size=300),
        st.text(max_size=300).map(lambda t: t.encode("utf-8")),
        st.sampled_from(
            [
                b'{"text": "x", "score": NaN}',
                b'{"contact_id": "00000000-0000-0000-0000-000000000000", "score": Infinity}',
                b"[" * 5000 + b"]" * 5000,
                b'{"text": "x"' + b', "subject": "' + b"9" * 5000 + b'"}',
                b'{"text": "\\u0000"}',
                b'{"text": 1e999}',
                b'{"text": ' + b"1" * 5000 + b"}",
                b"\xff\xfe{\x00}\x00",
            ]
        ),
    ),
)
def test_any_bytes_get_an_answer_never_a_500(
    client: TestClient, publisher: MemoryPublisher, path: str, raw: bytes
) -> None:
    check_answer(post(client, path, raw), path, publisher)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    path=st.sampled_from(sorted(ROUTES)),
    key=st.text(st.characters(codec="latin-1", exclude_characters="\r\n\x00"), max_size=210),
    field=st.none() | json_values,
)
@example(path="/contacts", key="", field=None)
@example(path="/contacts", key=" k ", field=None)
@example(path="/ratings", key="k", field="other")
def test_any_idempotency_key_gets_an_answer_never_a_500(
    client: TestClient, publisher: MemoryPublisher, path: str, key: str, field: Any
) -> None:
    body: dict[str, Any] = (
        {"text": "Pothole on Main Street"}
        if path == "/contacts"
        else {"contact_id": "6f1c3f35-5d52-4d1c-9b1c-2b1e5a4f0a11", "score": 3}
    )
    if field is not None:
        body["idempotency_key"] = field
    check_answer(post(client, path, json.dumps(body).encode(), key), path, publisher)


def test_health_and_unknown_routes_never_500(client: TestClient) -> None:
    assert client.get("/health").status_code == 200
    assert client.post("/nowhere", content=b"\xff").status_code == 404
    assert client.get("/contacts").status_code == 405
