"""SqlContactSink: writes classified contacts, ratings and dead letters, one transaction per flush.

Idempotent under at-least-once delivery: contacts are upserted by contact id and trend cells
move only by the difference between what was stored and what is stored now.
"""

from __future__ import annotations

import logging
import re
import uuid
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Connection, Engine, select, update

from config import FollowUpRule
from contracts import (
    ContactClassified,
    ContactReceived,
    ContactReviewed,
    DeadLetter,
    LabelSource,
    RatingReceived,
    local_date,
)
from sinks.base import FlushResult, PublicWording, ReviewResult
from sinks.cases import write_rating_history
from sinks.db.bulk import BulkStatement, Row, excluded
from sinks.db.engine import upsert_insert, write_transaction
from sinks.db.errors import database_errors
from sinks.db.labels import StoredLabels, cell_key, id_chunks, id_in, locked_labels
from sinks.db.tables import ContactPersonalRow, ContactRow, DeadLetterRow, RatingRow
from sinks.db.trends import Cell, add_contact_deltas, apply_deltas
from sinks.relabel import apply_reviews

log = logging.getLogger(__name__)

_OUTWARD_CODE = re.compile(r"^\s*([A-Z]{1,2}[0-9][A-Z0-9]?)\b", re.IGNORECASE)


@dataclass
class _Pending:
    contacts: dict[uuid.UUID, tuple[ContactReceived, ContactClassified, PublicWording]] = field(
        default_factory=dict
    )
    ratings: dict[uuid.UUID, RatingReceived] = field(default_factory=dict)
    rating_versions: list[RatingReceived] = field(default_factory=list)
    dead_letters: list[DeadLetter] = field(default_factory=list)

    def clear(self) -> None:
        self.contacts.clear()
        self.ratings.clear()
        self.rating_versions.clear()
        self.dead_letters.clear()


def postcode_district(postcode: str | None) -> str | None:
    """The outward code (``WA7`` of ``WA7 1AB``): area-level, not personal."""
    if not postcode:
        return None
    match = _OUTWARD_CODE.match(postcode)
    return match.group(1).upper() if match else None


class SqlContactSink:
    """The ContactSink backed by any SQLAlchemy engine (SQLite or PostgreSQL)."""

    def __init__(self, engine: Engine, follow_up_rule: FollowUpRule | None = None) -> None:
        self._engine = engine
        self._pending = _Pending()
        self._follow_up_rule = follow_up_rule or FollowUpRule()

    def add(
        self, contact: ContactReceived, classified: ContactClassified, wording: PublicWording
    ) -> None:
        # Within one batch the latest delivery of a contact wins.
        self._pending.contacts[contact.contact_id] = (contact, classified, wording)

    def add_rating(self, rating: RatingReceived) -> None:
        # The latest opinion wins; every version is kept as the rating's history.
        current = self._pending.ratings.get(rating.rating_id)
        if current is None or current.rated_at <= rating.rated_at:
            self._pending.ratings[rating.rating_id] = rating
        self._pending.rating_versions.append(rating)

    def add_dead_letter(self, dead_letter: DeadLetter) -> None:
        self._pending.dead_letters.append(dead_letter)

    def flush(self) -> FlushResult:
        """Write everything added since the last flush in one transaction.

        Raises SinkUnavailableError (retry later) or SinkError; either way nothing was written
        and the pending items are dropped, so the caller must not acknowledge the batch.
        """
        try:
            with database_errors("write"), write_transaction(self._engine) as connection:
                return self._write(connection)
        finally:
            self._pending.clear()

    def apply_reviews(self, reviews: Sequence[ContactReviewed]) -> ReviewResult:
        """Reviews as ground truth, in a transaction of their own (see ``sinks.relabel``)."""
        return apply_reviews(self._engine, reviews)

    def _write(self, connection: Connection) -> FlushResult:
        now = datetime.now(UTC)
        new_count = self._write_contacts(connection, now)
        ratings = self._write_ratings(connection)
        dead = self._write_dead_letters(connection)
        return FlushResult(len(self._pending.contacts), new_count, ratings, dead)

    def _write_contacts(self, connection: Connection, now: datetime) -> int:
        pending = self._pending.contacts
        if not pending:
            return 0
        existing = locked_labels(connection, list(pending))
        deltas: Counter[Cell] = Counter()
        contact_rows, personal_rows = [], []
        for contact_id, (contact, classified, wording) in pending.items():
            old = existing.get(contact_id)
            labels: ContactClassified | StoredLabels = classified
            if old is not None and old.label_source == LabelSource.reviewer.value:
                labels = old  # a reviewer's decision outlives re-delivery
            received_on = local_date(contact.received_at)
            new_key = cell_key(received_on, contact.partner, contact.ward, labels)
            add_contact_deltas(deltas, old.cell_key() if old is not None else None, new_key)
            contact_rows.append(_contact_row(contact, labels, wording, received_on, now))
            personal_rows.append(_personal_row(contact))
        _CONTACT_UPSERT.execute(connection, contact_rows)
        _PERSONAL_UPSERT.execute(connection, personal_rows)
        apply_deltas(connection, deltas)
        new_ids = [cid for cid in pending if cid not in existing]
        for chunk in id_chunks(connection, new_ids):
            connection.execute(
                update(RatingRow)
                .where(id_in(connection, RatingRow.contact_id, chunk))
                .values(contact_linked=True)
            )
        return len(new_ids)

    def _write_ratings(self, connection: Connection) -> int:
        ratings = list(self._pending.ratings.values())
        if not ratings:
            return 0
        contact_ids = list({r.contact_id for r in ratings})
        known = set(
            connection.scalars(
                select(ContactRow.contact_id).where(ContactRow.contact_id.in_(contact_ids))
            )
        )
        rows = [
            {
                "rating_id": r.rating_id,
                "contact_id": r.contact_id,
                "rated_at": r.rated_at,
                "score": r.score,
                "comment": r.comment,
                "follow_up_requested": r.follow_up_requested,
                "channel": r.channel.value,
                "contact_linked": r.contact_id in known,
            }
            for r in ratings
        ]
        insert = upsert_insert(connection)
        table = RatingRow.__table__
        stmt = insert(table)
        connection.execute(
            stmt.on_conflict_do_update(
                index_elements=["rating_id"],
                set_={c.name: stmt.excluded[c.name] for c in table.c if c.name != "rating_id"},
                # A later opinion replaces an earlier one, never the other way round.
                where=table.c.rated_at <= stmt.excluded.rated_at,
            ),
            rows,
        )
        write_rating_history(connection, self._pending.rating_versions, self._follow_up_rule)
        return len(rows)

    def _write_dead_letters(self, connection: Connection) -> int:
        if not self._pending.dead_letters:
            return 0
        rows = [d.model_dump(exclude={"schema_version"}) for d in self._pending.dead_letters]
        insert = upsert_insert(connection)
        stmt = insert(DeadLetterRow.__table__)
        connection.execute(
            stmt.on_conflict_do_nothing(index_elements=["topic", "partition", "offset"]), rows
        )
        return len(rows)


_CONTACT_COLUMNS = (
    "contact_id",
    "source_system",
    "source_ref",
    "channel",
    "partner",
    "received_at",
    "received_on",
    "subject",
    "text",
    "ward",
    "postcode_district",
    "attachment_count",
    "contact_type",
    "service",
    "category",
    "confidence",
    "label_source",
    "model_version",
    "classified_at",
    "needs_review",
    "suggestions",
    "first_stored_at",
    "last_delivered_at",
    "delivery_count",
)
# A redelivered contact keeps when it was first stored and counts one more delivery.
_CONTACT_UPSERT = BulkStatement(
    ContactRow.__table__,  # type: ignore[arg-type]
    columns=_CONTACT_COLUMNS,
    key=("contact_id",),
    on_conflict=excluded(*_CONTACT_COLUMNS[1:-3], "last_delivered_at")
    + ', "delivery_count" = contact."delivery_count" + 1',
)
_PERSONAL_COLUMNS = (
    "contact_id",
    "reporter_name",
    "reporter_email",
    "reporter_phone",
    "reporter_address",
    "postcode",
    "original_subject",
    "original_text",
    "equality",
)
_PERSONAL_UPSERT = BulkStatement(
    ContactPersonalRow.__table__,  # type: ignore[arg-type]
    columns=_PERSONAL_COLUMNS,
    key=("contact_id",),
    on_conflict=excluded(*_PERSONAL_COLUMNS[1:]),
)


def _contact_row(
    contact: ContactReceived,
    labels: ContactClassified | StoredLabels,
    wording: PublicWording,
    received_on: date,
    now: datetime,
) -> Row:
    """A ``contact`` row, in ``_CONTACT_COLUMNS`` order."""
    return (
        contact.contact_id,
        contact.source_system,
        contact.source_ref,
        contact.channel.value,
        contact.partner,
        contact.received_at,
        received_on,
        wording.subject,
        wording.text,
        contact.ward,
        postcode_district(contact.postcode),
        contact.attachment_count,
        str(labels.contact_type),
        labels.service,
        labels.category,
        labels.confidence,
        str(labels.label_source),
        labels.model_version,
        labels.classified_at,
        labels.needs_review,
        # A reviewer's labels keep no model suggestions.
        _suggestions(labels),
        now,
        now,
        1,
    )


def _personal_row(contact: ContactReceived) -> Row:
    """A ``contact_personal`` row, in ``_PERSONAL_COLUMNS`` order."""
    reporter = contact.reporter
    return (
        contact.contact_id,
        reporter.name,
        reporter.email,
        reporter.phone,
        reporter.address,
        contact.postcode,
        contact.subject,
        contact.text,
        contact.equality.model_dump(exclude_none=True) if contact.equality else None,
    )


def _suggestions(labels: ContactClassified | StoredLabels) -> list[dict[str, Any]] | None:
    if isinstance(labels, StoredLabels):
        return None
    # What model_dump() gives, built directly (three per contact: it showed in profiles).
    return [
        {"service": s.service, "category": s.category, "probability": s.probability}
        for s in labels.suggestions
    ] or None
