"""Reads of stored contacts' redacted wording for insight: contacts the classifier was unsure
about (emerging topics) and quotable examples (digests). Never reads ``contact_personal``."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, Engine, func, or_, select
from sqlalchemy.orm import InstrumentedAttribute

from sinks.db.errors import database_errors
from sinks.db.tables import ContactRow

UNSURE_BELOW = 0.6  # confidence under which a classification counts as unsure
EXAMPLE_POOL = 60  # contacts per type read for quoting
EXAMPLE_CHARS = (40, 600)  # only contacts this long are ever quoted


@dataclass(frozen=True)
class UnsureContact:
    """A stored contact as topic finding needs it (its text has personal data removed)."""

    contact_id: str
    text: str
    received_on: date
    channel: str
    partner: str | None = None
    service: str | None = None
    category: str | None = None
    confidence: float = 0.0
    needs_review: bool = True


@dataclass(frozen=True)
class ExampleContact:
    """A contact's redacted wording and where it sits, for quoting in a digest."""

    received_on: date
    channel: str
    partner: str | None
    ward: str | None
    service: str
    category: str
    contact_type: str
    subject: str | None
    text: str


def unsure_contacts(
    engine: Engine,
    since: date,
    until: date | None = None,
    *,
    max_confidence: float = UNSURE_BELOW,
    limit: int = 2000,
    services: Sequence[str] | None = None,
) -> list[UnsureContact]:
    """Contacts received from ``since`` to ``until`` (inclusive) that need review or whose
    confidence is below ``max_confidence``, optionally only of ``services``; the most recent
    ``limit``, oldest first."""
    query = select(
        ContactRow.contact_id,
        ContactRow.subject,
        ContactRow.text,
        ContactRow.received_on,
        ContactRow.channel,
        ContactRow.partner,
        ContactRow.service,
        ContactRow.category,
        ContactRow.confidence,
        ContactRow.needs_review,
    ).where(
        ContactRow.received_on >= since,
        or_(ContactRow.needs_review.is_(True), ContactRow.confidence < max_confidence),
    )
    if until is not None:
        query = query.where(ContactRow.received_on <= until)
    if services is not None:
        query = query.where(not_indexed(ContactRow.service).in_(services))
    # Newest first, so that ``limit`` keeps the newest; returned oldest first.
    query = query.order_by(ContactRow.received_at.desc(), ContactRow.contact_id).limit(limit)
    with database_errors("read"), engine.connect() as connection:
        rows = connection.execute(query).all()
    return [
        UnsureContact(
            contact_id=str(r.contact_id),
            text=" ".join(t for t in (r.subject, r.text) if t),
            received_on=r.received_on,
            channel=r.channel,
            partner=r.partner,
            service=r.service,
            category=r.category,
            confidence=float(r.confidence),
            needs_review=bool(r.needs_review),
        )
        for r in reversed(rows)
    ]


def example_contacts(
    engine: Engine,
    start: date,
    end: date,
    services: Sequence[str],
    contact_type: str,
    *,
    limit: int = EXAMPLE_POOL,
) -> list[ExampleContact]:
    """The latest ``limit`` quotable contacts of one type received from ``start`` to ``end``
    in ``services``: confidently classified and of a quotable length, newest first. Walks the
    date index, so the read stops early however busy the period."""
    length = func.length(ContactRow.text)
    query = (
        select(
            ContactRow.received_on,
            ContactRow.channel,
            ContactRow.partner,
            ContactRow.ward,
            ContactRow.service,
            ContactRow.category,
            ContactRow.contact_type,
            ContactRow.subject,
            ContactRow.text,
            ContactRow.needs_review,
        )
        .where(
            ContactRow.received_on >= start,
            ContactRow.received_on <= end,
            not_indexed(ContactRow.service).in_(services),
            ContactRow.contact_type == contact_type,
            length >= EXAMPLE_CHARS[0],
            length <= EXAMPLE_CHARS[1],
        )
        .order_by(ContactRow.received_on.desc(), ContactRow.contact_id)
        .limit(limit)
    )
    with database_errors("read"), engine.connect() as connection:
        rows = connection.execute(query).all()
    return [  # unsure classifications are not quoted
        ExampleContact(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8])
        for r in rows
        if not r.needs_review
    ]


def not_indexed(column: InstrumentedAttribute[str]) -> ColumnElement[str]:
    """``column`` in a form no index matches, so the planner walks the date index instead of
    a service's whole history (SQLite has no statistics unless ANALYZE has run)."""
    return func.coalesce(column, "")
