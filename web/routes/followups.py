"""``GET /followups`` and ``POST /followups/{followup_id}``: follow-ups of dissatisfied
ratings for staff (a staff token, as for ``/review``), listed with their due dates and
updated with a status and a note.

As for ``/review``: a token sees only the follow-ups of its partners' contacts, one outside
them answers 404 like an id never used, and every call is audited."""

# No `from __future__ import annotations`: FastAPI must evaluate the route signatures, which
# use ``Staff``, a dependency alias local to ``followup_router``.

import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, status
from pydantic import BaseModel, ConfigDict, StringConstraints
from sqlalchemy import Engine

from config import FollowUpRule
from contracts import FollowUpStatus
from insights import (
    InsightError,
    WorkingCalendar,
    check_status_change,
    follow_up_view,
    follow_up_views,
)
from sinks import (
    StaffToken,
    UnknownFollowUpError,
    follow_ups,
    record_staff_action,
    update_follow_up,
)
from web.staff_auth import staff_token_dependency

Note = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]
Owner = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]


class FollowUpChange(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    status: FollowUpStatus
    note: Note | None = None
    owner: Owner | None = None


def followup_router(
    engine: Engine,
    rule: FollowUpRule,
    calendar: WorkingCalendar,
    clock: Callable[[], datetime] = lambda: datetime.now(UTC),
) -> APIRouter:
    # Staff only, like the review routes: a follow-up names a dissatisfied resident's contact.
    router = APIRouter(prefix="/followups", tags=["follow-ups"])
    Staff = Annotated[StaffToken, Depends(staff_token_dependency(engine))]

    @router.get("")
    def list_follow_ups(
        staff: Staff, service: str | None = None, overdue: Annotated[bool, Query()] = False
    ) -> list[dict[str, Any]]:
        """Follow-ups (oldest first) of the token's partners, with due date and whether overdue."""
        records = follow_ups(engine, service=service, partners=staff.partners)
        views = follow_up_views(records, rule, calendar, clock(), overdue_only=overdue)
        record_staff_action(engine, staff, "list follow-ups", f"{len(views)} listed")
        return [v.json_row() for v in views]

    @router.post("/{followup_id}")
    def change(followup_id: uuid.UUID, body: FollowUpChange, staff: Staff) -> dict[str, Any]:
        """Set the status (open, contacted, resolved, closed_without_action + note)."""
        try:
            if not follow_ups(engine, followup_id=followup_id, partners=staff.partners):
                raise UnknownFollowUpError(followup_id)  # out of scope looks like never used
            check_status_change(body.status, body.note)
            record = update_follow_up(
                engine, followup_id, body.status, note=body.note, owner=body.owner, now=clock()
            )
        except UnknownFollowUpError as exc:
            record_staff_action(engine, staff, "follow-up", f"not found: {followup_id}")
            raise HTTPException(status.HTTP_404_NOT_FOUND, str(exc)) from exc
        except InsightError as exc:
            raise HTTPException(422, str(exc)) from exc
        outcome = f"{followup_id} set to {body.status.value}"
        record_staff_action(engine, staff, "follow-up", outcome, record.contact_id)
        return follow_up_view(record, rule, calendar, clock()).json_row()

    return router
