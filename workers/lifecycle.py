"""The case lifecycle in the worker: decode batches of case events and store them through
``sinks`` (one transaction per batch, idempotent, order-independent); undecodable ones are
dead-lettered with their reason. Independent of Faust, like ``workers.batches``."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from typing import TypeVar

from sqlalchemy import Engine

from contracts import CaseEvent, ContractError, decode
from sinks import ContactSink, SinkUnavailableError, store_case_events
from workers.batches import BatchOutcome, RawMessage

log = logging.getLogger(__name__)
T = TypeVar("T")


def store_case_event_batch(
    messages: Sequence[RawMessage],
    engine: Engine,
    sink: ContactSink,
    *,
    sleep: Callable[[float], None] = time.sleep,
) -> BatchOutcome:
    """Store a batch of case events. An event for a contact not stored yet is kept: its
    state is joined to the contact when the contact arrives."""
    outcome = BatchOutcome()
    events: list[CaseEvent] = []
    for message in messages:
        try:
            events.append(decode(message.value, CaseEvent, key=_where(message)))
        except ContractError as exc:
            outcome.dead_letters.append(message.dead_letter(str(exc)))
    if events:
        result = _retry(lambda: store_case_events(engine, events), sleep)
        outcome.stored = result.events_written
    if outcome.dead_letters:
        for dead in outcome.dead_letters:
            sink.add_dead_letter(dead)
        _retry(sink.flush, sleep)
    return outcome


def _retry(write: Callable[[], T], sleep: Callable[[float], None]) -> T:
    """Keep trying while the database is unavailable: offsets must not pass unstored data."""
    delay = 0.5
    while True:
        try:
            return write()
        except SinkUnavailableError as exc:
            wait = max(delay, exc.retry_after)
            log.warning("database unavailable, retrying in %.1fs: %s", wait, exc)
            sleep(wait)
            delay = min(delay * 2, 30.0)


def _where(message: RawMessage) -> str:
    return f"{message.topic}[{message.partition}]@{message.offset}"
