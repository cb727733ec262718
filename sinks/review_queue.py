"""Reading contacts for people: the review queue, one contact's details, and the confirmed
labels that training may learn from. Never returns personal data."""

from __future__ import annotations

import uuid
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import ColumnElement, Engine, func, select

from contracts import LabelSource
from sinks.db.errors import database_errors
from sinks.db.tables import ContactRow


@dataclass(frozen=True)
class ReviewItem:
    contact_id: uuid.UUID
    received_at: datetime
    channel: str
    partner: str | None
    ward: str | None
    subject: str | None
    text: str
    contact_type: str
    service: str
    category: str
    confidence: float
    label_source: str
    model_version: str | None
    needs_review: bool
    suggestions: list[dict[str, Any]]


_COLUMNS = (
    ContactRow.contact_id,
    ContactRow.received_at,
    ContactRow.channel,
    ContactRow.partner,
    ContactRow.ward,
    ContactRow.subject,
    ContactRow.text,
    ContactRow.contact_type,
    ContactRow.service,
    ContactRow.category,
    ContactRow.confidence,
    ContactRow.label_source,
    ContactRow.model_version,
    ContactRow.needs_review,
    ContactRow.suggestions,
)


def _item(row: Any) -> ReviewItem:
    values = dict(row._mapping)
    if values["received_at"].tzinfo is None:  # SQLite drops the zone; we store UTC
        values["received_at"] = values["received_at"].replace(tzinfo=UTC)
    values["suggestions"] = values["suggestions"] or []
    return ReviewItem(**values)


def review_queue(
    engine: Engine,
    *,
    limit: int = 50,
    service: str | None = None,
    partners: Collection[str] | None = None,
) -> tuple[list[ReviewItem], int]:
    """Contacts waiting for a person, least confident first, and how many wait in all (only
    those of ``partners`` when given)."""
    where: list[ColumnElement[bool]] = [ContactRow.needs_review.is_(True)]
    if service:
        where.append(ContactRow.service == service)
    if partners is not None:
        where.append(ContactRow.partner.in_(sorted(partners)))
    query = select(*_COLUMNS).where(*where).order_by(ContactRow.confidence, ContactRow.received_at)
    with database_errors("read"), engine.connect() as connection:
        items = [_item(r) for r in connection.execute(query.limit(limit))]
        total = connection.scalar(select(func.count()).select_from(ContactRow).where(*where)) or 0
    return items, int(total)


def contact_details(engine: Engine, contact_id: uuid.UUID) -> ReviewItem | None:
    with database_errors("read"), engine.connect() as connection:
        row = connection.execute(
            select(*_COLUMNS).where(ContactRow.contact_id == contact_id)
        ).first()
    return _item(row) if row is not None else None


@dataclass(frozen=True)
class ConfirmedLabels:
    """A contact whose labels a source system or a reviewer decided: ground truth."""

    subject: str | None
    text: str
    contact_type: str
    service: str
    category: str
    received_at: datetime
    label_source: str


def confirmed_labels(engine: Engine) -> Iterator[ConfirmedLabels]:
    """Every contact with source- or reviewer-assigned labels (model guesses are left out)."""
    query = select(
        ContactRow.subject,
        ContactRow.text,
        ContactRow.contact_type,
        ContactRow.service,
        ContactRow.category,
        ContactRow.received_at,
        ContactRow.label_source,
    ).where(ContactRow.label_source.in_([LabelSource.source.value, LabelSource.reviewer.value]))
    with database_errors("read"), engine.connect() as connection:
        for row in connection.execution_options(stream_results=True, yield_per=1000).execute(query):
            yield ConfirmedLabels(*row)
