"""Changing the labels of stored contacts: reviewers' confirmations and corrections, and
re-running history through a newly promoted model. Each change moves the contact's trend
counts exactly once, in the same transaction as the label itself.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import TypeVar

from sqlalchemy import Connection, Engine, select, update

from contracts import Categorisation, ContactReviewed, LabelSource
from sinks.base import ReviewResult
from sinks.db.engine import upsert_insert, write_transaction
from sinks.db.errors import database_errors
from sinks.db.labels import locked_labels
from sinks.db.tables import ContactReviewRow, ContactRow
from sinks.db.trends import Cell, add_contact_deltas, apply_deltas

T = TypeVar("T")


@dataclass(frozen=True)
class StoredContact:
    """What re-classification needs of a stored contact (its public, redacted wording)."""

    contact_id: uuid.UUID
    received_on: date
    subject: str | None
    text: str
    contact_type: str


@dataclass(frozen=True)
class RelabelResult:
    changed: int = 0
    unchanged: int = 0
    skipped: int = 0  # reviews of unknown contacts, or labels not the model's to change


def _in_transaction(engine: Engine, work: Callable[[Connection], T]) -> T:
    with database_errors("write"), write_transaction(engine) as connection:
        return work(connection)


def apply_reviews(engine: Engine, reviews: Sequence[ContactReviewed]) -> ReviewResult:
    """Store reviews as ground truth (label_source = reviewer). A review already stored is
    skipped, so a redelivered review never moves counts twice."""

    def work(connection: Connection) -> ReviewResult:
        ids = [r.review_id for r in reviews]
        seen = set(
            connection.scalars(
                select(ContactReviewRow.review_id).where(ContactReviewRow.review_id.in_(ids))
            )
        )
        fresh = [r for r in {r.review_id: r for r in reviews}.values() if r.review_id not in seen]
        rows = locked_labels(connection, [r.contact_id for r in fresh])
        deltas: Counter[Cell] = Counter()
        applied = skipped = 0
        for review in sorted(fresh, key=lambda r: r.reviewed_at):
            row = rows.get(review.contact_id)
            if row is None:
                skipped += 1
                continue
            new_type = review.contact_type.value
            relabelled = row.relabelled(new_type, review.service, review.category)
            add_contact_deltas(deltas, row.cell_key(), relabelled.cell_key())
            connection.execute(
                update(ContactRow)
                .where(ContactRow.contact_id == review.contact_id)
                .values(
                    contact_type=new_type,
                    service=review.service,
                    category=review.category,
                    label_source=LabelSource.reviewer.value,
                    confidence=1.0,
                    needs_review=False,
                    classified_at=review.reviewed_at,
                )
            )
            connection.execute(
                upsert_insert(connection)(ContactReviewRow.__table__)
                .values(
                    review_id=review.review_id,
                    contact_id=review.contact_id,
                    reviewed_at=review.reviewed_at,
                    reviewer=review.reviewer,
                    contact_type=new_type,
                    service=review.service,
                    category=review.category,
                    corrected=review.corrected,
                    previous_service=row.service,
                    previous_category=row.category,
                    previous_contact_type=row.contact_type,
                )
                .on_conflict_do_nothing(index_elements=["review_id"])
            )
            rows[review.contact_id] = relabelled  # a later review in this batch starts here
            applied += 1
        apply_deltas(connection, deltas)
        return ReviewResult(
            applied=applied, already_applied=len(reviews) - len(fresh), skipped=skipped
        )

    return _in_transaction(engine, work)


def apply_reclassification(
    engine: Engine, decisions: Sequence[tuple[uuid.UUID, Categorisation]]
) -> RelabelResult:
    """New model decisions for stored contacts. Only labels the model set are changed:
    source- and reviewer-assigned labels are never touched (re-checked under lock)."""

    def work(connection: Connection) -> RelabelResult:
        rows = locked_labels(connection, [cid for cid, _ in decisions])
        deltas: Counter[Cell] = Counter()
        changed = unchanged = skipped = 0
        now = datetime.now(UTC)
        for contact_id, cat in decisions:
            row = rows.get(contact_id)
            if row is None or row.label_source != LabelSource.model.value:
                skipped += 1
                continue
            relabelled = row.relabelled(row.contact_type, cat.service, cat.category)
            old, new = row.cell_key(), relabelled.cell_key()
            # A later decision for this contact in the same batch moves it on from here (not
            # from the row as read, which would leave counts in the cell it first moved to).
            rows[contact_id] = relabelled
            values = {
                "service": cat.service,
                "category": cat.category,
                "confidence": cat.confidence,
                "model_version": cat.model_version,
                "needs_review": cat.needs_review,
                "suggestions": [s.model_dump() for s in cat.suggestions] or None,
                "classified_at": now,
            }
            connection.execute(
                update(ContactRow).where(ContactRow.contact_id == contact_id).values(**values)
            )
            if old == new:
                unchanged += 1
                continue
            add_contact_deltas(deltas, old, new)
            changed += 1
        apply_deltas(connection, deltas)
        return RelabelResult(changed=changed, unchanged=unchanged, skipped=skipped)

    return _in_transaction(engine, work)


def model_labelled_contacts(
    engine: Engine, since: date | None = None, batch_size: int = 1000
) -> Iterator[list[StoredContact]]:
    """Batches of contacts whose labels the model set, oldest first (for re-classification)."""
    query = (
        select(
            ContactRow.contact_id,
            ContactRow.received_on,
            ContactRow.subject,
            ContactRow.text,
            ContactRow.contact_type,
        )
        .where(ContactRow.label_source == LabelSource.model.value)
        .order_by(ContactRow.received_on, ContactRow.contact_id)
    )
    if since is not None:
        query = query.where(ContactRow.received_on >= since)
    with database_errors("read"), engine.connect() as connection:
        result = connection.execution_options(stream_results=True, yield_per=batch_size).execute(
            query
        )
        for chunk in result.partitions(batch_size):
            yield [StoredContact(*row) for row in chunk]
