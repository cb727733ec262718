"""The worker's case-event batches (SQLite and PostgreSQL): stored once each, in any order;
a message that is not a CaseEvent is dead-lettered with the reason and the rest carry on."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime

from sqlalchemy import Engine, select

from contracts import CaseEvent, CaseEventKind, case_event_id_for, encode
from sinks import SqlContactSink
from sinks.db.case_tables import CaseStateRow
from sinks.db.tables import DeadLetterRow
from workers import RawMessage
from workers.lifecycle import store_case_event_batch

CONTACT = uuid.uuid4()


def message(offset: int, value: bytes) -> RawMessage:
    return RawMessage("t.cases.events", 0, offset, str(CONTACT).encode(), value)


def step(kind: CaseEventKind, day: int, stage: int | None = None) -> bytes:
    when = datetime(2025, 10, day, 9, tzinfo=UTC)
    return encode(
        CaseEvent(
            event_id=case_event_id_for(CONTACT, kind, when, stage),
            contact_id=CONTACT,
            kind=kind,
            occurred_at=when,
            stage=stage,
        )
    )


def test_a_batch_is_stored_and_a_bad_message_dead_lettered(engine: Engine) -> None:
    good = [
        step(CaseEventKind.responded, 10, 1),
        step(CaseEventKind.acknowledged, 7),
        step(CaseEventKind.escalated, 13, 2),
    ]
    bad = json.dumps({"event_id": str(uuid.uuid4()), "kind": "escalated"}).encode()
    batch = [message(i, v) for i, v in enumerate([*good, bad, good[0]])]
    outcome = store_case_event_batch(batch, engine, SqlContactSink(engine), sleep=lambda _: None)
    assert outcome.stored == 3
    (dead,) = outcome.dead_letters
    assert dead.offset == 3 and "invalid CaseEvent" in dead.error
    with engine.connect() as c:
        stage = c.scalar(select(CaseStateRow.stage).where(CaseStateRow.contact_id == CONTACT))
        dead_rows = c.scalars(select(DeadLetterRow.offset)).all()
    assert stage == 2 and list(dead_rows) == [3]
