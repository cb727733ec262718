"""The wire codec: round trips for generated events, clear errors for everything else."""

from __future__ import annotations

import contextlib
import json
import uuid
from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from contracts import (
    Channel,
    ContactReceived,
    ContactType,
    ContractError,
    RatingReceived,
    Reporter,
    decode,
    encode,
    encode_envelope,
    split_envelope,
)

# Any text the contract can carry: everything but NUL (refused, see the cases below).
chars = st.characters(codec="utf-8", exclude_characters="\x00")  # no lone surrogates
texts = st.text(chars, min_size=1, max_size=300).filter(lambda t: t.strip() != "")
short = st.none() | st.text(chars, max_size=40).map(str.strip).filter(bool)
moments = st.datetimes(
    min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(UTC)
)

contacts = st.builds(
    ContactReceived,
    contact_id=st.uuids(),
    received_at=moments,
    channel=st.sampled_from(Channel),
    source_system=st.text(chars, min_size=1, max_size=20).map(str.strip).filter(bool),
    source_ref=short,
    partner=short,
    contact_type=st.none() | st.sampled_from(ContactType),
    text=texts,
    ward=short,
    reporter=st.builds(Reporter, name=short, email=short),
)


@given(contacts)
def test_decode_encode_round_trip(contact: ContactReceived) -> None:
    assert decode(encode(contact), ContactReceived) == contact


@given(
    st.builds(
        RatingReceived,
        rating_id=st.uuids(),
        contact_id=st.uuids(),
        rated_at=moments,
        score=st.integers(1, 5),
        comment=short,
    )
)
def test_rating_round_trip(rating: RatingReceived) -> None:
    assert decode(encode(rating), RatingReceived) == rating


@given(st.binary(max_size=200))
def test_arbitrary_bytes_decode_or_raise_contract_error(raw: bytes) -> None:
    with contextlib.suppress(ContractError):
        decode(raw, ContactReceived)


def _valid() -> dict[str, object]:
    return {
        "contact_id": str(uuid.uuid4()),
        "received_at": "2025-10-14T09:00:00+01:00",
        "channel": "web",
        "source_system": "webform",
        "text": "Bins",
    }


def test_times_are_normalised_to_utc() -> None:
    contact = decode(json.dumps(_valid()), ContactReceived)
    assert contact.received_at == datetime(2025, 10, 14, 8, 0, tzinfo=UTC)
    assert contact.received_at.utcoffset() is not None


@pytest.mark.parametrize(
    ("payload", "fragment"),
    [
        (b"not json", "not valid JSON"),
        (b"[1, 2]", "expected a JSON object"),
        (json.dumps({**_valid(), "schema_version": 9}).encode(), "unsupported schema_version 9"),
        (json.dumps({**_valid(), "text": "   "}).encode(), "text"),
        (json.dumps({**_valid(), "received_at": "2025-10-14T09:00:00"}).encode(), "received_at"),
        (json.dumps({**_valid(), "colour": "red"}).encode(), "colour"),
        (json.dumps({**_valid(), "text": "a\x00b"}).encode(), "text: Value error, contains a NUL"),
        (json.dumps({**_valid(), "subject": "\x00"}).encode(), "subject: Value error"),
        (json.dumps({**_valid(), "text": "a\ud800"}).encode(), "text: Input should be a valid"),
        (
            json.dumps({**_valid(), "received_at": "0001-01-01T00:00:00+01:00"}).encode(),
            "received_at: Value error, 0001-01-01T00:00:00+01:00 is out of range in UTC",
        ),
        (b"", "empty message"),
    ],
)
def test_bad_payloads_name_the_record_and_the_problem(payload: bytes, fragment: str) -> None:
    with pytest.raises(ContractError) as caught:
        decode(payload, ContactReceived, key="contacts[0]@42")
    assert fragment in str(caught.value)
    assert "contacts[0]@42" in str(caught.value)


@pytest.mark.parametrize(
    ("field", "value"),
    [("score", True), ("score", "3"), ("score", 3.0), ("follow_up_requested", "yes")],
)
def test_the_rating_contract_is_strict(field: str, value: object) -> None:
    payload = {
        "rating_id": str(uuid.uuid4()),
        "contact_id": str(uuid.uuid4()),
        "rated_at": "2025-10-14T09:00:00+01:00",
        "score": 3,
        field: value,
    }
    with pytest.raises(ContractError, match=field):
        decode(json.dumps(payload), RatingReceived)


def test_an_envelope_carries_many_events_and_splits_back_in_order() -> None:
    values = [b'{"n": 1}', b'{"text": "line one\\nline two"}', b'{"n": 3}']
    assert split_envelope(encode_envelope(values)) == values
    assert split_envelope(b"") == [] and split_envelope(None) == []


def test_an_envelope_refuses_a_value_with_a_raw_newline() -> None:
    with pytest.raises(ContractError, match="raw newline"):
        encode_envelope([b'{"a":\n1}'])
