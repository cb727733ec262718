"""``status``'s view of the database: there, writable, the same one; and why a worker is not
OK. On real SQLite files (and the session databases for the shared parts)."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine

from sinks import (
    database_health,
    database_identity,
    make_engine,
    migrate,
    record_heartbeat,
    store_status,
)


def migrated(path: Path) -> None:
    engine = make_engine(f"sqlite:///{path}")
    migrate(engine)
    engine.dispose()


def test_a_missing_file_is_reported_and_never_created(tmp_path: Path) -> None:
    path = tmp_path / "gone.db"
    engine = make_engine(f"sqlite:///{path}", must_exist=True)
    health = database_health(engine)
    assert health.reachable is False and "missing" in (health.problem or "")
    assert not path.exists()
    engine.dispose()


def test_a_healthy_database_is_writable_and_carries_an_identity(tmp_path: Path) -> None:
    path = tmp_path / "ok.db"
    migrated(path)
    engine = make_engine(f"sqlite:///{path}", must_exist=True)
    health = database_health(engine)
    assert health.writable and health.problem is None
    assert health.identity == database_identity(engine)
    engine.dispose()


def test_a_replaced_database_has_another_identity(tmp_path: Path) -> None:
    first, second = tmp_path / "first.db", tmp_path / "second.db"
    migrated(first)
    migrated(second)
    engine = make_engine(f"sqlite:///{first}", must_exist=True)
    opened = database_identity(engine)
    engine.dispose()
    second.replace(first)  # the file is swapped under the same name
    engine = make_engine(f"sqlite:///{first}", must_exist=True)
    health = database_health(engine, expected_identity=opened)
    assert health.identity != opened and "replaced" in (health.problem or "")
    engine.dispose()


def test_a_read_only_database_is_not_writable(tmp_path: Path) -> None:
    path = tmp_path / "ro.db"
    migrated(path)
    engine = make_engine(
        f"sqlite:///{path}",
        creator=lambda: sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False),
    )
    health = database_health(engine)
    assert health.reachable and not health.writable
    assert "not writable" in (health.problem or "")
    engine.dispose()


def test_a_worker_problem_is_what_status_reports(engine: Engine) -> None:
    record_heartbeat(
        engine,
        "host:42",
        started_at=datetime.now(UTC),
        contacts_processed=0,
        model_version=None,
        problem="database unavailable, batch held and retried: disk I/O error",
    )
    alive = store_status(engine, alive_within=60).workers_alive
    assert [w["problem"] for w in alive if w["worker_id"] == "host:42"] == [
        "database unavailable, batch held and retried: disk I/O error"
    ]
