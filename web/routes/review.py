"""The /review routes: the queue of contacts the classifier was unsure about, one contact,
and a person's decision (published through ``ingest``, never written directly).

Every route needs a staff token; the reviewer recorded is the token's holder, every call is
audited, and a contact outside the token's partners answers 404, like one that does not exist."""

# No `from __future__ import annotations`: FastAPI must evaluate the route signatures, which
# use ``Staff``, a dependency alias local to ``review_router``.

import uuid
from collections.abc import Callable
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request, status
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import Engine

from config import ReferenceData
from contracts import ContactType
from ingest import (
    BrokerUnavailableError,
    ReviewDecision,
    ReviewError,
    publish_reviews,
    review_event,
)
from ingest.api import intake_paused
from sinks import (
    ReviewItem,
    StaffToken,
    contact_details,
    record_staff_action,
    record_staff_actions,
    review_queue,
)
from web.staff_auth import staff_token_dependency

Explainer = Callable[[str], list[tuple[str, float]]]


class ReviewBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    action: Literal["confirm", "correct"]
    reviewer: str | None = Field(
        default=None, description="Ignored: the reviewer recorded is the staff token's holder"
    )
    category: str | None = None
    service: str | None = None
    contact_type: ContactType | None = None


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
    Staff = Annotated[StaffToken, Depends(staff_token_dependency(engine))]

    def visible(staff: StaffToken, contact_id: uuid.UUID, action: str) -> ReviewItem:
        """The contact if this token may see it; 404 (audited) when it is missing or out of
        scope, so ids outside a partner's scope cannot be told from ids never used."""
        item = contact_details(engine, contact_id)
        if item is None or not staff.may_see(item.partner):
            record_staff_action(engine, staff, action, "not found", contact_id)
            raise HTTPException(status.HTTP_404_NOT_FOUND, f"no contact {contact_id}")
        return item

    @router.get("")
    def list_queue(
        staff: Staff,
        limit: Annotated[int, Query(ge=1, le=500)] = 50,
        service: str | None = None,
    ) -> dict[str, Any]:
        """Contacts the classifier was unsure about, least confident first."""
        items, waiting = review_queue(engine, limit=limit, service=service, partners=staff.partners)
        # Who saw which contact's text: a line for the listing and one per contact in it.
        summary = ("list", f"{len(items)} of {waiting} waiting", None)
        record_staff_actions(
            engine, staff, [summary, *(("list", "listed", i.contact_id) for i in items)]
        )
        return {"waiting": waiting, "items": [_item_json(i, explainer) for i in items]}

    @router.get("/{contact_id}")
    def show(contact_id: uuid.UUID, staff: Staff) -> dict[str, Any]:
        """One contact's labels, suggestions and the words that pushed it to its label."""
        item = visible(staff, contact_id, "read")
        record_staff_action(engine, staff, "read", "shown", contact_id)
        return _item_json(item, explainer)

    @router.post("/{contact_id}", status_code=status.HTTP_202_ACCEPTED)
    def decide(
        contact_id: uuid.UUID, body: ReviewBody, request: Request, staff: Staff
    ) -> dict[str, Any]:
        """Confirm or correct a contact's labels; 202 once the decision is safe (under `serve`,
        in the intake outbox, which keeps it until the database holds the applied review)."""
        item = visible(staff, contact_id, "relabel")
        decision = ReviewDecision(
            action=body.action,
            reviewer=staff.holder,
            category=body.category,
            service=body.service,
            contact_type=body.contact_type,
        )
        try:
            event = review_event(item, decision, reference.taxonomy)
        except ReviewError as exc:
            record_staff_action(engine, staff, "relabel", f"refused: {exc}", contact_id)
            raise HTTPException(422, str(exc)) from exc  # Unprocessable Content
        try:
            # The intake app's publisher: one producer per process, rebuilt after broker outages.
            slot = request.app.state.publisher_slot
            slot.publish_with(lambda p: publish_reviews(p, [event]))
        except BrokerUnavailableError as exc:
            record_staff_action(engine, staff, "relabel", "not accepted: broker", contact_id)
            raise intake_paused(exc) from exc  # says only that intake is paused
        labels = f"{event.contact_type.value}/{event.service}/{event.category}"
        outcome = f"{body.action} {labels} (review {event.review_id})"
        record_staff_action(engine, staff, "relabel", outcome, contact_id)
        return {
            "reviewer": staff.holder,
            "review_id": str(event.review_id),
            "contact_id": str(contact_id),
            "corrected": event.corrected,
            "status": "accepted",
        }

    return router
