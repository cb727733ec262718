"""The ways ``bench worker`` stores the same published contacts, each into a database of its
own: Faust worker processes, a plain kafka-python consumer, one contact per transaction, the
batch function alone (with where its time goes), and the peer pipelines of
``/work/shared/peer_bench``.
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from kafka import KafkaConsumer, KafkaProducer, TopicPartition
from sqlalchemy import Engine, func, select
from sqlalchemy.engine import make_url

from classifiers import ContactClassifier, SourceLabels, contact_text
from classifiers.compiled import PURE_PYTHON_VARIABLE, pure_python_wanted
from config import Settings
from contracts import ContactClassified, ContactReceived, Topic, encode, topic_name
from sinks import SqlContactSink, open_database, scratch_database
from sinks.db.tables import ContactRow  # bench may look inside: it measures the room
from workers import RawMessage, freeze_long_lived_objects, store_contacts
from workers.batches import decode_batch, public_wording

PEER_BENCH = Path("/work/shared/peer_bench/peers.py")


@contextmanager
def fresh_database(base_url: str | None, work: Path, name: str) -> Iterator[str]:
    """A new empty database for one path: a SQLite file in ``work``, or a new PostgreSQL
    database on ``base_url``'s server (dropped afterwards)."""
    if base_url is None or make_url(base_url).get_backend_name() == "sqlite":
        yield f"sqlite:///{work / f'{name}.db'}"
        return
    with scratch_database(base_url, f"civicpulse_bench_{name}") as url:
        yield url


def stored(engine: Engine) -> int:
    with engine.connect() as c:
        return int(c.scalar(select(func.count()).select_from(ContactRow)) or 0)


def faust_rate(settings: Settings, expected: int, workers: int = 1) -> tuple[float, float]:
    """(contacts/s from the first stored row to the last, seconds from start to it) for
    ``workers`` worker processes in one consumer group."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("CIVICPULSE_")}
    if pure_python_wanted():  # the worker runs the build the batch function runs here
        env[PURE_PYTHON_VARIABLE] = "1"
    env.update(
        CIVICPULSE_HOME=str(settings.home),
        CIVICPULSE_KAFKA_BOOTSTRAP=str(settings.kafka_bootstrap),
        CIVICPULSE_TOPIC_PREFIX=settings.topic_prefix,
        CIVICPULSE_LOG_LEVEL="WARNING",
        CIVICPULSE_DATABASE_URL=settings.sqlalchemy_url,
        CIVICPULSE_WORKER_APP_ID=settings.worker_app_id,
    )
    engine = open_database(settings.sqlalchemy_url)  # migrated once, before the workers race
    started = time.perf_counter()
    command = [sys.executable, "-m", "civicpulse", "worker"]
    settings.home.mkdir(parents=True, exist_ok=True)
    procs = [  # in the home folder, where Faust puts its data folder
        subprocess.Popen(
            command,
            env=env,
            cwd=settings.home,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(workers)
    ]
    try:
        first: tuple[float, int] | None = None
        while (count := stored(engine)) < expected:
            if count and first is None:
                first = (time.perf_counter(), count)
            if any(p.poll() is not None for p in procs) or time.perf_counter() - started > 900:
                raise RuntimeError("a worker stopped, or storing took over 15 minutes")
            time.sleep(0.05)
        done = time.perf_counter()
    finally:
        for p in procs:
            p.terminate()
        for p in procs:
            p.wait(30)
        engine.dispose()
    first = first or (started, 0)
    return (expected - first[1]) / max(done - first[0], 1e-9), first[0] - started


def _consumer(settings: Settings, group: str | None = None) -> KafkaConsumer:
    name = topic_name(Topic.contacts_received, settings.topic_prefix)
    consumer = KafkaConsumer(
        bootstrap_servers=settings.kafka_bootstrap,
        group_id=group,
        enable_auto_commit=False,
        max_poll_records=1000,
    )
    tps = [TopicPartition(name, p) for p in sorted(consumer.partitions_for_topic(name) or ())]
    consumer.assign(tps)
    consumer.seek_to_beginning(*tps)
    return consumer


def consumer_rate(
    settings: Settings, expected: int, classifier: ContactClassifier, *, one_at_a_time: bool
) -> float:
    """A plain kafka-python consumer (manual assignment, polls of up to 1,000) doing what the
    worker does: the same batch function on each poll, or on each contact alone
    (``one_at_a_time``), each stored contact's event published on ``contacts.classified`` and
    the offsets committed once the poll is stored."""
    engine = open_database(settings.sqlalchemy_url)
    sink = SqlContactSink(engine)
    consumer = _consumer(settings, group=f"bench-plain-{uuid.uuid4().hex[:8]}")
    producer = KafkaProducer(bootstrap_servers=settings.kafka_bootstrap, acks="all")
    classified = topic_name(Topic.contacts_classified, settings.topic_prefix)
    freeze_long_lived_objects()  # as the worker does
    done, started = 0, time.perf_counter()
    while done < expected and time.perf_counter() - started < 900:
        for tp, records in consumer.poll(timeout_ms=500, max_records=1000).items():
            batch = [RawMessage(tp.topic, tp.partition, r.offset, r.key, r.value) for r in records]
            batch = batch[: expected - done]
            groups = [[m] for m in batch] if one_at_a_time else [batch]
            for group in groups:
                outcome = store_contacts(group, classifier, sink)
                for event in outcome.classified:
                    producer.send(classified, encode(event), key=str(event.contact_id).encode())
                done += outcome.stored
            consumer.commit()
    producer.flush()
    rate = done / (time.perf_counter() - started)
    producer.close()
    consumer.close()
    engine.dispose()
    return rate


def fetch(settings: Settings, expected: int) -> list[RawMessage]:
    consumer = _consumer(settings)
    messages: list[RawMessage] = []
    while len(messages) < expected:
        for tp, records in consumer.poll(timeout_ms=500, max_records=1000).items():
            messages += [
                RawMessage(tp.topic, tp.partition, r.offset, r.key, r.value) for r in records
            ]
    consumer.close()
    return messages[:expected]


@dataclass(frozen=True)
class BatchCost:
    """µs per contact of the batch function (wall and CPU) and of each of its steps (CPU)."""

    wall_us: float
    cpu_us: float
    steps_us: dict[str, float]


def batch_cost(
    url: str, messages: list[RawMessage], classifier: ContactClassifier, size: int
) -> BatchCost:
    engine = open_database(url)
    sink = SqlContactSink(engine)
    batches = [messages[i : i + size] for i in range(0, len(messages), size)]
    freeze_long_lived_objects()  # as the worker does once it has loaded everything
    wall, cpu = time.perf_counter(), time.process_time()
    for batch in batches:
        store_contacts(batch, classifier, sink)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    steps: dict[str, float] = {}
    for batch in batches:  # the same work again step by step (now an update of each contact)
        _timed_steps(batch, classifier, sink, steps)
    engine.dispose()
    n = len(messages)
    return BatchCost(wall / n * 1e6, cpu / n * 1e6, {k: v / n * 1e6 for k, v in steps.items()})


def _timed_steps(
    batch: list[RawMessage],
    classifier: ContactClassifier,
    sink: SqlContactSink,
    steps: dict[str, float],
) -> None:
    """``store_contacts``'s steps one after another, adding each one's CPU seconds to ``steps``."""
    mark = time.process_time()

    def lap(name: str) -> None:
        nonlocal mark
        now = time.process_time()
        steps[name] = steps.get(name, 0.0) + now - mark
        mark = now

    contacts = [c for _, c in decode_batch(batch, ContactReceived, [])]
    lap("decode + validate")
    wordings = [public_wording(c) for c in contacts]
    texts = [contact_text(w.subject, w.text) for w in wordings]
    lap("redact")
    classifier.labeller.predict_proba(texts)
    lap("(model alone: TF-IDF + 3 heads, again inside classify)")
    decided = classifier.categorise(texts, [SourceLabels.of(c) for c in contacts])
    lap("classify (TF-IDF, 3 heads, top 3)")
    events = [ContactClassified.of(c.contact_id, d) for c, d in zip(contacts, decided, strict=True)]
    lap("build events")
    for contact, event, wording in zip(contacts, events, wordings, strict=True):
        sink.add(contact, event, wording)
    sink.flush()
    lap("store (rows, trend cells, commit)")


def peer_rates(work: Path, train_csv: Path, count: int, peers: list[str]) -> dict[str, float]:
    """The peer pipelines' contacts/s (their own broker, same machine, same moment)."""
    if not PEER_BENCH.exists() or not peers:
        return {}
    train, texts = work / "peer_train.csv", work / "peer_texts.csv"
    with train_csv.open(encoding="utf-8") as src:
        rows = list(csv.DictReader(src))
    with train.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerows([("text", "label"), *((r["text"], r["category"]) for r in rows)])
    with texts.open("w", encoding="utf-8", newline="") as out:
        csv.writer(out).writerows([("text",), *((r["text"],) for r in rows)])
    done = subprocess.run(
        [sys.executable, str(PEER_BENCH), str(train), str(texts), str(count), *peers],
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    return {k: float(v) for k, v in json.loads(lines[-1]).items()} if lines else {}
