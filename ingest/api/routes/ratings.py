"""POST /ratings: a satisfaction rating for a contact, 202 once on the broker."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, HTTPException, status
from pydantic import BaseModel

from ingest._publisher import publish_ratings
from ingest.api.deps import PublisherDep
from ingest.errors import BrokerUnavailableError
from ingest.sources.webform import RatingSubmission, rating_from_submission

router = APIRouter(tags=["ratings"])


class RatingAccepted(BaseModel):
    rating_id: uuid.UUID
    contact_id: uuid.UUID
    status: str = "accepted"


@router.post(
    "/ratings",
    status_code=status.HTTP_202_ACCEPTED,
    response_model=RatingAccepted,
    responses={413: {"description": "Body too large"}, 503: {"description": "Broker unreachable"}},
)
def post_rating(body: RatingSubmission, publisher: PublisherDep) -> RatingAccepted:
    rating = rating_from_submission(body)
    try:
        publisher.publish_with(lambda p: publish_ratings(p, [rating]))
    except BrokerUnavailableError as exc:
        raise HTTPException(status.HTTP_503_SERVICE_UNAVAILABLE, f"not accepted: {exc}") from exc
    return RatingAccepted(rating_id=rating.rating_id, contact_id=rating.contact_id)
