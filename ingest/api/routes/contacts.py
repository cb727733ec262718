"""POST /contacts: 202 only once the broker has acknowledged the event."""

from __future__ import annotations

import uuid
from datetime import datetime

from fastapi import APIRouter, status
from pydantic import BaseModel, ValidationError

from config import ReferenceData, Settings
from contracts import Topic
from ingest.api.deps import PublisherDep, PublisherSlot, ReferenceDep, SettingsDep
from ingest.api.idempotency import IdempotencyKeyHeader, one_key
from ingest.api.paused import intake_paused
from ingest.api.validation import body_error
from ingest.errors import BrokerUnavailableError
from ingest.sources.event_dates import early_date_warning
from ingest.sources.webform import ContactSubmission, contact_from_submission

router = APIRouter(tags=["contacts"])


class ContactAccepted(BaseModel):
    contact_id: uuid.UUID
    reference: str
    received_at: datetime
    status: str = "accepted"
    warnings: list[str] = []


@router.post(
    "/contacts",
    status_code=status.HTTP_202_ACCEPTED,
    response_model=ContactAccepted,
    responses={
        413: {"description": "Body too large"},
        503: {"description": "Intake is paused: nothing was accepted, retry later"},
    },
)
async def post_contact(
    body: ContactSubmission,
    reference: ReferenceDep,
    settings: SettingsDep,
    publisher: PublisherDep,
    idempotency_key: IdempotencyKeyHeader = None,
) -> ContactAccepted:
    """Accept a contact. The answer's ``reference`` is the resident's reference number.

    Retrying with the same ``source_ref`` or ``Idempotency-Key`` stores the contact once.
    """
    key = one_key(idempotency_key, body.idempotency_key)
    try:
        return await accept_contact(body, key, reference, settings, publisher)
    except ValidationError as exc:
        raise body_error(exc) from exc
    except BrokerUnavailableError as exc:
        raise intake_paused(exc) from exc


async def accept_contact(
    body: ContactSubmission,
    key: str | None,
    reference: ReferenceData,
    settings: Settings,
    publisher: PublisherSlot,
) -> ContactAccepted:
    """The contact in the outbox, and the answer saying so; shared by the route and the fast
    path (``ingest.api.contact_fast_path``). Raises ``ValidationError`` when the contact the
    body makes is refused, ``BrokerUnavailableError`` when intake is paused."""
    contact = contact_from_submission(body, reference, idempotency_key=key)
    await publisher.publish_async(Topic.contacts_received, [(contact.contact_id, contact)])
    warning = early_date_warning(contact.received_at, earliest_year=settings.earliest_year)
    return ContactAccepted(
        contact_id=contact.contact_id,
        reference=str(contact.contact_id),
        received_at=contact.received_at,
        warnings=[f"received_at: {warning}"] if warning else [],
    )
