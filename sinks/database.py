"""Opening the database: an engine for the configured URL, migrated to the latest schema (or,
where migrating is left to a one-shot job, checked to be at it)."""

from __future__ import annotations

from sqlalchemy import Engine, text
from sqlalchemy.exc import SQLAlchemyError

from sinks.db.engine import make_engine, sqlite_file
from sinks.errors import SchemaOutOfDateError, SinkError, SinkUnavailableError
from sinks.schema import migrate, require_current_schema


def open_database(url: str, *, migrate_schema: bool = True) -> Engine:
    """Connect to ``url`` and bring its schema up to date; SinkUnavailableError if unreachable.

    With ``migrate_schema=False`` the schema must already be current (SchemaOutOfDateError)."""
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        if migrate_schema:
            migrate(engine)
        else:
            require_current_schema(engine)
    except SchemaOutOfDateError:
        engine.dispose()
        raise
    except (SQLAlchemyError, SinkError) as exc:
        engine.dispose()
        cause = exc.__cause__ if isinstance(exc, SinkError) and exc.__cause__ else exc
        raise SinkUnavailableError(f"database at {engine.url!r} is unreachable: {cause}") from cause
    if sqlite_file(engine) is None:
        return engine
    # From here on a SQLite file that disappears is an outage to wait out, never a new empty
    # database to write into.
    engine.dispose()
    return make_engine(url, must_exist=True)


def database_reachable(engine: Engine) -> bool:
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        return True
    except SQLAlchemyError:
        return False
