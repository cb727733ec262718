"""``GET /followups`` and ``POST /followups/{followup_id}``: follow-ups of dissatisfied
ratings for staff (a staff token, as for ``/review``), listed with their due dates and
updated with a status and a note."""

from __future__ import annotations

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
from sinks import UnknownFollowUpError, follow_ups, update_follow_up
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
    router = APIRouter(
        prefix="/followups",
        tags=["follow-ups"],
        dependencies=[Depends(staff_token_dependency(engine))],
    )

    @router.get("")
    def list_follow_ups(
        service: str | None = None, overdue: Annotated[bool, Query()] = False
    ) -> list[dict[str, Any]]:
        """Follow-ups (oldest first) with due date and whether overdue."""
        records = follow_ups(engine, service=service)
        views = follow_up_views(records, rule, calendar, clock(), overdue_only=overdue)
        return [v.json_row() for v in views]

    @router.post("/{followup_id}")
    def change(followup_id: uuid.UUID, body: FollowUpChange) -> dict[str, Any]:
        """Set the status (open, contacted, resolved, closed_without_action + note)."""
        try:
            check_status_change(body.status, body.note)
            record = update_follow_up(
                engine, followup_id, body.status, note=body.note, owner=body.owner, now=clock()
            )
        except UnknownFollowUpError as exc:
            raise HTTPException(status.HTTP_404_NOT_FOUND, str(exc)) from exc
        except InsightError as exc:
            raise HTTPException(422, str(exc)) from exc
        return follow_up_view(record, rule, calendar, clock()).json_row()

    return router
