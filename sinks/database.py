"""Opening the database: an engine for the configured URL, migrated to the latest schema."""

from __future__ import annotations

from sqlalchemy import Engine, text
from sqlalchemy.exc import SQLAlchemyError

from sinks.db.engine import make_engine
from sinks.errors import SinkUnavailableError
from sinks.schema import migrate


def open_database(url: str, *, migrate_schema: bool = True) -> Engine:
    """Connect to ``url`` and bring its schema up to date; SinkUnavailableError if unreachable."""
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        if migrate_schema:
            migrate(engine)
    except SQLAlchemyError as exc:
        engine.dispose()
        raise SinkUnavailableError(f"database at {engine.url!r} is unreachable: {exc}") from exc
    return engine


def database_reachable(engine: Engine) -> bool:
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        return True
    except SQLAlchemyError:
        return False
