"""Contacts per second through the Faust worker on an N-row CRM export, against a plain
kafka-python batch consumer doing the same decode/redact/classify/store work in the same run.

    python -m bench worker --num 10000
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

from kafka import KafkaConsumer, TopicPartition
from rich.console import Console
from rich.table import Table

from civicpulse.embedded_broker import EmbeddedBroker
from classifiers import STARTER_DATASET, ModelRegistry, train_and_register
from config import Settings, load_crm_profiles, load_reference_data
from contracts import ContactReceived, Topic, topic_name
from ingest import (
    KafkaPublisher,
    parse_crm_file,
    publish_contacts,
    read_table,
    resolve_profile,
)
from sinks import SqlContactSink, open_database
from workers import RawMessage, store_contacts

REPO = Path(__file__).resolve().parents[1]
console = Console()
HEADERS = [
    "Case Reference",
    "Date Logged",
    "Case Type",
    "Contact Method",
    "Service Area",
    "Enquiry Type",
    "Description",
    "Ward",
    "Customer Name",
    "Email Address",
    "Telephone",
    "Address",
    "Postcode",
]


def write_export(path: Path, rows: int, seed: int = 1) -> None:
    """A Verint-style export with starter texts, UK dates and real ward names."""
    rng = random.Random(seed)
    with (REPO / "classifiers/data/starter_contacts.csv").open(encoding="utf-8") as handle:
        texts = [r["text"] for r in csv.DictReader(handle)]
    wards = [w.name for w in load_reference_data(REPO / "config").wards]
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(HEADERS)
        for i in range(rows):
            day = rng.randint(1, 28)
            month, year = rng.randint(1, 12), rng.choice((2024, 2025))
            kind = rng.choice(("Complaint - Stage 1", "Compliment", "Service Request"))
            row = {
                "Case Reference": f"B{i:07d}",
                "Case Type": kind,
                "Description": rng.choice(texts),
                "Date Logged": f"{day:02d}/{month:02d}/{year} 10:{i % 60:02d}",
                "Ward": rng.choice(wards),
                "Contact Method": "Telephone",
            }
            out.writerow([row.get(h, "") for h in HEADERS])


def publish(settings: Settings, export: Path) -> tuple[int, float]:
    reference = load_reference_data(settings.config_dir)
    profile = resolve_profile("verint_council", load_crm_profiles(settings.config_dir))
    contacts = [
        c
        for c in parse_crm_file(export, profile=profile, reference=reference)
        if isinstance(c, ContactReceived)
    ]
    publisher = KafkaPublisher(settings)
    started = time.perf_counter()
    sent = publish_contacts(publisher, contacts)
    publisher.close()
    return sent, time.perf_counter() - started


def faust_worker_rate(settings: Settings, expected: int) -> tuple[float, float]:
    """(contacts/s once ready, seconds from start to ready)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("CIVICPULSE_")}
    env.update(
        CIVICPULSE_HOME=str(settings.home),
        CIVICPULSE_KAFKA_BOOTSTRAP=str(settings.kafka_bootstrap),
        CIVICPULSE_TOPIC_PREFIX=settings.topic_prefix,
        CIVICPULSE_LOG_LEVEL="WARNING",
        CIVICPULSE_DATABASE_URL=settings.sqlalchemy_url,
        CIVICPULSE_WORKER_APP_ID=settings.worker_app_id,
    )
    engine = open_database(settings.sqlalchemy_url)
    started = time.perf_counter()
    worker = subprocess.Popen(
        [sys.executable, "-m", "civicpulse", "worker"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        first = None
        while True:
            stored = _count(engine)
            if stored and first is None:
                first = (time.perf_counter(), stored)
            if stored >= expected:
                break
            if worker.poll() is not None or time.perf_counter() - started > 600:
                raise RuntimeError("worker stopped or took over 10 minutes")
            time.sleep(0.05)
        done = time.perf_counter()
    finally:
        worker.terminate()
        worker.wait(30)
    assert first is not None
    return (expected - first[1]) / max(done - first[0], 1e-9), first[0] - started


def _count(engine: object) -> int:
    from sqlalchemy import func, select

    from sinks.db.tables import ContactRow  # bench may look inside: it measures the room

    with engine.connect() as c:  # type: ignore[attr-defined]
        return int(c.scalar(select(func.count()).select_from(ContactRow)) or 0)


def plain_consumer_rate(settings: Settings, expected: int, models: Path) -> float:
    """The baseline: kafka-python, manual assignment, poll(max_records=1000), same batch code."""
    classifier = ModelRegistry(models).load_promoted()
    engine = open_database(settings.sqlalchemy_url)
    sink = SqlContactSink(engine)
    name = topic_name(Topic.contacts_received, settings.topic_prefix)
    consumer = KafkaConsumer(
        bootstrap_servers=settings.kafka_bootstrap, enable_auto_commit=False, max_poll_records=1000
    )
    tps = [TopicPartition(name, p) for p in sorted(consumer.partitions_for_topic(name) or ())]
    consumer.assign(tps)
    consumer.seek_to_beginning(*tps)
    stored, started = 0, time.perf_counter()
    while stored < expected and time.perf_counter() - started < 600:
        for tp, records in consumer.poll(timeout_ms=500, max_records=1000).items():
            batch = [RawMessage(tp.topic, tp.partition, r.offset, r.key, r.value) for r in records]
            stored += store_contacts(batch, classifier, sink).stored
    consumer.close()
    return stored / (time.perf_counter() - started)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench worker", description=__doc__)
    parser.add_argument("--num", type=int, default=10_000, help="rows in the CRM export")
    parser.add_argument(
        "--dburl", default=None, help="database URL (default: a temporary SQLite file)"
    )
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="civicpulse-bench-"))
    try:
        reference = load_reference_data(REPO / "config")
        models = work / "models"
        console.print("training the starter model ...")
        train_and_register(
            ModelRegistry(models), reference.taxonomy, dataset=read_table(STARTER_DATASET)
        )
        export = work / "export.csv"
        write_export(export, args.num)
        with EmbeddedBroker() as broker:
            run = uuid.uuid4().hex[:6]
            base = Settings(
                home=work / "faust",
                kafka_bootstrap=broker.bootstrap,
                topic_prefix=f"bench{run}.",
                worker_app_id=f"bench-{run}",
                database_url=args.dburl or f"sqlite:///{work / 'faust.db'}",
            )
            shutil.copytree(models, base.home / "models")
            sent, publish_seconds = publish(base, export)
            console.print(
                f"published {sent} contacts in {publish_seconds:.1f}s; running the Faust worker ..."
            )
            faust_rate, ready = faust_worker_rate(base, sent)
            console.print("running the plain kafka-python consumer on the same topic ...")
            plain = (
                base.with_changes(database_url=f"sqlite:///{work / 'plain.db'}")
                if not args.dburl
                else base
            )
            if args.dburl:
                console.print(
                    "[yellow]--dburl given: the baseline re-stores into the same database[/]"
                )
            plain_rate = plain_consumer_rate(plain, sent, models)
        table = Table(
            title=f"Contacts through the worker ({sent} contacts, {os.cpu_count()} cores)"
        )
        for column in ("path", "contacts/s", "vs baseline"):
            table.add_column(column, justify="right" if column != "path" else "left")
        table.add_row("publish (kafka-python, acks=all)", f"{sent / publish_seconds:,.0f}", "")
        table.add_row(
            f"Faust worker (take_events, ready after {ready:.1f}s)",
            f"{faust_rate:,.0f}",
            f"{faust_rate / plain_rate:.2f}x",
        )
        table.add_row("baseline: plain kafka-python batch consumer", f"{plain_rate:,.0f}", "1.00x")
        console.print(table)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0
