"""Recent contacts the classifier was unsure about, for emerging topics, as ``sinks`` reads
them (redacted wording only, never personal data)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Engine

from insights.analysis.topics import TopicContact
from sinks import UNSURE_BELOW, unsure_contacts


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
    return unsure_contacts(engine, since, until, max_confidence=max_confidence, limit=limit)
