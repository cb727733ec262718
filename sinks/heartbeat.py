"""Worker heartbeats: how ``civicpulse status`` (and a container's health check) knows a
worker is alive."""

from __future__ import annotations

import os
import socket
from datetime import UTC, datetime

from sqlalchemy import Engine, func, select, update
from sqlalchemy.exc import SQLAlchemyError

from sinks.db.engine import upsert_insert, write_transaction
from sinks.db.errors import database_errors
from sinks.db.tables import WorkerHeartbeatRow
from sinks.errors import SinkUnavailableError


def record_heartbeat(
    engine: Engine,
    worker_id: str,
    *,
    started_at: datetime,
    contacts_processed: int,
    model_version: str | None,
    problem: str | None = None,
) -> None:
    """Upsert this worker's row; SinkUnavailableError when the database cannot take it (the
    caller carries on: a missed beat is what ``status`` reports)."""
    row = {
        "worker_id": worker_id,
        "host": socket.gethostname(),
        "pid": os.getpid(),
        "started_at": started_at,
        "last_seen_at": datetime.now(UTC),
        "stopped_at": None,
        "contacts_processed": contacts_processed,
        "model_version": model_version,
        "problem": problem,
    }
    try:
        with write_transaction(engine) as connection:
            stmt = upsert_insert(connection)(WorkerHeartbeatRow.__table__).values(row)
            connection.execute(
                stmt.on_conflict_do_update(
                    index_elements=["worker_id"],
                    set_={k: stmt.excluded[k] for k in row if k != "worker_id"},
                )
            )
    except SQLAlchemyError as exc:
        raise SinkUnavailableError(f"heartbeat not recorded: {exc}") from exc


def record_worker_stopped(engine: Engine, worker_id: str) -> None:
    try:
        with write_transaction(engine) as connection:
            connection.execute(
                update(WorkerHeartbeatRow)
                .where(WorkerHeartbeatRow.worker_id == worker_id)
                .values(stopped_at=datetime.now(UTC))
            )
    except SQLAlchemyError as exc:
        raise SinkUnavailableError(f"worker stop not recorded: {exc}") from exc


def last_heartbeat(engine: Engine, host: str) -> datetime | None:
    """When a running (not stopped) worker on ``host`` last beat; None if none ever did."""
    with database_errors("read"), engine.connect() as connection:
        seen = connection.scalar(
            select(func.max(WorkerHeartbeatRow.last_seen_at)).where(
                WorkerHeartbeatRow.host == host, WorkerHeartbeatRow.stopped_at.is_(None)
            )
        )
    if seen is None:
        return None
    return seen if seen.tzinfo is not None else seen.replace(tzinfo=UTC)  # SQLite drops tz
