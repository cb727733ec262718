"""POST /contacts: 202 only once the broker has acknowledged the event."""

from __future__ import annotations

import uuid
from datetime import datetime

from fastapi import APIRouter, HTTPException, status
from pydantic import BaseModel

from ingest._publisher import publish_contacts
from ingest.api.deps import PublisherDep, ReferenceDep
from ingest.errors import BrokerUnavailableError
from ingest.sources.webform import ContactSubmission, contact_from_submission

router = APIRouter(tags=["contacts"])


class ContactAccepted(BaseModel):
    contact_id: uuid.UUID
    reference: str
    received_at: datetime
    status: str = "accepted"


@router.post(
    "/contacts",
    status_code=status.HTTP_202_ACCEPTED,
    response_model=ContactAccepted,
    responses={413: {"description": "Body too large"}, 503: {"description": "Broker unreachable"}},
)
def post_contact(
    body: ContactSubmission, reference: ReferenceDep, publisher: PublisherDep
) -> ContactAccepted:
    """Accept a contact. The answer's ``reference`` is the resident's reference number."""
    contact = contact_from_submission(body, reference)
    try:
        publisher.publish_with(lambda p: publish_contacts(p, [contact]))
    except BrokerUnavailableError as exc:
        raise HTTPException(status.HTTP_503_SERVICE_UNAVAILABLE, f"not accepted: {exc}") from exc
    return ContactAccepted(
        contact_id=contact.contact_id,
        reference=str(contact.contact_id),
        received_at=contact.received_at,
    )
