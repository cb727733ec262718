"""Engine and session factory for any SQLAlchemy URL; SQLite gets WAL, a busy timeout and
transactions that begin where SQLAlchemy says they do.

pysqlite (Python 3.11) sends BEGIN only before an INSERT, UPDATE or DELETE, so the SELECTs at
the start of a transaction ran outside it and could see a row change before the transaction
wrote from it. Here every transaction sends its own BEGIN, and ``write_transaction`` sends
BEGIN IMMEDIATE: it takes SQLite's write lock first, so what it reads stays true until it
commits (PostgreSQL writers lock the rows they read with ``FOR UPDATE`` instead).

A SQLite engine also survives its file going away and coming back: errors that mean the file
cannot be written now (read-only, disk I/O, cannot open) invalidate the whole pool, so the next
attempt reconnects instead of reusing a connection SQLite has marked read-only; and a file
replaced or deleted under a pooled connection is noticed at checkout, never written blindly.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, exc
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

# SQLite messages meaning "the file cannot be used now", not "this statement is wrong".
SQLITE_UNAVAILABLE = (
    "readonly database",
    "disk i/o error",
    "unable to open database file",
    "database is locked",
    "no such table",  # a file replaced by an empty one, until it is migrated
)

_WRITE = "civicpulse_write"  # the execution option ``write_transaction`` sets
WAL_CHECKPOINT_PAGES = 16_384
"""SQLite pages (4 KB) of write-ahead log after which a commit checkpoints it: 64 MB."""


def make_engine(url: str, *, must_exist: bool = False, **kwargs: Any) -> Engine:
    """An engine for ``url``; creates the SQLite file's folder when needed.

    ``must_exist=True`` (readers such as ``status``, and writers after migrating) never creates
    a SQLite file: a missing file is an error, not a new empty database."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True, **kwargs)
    path = parsed.database if parsed.database and parsed.database != ":memory:" else None
    connect_args: dict[str, Any] = {"timeout": 30}
    if path is not None and must_exist:
        file = Path(path).resolve()
        connect_args["uri"] = True
        kwargs["creator"] = lambda: sqlite3.connect(
            f"file:{file}?mode=rw", uri=True, timeout=30, check_same_thread=False
        )
    elif path is not None:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args=connect_args, **kwargs)
    event.listen(engine, "connect", _sqlite_pragmas)
    event.listen(engine, "begin", _sqlite_begin)
    event.listen(engine, "handle_error", _invalidate_when_unavailable)
    if path is not None:
        _watch_file(engine, Path(path).resolve())
    return engine


@contextmanager
def write_transaction(engine: Engine) -> Iterator[Connection]:
    """``engine.begin()`` for a transaction that writes. On SQLite it holds the write lock from
    its first statement, so another writer waits instead of changing what this one has read."""
    with engine.connect() as connection:
        connection.execution_options(**{_WRITE: True})
        with connection.begin():
            yield connection


def _sqlite_begin(connection: Connection) -> None:
    immediate = connection.get_execution_options().get(_WRITE, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # no implicit BEGIN: ``_sqlite_begin`` sends it
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")  # readers (CLI) never block the worker
    cursor.execute("PRAGMA synchronous=NORMAL")
    # Checkpoint every 64 MB of log, not every 4 MB: a batch's inserts touch pages all over
    # the contact indexes (random ids and dates), so each 500-contact commit logged ~2,000
    # pages and paid a checkpoint; rarer ones copy each hot page once for many commits
    # (a back-fill's store step ~250 -> ~190 µs a contact, bench/PROFILE.md).
    cursor.execute(f"PRAGMA wal_autocheckpoint={WAL_CHECKPOINT_PAGES}")
    cursor.execute(f"PRAGMA journal_size_limit={WAL_CHECKPOINT_PAGES * 4096}")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def sqlite_unavailable(error: BaseException) -> bool:
    """Whether a SQLite error means the file is unusable now (retry later), not bad data."""
    return any(text in str(error).lower() for text in SQLITE_UNAVAILABLE)


def _invalidate_when_unavailable(context: Any) -> None:
    # SQLite keeps a connection read-only once it has seen the file read-only: treating these
    # errors as a disconnect makes SQLAlchemy drop every pooled connection, so the next
    # attempt opens the file afresh and succeeds as soon as it is writable again.
    original = context.original_exception
    if (
        isinstance(original, sqlite3.Error)
        and sqlite_unavailable(original)
        and "database is locked" not in str(original).lower()  # busy, not broken
    ):
        context.is_disconnect = True
        context.invalidate_pool_on_disconnect = True


def _watch_file(engine: Engine, path: Path) -> None:
    """Refuse a pooled connection whose file has been deleted or replaced since it opened."""

    def on_connect(_dbapi: Any, record: Any) -> None:
        record.info["file_id"] = _file_id(path)

    def on_checkout(_dbapi: Any, record: Any, _proxy: Any) -> None:
        opened = record.info.get("file_id")
        if opened is not None and _file_id(path) != opened:
            # The pool retries with a fresh connection: to the new file, or an error if gone.
            raise exc.DisconnectionError(f"{path} was deleted or replaced")

    event.listen(engine, "connect", on_connect)
    event.listen(engine, "checkout", on_checkout)


def _file_id(path: Path) -> tuple[int, int] | None:
    try:
        stat = os.stat(path)
    except FileNotFoundError:
        return None
    return (stat.st_dev, stat.st_ino)


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


def dialect_name(engine: Engine) -> str:
    return engine.dialect.name


def sqlite_file(engine: Engine) -> Path | None:
    """The SQLite file behind ``engine``; None for other databases and in-memory SQLite."""
    url = engine.url
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return Path(url.database).resolve()


def upsert_insert(connection: Any) -> Any:
    """The dialect's INSERT supporting ON CONFLICT (the one dialect switch for upserts)."""
    from sqlalchemy.dialects import postgresql, sqlite

    name = connection.dialect.name
    if name == "postgresql":
        return postgresql.insert
    if name == "sqlite":
        return sqlite.insert
    raise NotImplementedError(f"upserts are implemented for PostgreSQL and SQLite, not {name}")
