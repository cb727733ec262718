"""POST /ratings: a satisfaction rating for a contact, 202 once on the broker."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, status
from pydantic import BaseModel, ValidationError

from contracts import Topic
from ingest.api.deps import PublisherDep, SettingsDep
from ingest.api.idempotency import IdempotencyKeyHeader, one_key
from ingest.api.paused import intake_paused
from ingest.api.validation import body_error
from ingest.errors import BrokerUnavailableError
from ingest.sources.event_dates import early_date_warning
from ingest.sources.webform import RatingSubmission, rating_from_submission

router = APIRouter(tags=["ratings"])


class RatingAccepted(BaseModel):
    rating_id: uuid.UUID
    contact_id: uuid.UUID
    status: str = "accepted"
    warnings: list[str] = []


@router.post(
    "/ratings",
    status_code=status.HTTP_202_ACCEPTED,
    response_model=RatingAccepted,
    responses={
        413: {"description": "Body too large"},
        503: {"description": "Intake is paused: nothing was accepted, retry later"},
    },
)
async def post_rating(
    body: RatingSubmission,
    settings: SettingsDep,
    publisher: PublisherDep,
    idempotency_key: IdempotencyKeyHeader = None,
) -> RatingAccepted:
    """Accept a rating. Retrying with the same ``source_ref``, ``Idempotency-Key`` or
    ``rated_at`` stores it once."""
    key = one_key(idempotency_key, body.idempotency_key)
    try:
        rating = rating_from_submission(body, idempotency_key=key)
    except ValidationError as exc:
        raise body_error(exc) from exc
    try:
        await publisher.publish_async(Topic.ratings_received, [(rating.contact_id, rating)])
    except BrokerUnavailableError as exc:
        raise intake_paused(exc) from exc
    warning = early_date_warning(rating.rated_at, earliest_year=settings.earliest_year)
    return RatingAccepted(
        rating_id=rating.rating_id,
        contact_id=rating.contact_id,
        warnings=[f"rated_at: {warning}"] if warning else [],
    )
