"""Turning SQLAlchemy's errors into the sink's own: the one place that knows both trees, so
nothing outside ``sinks`` ever sees (or catches) an ``SQLAlchemyError``."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.exc import OperationalError, SQLAlchemyError

from sinks.errors import SinkError, SinkUnavailableError


@contextmanager
def database_errors(doing: str) -> Iterator[None]:
    """Raise SinkUnavailableError for a database that cannot be reached or is busy (the
    caller may retry) and SinkError for any other database failure while ``doing``
    ("write", "read", ...); the SQLAlchemy error is kept as the cause."""
    try:
        yield
    except OperationalError as exc:
        raise SinkUnavailableError(f"database unavailable: {exc.orig}", retry_after=1.0) from exc
    except SQLAlchemyError as exc:
        raise SinkError(f"database {doing} failed: {exc}") from exc
