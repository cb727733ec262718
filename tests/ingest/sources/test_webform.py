"""Web-form submissions -> events: ids from source_ref or the idempotency key, strict fields."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from pydantic import ValidationError

from config import ReferenceData
from ingest import (
    ContactSubmission,
    RatingSubmission,
    contact_from_submission,
    rating_from_submission,
)

CONTACT = uuid.UUID("6f1c3f35-5d52-4d1c-9b1c-2b1e5a4f0a11")


def contact_id(reference: ReferenceData, key: str | None = None, **form: object) -> uuid.UUID:
    submission = ContactSubmission.model_validate({"text": "Pothole on Main Street", **form})
    return contact_from_submission(submission, reference, idempotency_key=key).contact_id


def test_a_retry_with_the_same_key_is_the_same_contact(reference: ReferenceData) -> None:
    first = contact_id(reference, "k-1")
    assert contact_id(reference, "k-1") == first
    assert contact_id(reference, None, idempotency_key="k-1") == first  # header or field
    assert contact_id(reference, "k-2") != first
    assert contact_id(reference, "k-1", source_system="other-form") != first
    # source_ref, when given, decides; without either every post is new.
    assert contact_id(reference, "k-1", source_ref="WF-9") == contact_id(
        reference, source_ref="WF-9"
    )
    assert contact_id(reference) != contact_id(reference)


def test_a_key_never_collides_with_a_form_reference(reference: ReferenceData) -> None:
    assert contact_id(reference, "WF-1") != contact_id(reference, source_ref="WF-1")


def rating_id(key: str | None = None, **form: object) -> uuid.UUID:
    submission = RatingSubmission.model_validate({"contact_id": str(CONTACT), "score": 4, **form})
    return rating_from_submission(submission, idempotency_key=key).rating_id


def test_a_rating_retry_with_the_same_key_is_one_rating() -> None:
    assert rating_id("r-1") == rating_id("r-1") == rating_id(idempotency_key="r-1")
    assert rating_id("r-1") != rating_id("r-2")
    assert rating_id() != rating_id()  # no key, no source_ref, no rated_at: a new rating
    when = "2025-10-01T10:00:00+01:00"
    assert rating_id(rated_at=when) == rating_id(rated_at=when)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("score", True),
        ("score", "3"),
        ("score", 3.5),
        ("score", 6),
        ("follow_up_requested", "true"),
        ("follow_up_requested", 1),
        ("source_ref", ""),
        ("idempotency_key", ""),
        ("idempotency_key", " padded "),
        ("idempotency_key", "x" * 201),
        ("idempotency_key", "naïve"),
        ("rated_at", (datetime.now(UTC) + timedelta(days=2)).isoformat()),
        ("comment", "nul\x00here"),
    ],
)
def test_the_rating_submission_is_strict(field: str, value: object) -> None:
    with pytest.raises(ValidationError) as caught:
        RatingSubmission.model_validate({"contact_id": str(CONTACT), "score": 3, field: value})
    assert [e["loc"] for e in caught.value.errors()] == [(field,)]


def test_a_date_up_to_a_day_ahead_is_a_clock_not_a_typo() -> None:
    soon = (datetime.now(UTC) + timedelta(hours=20)).isoformat()
    assert RatingSubmission.model_validate(
        {"contact_id": str(CONTACT), "score": 3, "rated_at": soon}
    ).rated_at
