"""The back-fill driver on the real session broker: envelopes go out while the export is still
being read (never the whole file first), at most a window of them unconfirmed, a stalled
broker is waited for (bounded), and the checkpoint moves only past rows seen stored."""

from __future__ import annotations

import csv
import os
import signal
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from kafka import KafkaConsumer, TopicPartition

from civicpulse.embedded_broker import EmbeddedBroker
from config import ReferenceData, Settings, load_crm_profiles
from contracts import ContactReceived, Topic, decode, split_envelope, topic_name
from ingest import (
    Backfill,
    BackfillInterruptedError,
    BackfillTally,
    BrokerUnavailableError,
    CheckpointFile,
    EnvelopeSender,
    ExportIdentity,
    KafkaPublisher,
    RejectsFile,
    ensure_topics,
    parse_crm_file,
    resolve_profile,
)
from ingest.backfill import Envelope

pytestmark = pytest.mark.kafka
REPO = Path(__file__).resolve().parents[2]


def write_export(path: Path, rows: int, bad_every: int = 0) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(["Case Reference", "Date Logged", "Description", "Ward"])
        for n in range(rows):
            text = "" if bad_every and n % bad_every == 0 else f"Pothole {n} on Mill Lane"
            out.writerow([f"B{n:06d}", "08/04/2024 08:32", text, ""])


class BrokerSeen:
    """A ``StoredContacts`` that counts a contact stored once its envelope is on the broker,
    read back with a plain consumer (the worker's side is tested in tests/e2e)."""

    def __init__(self, settings: Settings) -> None:
        ensure_topics(settings)
        name = topic_name(Topic.contacts_backfill, settings.topic_prefix)
        self.consumer = KafkaConsumer(
            bootstrap_servers=settings.kafka_bootstrap, enable_auto_commit=False
        )
        tps = [TopicPartition(name, p) for p in range(settings.topic_partitions)]
        self.consumer.assign(tps)
        self.consumer.seek_to_beginning(*tps)
        self.seen: set[uuid.UUID] = set()
        self.envelopes: list[list[ContactReceived]] = []
        self.lines = 0

    def __call__(self, ids: list[uuid.UUID]) -> set[uuid.UUID]:
        for records in self.consumer.poll(timeout_ms=100).values():
            for record in records:
                contacts = [decode(v, ContactReceived) for v in split_envelope(record.value)]
                self.envelopes.append(contacts)
                self.seen.update(c.contact_id for c in contacts)
        return {i for i in ids if i in self.seen}

    def close(self) -> None:
        self.consumer.close()


def backfill_of(
    settings: Settings, reference: ReferenceData, export: Path, stored: BrokerSeen
) -> Backfill:
    profile = resolve_profile(
        None,
        load_crm_profiles(REPO / "config"),
        {"source_ref": "Case Reference", "received_at": "Date Logged", "text": "Description"},
    )
    parse = parse_crm_file(export, profile=profile, reference=reference)
    return Backfill(
        parse=parse,
        sender=EnvelopeSender(lambda: KafkaPublisher(settings, idempotent=False)),
        stored=stored,
        checkpoint_file=CheckpointFile(
            settings.backfill_dir, ExportIdentity.of(export, {"columns": parse.columns})
        ),
        rejects=RejectsFile(settings.home / "rejects.csv", parse.headers),
        envelope_contacts=100,
        window_contacts=300,
        poll_seconds=0.05,
    )


def test_envelopes_leave_while_the_export_is_still_being_read(
    kafka_settings: Settings, reference: ReferenceData, tmp_path: Path
) -> None:
    export = tmp_path / "export.csv"
    write_export(export, 2000, bad_every=500)
    stored = BrokerSeen(kafka_settings)
    backfill = backfill_of(kafka_settings, reference, export, stored)
    read_at_send: list[int] = []
    in_flight: list[int] = []

    def watch(tally: BackfillTally) -> None:
        if len(read_at_send) < tally.contacts_sent // 100:
            read_at_send.append(backfill.parse.rows_read)
        in_flight.append(tally.contacts_sent - tally.contacts_stored)

    backfill.on_progress = watch
    tally = backfill.run()
    # The first envelope went when about 100 rows had been read, not 2,000: the file is read
    # lazily, a row at a time, while earlier rows are already on their way.
    assert read_at_send[0] <= 101
    assert read_at_send == sorted(read_at_send) and read_at_send[-1] <= 2000
    assert max(in_flight) <= 300 + 100  # the window bounds what is held unconfirmed
    assert (tally.contacts_sent, tally.contacts_stored, tally.rejected) == (1996, 1996, 4)
    assert all(len(e) <= 100 for e in stored.envelopes)
    assert {c.source_ref for e in stored.envelopes for c in e} == {
        f"B{n:06d}" for n in range(2000) if n % 500
    }
    rejects = (tmp_path / "home" / "rejects.csv").read_text(encoding="utf-8-sig")
    assert rejects.count("missing text") == 4
    assert not backfill.checkpoint_file.path.exists()  # complete: nothing to resume


def test_checkpoint_moves_only_past_rows_seen_stored_and_a_rerun_resumes_there(
    kafka_settings: Settings, reference: ReferenceData, tmp_path: Path
) -> None:
    export = tmp_path / "export.csv"
    write_export(export, 1000)
    stored = BrokerSeen(kafka_settings)
    first = backfill_of(kafka_settings, reference, export, stored)

    def stop_after_500(tally: BackfillTally) -> None:
        if tally.contacts_stored >= 500:
            first.stop()  # what Ctrl-C does

    first.on_progress = stop_after_500
    with pytest.raises(BackfillInterruptedError):
        first.run()
    first.save()
    checkpoint = first.checkpoint_file.load()
    assert checkpoint is not None and checkpoint.contacts_stored >= 500
    seen_before = set(stored.seen)
    # Every accepted row up to the checkpoint's line is stored (line 2 is the first data row).
    through = {f"B{n:06d}" for n in range(checkpoint.stored_through_line - 1)}
    refs_seen = {c.source_ref for e in stored.envelopes for c in e}
    assert through <= refs_seen
    second = backfill_of(kafka_settings, reference, export, stored)
    tally = second.run()
    assert second.parse.rows_skipped == checkpoint.stored_through_line - 1
    assert tally.contacts_stored == 1000 - second.parse.rows_skipped
    assert len(stored.seen) == 1000 and seen_before <= stored.seen
    assert second.checkpoint_file.load() is None


def test_a_changed_export_does_not_resume_from_the_old_checkpoint(tmp_path: Path) -> None:
    export = tmp_path / "export.csv"
    write_export(export, 10)
    identity = ExportIdentity.of(export, {"columns": {"text": "Description"}})
    checkpoints = CheckpointFile(tmp_path / "backfill", identity)
    saved = checkpoints.fresh()
    saved.stored_through_line = 7
    checkpoints.save(saved)
    assert checkpoints.load() is not None
    write_export(export, 12)
    changed = CheckpointFile(tmp_path / "backfill", ExportIdentity.of(export, {"columns": {}}))
    assert changed.path == checkpoints.path and changed.load() is None


@pytest.fixture()
def own_broker() -> Iterator[EmbeddedBroker]:
    """A broker of this test's own: it is paused (SIGSTOP), which must not stall other tests."""
    with EmbeddedBroker() as broker:
        yield broker


def sender_to(
    broker: EmbeddedBroker, home: Path, *, patience: float
) -> tuple[Settings, EnvelopeSender]:
    """An envelope sender to ``broker`` (one partition) whose sends wait at most 1 s each."""
    settings = Settings(home=home, kafka_bootstrap=broker.bootstrap, topic_partitions=1)
    ensure_topics(settings)
    sender = EnvelopeSender(
        lambda: KafkaPublisher(settings, ack_timeout=1.0, max_block_seconds=1.0, idempotent=False),
        patience=patience,
    )
    return settings, sender


def test_sender_waits_for_a_stalled_broker_and_then_delivers(
    own_broker: EmbeddedBroker, tmp_path: Path
) -> None:
    settings, sender = sender_to(own_broker, tmp_path, patience=60.0)
    envelope = Envelope(2, [uuid.uuid4()], b'{"probe": 1}')
    assert own_broker.process is not None
    os.kill(own_broker.process.pid, signal.SIGSTOP)
    failure: list[BaseException] = []

    def send() -> None:
        try:
            sender.send([envelope])
        except BaseException as exc:
            failure.append(exc)

    thread = threading.Thread(target=send)
    thread.start()
    try:
        deadline = time.monotonic() + 60
        while sender.retries == 0 and time.monotonic() < deadline:
            time.sleep(0.1)
    finally:
        os.kill(own_broker.process.pid, signal.SIGCONT)
    thread.join(90)
    sender.close()
    assert not thread.is_alive() and not failure, failure
    assert sender.retries >= 1 and envelope.sends == 1
    consumer = KafkaConsumer(bootstrap_servers=settings.kafka_bootstrap, enable_auto_commit=False)
    tp = TopicPartition(topic_name(Topic.contacts_backfill, settings.topic_prefix), 0)
    consumer.assign([tp])
    consumer.seek_to_beginning(tp)
    values = [r.value for rs in consumer.poll(timeout_ms=3000).values() for r in rs]
    consumer.close()
    assert b'{"probe": 1}' in values


def test_sender_gives_up_after_its_patience_with_a_clear_error(
    own_broker: EmbeddedBroker, tmp_path: Path
) -> None:
    _, sender = sender_to(own_broker, tmp_path, patience=2.0)
    assert own_broker.process is not None
    os.kill(own_broker.process.pid, signal.SIGSTOP)
    try:
        with pytest.raises(BrokerUnavailableError, match="did not take the back-fill for 2s"):
            sender.send([Envelope(2, [uuid.uuid4()], b"{}")])
    finally:
        os.kill(own_broker.process.pid, signal.SIGCONT)
        sender.close()


def test_a_stall_is_reported_once_with_how_long_nothing_was_stored(
    kafka_settings: Settings, reference: ReferenceData, tmp_path: Path
) -> None:
    export = tmp_path / "export.csv"
    write_export(export, 500)
    seen = BrokerSeen(kafka_settings)
    worker_starts = time.monotonic() + 1.0  # no worker at first: nothing is stored

    def stored(ids: list[uuid.UUID]) -> set[uuid.UUID]:
        return seen(ids) if time.monotonic() >= worker_starts else set()

    backfill = backfill_of(kafka_settings, reference, export, seen)
    backfill.stored, backfill.stall_seconds = stored, 0.3
    stalls: list[float] = []
    backfill.on_stalled = stalls.append
    tally = backfill.run()
    assert len(stalls) == 1 and 0.3 <= stalls[0] < 1.0
    assert tally.contacts_stored == 500


def test_after_a_broker_restart_envelopes_are_sent_again_onto_topics_that_exist(
    own_broker: EmbeddedBroker, reference: ReferenceData, tmp_path: Path
) -> None:
    # The restarted broker is not prepared (no topics): a producer that outlived the old one
    # is acknowledged for a topic the new one does not list, and those envelopes are lost.
    settings = Settings(home=tmp_path, kafka_bootstrap=own_broker.bootstrap, topic_partitions=1)
    export = tmp_path / "export.csv"
    write_export(export, 300)
    on_first = BrokerSeen(settings)
    brokers = [own_broker]
    on_second: BrokerSeen | None = None
    backfill = backfill_of(settings, reference, export, on_first)

    def stored(ids: list[uuid.UUID]) -> set[uuid.UUID]:
        nonlocal on_second
        if len(brokers) == 1:
            # Once every envelope is on the first broker, it dies before any is stored.
            if len(on_first(ids)) == len(ids) and len(on_first.seen) == 300:
                assert own_broker.process is not None
                own_broker.process.kill()
                own_broker.process.wait()
                brokers.append(EmbeddedBroker(port=own_broker.port).start())
            return set()
        if backfill.tally.resent == 0:
            return set()
        on_second = on_second or BrokerSeen(settings)  # only now: it creates the topic
        return on_second(ids)

    backfill.stored, backfill.resend_after = stored, 3600.0  # only the restart resends
    backfill.broker_generation = lambda: len(brokers)
    timer = threading.Timer(30.0, backfill.stop)
    timer.start()
    try:
        tally = backfill.run()
    finally:
        timer.cancel()
        backfill.sender.close()
        for seen in (on_first, on_second):
            if seen is not None:
                seen.close()
        brokers[-1].stop()
    assert tally.contacts_stored == 300 and tally.resent == 300
