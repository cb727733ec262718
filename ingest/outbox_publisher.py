"""The intake's ``Publisher`` over the outbox: an acknowledgement means "committed to the
outbox file", after which the relay (``ingest.relay``) sends the events to the broker."""

from __future__ import annotations

import asyncio
import functools
import sqlite3
import threading
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field

from pydantic import BaseModel

from config import Settings
from contracts import Topic, encode
from ingest.broker_watch import BrokerWatch
from ingest.errors import BrokerUnavailableError
from ingest.group_commit import GroupCommitter
from ingest.outbox import OutboxRecord
from ingest.relay import OutboxRelay


@dataclass
class OutboxPublisher:
    """A ``Publisher`` whose acknowledgement means "committed to the outbox".

    ``publish`` refuses at once (BrokerUnavailableError) when no broker answers (asked at most
    once a second, ``BrokerWatch``), so intake pauses instead of piling up; otherwise it
    commits the events to the outbox. With ``strict`` (``ingest``: chunks of 1,000) it commits
    them itself and sends them straight away, reporting a failed send (what it accepted is
    safe in the outbox). Without (the API: one contact a request) the events join a group
    commit with every other request waiting (``GroupCommitter``: one transaction, one fsync)
    and the relay, woken by the commit, sends them in batches."""

    settings: Settings
    relay: OutboxRelay
    strict: bool = False
    reachable_timeout: float = 0.5
    broker_check_every: float = 1.0
    watch: BrokerWatch = field(init=False)
    _committer: GroupCommitter | None = field(default=None, init=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False)

    def __post_init__(self) -> None:
        self.watch = BrokerWatch(
            self.settings, ttl=self.broker_check_every, connect_timeout=self.reachable_timeout
        )

    def publish(self, topic: Topic, events: Iterable[tuple[uuid.UUID, BaseModel]]) -> int:
        self.watch.require()
        records = outbox_records(topic, events)
        if not records:
            return 0
        if not self.strict:
            try:
                self.committer().put(records)
            except sqlite3.Error as exc:
                raise BrokerUnavailableError(f"the intake outbox did not commit: {exc}") from exc
            return len(records)
        self.relay.outbox.put(records)
        self.relay.send(records)
        return len(records)

    async def publish_async(
        self, topic: Topic, events: Iterable[tuple[uuid.UUID, BaseModel]]
    ) -> int:
        """``publish`` for an event loop: waits for the group commit without holding a
        thread (the broker is asked in a thread, at most once a second)."""
        if not self.watch.fresh():
            await asyncio.to_thread(self.watch.check)
        self.watch.raise_if_down()
        records = outbox_records(topic, events)
        if records:
            try:
                await self.committer().submit_async(records)
            except sqlite3.Error as exc:  # nothing was kept: the same pause as a lost broker
                raise BrokerUnavailableError(f"the intake outbox did not commit: {exc}") from exc
        return len(records)

    def committer(self) -> GroupCommitter:
        with self._lock:
            if self._committer is None:
                self._committer = GroupCommitter(self.relay.outbox, after_commit=self.relay.wake)
            return self._committer

    def close(self) -> None:
        """Commit what is queued; the relay is owned by whoever built it."""
        with self._lock:
            committer, self._committer = self._committer, None
        if committer is not None:
            committer.close()


def outbox_records(
    topic: Topic, events: Iterable[tuple[uuid.UUID, BaseModel]]
) -> list[OutboxRecord]:
    return [OutboxRecord(topic, record_id(key, event), key, encode(event)) for key, event in events]


def record_id(key: uuid.UUID, event: BaseModel) -> uuid.UUID:
    """The id the database stores ``event`` under: a review's, a rating's or a case event's own
    id (a contact may have several of each), else the contact id."""
    name = _id_field(type(event))
    found = getattr(event, name) if name is not None else None
    return found if isinstance(found, uuid.UUID) else key


_ID_FIELDS = ("review_id", "rating_id", "event_id", "contact_id")


@functools.cache
def _id_field(event_type: type[BaseModel]) -> str | None:
    """The first of ``_ID_FIELDS`` the event type has. Looked up once per type: ``getattr``
    with a default on a pydantic model raises and catches an AttributeError inside pydantic
    for each missing name, 4% of the API's CPU per POST (py-spy)."""
    return next((name for name in _ID_FIELDS if name in event_type.model_fields), None)
