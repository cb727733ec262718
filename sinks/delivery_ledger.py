"""The digest delivery ledger, the ``digest_delivery`` table: one row per message key x
recipient x channel.

``pending`` is new or being sent, ``failed`` means the last attempt failed (it will be tried
again), ``delivered`` is final: a delivered key is never sent again to that recipient and
channel. Claims are optimistic (the attempt counter is the version), so two processes never
send the same attempt; a row left ``pending`` by a crashed sender is reported as in progress.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal

from sqlalchemy import Engine, RowMapping, select, update

from sinks.db.engine import upsert_insert, write_transaction
from sinks.db.errors import database_errors
from sinks.db.tables import DigestDeliveryRow

ClaimState = Literal["claimed", "delivered", "busy"]
_TABLE = DigestDeliveryRow.__table__


@dataclass(frozen=True)
class DeliveryRecord:
    key: str
    recipient: str
    channel: str
    status: str
    attempts: int
    last_error: str | None
    created_at: datetime
    delivered_at: datetime | None


@dataclass(frozen=True)
class DeliveryClaim:
    state: ClaimState
    attempt: int  # the attempt number claimed (or the attempts made so far)


def claim_delivery(engine: Engine, key: str, recipient: str, channel: str) -> DeliveryClaim:
    """Take the next attempt at delivering ``key`` to ``recipient`` over ``channel``."""
    with database_errors("write"), write_transaction(engine) as connection:
        insert = upsert_insert(connection)
        connection.execute(
            insert(_TABLE)
            .values(
                digest_key=key,
                recipient=recipient,
                channel=channel,
                status="pending",
                attempts=0,
                created_at=datetime.now(UTC),
            )
            .on_conflict_do_nothing(index_elements=["digest_key", "recipient", "channel"])
        )
    row = _row(engine, key, recipient, channel)
    if row.status == "delivered":
        return DeliveryClaim("delivered", row.attempts)
    if row.status == "pending" and row.attempts > 0:
        return DeliveryClaim("busy", row.attempts)
    with database_errors("write"), write_transaction(engine) as connection:
        taken = connection.execute(
            update(DigestDeliveryRow)
            .where(
                DigestDeliveryRow.digest_key == key,
                DigestDeliveryRow.recipient == recipient,
                DigestDeliveryRow.channel == channel,
                DigestDeliveryRow.attempts == row.attempts,
                DigestDeliveryRow.status != "delivered",
            )
            .values(status="pending", attempts=row.attempts + 1)
        ).rowcount
    if taken != 1:
        return DeliveryClaim("busy", row.attempts)
    return DeliveryClaim("claimed", row.attempts + 1)


def mark_delivered(engine: Engine, key: str, recipient: str, channel: str) -> None:
    _set(engine, key, recipient, channel, status="delivered", delivered_at=datetime.now(UTC))


def mark_delivery_failed(
    engine: Engine, key: str, recipient: str, channel: str, error: str
) -> None:
    _set(engine, key, recipient, channel, status="failed", last_error=error[:4000])


def release_delivery(engine: Engine, key: str, recipient: str, channel: str) -> bool:
    """Make a delivery stuck in ``pending`` (its sender died) claimable again."""
    with database_errors("write"), write_transaction(engine) as connection:
        changed = connection.execute(
            update(DigestDeliveryRow)
            .where(
                DigestDeliveryRow.digest_key == key,
                DigestDeliveryRow.recipient == recipient,
                DigestDeliveryRow.channel == channel,
                DigestDeliveryRow.status == "pending",
            )
            .values(status="failed", last_error="released after an interrupted attempt")
        ).rowcount
    return changed == 1


def delivery_records(engine: Engine, key: str | None = None) -> list[DeliveryRecord]:
    """Ledger rows (all, or for one key), oldest first."""
    query = select(_TABLE).order_by(_TABLE.c.created_at, _TABLE.c.recipient)
    if key is not None:
        query = query.where(_TABLE.c.digest_key == key)
    with database_errors("read"), engine.connect() as connection:
        return [_record(r) for r in connection.execute(query).mappings()]


def _row(engine: Engine, key: str, recipient: str, channel: str) -> DeliveryRecord:
    with database_errors("read"), engine.connect() as connection:
        row = (
            connection.execute(
                select(_TABLE).where(
                    _TABLE.c.digest_key == key,
                    _TABLE.c.recipient == recipient,
                    _TABLE.c.channel == channel,
                )
            )
            .mappings()
            .one()
        )
    return _record(row)


def _record(row: RowMapping) -> DeliveryRecord:
    return DeliveryRecord(
        row["digest_key"],
        row["recipient"],
        row["channel"],
        row["status"],
        row["attempts"],
        row["last_error"],
        _utc(row["created_at"]),
        _utc(row["delivered_at"]) if row["delivered_at"] is not None else None,
    )


def _utc(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)  # SQLite


def _set(engine: Engine, key: str, recipient: str, channel: str, **values: object) -> None:
    with database_errors("write"), write_transaction(engine) as connection:
        connection.execute(
            update(DigestDeliveryRow)
            .where(
                DigestDeliveryRow.digest_key == key,
                DigestDeliveryRow.recipient == recipient,
                DigestDeliveryRow.channel == channel,
            )
            .values(**values)
        )
