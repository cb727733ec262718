"""Is the database the one we think, and can it be written? Also which records are stored
(the intake outbox clears what the database holds). Reads only; the writability probe rolls
back."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Engine, select, update
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import InstrumentedAttribute

from sinks.db.engine import sqlite_file
from sinks.db.errors import database_errors
from sinks.db.tables import ContactReviewRow, ContactRow, DatabaseIdentityRow, RatingRow


@dataclass(frozen=True)
class DatabaseHealth:
    """What ``status`` says about the database; ``problem`` is None when all is well."""

    reachable: bool
    writable: bool
    identity: str | None
    problem: str | None


def database_missing(engine: Engine) -> str | None:
    """A reason when ``engine`` is a SQLite file that does not exist (it is not created)."""
    path = sqlite_file(engine)
    if path is not None and not path.exists():
        return f"database file {path} is missing (deleted or moved)"
    return None


def database_identity(engine: Engine) -> str | None:
    """The identity written when the schema was created; None if there is none."""
    with engine.connect() as connection:
        found = connection.scalar(select(DatabaseIdentityRow.identity).limit(1))
    return str(found) if found is not None else None


def database_health(engine: Engine, *, expected_identity: str | None = None) -> DatabaseHealth:
    """Reachable, writable (a write that is rolled back), and the identity it carries."""
    missing = database_missing(engine)
    if missing:
        return DatabaseHealth(False, False, None, missing)
    try:
        identity = database_identity(engine)
    except SQLAlchemyError as exc:
        return DatabaseHealth(False, False, None, f"cannot read the database: {_reason(exc)}")
    if identity is None:
        return DatabaseHealth(True, False, None, "database has no identity row: not migrated")
    if expected_identity is not None and identity != expected_identity:
        return DatabaseHealth(
            True,
            False,
            identity,
            f"database was replaced: identity {identity}, workers wrote to {expected_identity}",
        )
    try:
        with engine.connect() as connection, connection.begin() as transaction:
            connection.execute(
                update(DatabaseIdentityRow).values(created_at=DatabaseIdentityRow.created_at)
            )
            transaction.rollback()
    except SQLAlchemyError as exc:
        return DatabaseHealth(True, False, identity, f"database is not writable: {_reason(exc)}")
    return DatabaseHealth(True, True, identity, None)


def stored_contact_ids(engine: Engine, ids: Iterable[uuid.UUID]) -> set[uuid.UUID]:
    """Which of ``ids`` are stored contacts."""
    return _stored(engine, ContactRow.contact_id, list(ids))


def stored_rating_ids(engine: Engine, ids: Iterable[uuid.UUID]) -> set[uuid.UUID]:
    """Which of ``ids`` are stored ratings."""
    return _stored(engine, RatingRow.rating_id, list(ids))


def stored_review_ids(engine: Engine, ids: Iterable[uuid.UUID]) -> set[uuid.UUID]:
    """Which of ``ids`` are applied reviews (a reviewer's decision the worker has stored)."""
    return _stored(engine, ContactReviewRow.review_id, list(ids))


def _stored(
    engine: Engine, column: InstrumentedAttribute[uuid.UUID], ids: list[uuid.UUID]
) -> set[uuid.UUID]:
    found: set[uuid.UUID] = set()
    with database_errors("read"), engine.connect() as connection:
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            found.update(connection.scalars(select(column).where(column.in_(chunk))))
    return found


def _reason(exc: SQLAlchemyError) -> str:
    return str(getattr(exc, "orig", None) or exc).splitlines()[0]
