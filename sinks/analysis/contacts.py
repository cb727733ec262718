"""Reading recent contacts the classifier was unsure about, for emerging topics. Reads only
the analytics ``contact`` table (redacted wording, never personal data)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Engine, or_, select

from sinks.analysis.topics import TopicContact
from sinks.db.tables import ContactRow


def load_unsure_contacts(
    engine: Engine,
    since: date,
    until: date | None = None,
    *,
    max_confidence: float = 0.6,
    limit: int = 2000,
) -> list[TopicContact]:
    """Contacts received from ``since`` to ``until`` (inclusive) that need review or whose
    confidence is below ``max_confidence``; the most recent ``limit``, oldest first."""
    query = (
        select(
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
        )
        .where(ContactRow.received_on >= since)
        .where(or_(ContactRow.needs_review.is_(True), ContactRow.confidence < max_confidence))
    )
    if until is not None:
        query = query.where(ContactRow.received_on <= until)
    query = query.order_by(ContactRow.received_at.desc(), ContactRow.contact_id).limit(limit)
    with engine.connect() as connection:
        rows = connection.execute(query).all()
    out = [
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
        for r in rows
    ]
    return out[::-1]
