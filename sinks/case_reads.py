"""Reading the case lifecycle for people: contacts with their case state, ratings with their
contact's labels, and follow-ups; updating a follow-up's status. Typed rows, never ORM
objects, never personal data. A rating or case whose contact is not stored yet has no labels
(None): it is counted under unknown until the contact arrives."""

from __future__ import annotations

import uuid
from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import ColumnElement, Engine, and_, func, insert, select, update

from contracts import FollowUpStatus
from sinks.db.case_tables import CaseStateRow, FollowUpRow, FollowUpUpdateRow, RatingRevisionRow
from sinks.db.engine import write_transaction
from sinks.db.tables import ContactRow, RatingRow
from sinks.errors import UnknownFollowUpError


@dataclass(frozen=True)
class CaseRecord:
    """A contact, its labels and its case state (None where no event said so yet)."""

    contact_id: uuid.UUID
    received_at: datetime
    partner: str | None
    service: str | None
    category: str | None
    contact_type: str | None
    ward: str | None
    acknowledged_at: datetime | None
    responded_at: datetime | None
    closed_at: datetime | None
    stage: int
    escalated_at: datetime | None
    stage_responded_at: datetime | None
    outcome: str | None


@dataclass(frozen=True)
class RatedContact:
    """A rating (its latest version) with its contact's labels; ``versions`` over 1 means the
    resident changed their mind."""

    rating_id: uuid.UUID
    contact_id: uuid.UUID
    rated_at: datetime
    score: int
    follow_up_requested: bool
    partner: str | None
    service: str | None
    category: str | None
    contact_type: str | None
    ward: str | None
    versions: int


@dataclass(frozen=True)
class FollowUpRecord:
    followup_id: uuid.UUID
    rating_id: uuid.UUID
    contact_id: uuid.UUID
    service: str | None
    partner: str | None
    opened_at: datetime
    reason: str
    status: str
    status_reason: str | None
    owner: str | None
    updated_at: datetime


_LABELS = (
    ContactRow.partner,
    ContactRow.service,
    ContactRow.category,
    ContactRow.contact_type,
    ContactRow.ward,
)
_STATE = (
    CaseStateRow.acknowledged_at,
    CaseStateRow.responded_at,
    CaseStateRow.closed_at,
    func.coalesce(CaseStateRow.stage, 1).label("stage"),
    CaseStateRow.escalated_at,
    CaseStateRow.stage_responded_at,
    CaseStateRow.outcome,
)


def cases_received_between(engine: Engine, start: datetime, end: datetime) -> list[CaseRecord]:
    """Contacts received in [start, end) with their case state."""
    return _cases(engine, and_(ContactRow.received_at >= start, ContactRow.received_at < end))


def cases_responded_between(engine: Engine, start: datetime, end: datetime) -> list[CaseRecord]:
    """Stored contacts first responded to in [start, end)."""
    return _cases(engine, and_(CaseStateRow.responded_at >= start, CaseStateRow.responded_at < end))


def _cases(engine: Engine, where: ColumnElement[bool]) -> list[CaseRecord]:
    query = (
        select(ContactRow.contact_id, ContactRow.received_at, *_LABELS, *_STATE)
        .select_from(ContactRow)
        .outerjoin(CaseStateRow, CaseStateRow.contact_id == ContactRow.contact_id)
        .where(where)
        .order_by(ContactRow.received_at, ContactRow.contact_id)
    )
    with engine.connect() as connection:
        return [CaseRecord(**_utc_row(row._mapping)) for row in connection.execute(query)]


def ratings_between(engine: Engine, start: datetime, end: datetime) -> list[RatedContact]:
    """Ratings given in [start, end) (by their latest version), with their contact's labels."""
    versions = (
        select(RatingRevisionRow.rating_id, func.count().label("versions"))
        .group_by(RatingRevisionRow.rating_id)
        .subquery()
    )
    query = (
        select(
            RatingRow.rating_id,
            RatingRow.contact_id,
            RatingRow.rated_at,
            RatingRow.score,
            RatingRow.follow_up_requested,
            *_LABELS,
            func.coalesce(versions.c.versions, 1).label("versions"),
        )
        .select_from(RatingRow)
        .outerjoin(ContactRow, ContactRow.contact_id == RatingRow.contact_id)
        .outerjoin(versions, versions.c.rating_id == RatingRow.rating_id)
        .where(RatingRow.rated_at >= start, RatingRow.rated_at < end)
        .order_by(RatingRow.rated_at, RatingRow.rating_id)
    )
    with engine.connect() as connection:
        return [RatedContact(**_utc_row(row._mapping)) for row in connection.execute(query)]


def follow_ups(
    engine: Engine,
    *,
    service: str | None = None,
    followup_id: uuid.UUID | None = None,
    partners: Collection[str] | None = None,
) -> list[FollowUpRecord]:
    """Follow-ups, oldest first; ``service`` keeps those of one service, ``partners`` those of
    contacts of these partners (a staff token's scope; None for every partner)."""
    query = (
        select(
            FollowUpRow.followup_id,
            FollowUpRow.rating_id,
            FollowUpRow.contact_id,
            ContactRow.service,
            ContactRow.partner,
            FollowUpRow.opened_at,
            FollowUpRow.reason,
            FollowUpRow.status,
            FollowUpRow.status_reason,
            FollowUpRow.owner,
            FollowUpRow.updated_at,
        )
        .select_from(FollowUpRow)
        .outerjoin(ContactRow, ContactRow.contact_id == FollowUpRow.contact_id)
        .order_by(FollowUpRow.opened_at, FollowUpRow.followup_id)
    )
    if service is not None:
        query = query.where(ContactRow.service == service)
    if followup_id is not None:
        query = query.where(FollowUpRow.followup_id == followup_id)
    if partners is not None:
        query = query.where(ContactRow.partner.in_(sorted(partners)))
    with engine.connect() as connection:
        return [FollowUpRecord(**_utc_row(row._mapping)) for row in connection.execute(query)]


def update_follow_up(
    engine: Engine,
    followup_id: uuid.UUID,
    status: FollowUpStatus,
    *,
    note: str | None,
    owner: str | None,
    now: datetime,
) -> FollowUpRecord:
    """Set a follow-up's status (and owner), recording the change and its note.
    ``UnknownFollowUpError`` when there is no such follow-up."""
    with write_transaction(engine) as connection:
        current = connection.execute(
            select(FollowUpRow.owner).where(FollowUpRow.followup_id == followup_id)
        ).first()
        if current is None:
            raise UnknownFollowUpError(followup_id)
        new_owner = owner if owner is not None else current.owner
        connection.execute(
            update(FollowUpRow)
            .where(FollowUpRow.followup_id == followup_id)
            .values(status=status.value, status_reason=note, owner=new_owner, updated_at=now)
        )
        connection.execute(
            insert(FollowUpUpdateRow).values(
                followup_id=followup_id,
                updated_at=now,
                status=status.value,
                note=note,
                owner=new_owner,
            )
        )
    return follow_ups(engine, followup_id=followup_id)[0]


def contact_exists(engine: Engine, contact_id: uuid.UUID) -> bool:
    with engine.connect() as connection:
        found = connection.execute(
            select(ContactRow.contact_id).where(ContactRow.contact_id == contact_id)
        ).first()
    return found is not None


def _utc_row(row: Any) -> dict[str, Any]:
    # SQLite hands back naive datetimes; they were stored in UTC.
    return {
        k: v.replace(tzinfo=UTC) if isinstance(v, datetime) and v.tzinfo is None else v
        for k, v in row.items()
    }


def rating_of(engine: Engine, rating_id: uuid.UUID) -> int | None:
    """The stored score of a rating, or None when it is not stored."""
    with engine.connect() as connection:
        score = connection.scalar(select(RatingRow.score).where(RatingRow.rating_id == rating_id))
    return None if score is None else int(score)


def latest_received_at(engine: Engine) -> datetime | None:
    """When the latest contact stored was received (None: no contact is stored)."""
    return _latest(engine, ContactRow.received_at)


def latest_rated_at(engine: Engine) -> datetime | None:
    """When the latest rating stored was given (None: no rating is stored)."""
    return _latest(engine, RatingRow.rated_at)


def _latest(engine: Engine, column: Any) -> datetime | None:
    with engine.connect() as connection:  # received_at is indexed; ratings are few
        found: datetime | None = connection.scalar(select(func.max(column)))
    if found is None:
        return None
    return found.replace(tzinfo=UTC) if found.tzinfo is None else found
