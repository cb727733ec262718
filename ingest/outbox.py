"""The intake outbox: a local SQLite file (``CIVICPULSE_HOME/intake/outbox.db``) that holds
every accepted event until the database is known to hold it.

This is the transactional-outbox pattern: the acknowledgement (a 202, or ``ingest`` counting
a contact published) is given only after the event is committed here, on disk; a relay
(``ingest.relay``) publishes from here and deletes a row only once the stored record is seen.
The embedded broker keeps topics in memory, so without this step a broker crash between the
acknowledgement and the worker's commit loses what residents were told was received.

Owns only this file (stdlib ``sqlite3``); it never reads the CivicPulse database.
"""

from __future__ import annotations

import sqlite3
import threading
import time
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple, Protocol

from contracts import Topic

# Topic by its stored name: ``Topic(name)`` goes through the enum machinery, a fifth of the
# relay's CPU when it reads thousands of rows awaiting storage (py-spy, a burst with no worker).
_TOPICS = {topic.value: topic for topic in Topic}

_SCHEMA = """
CREATE TABLE IF NOT EXISTS outbox (
    topic TEXT NOT NULL,
    record_id TEXT NOT NULL,
    key TEXT NOT NULL,
    value BLOB NOT NULL,
    accepted_at REAL NOT NULL,
    sent_at REAL,
    sends INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (topic, record_id)
);
-- The relay asks for unsent rows after every group commit, and for rows sent and not yet
-- stored every second: neither scans the other's rows.
CREATE INDEX IF NOT EXISTS outbox_unsent ON outbox (accepted_at) WHERE sent_at IS NULL;
CREATE INDEX IF NOT EXISTS outbox_sent ON outbox (sent_at) WHERE sent_at IS NOT NULL;
-- The broker (embedded: its pid) the relays last sent to, so that a relay started after a
-- restart of everything knows that what was sent went to a broker that is gone.
CREATE TABLE IF NOT EXISTS relay_state (name TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


@dataclass(frozen=True)
class OutboxRecord:
    """One accepted event: its topic, the id it is stored under, its key and encoded value."""

    topic: Topic
    record_id: uuid.UUID
    key: uuid.UUID
    value: bytes


class OutboxKey(NamedTuple):
    """Which record a row holds, without its value (what the relay's checks need)."""

    topic: Topic
    record_id: uuid.UUID


class Keyed(Protocol):
    @property
    def topic(self) -> Topic: ...

    @property
    def record_id(self) -> uuid.UUID: ...


@dataclass(frozen=True)
class OutboxCounts:
    unsent: int
    awaiting_storage: int


class Outbox:
    """Thread-safe access to the outbox file; every method is one transaction."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._lock = threading.Lock()
        self._db = sqlite3.connect(path, timeout=30, check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=FULL")  # an acknowledgement survives power loss
        self._db.execute("PRAGMA busy_timeout=30000")
        self._db.executescript(_SCHEMA)

    def put(self, records: Sequence[OutboxRecord]) -> None:
        """Commit ``records`` (a record accepted again replaces the older copy, unsent)."""
        now = time.time()
        rows = [(r.topic.value, str(r.record_id), str(r.key), r.value, now) for r in records]
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                self._db.executemany(
                    "INSERT INTO outbox (topic, record_id, key, value, accepted_at) "
                    "VALUES (?, ?, ?, ?, ?) ON CONFLICT (topic, record_id) DO UPDATE SET "
                    "key = excluded.key, value = excluded.value, sent_at = NULL",
                    rows,
                )
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise

    def unsent(self, limit: int = 1000) -> list[OutboxRecord]:
        return self._select("WHERE sent_at IS NULL ORDER BY accepted_at LIMIT ?", (limit,))

    def awaiting_storage(self, limit: int = 5000) -> list[OutboxKey]:
        """Sent, not yet seen stored."""
        return self._keys("WHERE sent_at IS NOT NULL ORDER BY sent_at LIMIT ?", (limit,))

    def overdue(self, older_than: float, limit: int = 1000) -> list[OutboxKey]:
        """Sent ``older_than`` seconds ago or more (doubling per send) and still not stored."""
        now = time.time()
        # The first condition only lets the index on sent_at skip what cannot be overdue yet.
        return self._keys(
            "WHERE sent_at IS NOT NULL AND sent_at <= ? "
            "AND sent_at + ? * (1 << MIN(sends - 1, 5)) <= ? ORDER BY sent_at LIMIT ?",
            (now - older_than, older_than, now, limit),
        )

    def mark_sent(self, records: Iterable[Keyed]) -> None:
        now = time.time()
        self._many(
            "UPDATE outbox SET sent_at = ?, sends = sends + 1 WHERE topic = ? AND record_id = ?",
            [(now, r.topic.value, str(r.record_id)) for r in records],
        )

    def mark_unsent(self, records: Iterable[Keyed] | None = None) -> None:
        """Send again: ``records``, or everything sent (the broker lost its topics)."""
        if records is None:
            with self._lock:
                self._db.execute("UPDATE outbox SET sent_at = NULL WHERE sent_at IS NOT NULL")
            return
        self._many(
            "UPDATE outbox SET sent_at = NULL WHERE topic = ? AND record_id = ?",
            [(r.topic.value, str(r.record_id)) for r in records],
        )

    def broker_sent_to(self) -> str | None:
        """The broker generation the relays last recorded (``record_broker``), if any."""
        with self._lock:
            row = self._db.execute("SELECT value FROM relay_state WHERE name = 'broker'").fetchone()
        return None if row is None else str(row[0])

    def record_broker(self, generation: str) -> None:
        with self._lock:
            self._db.execute(
                "INSERT INTO relay_state (name, value) VALUES ('broker', ?) "
                "ON CONFLICT (name) DO UPDATE SET value = excluded.value",
                (generation,),
            )

    def remove(self, records: Iterable[Keyed]) -> None:
        """Forget records the database holds."""
        self._many(
            "DELETE FROM outbox WHERE topic = ? AND record_id = ?",
            [(r.topic.value, str(r.record_id)) for r in records],
        )

    def holds(self, topic: Topic, record_id: uuid.UUID) -> bool:
        """Whether the outbox still holds this record (accepted, not yet known stored)."""
        with self._lock:
            row = self._db.execute(
                "SELECT 1 FROM outbox WHERE topic = ? AND record_id = ?",
                (topic.value, str(record_id)),
            ).fetchone()
        return row is not None

    def counts(self) -> OutboxCounts:
        with self._lock:
            unsent, waiting = self._db.execute(
                "SELECT COALESCE(SUM(sent_at IS NULL), 0), COALESCE(SUM(sent_at IS NOT NULL), 0) "
                "FROM outbox"
            ).fetchone()
        return OutboxCounts(int(unsent), int(waiting))

    def data_version(self) -> int:
        """Changes whenever another connection (another process's writer) commits: how a
        relay in one process notices what API processes accepted, without reading rows."""
        with self._lock:
            return int(self._db.execute("PRAGMA data_version").fetchone()[0])

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def _select(self, where: str, params: tuple[object, ...]) -> list[OutboxRecord]:
        with self._lock:
            rows = self._db.execute(
                f"SELECT topic, record_id, key, value FROM outbox {where}", params
            ).fetchall()
        return [
            OutboxRecord(_TOPICS[topic], uuid.UUID(record_id), uuid.UUID(key), bytes(value))
            for topic, record_id, key, value in rows
        ]

    def _keys(self, where: str, params: tuple[object, ...]) -> list[OutboxKey]:
        with self._lock:
            rows = self._db.execute(f"SELECT topic, record_id FROM outbox {where}", params)
            keys = rows.fetchall()
        return [OutboxKey(_TOPICS[topic], uuid.UUID(record_id)) for topic, record_id in keys]

    def _many(self, sql: str, rows: list[tuple[object, ...]]) -> None:
        if not rows:
            return
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                self._db.executemany(sql, rows)
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
