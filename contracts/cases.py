"""The case lifecycle on the wire: ``CaseEvent`` (acknowledged, responded, closed, escalated
to stage 2, with a complaint's outcome), as a CRM or the intake API sends it.

Events may arrive out of order or twice; whoever stores them must reach the same state
whatever the order (``sinks.cases`` does). An event carries no free text: no personal data.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import Field, model_validator

from contracts.events import _ID_NAMESPACE, ShortText, UtcDatetime, _Event


class CaseEventKind(StrEnum):
    """What happened to the case."""

    acknowledged = "acknowledged"
    responded = "responded"
    closed = "closed"
    escalated = "escalated"


class CaseOutcome(StrEnum):
    """A complaint's outcome at a stage (the Local Government Ombudsman's terms)."""

    upheld = "upheld"
    partly_upheld = "partly_upheld"
    not_upheld = "not_upheld"


class FollowUpStatus(StrEnum):
    """Where a follow-up of dissatisfaction stands; closing without action needs a reason."""

    open = "open"
    contacted = "contacted"
    resolved = "resolved"
    closed_without_action = "closed_without_action"

    @property
    def finished(self) -> bool:
        return self in (FollowUpStatus.resolved, FollowUpStatus.closed_without_action)


Stage = Annotated[int, Field(ge=1, le=3)]


class CaseEvent(_Event):
    """One step in a contact's handling.

    ``stage`` is the complaint stage the step belongs to (unset: stage 1); ``escalated`` moves
    a complaint to ``stage`` (2 or more) and its time is when escalation was asked for, which
    starts the clock of that stage. ``outcome`` may come with ``responded`` or ``closed``.
    """

    schema_version: Literal[1] = 1
    event_id: uuid.UUID
    contact_id: uuid.UUID
    kind: CaseEventKind
    occurred_at: UtcDatetime
    stage: Stage | None = None
    outcome: CaseOutcome | None = None
    source_system: ShortText = "crm"

    @model_validator(mode="after")
    def _consistent(self) -> CaseEvent:
        if self.kind is CaseEventKind.escalated and (self.stage or 1) < 2:
            raise ValueError("an escalated event names the stage it escalates to (2 or 3)")
        if self.outcome is not None and self.kind not in (
            CaseEventKind.responded,
            CaseEventKind.closed,
        ):
            raise ValueError("an outcome comes with a responded or closed event")
        return self


def case_event_id_for(
    contact_id: uuid.UUID,
    kind: CaseEventKind,
    occurred_at: datetime,
    stage: int | None = None,
    source_ref: str | None = None,
) -> uuid.UUID:
    """A stable event id: the same step of the same contact (or the same ``source_ref``, e.g.
    an idempotency key) always maps to the same id, so a repeat is stored once."""
    if source_ref is not None:
        return uuid.uuid5(_ID_NAMESPACE, f"case-event:{contact_id}:ref:{source_ref.strip()}")
    when = occurred_at.astimezone(UTC).isoformat()
    return uuid.uuid5(_ID_NAMESPACE, f"case-event:{contact_id}:{kind.value}:{stage or 1}:{when}")
