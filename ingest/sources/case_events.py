"""Case lifecycle steps posted to the intake API (``POST /contacts/{id}/events``) ->
CaseEvent. Every field is checked here, so a bad body is a 422 naming the field."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from contracts import CaseEvent, CaseEventKind, CaseOutcome, case_event_id_for
from ingest.sources.webform import IdempotencyKey, Reference, WhenHappened


class CaseEventSubmission(BaseModel):
    """A step in a contact's handling. ``occurred_at`` defaults to now; ``stage`` is the
    complaint stage (``escalated`` names the stage it moves to: 2 or 3)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: CaseEventKind
    occurred_at: WhenHappened | None = None
    stage: Annotated[int, Field(ge=1, le=3, strict=True)] | None = None
    outcome: CaseOutcome | None = None
    source_system: Reference = "api"
    idempotency_key: IdempotencyKey | None = None


def case_event_from_submission(
    contact_id: uuid.UUID,
    body: CaseEventSubmission,
    *,
    idempotency_key: str | None = None,
    now: datetime | None = None,
) -> CaseEvent:
    """The CaseEvent for ``body``; its id follows from the key when one is given, else from
    the contact, kind, stage and time, so a retry is stored once. Raises ValidationError."""
    occurred_at = body.occurred_at or now or datetime.now(UTC)
    event_id = case_event_id_for(
        contact_id, body.kind, occurred_at, body.stage, source_ref=idempotency_key
    )
    return CaseEvent(
        event_id=event_id,
        contact_id=contact_id,
        kind=body.kind,
        occurred_at=occurred_at,
        stage=body.stage,
        outcome=body.outcome,
        source_system=body.source_system,
    )
