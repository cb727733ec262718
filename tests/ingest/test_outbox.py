"""The intake outbox and its relay, on a real outbox file and the real session broker."""

from __future__ import annotations

import socket
import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest
from kafka import KafkaConsumer, TopicPartition

from config import Settings
from contracts import (
    CaseEvent,
    CaseEventKind,
    Channel,
    ContactReceived,
    Topic,
    case_event_id_for,
    topic_name,
)
from ingest import (
    BrokerUnavailableError,
    KafkaPublisher,
    Outbox,
    OutboxPublisher,
    OutboxRecord,
    OutboxRelay,
    publish_contacts,
)
from ingest.outbox_publisher import record_id


def contact(n: int) -> ContactReceived:
    return ContactReceived(
        contact_id=uuid.uuid5(uuid.NAMESPACE_URL, f"outbox-{n}"),
        received_at=datetime(2025, 10, 1, tzinfo=UTC),
        channel=Channel.web,
        source_system="webform",
        text=f"Overflowing bin number {n}",
    )


def on_topic(settings: Settings) -> list[bytes]:
    name = topic_name(Topic.contacts_received, settings.topic_prefix)
    consumer = KafkaConsumer(bootstrap_servers=settings.kafka_bootstrap, enable_auto_commit=False)
    try:
        tps = [TopicPartition(name, p) for p in sorted(consumer.partitions_for_topic(name) or ())]
        consumer.assign(tps)
        consumer.seek_to_beginning(*tps)
        found: list[bytes] = []
        while batch := consumer.poll(timeout_ms=1500):
            found.extend(r.key for records in batch.values() for r in records)
        return found
    finally:
        consumer.close()


def relay_for(settings: Settings, stored: set[uuid.UUID], generation: list[int]) -> OutboxRelay:
    return OutboxRelay(
        outbox=Outbox(settings.outbox_file),
        producer_factory=lambda: KafkaPublisher(settings, ack_timeout=10, idempotent=False),
        stored=lambda _topic, ids: {i for i in ids if i in stored},
        broker_generation=lambda: generation[0],
    )


@pytest.mark.kafka
def test_accepted_contacts_stay_in_the_outbox_until_stored_and_are_resent_after_a_broker_restart(
    kafka_settings: Settings,
) -> None:
    stored: set[uuid.UUID] = set()
    generation = [1]
    relay = relay_for(kafka_settings, stored, generation)
    publisher = OutboxPublisher(kafka_settings, relay, strict=True)
    try:
        assert publish_contacts(publisher, [contact(n) for n in range(10)]) == 10
        assert len(on_topic(kafka_settings)) == 10  # sent straight away
        assert relay.outbox.counts().awaiting_storage == 10  # but kept until stored
        stored.update(contact(n).contact_id for n in range(6))
        relay.run_once()
        assert relay.outbox.counts().awaiting_storage == 4
        generation[0] = 2  # the broker restarted: what it held is gone, so send again
        result = relay.run_once()
        assert result.resent == 4 and result.sent == 4
        assert len(on_topic(kafka_settings)) == 14
        stored.update(contact(n).contact_id for n in range(10))
        relay.run_once()
        assert relay.outbox.counts().awaiting_storage == 0
    finally:
        relay.stop()


@pytest.mark.kafka
def test_a_relay_started_after_a_broker_restart_sends_again_what_the_old_broker_held(
    kafka_settings: Settings, tmp_path: Path
) -> None:
    """`up` killed and started again: its new relay finds rows sent to a broker now gone."""
    settings = kafka_settings.with_changes(home=tmp_path)
    first = relay_for(settings, set(), [1])
    try:
        assert publish_contacts(OutboxPublisher(settings, first, strict=True), [contact(1)]) == 1
        first.run_once()  # the outbox records the broker it sent to
    finally:
        first.stop()
    same = relay_for(settings, set(), [1])  # started again beside the same broker
    try:
        assert same.run_once().resent == 0  # not overdue yet: the broker still holds it
    finally:
        same.stop()
    after = relay_for(settings, set(), [2])  # beside a new broker
    try:
        result = after.run_once()
        assert result.resent == 1 and result.sent == 1
        assert after.run_once().resent == 0  # once
    finally:
        after.stop()


def test_no_broker_no_acknowledgement_and_nothing_written(tmp_path: Path) -> None:
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    settings = Settings(home=tmp_path, kafka_bootstrap=f"127.0.0.1:{port}")
    relay = relay_for(settings, set(), [1])
    publisher = OutboxPublisher(settings, relay, strict=False)
    with pytest.raises(BrokerUnavailableError):
        publish_contacts(publisher, [contact(1)])
    assert relay.outbox.counts().unsent == 0


def test_a_record_sent_but_never_stored_is_sent_again_when_overdue(tmp_path: Path) -> None:
    outbox = Outbox(tmp_path / "outbox.db")
    record = OutboxRecord(Topic.contacts_received, uuid.uuid4(), uuid.uuid4(), b"{}")
    outbox.put([record])
    outbox.mark_sent([record])
    assert outbox.overdue(older_than=3600) == []
    assert outbox.overdue(older_than=0) == [(record.topic, record.record_id)]
    outbox.put([record])  # accepted again: unsent again, still one row
    assert outbox.counts().unsent == 1 and outbox.counts().awaiting_storage == 0


def test_each_case_event_and_review_of_one_contact_is_its_own_outbox_row(tmp_path: Path) -> None:
    """Keyed by the contact, a contact's later steps replaced its earlier ones in the outbox,
    so after a failed send only the last would have been sent again."""
    contact_id = contact(1).contact_id
    when = datetime(2025, 10, 2, tzinfo=UTC)
    steps = [
        CaseEvent(
            event_id=case_event_id_for(contact_id, kind, when),
            contact_id=contact_id,
            kind=kind,
            occurred_at=when,
        )
        for kind in (CaseEventKind.acknowledged, CaseEventKind.responded)
    ]
    outbox = Outbox(tmp_path / "outbox.db")
    outbox.put(
        [
            OutboxRecord(Topic.cases_events, record_id(e.contact_id, e), e.contact_id, b"{}")
            for e in steps
        ]
    )
    assert outbox.counts().unsent == 2
    assert {r.record_id for r in outbox.unsent()} == {e.event_id for e in steps}
