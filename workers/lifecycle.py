"""The case lifecycle in the worker: decode batches of case events and store them through
``sinks`` (one transaction per batch, idempotent, order-independent); undecodable ones are
dead-lettered with their reason. Independent of Faust, like ``workers.batches``."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence

from sqlalchemy import Engine

from contracts import CaseEvent
from sinks import ContactSink, store_case_events
from workers.batches import BatchOutcome, RawMessage, decode_batch
from workers.retry import retry_while_unavailable


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
    events = [e for _, e in decode_batch(messages, CaseEvent, outcome.dead_letters)]
    if events:
        result = retry_while_unavailable(lambda: store_case_events(engine, events), sleep)
        outcome.stored = result.events_written
    if outcome.dead_letters:
        for dead in outcome.dead_letters:
            sink.add_dead_letter(dead)
        retry_while_unavailable(sink.flush, sleep)
    return outcome
