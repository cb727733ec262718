"""BulkStatement on SQLite and PostgreSQL: rows read back through SQLAlchemy exactly as the
ORM would have written them, upserts, and the columns' own checks still apply."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine, insert, select
from sqlalchemy.exc import DBAPIError

from sinks.db.bulk import BulkStatement, excluded
from sinks.db.tables import ContactPersonalRow, DeadLetterRow

PERSONAL = BulkStatement(
    ContactPersonalRow.__table__,  # type: ignore[arg-type]
    columns=("contact_id", "reporter_name", "postcode", "original_text", "equality"),
    key=("contact_id",),
    on_conflict=excluded("reporter_name", "postcode", "original_text", "equality"),
)
DEAD = BulkStatement(
    DeadLetterRow.__table__,  # type: ignore[arg-type]
    columns=("topic", "partition", "offset", "key", "value", "error", "failed_at"),
    key=("topic", "partition", "offset"),
    on_conflict="DO NOTHING",
)


def personal(engine: Engine) -> dict[uuid.UUID, tuple[object, ...]]:
    table = ContactPersonalRow.__table__
    with engine.connect() as c:
        rows = c.execute(select(*(table.c[name] for name in PERSONAL.columns)))
        return {r[0]: tuple(r[1:]) for r in rows}


def test_rows_read_back_as_the_orm_writes_them(engine: Engine) -> None:
    by_orm, by_bulk = uuid.uuid4(), uuid.uuid4()
    values = ("Jo Bloggs", "WA7 1AB", "café ☕ text", {"age_band": "25-34"})
    with engine.begin() as c:
        c.execute(
            insert(ContactPersonalRow.__table__),
            [dict(zip(PERSONAL.columns, (by_orm, *values), strict=True))],
        )
        PERSONAL.execute(c, [(by_bulk, *values), (uuid.uuid4(), None, None, "x", None)])
    stored = personal(engine)
    assert stored[by_bulk] == stored[by_orm] == values
    assert len(stored) == 3


def test_a_second_write_updates_the_row(engine: Engine) -> None:
    contact = uuid.uuid4()
    with engine.begin() as c:
        PERSONAL.execute(c, [(contact, "Jo", None, "first", None)])
    with engine.begin() as c:
        PERSONAL.execute(c, [(contact, "Jo Bloggs", "WA7 1AB", "second", {"sex": "F"})])
    assert personal(engine) == {contact: ("Jo Bloggs", "WA7 1AB", "second", {"sex": "F"})}


def test_do_nothing_keeps_the_first_row_and_dates_keep_their_zone(engine: Engine) -> None:
    when = datetime(2025, 10, 14, 8, 0, 0, 123456, tzinfo=UTC)
    with engine.begin() as c:
        DEAD.execute(c, [("t", 0, 7, None, "v1", "bad", when)])
        DEAD.execute(c, [("t", 0, 7, "k", "v2", "worse", when)])
    with engine.connect() as c:
        rows = c.execute(select(DeadLetterRow.value, DeadLetterRow.failed_at)).all()
    assert [r.value for r in rows] == ["v1"]
    assert rows[0].failed_at.replace(tzinfo=UTC) == when


@pytest.mark.postgres
def test_an_over_long_value_is_refused_not_cut(postgres_url: str) -> None:
    from sinks import open_database

    engine = open_database(postgres_url)
    with pytest.raises(DBAPIError, match="too long"), engine.begin() as c:
        PERSONAL.execute(c, [(uuid.uuid4(), None, "X" * 17, "text", None)])
    engine.dispose()


def test_an_empty_batch_writes_nothing(engine: Engine) -> None:
    with engine.begin() as c:
        PERSONAL.execute(c, [])
    assert personal(engine) == {}
