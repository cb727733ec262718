"""Reading the stream's state for ``civicpulse status``: topic end offsets and how far the
worker's consumer group has committed (its lag)."""

from __future__ import annotations

import time
from dataclasses import dataclass

from kafka import KafkaAdminClient, KafkaConsumer, TopicPartition
from kafka.errors import KafkaError, KafkaTimeoutError

from config import Settings
from contracts import Topic, topic_name
from ingest import BrokerUnavailableError, check_reachable, client_options, open_kafka

WATCHED = (
    Topic.contacts_received,
    Topic.contacts_backfill,
    Topic.ratings_received,
    Topic.contacts_reviewed,
    Topic.cases_events,
)


@dataclass(frozen=True)
class StreamStatus:
    reachable: bool
    error: str | None
    lag: dict[str, int]  # per topic
    published: dict[str, int]  # end offsets summed per topic
    dead_letters_on_topic: int

    @property
    def total_lag(self) -> int:
        return sum(self.lag.values())


def stream_status(settings: Settings) -> StreamStatus:
    """Published counts and the worker group's lag; never raises for a broker outage."""
    try:
        # The same connection options (SASL included) as every other client of ours.
        common = {**client_options(settings), "request_timeout_ms": 5000}
        # Fail fast: `status --wait-idle` asks every second, and bootstrapping waits longer
        check_reachable(settings)
    except BrokerUnavailableError as exc:
        return StreamStatus(False, str(exc), {}, {}, 0)
    try:
        admin = open_kafka(KafkaAdminClient, **common)
    except KafkaError as exc:
        return StreamStatus(False, f"broker unreachable: {exc}", {}, {}, 0)
    try:
        consumer = open_kafka(KafkaConsumer, group_id=None, enable_auto_commit=False, **common)
    except KafkaError as exc:
        admin.close()
        return StreamStatus(False, f"broker unreachable: {exc}", {}, {}, 0)
    try:
        existing = set(admin.list_topics())
        group = admin.list_group_offsets({settings.worker_app_id: None}).get(
            settings.worker_app_id, {}
        )
        committed = {tp: meta.offset for tp, meta in group.items() if meta.offset >= 0}
        tps = [
            TopicPartition(name, p)
            for topic in (*WATCHED, Topic.dead_letter)
            if (name := topic_name(topic, settings.topic_prefix)) in existing
            for p in sorted(consumer.partitions_for_topic(name) or ())
        ]
        ends = _high_watermarks(consumer, tps, committed)
    except KafkaError as exc:
        return StreamStatus(False, f"broker error: {exc}", {}, {}, 0)
    finally:
        consumer.close()
        admin.close()
    lag: dict[str, int] = {topic_name(t, settings.topic_prefix): 0 for t in WATCHED}
    published: dict[str, int] = dict(lag)
    dead_name, dead = topic_name(Topic.dead_letter, settings.topic_prefix), 0
    for tp, end in ends.items():
        if tp.topic == dead_name:
            dead += end
            continue
        published[tp.topic] += end
        lag[tp.topic] += max(0, end - committed.get(tp, 0))
    return StreamStatus(True, None, lag, published, dead)


def _high_watermarks(
    consumer: KafkaConsumer,
    tps: list[TopicPartition],
    committed: dict[TopicPartition, int],
    timeout: float = 5.0,
) -> dict[TopicPartition, int]:
    """End offsets as reported in fetch responses.

    Not ``end_offsets()``: the embedded broker answers ListOffsets(latest) with the last
    batch's base offset + 1, which undercounts batched produce; fetch high watermarks are right.
    """
    if not tps:
        return {}
    consumer.assign(tps)
    for tp in tps:
        consumer.seek(tp, committed.get(tp, 0))
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        consumer.poll(timeout_ms=200, max_records=1, update_offsets=False)
        marks = {tp: consumer.highwater(tp) for tp in tps}
        if all(m is not None for m in marks.values()):
            return {tp: int(m) for tp, m in marks.items() if m is not None}
    raise KafkaTimeoutError(f"no fetch response for {len(tps)} partitions within {timeout}s")
