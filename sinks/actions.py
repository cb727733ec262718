"""The "you said, we did" action log: recording what was done about a theme residents raised
(or why nothing was), and reading it back for the command line and digests."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import Engine, insert, select

from sinks.db.case_tables import ActionRow


@dataclass(frozen=True)
class ActionRecord:
    """One action. Exactly one of ``done`` and ``not_done_reason`` is set."""

    action_id: uuid.UUID
    service: str
    category: str
    ward: str | None
    period: str | None
    taken_on: date
    done: str | None
    not_done_reason: str | None
    contact_ids: tuple[str, ...]
    recorded_at: datetime


def add_action(
    engine: Engine,
    *,
    service: str,
    category: str,
    taken_on: date,
    done: str | None,
    not_done_reason: str | None,
    ward: str | None = None,
    period: str | None = None,
    contact_ids: tuple[uuid.UUID, ...] = (),
    now: datetime | None = None,
) -> ActionRecord:
    """Store an action and return it with its new id."""
    record = ActionRecord(
        action_id=uuid.uuid4(),
        service=service,
        category=category,
        ward=ward,
        period=period,
        taken_on=taken_on,
        done=done,
        not_done_reason=not_done_reason,
        contact_ids=tuple(str(c) for c in contact_ids),
        recorded_at=now or datetime.now(UTC),
    )
    values = {**record.__dict__, "contact_ids": list(record.contact_ids) or None}
    with engine.begin() as connection:
        connection.execute(insert(ActionRow).values(**values))
    return record


def actions(
    engine: Engine,
    *,
    services: tuple[str, ...] | None = None,
    taken_from: date | None = None,
    taken_to: date | None = None,
) -> list[ActionRecord]:
    """Actions, most recent first, optionally for some services and dates (inclusive)."""
    table = ActionRow.__table__
    query = select(table).order_by(ActionRow.taken_on.desc(), ActionRow.recorded_at.desc())
    if services is not None:
        query = query.where(ActionRow.service.in_(services))
    if taken_from is not None:
        query = query.where(ActionRow.taken_on >= taken_from)
    if taken_to is not None:
        query = query.where(ActionRow.taken_on <= taken_to)
    with engine.connect() as connection:
        rows = connection.execute(query).mappings().all()
    return [
        ActionRecord(
            **{
                **row,
                "contact_ids": tuple(row["contact_ids"] or ()),
                "recorded_at": _utc(row["recorded_at"]),
            }
        )
        for row in rows
    ]


def _utc(moment: datetime) -> datetime:
    # SQLite hands back naive datetimes; they were stored in UTC.
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
