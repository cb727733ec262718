"""POST /contacts/{contact_id}/events: a step in a contact's handling, 202 once on the broker."""

from __future__ import annotations

import uuid
from datetime import datetime

from fastapi import APIRouter, HTTPException, status
from pydantic import BaseModel, ValidationError

from contracts import CaseEventKind, Topic
from ingest.api.deps import PublisherDep, SettingsDep
from ingest.api.idempotency import IdempotencyKeyHeader, one_key
from ingest.api.validation import body_error
from ingest.errors import BrokerUnavailableError
from ingest.sources.case_events import CaseEventSubmission, case_event_from_submission
from ingest.sources.event_dates import early_date_warning

router = APIRouter(tags=["case lifecycle"])


class CaseEventAccepted(BaseModel):
    event_id: uuid.UUID
    contact_id: uuid.UUID
    kind: CaseEventKind
    occurred_at: datetime
    status: str = "accepted"
    warnings: list[str] = []


@router.post(
    "/contacts/{contact_id}/events",
    status_code=status.HTTP_202_ACCEPTED,
    response_model=CaseEventAccepted,
    responses={413: {"description": "Body too large"}, 503: {"description": "Broker unreachable"}},
)
async def post_case_event(
    contact_id: uuid.UUID,
    body: CaseEventSubmission,
    settings: SettingsDep,
    publisher: PublisherDep,
    idempotency_key: IdempotencyKeyHeader = None,
) -> CaseEventAccepted:
    """Record that a contact was acknowledged, responded to, closed or escalated. Events may
    come in any order, twice, or before their contact: the stored case is the same."""
    key = one_key(idempotency_key, body.idempotency_key)
    try:
        event = case_event_from_submission(contact_id, body, idempotency_key=key)
    except ValidationError as exc:
        raise body_error(exc) from exc
    try:
        await publisher.publish_async(Topic.cases_events, [(event.contact_id, event)])
    except BrokerUnavailableError as exc:
        raise HTTPException(status.HTTP_503_SERVICE_UNAVAILABLE, f"not accepted: {exc}") from exc
    warning = early_date_warning(event.occurred_at, earliest_year=settings.earliest_year)
    return CaseEventAccepted(
        event_id=event.event_id,
        contact_id=contact_id,
        kind=event.kind,
        occurred_at=event.occurred_at,
        warnings=[f"occurred_at: {warning}"] if warning else [],
    )
