"""create_app: the intake API (from ``ingest``) plus the review queue routes."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Annotated, Any, Literal

from fastapi import APIRouter, FastAPI, HTTPException, Query, Request, status
from pydantic import BaseModel, ConfigDict
from sqlalchemy import Engine

from config import ReferenceData, Settings, load_service_standards
from contracts import ContactType
from ingest import BrokerUnavailableError, publish_reviews
from ingest.api import create_app as create_intake_app
from insights import WorkingCalendar
from sinks import ReviewItem, contact_details, make_engine, review_queue
from web.followups import followup_router
from web.rating_links import rating_link_router
from web.reviews import ReviewDecision, ReviewError, review_event

Explainer = Callable[[str], list[tuple[str, float]]]


class ReviewBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    action: Literal["confirm", "correct"]
    reviewer: str
    category: str | None = None
    service: str | None = None
    contact_type: ContactType | None = None


def create_app(
    settings: Settings,
    reference: ReferenceData,
    *,
    engine: Engine | None = None,
    explainer: Explainer | None = None,
) -> FastAPI:
    """The whole HTTP surface: POST /contacts, POST /ratings, POST /contacts/{id}/events, the
    /review routes, rating links (/rate/{token}) and follow-ups (/followups)."""
    app = create_intake_app(settings, reference)
    engine = engine or make_engine(settings.sqlalchemy_url)
    app.include_router(review_router(engine, reference, explainer))
    app.include_router(rating_link_router(settings, engine))
    rule = load_service_standards(settings.config_dir).follow_up
    app.include_router(followup_router(engine, rule, WorkingCalendar()))
    return app


def _item_json(item: ReviewItem, explainer: Explainer | None) -> dict[str, Any]:
    out = {k: (str(v) if isinstance(v, uuid.UUID) else v) for k, v in item.__dict__.items()}
    text = f"{item.subject}\n{item.text}" if item.subject else item.text
    out["explanation"] = (
        [{"word": w, "weight": round(x, 4)} for w, x in explainer(text)] if explainer else []
    )
    return out


def review_router(
    engine: Engine, reference: ReferenceData, explainer: Explainer | None
) -> APIRouter:
    router = APIRouter(prefix="/review", tags=["review"])

    @router.get("")
    def list_queue(
        limit: Annotated[int, Query(ge=1, le=500)] = 50, service: str | None = None
    ) -> dict[str, Any]:
        """Contacts the classifier was unsure about, least confident first."""
        items, waiting = review_queue(engine, limit=limit, service=service)
        return {"waiting": waiting, "items": [_item_json(i, explainer) for i in items]}

    @router.get("/{contact_id}")
    def show(contact_id: uuid.UUID) -> dict[str, Any]:
        """One contact's labels, suggestions and the words that pushed it to its label."""
        item = contact_details(engine, contact_id)
        if item is None:
            raise HTTPException(status.HTTP_404_NOT_FOUND, f"no contact {contact_id}")
        return _item_json(item, explainer)

    @router.post("/{contact_id}", status_code=status.HTTP_202_ACCEPTED)
    def decide(contact_id: uuid.UUID, body: ReviewBody, request: Request) -> dict[str, Any]:
        """Confirm or correct a contact's labels; 202 once the decision is on the broker."""
        item = contact_details(engine, contact_id)
        if item is None:
            raise HTTPException(status.HTTP_404_NOT_FOUND, f"no contact {contact_id}")
        try:
            event = review_event(item, ReviewDecision(**body.model_dump()), reference.taxonomy)
        except ReviewError as exc:
            raise HTTPException(422, str(exc)) from exc  # Unprocessable Content
        try:
            # The intake app's publisher: one producer per process, rebuilt after broker outages.
            slot = request.app.state.publisher_slot
            slot.publish_with(lambda p: publish_reviews(p, [event]))
        except BrokerUnavailableError as exc:
            raise HTTPException(
                status.HTTP_503_SERVICE_UNAVAILABLE, f"not accepted: {exc}"
            ) from exc
        return {
            "review_id": str(event.review_id),
            "contact_id": str(contact_id),
            "corrected": event.corrected,
            "status": "accepted",
        }

    return router
