"""Measuring one contact against its customer service standard: which standard applies (most
specific wins), working days to acknowledge and to respond, due dates, and whether it is late
or still open past its due date at an injected ``now``. Pure: no clock, no database."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel, ConfigDict

from config import ServiceStandard, ServiceStandards
from insights.errors import CaseDataError
from insights.workdays import WorkingCalendar, local_day


def _specificity(standard: ServiceStandard) -> tuple[bool, bool, bool, bool]:
    # Lexicographic: naming the partner outranks naming the service, which outranks the
    # contact type, which outranks the stage (config/standards.yaml says the same).
    partner, service, contact_type, stage = standard.scope
    return (partner is not None, service is not None, contact_type is not None, stage is not None)


def standard_for(
    standards: ServiceStandards,
    *,
    partner: str | None,
    service: str | None,
    contact_type: str | None,
    stage: int | None = None,
) -> ServiceStandard | None:
    """The most specific standard whose every set key equals the contact's; None if none."""
    wanted = (partner, service, contact_type, stage)
    matching = [
        s
        for s in standards.standards
        if all(key is None or key == value for key, value in zip(s.scope, wanted, strict=True))
    ]
    return max(matching, key=_specificity, default=None)


class CaseTimeliness(BaseModel):
    """One contact measured against its standard. Working-day counts follow
    ``insights.workdays``: day 0 is ``clock_start``; None means not done yet, or no target."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    clock_start: date
    acknowledge_due: date | None
    respond_due: date | None
    acknowledge_working_days: int | None
    respond_working_days: int | None
    acknowledged_within_target: bool | None
    responded_within_target: bool | None
    open: bool
    overdue: bool
    open_overdue: bool

    @property
    def measured_response(self) -> bool:
        """Responded, and there was a response target to meet."""
        return self.responded_within_target is not None


def case_timeliness(
    *,
    received_at: datetime,
    acknowledged_at: datetime | None,
    responded_at: datetime | None,
    closed_at: datetime | None,
    standard: ServiceStandard | None,
    now: datetime,
    calendar: WorkingCalendar,
    ref: str = "",
) -> CaseTimeliness:
    """Measure one contact. A full response also acknowledges it (if that came first); a
    contact is open until responded to or closed, and ``overdue`` when a due date passed
    before the acknowledgement or response (late, or still missing at ``now``).
    For a stage 2 complaint pass the moment escalation was asked for as ``received_at``."""
    moments = {"acknowledged": acknowledged_at, "responded": responded_at, "closed": closed_at}
    for name, moment in {"received": received_at, **moments, "now": now}.items():
        if moment is not None and moment.utcoffset() is None:
            raise CaseDataError(f"{name} at {moment.isoformat()} has no time zone", ref=ref)
        if moment is not None and moment < received_at:
            raise CaseDataError(
                f"{name} at {moment.isoformat()} is before received at {received_at.isoformat()}",
                ref=ref,
            )
    acknowledged = min((m for m in (acknowledged_at, responded_at) if m is not None), default=None)
    standard = standard or ServiceStandard()
    ack_due = _due(calendar, received_at, standard.acknowledge)
    respond_due = _due(calendar, received_at, standard.respond)
    ack_days = _days(calendar, received_at, acknowledged)
    respond_days = _days(calendar, received_at, responded_at)
    ack_ok = _within(ack_days, standard.acknowledge)
    respond_ok = _within(respond_days, standard.respond)
    today = local_day(now)
    is_open = responded_at is None and closed_at is None
    waiting_ack = acknowledged is None and ack_due is not None and today > ack_due
    waiting_response = respond_due is not None and today > respond_due
    overdue_now = is_open and (waiting_ack or waiting_response)
    return CaseTimeliness(
        clock_start=calendar.clock_start(received_at),
        acknowledge_due=ack_due,
        respond_due=respond_due,
        acknowledge_working_days=ack_days,
        respond_working_days=respond_days,
        acknowledged_within_target=ack_ok,
        responded_within_target=respond_ok,
        open=is_open,
        overdue=overdue_now or ack_ok is False or respond_ok is False,
        open_overdue=overdue_now,
    )


def _due(calendar: WorkingCalendar, received_at: datetime, target: int | None) -> date | None:
    return None if target is None else calendar.add_working_days(received_at, target)


def _days(calendar: WorkingCalendar, received_at: datetime, done: datetime | None) -> int | None:
    return None if done is None else calendar.working_days_between(received_at, done)


def _within(days: int | None, target: int | None) -> bool | None:
    return None if days is None or target is None else days <= target
