"""Opening the database without migrating (a worker in a deployment whose one-shot job
migrates): a schema behind this code's is refused with a clear error, never half-used. Also
how a SQLite engine is set up (its log, its transactions) and the SQLite-only migration."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.exc import OperationalError

from sinks import (
    SchemaNewerError,
    SchemaOutOfDateError,
    head_revision,
    make_engine,
    migrate,
    open_database,
    schema_revision,
)
from sinks.schema import alembic_config


def test_a_worker_that_may_not_migrate_refuses_an_empty_database(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'fresh.db'}"
    with pytest.raises(SchemaOutOfDateError) as refused:
        open_database(url, migrate_schema=False)
    assert refused.value.found is None
    assert refused.value.wanted == head_revision()
    assert "civicpulse db upgrade" in str(refused.value)
    assert "(none: empty database)" in str(refused.value)
    engine = make_engine(url)
    try:
        with engine.connect() as connection:  # nothing was created behind our back
            tables = connection.scalars(text("SELECT name FROM sqlite_master")).all()
        assert tables == []
    finally:
        engine.dispose()


def test_a_worker_that_may_not_migrate_refuses_an_older_schema(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = make_engine(url)
    try:
        migrate(engine)
        with engine.begin() as connection:  # as left by an earlier CivicPulse
            connection.execute(text("UPDATE alembic_version SET version_num = '0001'"))
    finally:
        engine.dispose()
    with pytest.raises(SchemaOutOfDateError, match="at schema revision 0001") as refused:
        open_database(url, migrate_schema=False)
    assert refused.value.found == "0001"


@pytest.mark.parametrize("may_migrate", [True, False])
def test_a_schema_a_newer_civicpulse_made_is_left_alone(tmp_path: Path, may_migrate: bool) -> None:
    """After the code is rolled back: migrating would fail inside Alembic with "Can't locate
    revision", and a worker that may not migrate said only that the schema was not current."""
    url = f"sqlite:///{tmp_path / 'newer.db'}"
    engine = make_engine(url)
    try:
        migrate(engine)
        with engine.begin() as connection:  # as a later CivicPulse would leave it
            connection.execute(text("UPDATE alembic_version SET version_num = '0099_later'"))
    finally:
        engine.dispose()
    with pytest.raises(SchemaNewerError, match="a newer CivicPulse migrated it") as refused:
        open_database(url, migrate_schema=may_migrate)
    assert (refused.value.found, refused.value.wanted) == ("0099_later", head_revision())
    engine = make_engine(url)
    try:
        assert schema_revision(engine) == "0099_later"  # untouched
    finally:
        engine.dispose()


def test_once_migrated_the_database_opens_without_migrating(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'current.db'}"
    open_database(url).dispose()
    engine = open_database(url, migrate_schema=False)
    try:
        assert schema_revision(engine) == head_revision()
    finally:
        engine.dispose()


def test_sqlite_checkpoints_its_log_every_64_mb_and_truncates_it_to_64_mb(tmp_path: Path) -> None:
    """A batch's inserts touch pages all over the contact indexes: checkpointing every 4 MB
    (SQLite's default) made every commit pay for one (bench/PROFILE.md)."""
    engine = make_engine(f"sqlite:///{tmp_path / 'wal.db'}")
    try:
        with engine.connect() as connection:
            pages = connection.scalar(text("PRAGMA wal_autocheckpoint"))
            limit = connection.scalar(text("PRAGMA journal_size_limit"))
            mode = connection.scalar(text("PRAGMA journal_mode"))
        assert (mode, pages * 4096, limit) == ("wal", 64 * 2**20, 64 * 2**20)
    finally:
        engine.dispose()


def test_a_sqlite_read_sees_one_state_of_the_database_from_its_first_query(
    tmp_path: Path,
) -> None:
    """A report's queries in one connection agree with each other: pysqlite began no
    transaction for a SELECT, so a commit between two of them showed in the second only."""
    engine = make_engine(f"sqlite:///{tmp_path / 'snapshot.db'}")
    try:
        with engine.begin() as connection:
            connection.execute(text("CREATE TABLE t (n INTEGER)"))
        with engine.connect() as reader:
            before = reader.scalar(text("SELECT count(*) FROM t"))
            with engine.begin() as writer:
                writer.execute(text("INSERT INTO t VALUES (1)"))
            assert reader.scalar(text("SELECT count(*) FROM t")) == before == 0
        with engine.connect() as reader:  # a new transaction sees the commit
            assert reader.scalar(text("SELECT count(*) FROM t")) == 1
    finally:
        engine.dispose()


def _to_revision(engine: Engine, revision: str, *, down: bool = False) -> None:
    from alembic import command

    cfg = alembic_config(engine)
    with engine.begin() as connection:
        cfg.attributes["connection"] = connection
        (command.downgrade if down else command.upgrade)(cfg, revision)


def test_migration_0007_keeps_every_trend_cell_and_drops_sqlite_s_rowid(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'cells.db'}")
    cells = [
        ("month", "2025-10", "council", "waste", "missed_collection", "complaint", "Riverside", 3),
        ("year", "2025/26", "", "parks", "praise", "compliment", "", 1),
    ]
    insert = text("INSERT INTO trend_count VALUES (:k, :p, :pa, :s, :c, :t, :w, :n)")
    read = text("SELECT * FROM trend_count ORDER BY period_kind")
    keys = ("k", "p", "pa", "s", "c", "t", "w", "n")
    try:
        _to_revision(engine, "0006")
        with engine.begin() as connection:
            connection.execute(insert, [dict(zip(keys, cell, strict=True)) for cell in cells])
        _to_revision(engine, "0007")
        with engine.connect() as connection:
            assert [tuple(row) for row in connection.execute(read)] == cells
            with pytest.raises(OperationalError, match="no such column: rowid"):
                connection.execute(text("SELECT rowid FROM trend_count"))
        _to_revision(engine, "0006", down=True)
        with engine.connect() as connection:
            assert [tuple(row) for row in connection.execute(read)] == cells
            connection.execute(text("SELECT rowid FROM trend_count"))
    finally:
        engine.dispose()
