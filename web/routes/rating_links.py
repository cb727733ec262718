"""``/rate/{token}``: a resident rates the response to their contact through the signed link
``civicpulse ratings link`` prints. A bad token or an unknown contact is refused with the
reason; a second rating replaces the first (the same rating id) and is kept as a change of
mind. The rating goes onto the stream like any other; nothing is written here."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from functools import cache
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Request, status
from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictInt, StringConstraints
from sqlalchemy import Engine

from config import Settings
from contracts import Channel, RatingReceived, rating_id_for
from ingest import (
    BrokerUnavailableError,
    RatingLinkError,
    contact_of_token,
    publish_ratings,
    rating_link_secret,
)
from sinks import contact_exists, rating_of

LINK_REF = "rating-link"  # every rating through a contact's link is the same rating


class LinkRating(BaseModel):
    """A rating through a link: the score, and optionally a comment and a call-back request."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    score: Annotated[StrictInt, Field(ge=1, le=5, description="1 very dissatisfied ... 5 very")]
    comment: Annotated[str, StringConstraints(strip_whitespace=True, max_length=5000)] | None = None
    follow_up_requested: StrictBool = False


def link_rating_id(contact_id: uuid.UUID) -> uuid.UUID:
    return rating_id_for(contact_id, LINK_REF)


def rating_link_router(settings: Settings, engine: Engine) -> APIRouter:
    router = APIRouter(prefix="/rate", tags=["rating links"])
    # Read (or made) on first use, so building the app (e.g. for `civicpulse schemas`)
    # writes nothing.
    secret = cache(lambda: rating_link_secret(settings))

    def known_contact(token: str) -> uuid.UUID:
        try:
            contact_id = contact_of_token(secret(), token)
        except RatingLinkError as exc:
            raise HTTPException(status.HTTP_403_FORBIDDEN, exc.reason) from exc
        if not contact_exists(engine, contact_id):
            raise HTTPException(
                status.HTTP_404_NOT_FOUND,
                f"contact {contact_id} is not known (yet): nothing to rate",
            )
        return contact_id

    @router.get("/{token}")
    def show(token: str) -> dict[str, Any]:
        """Whether the link works, and the score given through it so far (if any)."""
        contact_id = known_contact(token)
        current = rating_of(engine, link_rating_id(contact_id))
        return {"contact_id": str(contact_id), "current_score": current}

    @router.post("/{token}", status_code=status.HTTP_202_ACCEPTED)
    def rate(token: str, body: LinkRating, request: Request) -> dict[str, Any]:
        """Rate the response; 202 once the rating is on the broker."""
        contact_id = known_contact(token)
        rating_id = link_rating_id(contact_id)
        previous = rating_of(engine, rating_id)
        rating = RatingReceived(
            rating_id=rating_id,
            contact_id=contact_id,
            rated_at=datetime.now(UTC),
            score=body.score,
            comment=body.comment or None,
            follow_up_requested=body.follow_up_requested,
            channel=Channel.web,
        )
        try:
            slot = request.app.state.publisher_slot
            slot.publish_with(lambda p: publish_ratings(p, [rating]))
        except BrokerUnavailableError as exc:
            raise HTTPException(
                status.HTTP_503_SERVICE_UNAVAILABLE, f"not accepted: {exc}"
            ) from exc
        return {
            "rating_id": str(rating_id),
            "contact_id": str(contact_id),
            "status": "accepted",
            "change_of_mind": previous is not None,
            "previous_score": previous,
        }

    return router
