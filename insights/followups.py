"""Follow-ups of dissatisfaction as people see them: due date in working days from the
rating, and overdue once that date has passed while still open or contacted. Pure: the
clock (``now``) is passed in, so a test can stand after the due date without waiting."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict

from config import FollowUpRule
from contracts import FollowUpStatus
from insights.errors import InsightError
from insights.workdays import WorkingCalendar, local_day
from sinks import FollowUpRecord

FOLLOW_UP_FIELDS: tuple[str, ...] = (
    "followup_id",
    "contact_id",
    "service",
    "opened_at",
    "due",
    "status",
    "overdue",
)


class FollowUpView(BaseModel):
    """One follow-up: ``FOLLOW_UP_FIELDS`` plus who owns it, why it opened and the latest
    note (a closure without action carries its reason there)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    followup_id: str
    contact_id: str
    service: str | None
    opened_at: datetime
    due: str
    status: FollowUpStatus
    overdue: bool
    owner: str | None
    reason: str
    note: str | None

    def json_row(self) -> dict[str, Any]:
        return self.model_dump(mode="json")


def follow_up_view(
    record: FollowUpRecord, rule: FollowUpRule, calendar: WorkingCalendar, now: datetime
) -> FollowUpView:
    due = calendar.add_working_days(record.opened_at, rule.due_working_days)
    status = FollowUpStatus(record.status)
    return FollowUpView(
        followup_id=str(record.followup_id),
        contact_id=str(record.contact_id),
        service=record.service,
        opened_at=record.opened_at,
        due=due.isoformat(),
        status=status,
        overdue=not status.finished and local_day(now) > due,
        owner=record.owner,
        reason=record.reason,
        note=record.status_reason,
    )


def follow_up_views(
    records: Iterable[FollowUpRecord],
    rule: FollowUpRule,
    calendar: WorkingCalendar,
    now: datetime,
    *,
    overdue_only: bool = False,
) -> list[FollowUpView]:
    views = [follow_up_view(r, rule, calendar, now) for r in records]
    return [v for v in views if v.overdue or not overdue_only]


def check_status_change(status: FollowUpStatus, note: str | None) -> None:
    """Closing without action needs a reason; reopening is allowed (the resident came back)."""
    if status is FollowUpStatus.closed_without_action and not (note and note.strip()):
        raise InsightError("closing a follow-up without action needs the reason (--note)")
