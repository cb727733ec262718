"""A host's last heartbeat: what a container's health check reads. Only running workers on
that host count, on SQLite and PostgreSQL alike."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine, update

from sinks import last_heartbeat, record_heartbeat, record_worker_stopped
from sinks.db.tables import WorkerHeartbeatRow

STARTED = datetime(2025, 11, 3, 9, 0, tzinfo=UTC)


def beat(engine: Engine, worker_id: str, seen: datetime) -> None:
    record_heartbeat(
        engine, worker_id, started_at=STARTED, contacts_processed=0, model_version=None
    )
    with engine.begin() as connection:
        connection.execute(
            update(WorkerHeartbeatRow)
            .where(WorkerHeartbeatRow.worker_id == worker_id)
            .values(host="worker-1", last_seen_at=seen)
        )


def test_no_heartbeat_from_a_host_is_none(engine: Engine) -> None:
    assert last_heartbeat(engine, "worker-1") is None


def test_the_latest_heartbeat_of_a_running_worker_on_the_host(engine: Engine) -> None:
    crashed = datetime(2025, 11, 3, 9, 30, tzinfo=UTC)  # never recorded stopping
    beat(engine, "worker-1:1", crashed)
    beat(engine, "worker-1:7", crashed + timedelta(minutes=5))  # its replacement
    assert last_heartbeat(engine, "worker-1") == crashed + timedelta(minutes=5)
    assert last_heartbeat(engine, "worker-2") is None


def test_a_stopped_worker_does_not_count(engine: Engine) -> None:
    beat(engine, "worker-1:1", datetime(2025, 11, 3, 9, 30, tzinfo=UTC))
    record_worker_stopped(engine, "worker-1:1")
    assert last_heartbeat(engine, "worker-1") is None
