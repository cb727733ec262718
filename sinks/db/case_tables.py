"""Tables of the case lifecycle: case events as received, each contact's case state derived
from all its events, superseded ratings (changes of mind), follow-ups of dissatisfaction and
the "you said, we did" action log.
No personal data: notes on follow-ups are written by staff about handling, not by residents."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from sinks.db.tables import Base, UtcDateTime


class CaseEventRow(Base):
    """One lifecycle event, stored once by its id whatever the number of deliveries."""

    __tablename__ = "case_event"

    event_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    contact_id: Mapped[uuid.UUID] = mapped_column(index=True)
    kind: Mapped[str] = mapped_column(String(20))
    stage: Mapped[int | None]
    outcome: Mapped[str | None] = mapped_column(String(20))
    occurred_at: Mapped[datetime] = mapped_column(UtcDateTime)
    source_system: Mapped[str] = mapped_column(String(200))


class CaseStateRow(Base):
    """A contact's case as all its events say, recomputed from them whenever one arrives,
    so the state does not depend on the order of arrival. May precede its contact."""

    __tablename__ = "case_state"

    contact_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    acknowledged_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    responded_at: Mapped[datetime | None] = mapped_column(UtcDateTime, index=True)
    closed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    stage: Mapped[int] = mapped_column(default=1)
    escalated_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    stage_responded_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    outcome: Mapped[str | None] = mapped_column(String(20))
    events: Mapped[int] = mapped_column(default=0)


class RatingRevisionRow(Base):
    """Every version of a rating seen: more than one for a rating id is a change of mind."""

    __tablename__ = "rating_revision"

    rating_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    rated_at: Mapped[datetime] = mapped_column(UtcDateTime, primary_key=True)
    contact_id: Mapped[uuid.UUID] = mapped_column(index=True)
    score: Mapped[int]
    follow_up_requested: Mapped[bool] = mapped_column(default=False)


class FollowUpRow(Base):
    """The follow-up a dissatisfied rating opened: one per rating, never two."""

    __tablename__ = "follow_up"

    followup_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    rating_id: Mapped[uuid.UUID] = mapped_column(unique=True)
    contact_id: Mapped[uuid.UUID] = mapped_column(index=True)
    opened_at: Mapped[datetime] = mapped_column(UtcDateTime)
    reason: Mapped[str] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(30), index=True)
    status_reason: Mapped[str | None] = mapped_column(Text)
    owner: Mapped[str | None] = mapped_column(String(200))
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)


class FollowUpUpdateRow(Base):
    """A change of a follow-up's status or owner, with the note that explains it."""

    __tablename__ = "follow_up_update"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    followup_id: Mapped[uuid.UUID] = mapped_column(index=True)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)
    status: Mapped[str] = mapped_column(String(30))
    note: Mapped[str | None] = mapped_column(Text)
    owner: Mapped[str | None] = mapped_column(String(200))
