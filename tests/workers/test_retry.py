"""A database that turns read-only under the worker: the batch is held and retried, and stored
once the file is writable again, on a real SQLite file (no mocks: read-only connections are what
SQLite itself hands out for a file it cannot write)."""

from __future__ import annotations

import sqlite3
import threading
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from classifiers import ContactClassifier
from contracts import Channel, ContactReceived, contact_id_for, encode
from sinks import (
    SqlContactSink,
    contact_dimensions,
    database_health,
    make_engine,
    migrate,
    recount,
    stored_trend_counts,
)
from sinks.db.tables import ContactRow, DeadLetterRow
from workers import RawMessage, store_contacts
from workers.retry import BatchAbandonedError, BatchPause, WorkerProblem, withhold_acks


def contacts(n: int) -> list[RawMessage]:
    out = []
    for i in range(n):
        contact = ContactReceived.model_validate(
            {
                "contact_id": contact_id_for("crm", f"ro-{i}"),
                "received_at": datetime(2025, 10, 1, tzinfo=UTC),
                "channel": Channel.crm_export,
                "source_system": "crm",
                "source_ref": f"ro-{i}",
                "text": f"Pothole number {i} on Mill Lane",
            }
        )
        out.append(RawMessage("contacts", 0, i, b"k", encode(contact)))
    return out


class SwitchableFile:
    """Connections to one SQLite file, opened read-only (``mode=ro``) while ``read_only`` is
    set: SQLite then refuses every write with "attempt to write a readonly database", as it
    does for a file whose permissions or file system say so."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.read_only = threading.Event()
        self.opened_read_only = 0

    def connect(self) -> sqlite3.Connection:
        mode = "ro" if self.read_only.is_set() else "rw"
        self.opened_read_only += mode == "ro"
        return sqlite3.connect(f"file:{self.path}?mode={mode}", uri=True, check_same_thread=False)


@pytest.fixture()
def switchable(tmp_path: Path) -> SwitchableFile:
    path = tmp_path / "worker.db"
    setup = make_engine(f"sqlite:///{path}")
    migrate(setup)
    setup.dispose()
    return SwitchableFile(path)


def test_read_only_database_holds_the_batch_and_it_is_stored_when_writable_again(
    switchable: SwitchableFile, small_classifier: ContactClassifier
) -> None:
    engine = make_engine(f"sqlite:///{switchable.path}", creator=switchable.connect)
    with engine.connect() as c:  # the pool holds a connection opened while writable...
        c.execute(select(1))
    switchable.read_only.set()  # ...and the file turns read-only under it
    engine.dispose()  # the first connection after this is a read-only one
    problem = WorkerProblem()
    waits: list[tuple[float, str]] = []

    class Clock(BatchPause):
        """The pause with time injected: each wait is recorded, and after three the file is
        writable again. A fourth wait would mean the engine kept a read-only connection."""

        def wait(self, seconds: float, reason: str) -> None:
            self.problem.report(reason)
            waits.append((seconds, reason))
            assert database_health(engine).writable is False or len(waits) > 3
            if len(waits) == 3:
                switchable.read_only.clear()
            if len(waits) > 6:
                raise AssertionError(f"still failing after the file became writable: {waits}")

    outcome = store_contacts(
        contacts(40), small_classifier, SqlContactSink(engine), sleep=Clock(problem)
    )
    assert outcome.stored == 40 and outcome.dead_letters == []
    assert len(waits) == 3  # held while read-only, stored on the first attempt after
    assert [s for s, _ in waits] == [1.0, 1.0, 2.0]  # backoff doubles (at least retry_after)
    assert "readonly database" in waits[0][1]
    assert switchable.opened_read_only >= 1
    with engine.connect() as c:
        assert c.scalar(select(func.count()).select_from(ContactRow)) == 40
        assert c.scalar(select(func.count()).select_from(DeadLetterRow)) == 0
    assert stored_trend_counts(engine) == dict(recount(contact_dimensions(engine)))
    engine.dispose()


def test_a_stopping_worker_abandons_a_held_batch_instead_of_hanging() -> None:
    pause = BatchPause(WorkerProblem())
    pause.stopping.set()
    with pytest.raises(BatchAbandonedError):
        pause(30.0)
    assert pause.problem.reason is not None


def test_withheld_acks_make_faust_ack_a_no_op() -> None:
    from faust.types.tuples import Message

    class Consumer:
        acked: list[Any] = []

        def ack(self, message: Any) -> bool:
            self.acked.append(message)
            return True

    message = Message("contacts", 0, 7, 0.0, None, None, b"k", b"v", None)
    event = type("Event", (), {"message": message})()
    withhold_acks([event])
    consumer = Consumer()
    assert message.ack(consumer) is False  # type: ignore[arg-type]
    assert consumer.acked == []  # the consumer never hears of it: its offset is not committed
