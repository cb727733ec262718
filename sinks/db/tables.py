"""The database schema as SQLAlchemy 2 typed tables. Alembic migrations are generated from these.

Analytics tables (``contact``, ``trend_count``, ``rating``) hold no personal data: names, email
addresses, phone numbers, street addresses, full postcodes and original wording live in
``contact_personal`` only.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import JSON, DateTime, Index, Integer, MetaData, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

UtcDateTime = DateTime(timezone=True)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class ContactRow(Base):
    """One contact, its public (redacted) wording and its current classification."""

    __tablename__ = "contact"

    contact_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    source_system: Mapped[str] = mapped_column(String(200))
    source_ref: Mapped[str | None] = mapped_column(String(200))
    channel: Mapped[str] = mapped_column(String(20))
    partner: Mapped[str | None] = mapped_column(String(200))
    received_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    received_on: Mapped[date] = mapped_column(index=True)  # UK local date
    subject: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    ward: Mapped[str | None] = mapped_column(String(200))
    postcode_district: Mapped[str | None] = mapped_column(String(8))
    attachment_count: Mapped[int] = mapped_column(default=0)
    contact_type: Mapped[str] = mapped_column(String(20))
    service: Mapped[str] = mapped_column(String(200), index=True)
    category: Mapped[str] = mapped_column(String(200))
    confidence: Mapped[float]
    label_source: Mapped[str] = mapped_column(String(20))
    model_version: Mapped[str | None] = mapped_column(String(200))
    classified_at: Mapped[datetime] = mapped_column(UtcDateTime)
    needs_review: Mapped[bool] = mapped_column(default=False, index=True)
    suggestions: Mapped[list[dict[str, object]] | None] = mapped_column(JSON)
    first_stored_at: Mapped[datetime] = mapped_column(UtcDateTime)
    last_delivered_at: Mapped[datetime] = mapped_column(UtcDateTime)
    delivery_count: Mapped[int] = mapped_column(default=1)


class ContactPersonalRow(Base):
    """Personal data for a contact, kept apart from analytics; deleted with the contact."""

    __tablename__ = "contact_personal"

    contact_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    reporter_name: Mapped[str | None] = mapped_column(String(200))
    reporter_email: Mapped[str | None] = mapped_column(String(200))
    reporter_phone: Mapped[str | None] = mapped_column(String(200))
    reporter_address: Mapped[str | None] = mapped_column(String(500))
    postcode: Mapped[str | None] = mapped_column(String(16))
    original_subject: Mapped[str | None] = mapped_column(Text)
    original_text: Mapped[str] = mapped_column(Text)
    equality: Mapped[dict[str, str] | None] = mapped_column(JSON)


class TrendCountRow(Base):
    """Contacts counted per period x partner x service x category x type x ward.

    Maintained by the sink in the same transaction as the contacts; ``''`` means unknown.
    """

    __tablename__ = "trend_count"
    # On SQLite the cells live in their key's b-tree alone (migration 0007)
    __table_args__ = {"sqlite_with_rowid": False}

    period_kind: Mapped[str] = mapped_column(String(8), primary_key=True)
    period: Mapped[str] = mapped_column(String(16), primary_key=True)
    partner: Mapped[str] = mapped_column(String(200), primary_key=True)
    service: Mapped[str] = mapped_column(String(200), primary_key=True)
    category: Mapped[str] = mapped_column(String(200), primary_key=True)
    contact_type: Mapped[str] = mapped_column(String(20), primary_key=True)
    ward: Mapped[str] = mapped_column(String(200), primary_key=True)
    count: Mapped[int] = mapped_column(Integer, default=0)


class RatingRow(Base):
    """A satisfaction rating; may arrive before its contact and is linked when it arrives."""

    __tablename__ = "rating"

    rating_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    contact_id: Mapped[uuid.UUID] = mapped_column(index=True)
    rated_at: Mapped[datetime] = mapped_column(UtcDateTime)
    score: Mapped[int]
    comment: Mapped[str | None] = mapped_column(Text)
    follow_up_requested: Mapped[bool] = mapped_column(default=False)
    channel: Mapped[str] = mapped_column(String(20))
    contact_linked: Mapped[bool] = mapped_column(default=False)


class DeadLetterRow(Base):
    """A message the worker could not process (also on the dead-letter topic)."""

    __tablename__ = "dead_letter"
    __table_args__ = (
        Index("uq_dead_letter_position", "topic", "partition", "offset", unique=True),
    )

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    topic: Mapped[str] = mapped_column(String(300))
    partition: Mapped[int]
    offset: Mapped[int]
    key: Mapped[str | None] = mapped_column(String(300))
    value: Mapped[str] = mapped_column(Text)
    error: Mapped[str] = mapped_column(Text)
    failed_at: Mapped[datetime] = mapped_column(UtcDateTime)


class WorkerHeartbeatRow(Base):
    """A worker's sign of life, refreshed every few seconds while it runs."""

    __tablename__ = "worker_heartbeat"

    worker_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    host: Mapped[str] = mapped_column(String(200))
    pid: Mapped[int]
    started_at: Mapped[datetime] = mapped_column(UtcDateTime)
    last_seen_at: Mapped[datetime] = mapped_column(UtcDateTime)
    stopped_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    contacts_processed: Mapped[int] = mapped_column(default=0)
    model_version: Mapped[str | None] = mapped_column(String(200))
    # Why the worker cannot do its job right now (e.g. "database unavailable: ..."); None = ok.
    problem: Mapped[str | None] = mapped_column(Text)


class DatabaseIdentityRow(Base):
    """One row written when the schema is created: a database replaced by another (or by an
    empty one) has another identity, which workers and ``status`` notice."""

    __tablename__ = "database_identity"

    identity: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class ContactReviewRow(Base):
    """A person's confirmation or correction of a contact's labels (ground truth)."""

    __tablename__ = "contact_review"

    review_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    contact_id: Mapped[uuid.UUID] = mapped_column(index=True)
    reviewed_at: Mapped[datetime] = mapped_column(UtcDateTime)
    reviewer: Mapped[str] = mapped_column(String(200))
    contact_type: Mapped[str] = mapped_column(String(20))
    service: Mapped[str] = mapped_column(String(200))
    category: Mapped[str] = mapped_column(String(200))
    corrected: Mapped[bool]
    previous_service: Mapped[str | None] = mapped_column(String(200))
    previous_category: Mapped[str | None] = mapped_column(String(200))
    previous_contact_type: Mapped[str | None] = mapped_column(String(20))


class DigestDeliveryRow(Base):
    """One digest to one recipient over one channel: sent at most once, failures retried."""

    __tablename__ = "digest_delivery"

    digest_key: Mapped[str] = mapped_column(String(300), primary_key=True)
    recipient: Mapped[str] = mapped_column(String(300), primary_key=True)
    channel: Mapped[str] = mapped_column(String(20), primary_key=True)
    status: Mapped[str] = mapped_column(String(20))  # pending | delivered | failed
    attempts: Mapped[int] = mapped_column(default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    delivered_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class ActionRow(Base):
    """ "You said, we did": what was done about a theme (or why nothing was), and when."""

    __tablename__ = "action"

    action_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    service: Mapped[str] = mapped_column(String(200), index=True)
    category: Mapped[str] = mapped_column(String(200))
    contact_type: Mapped[str] = mapped_column(String(20))
    ward: Mapped[str | None] = mapped_column(String(200))
    period: Mapped[str | None] = mapped_column(String(20))
    outcome: Mapped[str] = mapped_column(String(20))
    summary: Mapped[str] = mapped_column(Text)
    taken_on: Mapped[date]
    recorded_at: Mapped[datetime] = mapped_column(UtcDateTime)
    recorded_by: Mapped[str] = mapped_column(String(200))


class ActionContactRow(Base):
    """A contact an action answers, and when it was told (its event published)."""

    __tablename__ = "action_contact"

    action_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    contact_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    told_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
