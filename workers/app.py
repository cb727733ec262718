"""The Faust app: topics from ``contracts.Topic``, one batching agent per input topic,
a heartbeat timer that also picks up a newly promoted model without a restart."""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import socket
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import faust
from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from classifiers import ContactClassifier, ModelRegistry
from config import FollowUpRule, Settings
from contracts import Topic, encode, topic_name
from sinks import (
    SinkError,
    SinkUnavailableError,
    SqlContactSink,
    database_identity,
    record_heartbeat,
)
from workers.batches import (
    BACKFILL_CHUNK_ENVELOPES,
    BatchOutcome,
    RawMessage,
    backfill_chunks,
    store_contacts,
    store_ratings,
    store_reviews,
)
from workers.consumer import use_worker_consumer
from workers.heap import freeze_long_lived_objects
from workers.lifecycle import store_case_event_batch
from workers.priority import LiveFirst
from workers.retry import BatchPause, WorkerProblem, withhold_acks
from workers.schedule import add_digest_schedule

log = logging.getLogger(__name__)


@dataclass
class WorkerState:
    """What the agents share: the current classifier and counters for the heartbeat."""

    classifier: ContactClassifier
    registry: ModelRegistry
    engine: Engine
    follow_up_rule: FollowUpRule = field(default_factory=FollowUpRule)
    worker_id: str = field(default_factory=lambda: f"{socket.gethostname()}:{os.getpid()}")
    started_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    contacts_processed: int = 0
    problem: WorkerProblem = field(default_factory=WorkerProblem)
    # The database this worker opened; another identity later means it was replaced.
    database_identity: str | None = None

    def __post_init__(self) -> None:
        self.pause = BatchPause(self.problem)
        self.live_first = LiveFirst()


def faust_settings(settings: Settings) -> dict[str, Any]:
    assert settings.kafka_bootstrap, "the entry point resolves the broker address"
    brokers = ";".join(f"kafka://{b.strip()}" for b in settings.kafka_bootstrap.split(","))
    return {
        "broker": brokers,
        "value_serializer": "raw",
        "key_serializer": "raw",
        "store": "memory://",
        "topic_partitions": settings.topic_partitions,
        "topic_replication_factor": settings.topic_replication,
        "broker_session_timeout": settings.kafka_session_timeout,
        "broker_heartbeat_interval": settings.kafka_heartbeat_interval,
        "broker_rebalance_timeout": settings.kafka_rebalance_timeout,
        "broker_commit_interval": 1.0,
        "consumer_auto_offset_reset": "earliest",
        "web_enabled": settings.worker_web_port is not None,
        "web_port": settings.worker_web_port or 6066,
        "producer_acks": -1,
        "worker_redirect_stdouts": False,
        # Faust's own files (table folders), under home: not "<app id>-data" in whatever
        # folder the worker was started from
        "datadir": str(settings.home / "worker-data" / "{conf.name}"),
    }


def create_app(settings: Settings, state: WorkerState) -> faust.App:
    """Build the worker app. Agents run with concurrency 1: parallelism comes from partitions."""
    (settings.home / "worker-data").mkdir(parents=True, exist_ok=True)  # Faust makes one level
    app = faust.App(settings.worker_app_id, **faust_settings(settings))
    use_worker_consumer(app, settings.worker_fetch_wait_seconds)  # before any topic

    def topic(t: Topic) -> Any:
        return app.topic(
            topic_name(t, settings.topic_prefix),
            value_type=bytes,
            key_type=bytes,
            partitions=settings.topic_partitions,
        )

    classified_topic = topic_name(Topic.contacts_classified, settings.topic_prefix)
    dead_letter_topic = topic_name(Topic.dead_letter, settings.topic_prefix)
    # Both exist already: ``run_worker`` ensures every topic before the app starts.

    async def forward(outcome: BatchOutcome) -> None:
        """Publish a stored batch's events straight to the producer: Faust's ``Topic.send``
        builds a message, a future and a channel hop per event, and on a thousand-contact batch
        that cost a fifth of the event loop's time (profile in bench/PROFILE.md)."""
        for dead in outcome.dead_letters:
            log.warning(
                "dead letter %s[%d]@%d: %s", dead.topic, dead.partition, dead.offset, dead.error
            )
            await app.producer.send(
                dead_letter_topic, (dead.key or "").encode(), encode(dead), None, None, None
            )
        for event in outcome.classified:
            await app.producer.send(
                classified_topic, str(event.contact_id).encode(), encode(event), None, None, None
            )

    def batching_agent(
        source: Topic,
        name: str,
        handle: Callable[[list[RawMessage]], BatchOutcome],
        *,
        within: float | None = None,
        batch_size: int = settings.worker_batch_size,
        announce: bool = True,
    ) -> None:
        """An agent that hands batches of raw messages to ``handle`` off the event loop.

        ``take_events`` acks a batch in a ``finally`` block, even when this body raised or was
        cancelled; so on any failure the batch's acks are withheld first (it is delivered
        again), and an unexpected error stops the worker for its supervisor to restart."""

        async def agent(stream: Any) -> None:
            # A live contact waits for this window (unless the batch fills first): short.
            async for events in stream.take_events(
                batch_size, within=within or settings.worker_live_batch_seconds
            ):
                batch = [_raw(e) for e in events]
                try:
                    outcome = await asyncio.get_running_loop().run_in_executor(None, handle, batch)
                except BaseException as exc:
                    withhold_acks(events)
                    state.pause.stopping.set()  # a retry still waiting in its thread gives up
                    if not isinstance(exc, asyncio.CancelledError):
                        state.problem.report(f"{name}: batch not stored: {exc!r}")
                        log.error(
                            "%s: batch of %d not stored, not acknowledged: %r",
                            name,
                            len(batch),
                            exc,
                        )
                        os.kill(os.getpid(), signal.SIGTERM)  # restart from committed offsets
                    raise
                state.problem.clear()
                log.info(
                    "%s: %d stored (%d new), %d dead letters",
                    name,
                    outcome.stored,
                    outcome.new,
                    len(outcome.dead_letters),
                )
                await forward(
                    outcome if announce else BatchOutcome(dead_letters=outcome.dead_letters)
                )

        app.agent(topic(source), name=name, concurrency=1)(agent)

    # Each agent has its own sink: a sink's pending batch is not shared between agents.
    contact_sink, review_sink, case_sink = (SqlContactSink(state.engine) for _ in range(3))
    rating_sink = SqlContactSink(state.engine, follow_up_rule=state.follow_up_rule)

    backfill_sink = SqlContactSink(state.engine)

    def contacts(batch: list[RawMessage]) -> BatchOutcome:
        with state.live_first.live():
            outcome = store_contacts(batch, state.classifier, contact_sink, sleep=state.pause)
        state.contacts_processed += outcome.stored
        return outcome

    def backfill(envelopes: list[RawMessage]) -> BatchOutcome:
        """A few envelopes' contacts stored together, live batches going first between chunks."""
        total = BatchOutcome()
        for batch in backfill_chunks(envelopes):
            with state.live_first.bulk():
                outcome = store_contacts(batch, state.classifier, backfill_sink, sleep=state.pause)
            state.contacts_processed += outcome.stored
            total.stored, total.new = total.stored + outcome.stored, total.new + outcome.new
            total.dead_letters.extend(outcome.dead_letters)
        return total

    batching_agent(Topic.contacts_received, "categorise_contacts", contacts)
    # History is not announced on contacts.classified (a million events nobody is waiting
    # for); it is in the database. Envelopes are few and large: a batch is one stored chunk's.
    batching_agent(
        Topic.contacts_backfill,
        "backfill_contacts",
        backfill,
        batch_size=BACKFILL_CHUNK_ENVELOPES,
        announce=False,
        within=settings.worker_batch_seconds,
    )
    batching_agent(
        Topic.ratings_received,
        "store_ratings",
        lambda b: store_ratings(b, rating_sink, sleep=state.pause),
    )
    batching_agent(
        Topic.contacts_reviewed,
        "apply_reviews",
        lambda b: store_reviews(b, review_sink, sleep=state.pause),
    )

    batching_agent(
        Topic.cases_events,
        "store_case_events",
        lambda b: store_case_event_batch(b, state.engine, case_sink, sleep=state.pause),
    )

    if settings.digest_schedule_enabled:
        add_digest_schedule(app, settings, state.engine)

    @app.timer(interval=settings.worker_heartbeat_seconds)
    async def heartbeat() -> None:
        await asyncio.get_running_loop().run_in_executor(None, _beat, state)

    return app


def _beat(state: WorkerState) -> None:
    """Record a heartbeat (with the current problem, if any). Never raises: a database outage
    must not kill the worker, whose held batches then resume by themselves."""
    promoted = state.registry.promoted_version()
    if promoted and promoted != state.classifier.version:
        log.info("model %s promoted; switching from %s", promoted, state.classifier.version)
        state.classifier = state.registry.load(promoted)
        freeze_long_lived_objects()  # the new model's objects, like the first one's
    try:
        _check_identity(state)
        record_heartbeat(
            state.engine,
            state.worker_id,
            started_at=state.started_at,
            contacts_processed=state.contacts_processed,
            model_version=state.classifier.version,
            problem=state.problem.reason,
        )
    except SinkError as exc:
        log.warning("heartbeat not recorded: %s", exc)


def _check_identity(state: WorkerState) -> None:
    """Stop the worker when its database was replaced: its supervisor restarts it on the new
    one (migrating it when allowed) and undelivered work comes again from committed offsets."""
    try:
        found = database_identity(state.engine)
    except SQLAlchemyError as exc:
        raise SinkUnavailableError(f"database identity unreadable: {exc}") from exc
    if state.database_identity is None:
        state.database_identity = found
    elif found != state.database_identity:
        reason = f"database replaced (identity {found}, opened {state.database_identity})"
        state.problem.report(reason)
        log.error("%s: stopping so the worker restarts on the new database", reason)
        os.kill(os.getpid(), signal.SIGTERM)


def _raw(event: Any) -> RawMessage:
    message = event.message
    return RawMessage(message.topic, message.partition, message.offset, message.key, message.value)
