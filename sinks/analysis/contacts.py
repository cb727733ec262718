"""Reading recent contacts the classifier was unsure about, for emerging topics. Reads only
the analytics ``contact`` table (redacted wording, never personal data)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Engine, Row, Select, or_, select

from sinks.analysis.topics import TopicContact
from sinks.db.tables import ContactRow

UNSURE_BELOW = 0.6  # confidence under which a classification counts as unsure


def load_unsure_contacts(
    engine: Engine,
    since: date,
    until: date | None = None,
    *,
    max_confidence: float = UNSURE_BELOW,
    limit: int = 2000,
) -> list[TopicContact]:
    """Contacts received from ``since`` to ``until`` (inclusive) that need review or whose
    confidence is below ``max_confidence``; the most recent ``limit``, oldest first."""
    query = unsure_contacts_query(since, until, max_confidence=max_confidence, limit=limit)
    with engine.connect() as connection:
        return topic_contacts(connection.execute(query).all())


def unsure_contacts_query(
    since: date,
    until: date | None = None,
    *,
    max_confidence: float = UNSURE_BELOW,
    limit: int = 2000,
    where: Sequence[ColumnElement[bool]] = (),
) -> Select[*tuple[Any, ...]]:
    """The query behind ``load_unsure_contacts``; ``where`` narrows it (to a digest's services,
    say). Most recent first, so that ``limit`` keeps the newest."""
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
        *where,
    )
    if until is not None:
        query = query.where(ContactRow.received_on <= until)
    return query.order_by(ContactRow.received_at.desc(), ContactRow.contact_id).limit(limit)


def topic_contacts(rows: Sequence[Row[Any]]) -> list[TopicContact]:
    """Rows of ``unsure_contacts_query`` (newest first) as topic contacts, oldest first."""
    return [
        TopicContact(
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
