"""The action log ("you said, we did"): recording what was done about a theme, finding the
contacts it answers, and noting when each was told. Returns typed rows, raises SinkError."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import Connection, Engine, func, insert, select, update
from sqlalchemy.orm import Session

from contracts import ActionEntry, ActionOutcome, ActionTheme, ContactType, parse_period
from sinks.db.engine import write_transaction
from sinks.db.errors import database_errors
from sinks.db.tables import ActionContactRow, ActionRow, ContactRow
from sinks.errors import SinkError


class UnknownContactsError(SinkError):
    """An action names contacts that are not stored."""


@dataclass(frozen=True)
class StoredAction:
    """One line of the action log, with how many contacts it answers and how many were told."""

    action_id: uuid.UUID
    theme: ActionTheme
    outcome: ActionOutcome
    summary: str
    taken_on: date
    recorded_at: datetime
    recorded_by: str
    contacts: int
    told: int


def record_action(
    engine: Engine, entry: ActionEntry, *, now: datetime | None = None
) -> StoredAction:
    """Store ``entry`` and link the contacts of its theme (named ones, or all that match)."""
    action_id = uuid.uuid4()
    recorded_at = now or datetime.now(UTC)
    theme = entry.theme
    with database_errors("write of an action"), write_transaction(engine) as c:
        contact_ids = _theme_contact_ids(c, theme)
        c.execute(
            insert(ActionRow).values(
                action_id=action_id,
                service=theme.service,
                category=theme.category,
                contact_type=theme.contact_type.value,
                ward=theme.ward,
                period=theme.period,
                outcome=entry.outcome.value,
                summary=entry.summary,
                taken_on=entry.taken_on,
                recorded_at=recorded_at,
                recorded_by=entry.recorded_by,
            )
        )
        if contact_ids:
            c.execute(
                insert(ActionContactRow),
                [{"action_id": action_id, "contact_id": cid} for cid in contact_ids],
            )
    return StoredAction(
        action_id, theme, entry.outcome, entry.summary, entry.taken_on, recorded_at,
        entry.recorded_by, contacts=len(contact_ids), told=0,
    )  # fmt: skip


def _theme_contact_ids(connection: Connection, theme: ActionTheme) -> list[uuid.UUID]:
    if theme.contact_ids:
        wanted = set(theme.contact_ids)
        found = set(
            connection.scalars(
                select(ContactRow.contact_id).where(ContactRow.contact_id.in_(wanted))
            )
        )
        missing = sorted(str(c) for c in wanted - found)
        if missing:
            raise UnknownContactsError(f"no stored contact with id {', '.join(missing)}")
        return sorted(found)
    query = select(ContactRow.contact_id).where(
        ContactRow.service == theme.service,
        ContactRow.category == theme.category,
        ContactRow.contact_type == theme.contact_type.value,
    )
    if theme.ward is not None:
        query = query.where(ContactRow.ward == theme.ward)
    if theme.period is not None:
        period = parse_period(theme.period)
        query = query.where(
            ContactRow.received_on >= period.start, ContactRow.received_on <= period.end
        )
    return list(connection.scalars(query.order_by(ContactRow.contact_id)))


def stored_actions(
    engine: Engine,
    *,
    services: Sequence[str] | None = None,
    taken_from: date | None = None,
    taken_to: date | None = None,
) -> list[StoredAction]:
    """The action log, newest first, optionally for some services and a span of dates."""
    contacts = (
        select(
            ActionContactRow.action_id,
            func.count().label("contacts"),
            func.count(ActionContactRow.told_at).label("told"),
        )
        .group_by(ActionContactRow.action_id)
        .subquery()
    )
    query = select(ActionRow, contacts.c.contacts, contacts.c.told).outerjoin(
        contacts, contacts.c.action_id == ActionRow.action_id
    )
    if services is not None:
        query = query.where(ActionRow.service.in_(services))
    if taken_from is not None:
        query = query.where(ActionRow.taken_on >= taken_from)
    if taken_to is not None:
        query = query.where(ActionRow.taken_on <= taken_to)
    query = query.order_by(ActionRow.taken_on.desc(), ActionRow.recorded_at.desc())
    with database_errors("read of the action log"), Session(engine) as session:
        return [_stored(row, n or 0, told or 0) for row, n, told in session.execute(query)]


def _stored(row: ActionRow, contacts: int, told: int) -> StoredAction:
    theme = ActionTheme(
        service=row.service,
        category=row.category,
        contact_type=ContactType(row.contact_type),
        ward=row.ward,
        period=row.period,
    )
    return StoredAction(
        row.action_id, theme, ActionOutcome(row.outcome), row.summary, row.taken_on,
        row.recorded_at, row.recorded_by, contacts=contacts, told=told,
    )  # fmt: skip


def untold_contacts(engine: Engine, action_id: uuid.UUID) -> list[uuid.UUID]:
    """The action's contacts whose event has not been published yet."""
    query = select(ActionContactRow.contact_id).where(
        ActionContactRow.action_id == action_id, ActionContactRow.told_at.is_(None)
    )
    with database_errors("read of an action's contacts"), engine.connect() as c:
        return list(c.scalars(query.order_by(ActionContactRow.contact_id)))


def mark_told(
    engine: Engine, action_id: uuid.UUID, contact_ids: Sequence[uuid.UUID], at: datetime
) -> int:
    """Record that these contacts' events were published (after the broker acknowledged)."""
    if not contact_ids:
        return 0
    statement = (
        update(ActionContactRow)
        .where(
            ActionContactRow.action_id == action_id,
            ActionContactRow.contact_id.in_(contact_ids),
        )
        .values(told_at=at)
    )
    with database_errors("write of who was told"), write_transaction(engine) as c:
        return c.execute(statement).rowcount
