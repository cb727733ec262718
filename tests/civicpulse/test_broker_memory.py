"""When `up` may restart the embedded broker to give its memory back: over the limit and with
nothing waiting (no lag, an empty outbox, no back-fill running). On the real session broker."""

from __future__ import annotations

import os
import uuid

import pytest

from civicpulse.broker_memory import idle_reason, resident_mb, should_recycle
from civicpulse.embedded_broker import EmbeddedBroker
from config import Settings
from contracts import Topic
from ingest import KafkaPublisher, ensure_topics

pytestmark = pytest.mark.kafka


def test_resident_memory_of_a_process_is_read() -> None:
    found = resident_mb(os.getpid())
    assert found is not None and found > 1


def test_an_idle_broker_over_the_limit_is_recycled_and_not_under_it(
    kafka_settings: Settings, kafka_broker: EmbeddedBroker
) -> None:
    ensure_topics(kafka_settings)
    assert kafka_broker.process is not None
    pid = kafka_broker.process.pid
    assert idle_reason(kafka_settings) is None
    assert should_recycle(kafka_settings.with_changes(broker_recycle_mb=1), pid)
    assert not should_recycle(kafka_settings.with_changes(broker_recycle_mb=0), pid)
    assert not should_recycle(kafka_settings.with_changes(broker_recycle_mb=100_000), pid)


def test_a_broker_with_work_waiting_is_not_recycled(kafka_settings: Settings) -> None:
    publisher = KafkaPublisher(kafka_settings)
    publisher.publish_encoded(Topic.contacts_backfill, [(uuid.uuid4(), b"{}")])
    publisher.close()
    reason = idle_reason(kafka_settings)  # no worker consumes this test's topics
    assert reason is not None and "waiting for the worker" in reason


def test_a_running_backfill_keeps_the_broker(kafka_settings: Settings) -> None:
    ensure_topics(kafka_settings)
    kafka_settings.backfill_dir.mkdir(parents=True)
    (kafka_settings.backfill_dir / "history-0123.json").write_text("{}")
    assert idle_reason(kafka_settings) == "a back-fill is running"
