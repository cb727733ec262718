"""Files in, Kafka, a real Faust worker, the database, the command line out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from kafka import KafkaConsumer, KafkaProducer, TopicPartition

from contracts import DeadLetter, Topic, decode, topic_name
from sinks import contact_dimensions, make_engine, recount, stored_trend_counts

pytestmark = pytest.mark.kafka
REPO = Path(__file__).resolve().parents[2]
CRM = REPO / "samples" / "demo" / "crm_export.csv"


def stored(pipeline) -> int:  # type: ignore[no-untyped-def]
    return int(pipeline.wait_idle()["contacts_stored"])


def test_the_same_file_ingested_twice_is_counted_once(pipeline) -> None:  # type: ignore[no-untyped-def]
    first = pipeline.cli("ingest", "csv", str(CRM), "--profile", "verint_council")
    assert first.returncode == 0, first.stderr
    after_first = stored(pipeline)
    trends_first = pipeline.cli(
        "trends", "--period", "year", "--by", "service,type", "--format", "json"
    )
    second = pipeline.cli("ingest", "csv", str(CRM), "--profile", "verint_council")
    assert second.returncode == 0, second.stderr
    assert stored(pipeline) == after_first
    trends_second = pipeline.cli(
        "trends", "--period", "year", "--by", "service,type", "--format", "json"
    )
    assert trends_second.stdout == trends_first.stdout
    rows = json.loads(trends_second.stdout)
    assert set(rows[0]) == {
        "service",
        "type",
        "period",
        "count",
        "previous_count",
        "same_period_last_year_count",
    }
    engine = make_engine(pipeline.settings.sqlalchemy_url)
    try:
        assert stored_trend_counts(engine) == dict(recount(contact_dimensions(engine)))
    finally:
        engine.dispose()


def test_poison_message_is_dead_lettered_and_later_messages_processed(pipeline) -> None:  # type: ignore[no-untyped-def]
    before = stored(pipeline)
    settings = pipeline.settings
    topic = topic_name(Topic.contacts_received, settings.topic_prefix)
    producer = KafkaProducer(bootstrap_servers=settings.kafka_bootstrap, acks="all")
    producer.send(topic, key=b"poison", value=b"\xff\xfe this is not JSON", partition=0)
    producer.flush()
    producer.close()
    email = REPO / "tests" / "ingest" / "sources" / "data" / "emails"
    done = pipeline.cli("ingest", "email", str(email))
    assert done.returncode == 0, done.stderr
    report = pipeline.wait_idle()
    assert report["contacts_stored"] > before
    assert report["dead_letters"] >= 1
    dead_topic = topic_name(Topic.dead_letter, settings.topic_prefix)
    consumer = KafkaConsumer(bootstrap_servers=settings.kafka_bootstrap, enable_auto_commit=False)
    tps = [
        TopicPartition(dead_topic, p)
        for p in sorted(consumer.partitions_for_topic(dead_topic) or ())
    ]
    consumer.assign(tps)
    consumer.seek_to_beginning(*tps)
    letters = []
    while batch := consumer.poll(timeout_ms=1500):
        letters.extend(decode(r.value, DeadLetter) for records in batch.values() for r in records)
    consumer.close()
    poison = [d for d in letters if d.key == "poison"]
    assert len(poison) == 1
    assert poison[0].topic == topic and "not valid JSON" in poison[0].error


def test_export_has_no_personal_data(pipeline) -> None:  # type: ignore[no-untyped-def]
    pipeline.cli("ingest", "csv", str(CRM), "--profile", "verint_council")
    pipeline.wait_idle()
    done = pipeline.cli("contacts", "export", "--format", "jsonl", "--since", "2025-01-01")
    assert done.returncode == 0, done.stderr
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    assert rows and all(r["received_at"] >= "2025-01-01" for r in rows)
    assert set(rows[0]) == {
        "contact_id",
        "source_ref",
        "received_at",
        "channel",
        "partner",
        "contact_type",
        "service",
        "category",
        "confidence",
        "label_source",
        "model_version",
        "ward",
        "subject",
        "text",
    }
    # Message-IDs (source_ref of emails) look like addresses but name a mail server, not a person.
    text = json.dumps([{k: v for k, v in r.items() if k != "source_ref"} for r in rows])
    for leak in ("@example.", "07700 900", "Example Street", "Sample Road"):
        assert leak not in text, f"personal data {leak!r} in export"


def test_status_reports_everything_as_json(pipeline) -> None:  # type: ignore[no-untyped-def]
    report = pipeline.wait_idle()
    assert report["ok"] is True and report["worker_alive"] is True
    assert report["broker"]["reachable"] and report["database"]["reachable"]
    assert set(report["consumer_lag"]) == {
        topic_name(Topic.contacts_received, pipeline.settings.topic_prefix),
        topic_name(Topic.contacts_backfill, pipeline.settings.topic_prefix),
        topic_name(Topic.ratings_received, pipeline.settings.topic_prefix),
        topic_name(Topic.contacts_reviewed, pipeline.settings.topic_prefix),
        topic_name(Topic.cases_events, pipeline.settings.topic_prefix),
    }


def test_the_worker_keeps_its_files_under_home(pipeline) -> None:  # type: ignore[no-untyped-def]
    app_id = pipeline.settings.worker_app_id
    assert (pipeline.settings.home / "worker-data" / app_id).is_dir()
    assert not (REPO / f"{app_id}-data").exists()  # Faust's default: the folder it ran in


def test_commands_fail_fast_without_a_broker(tmp_path: Path) -> None:
    import subprocess
    import sys

    env = {"CIVICPULSE_HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "civicpulse",
            "ingest",
            "csv",
            str(CRM),
            "--profile",
            "verint_council",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        cwd=REPO,
    )
    assert done.returncode != 0
    assert "civicpulse up" in done.stderr and "No Kafka broker" in done.stderr
