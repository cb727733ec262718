"""``civicpulse actions``: an action answers the contacts of its theme (only those), each is
told once through an event on ``actions.told`` (on the real broker), the log shows the effect,
the digest of the service carries it, and bad input is refused by name."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime

import pytest
from kafka import KafkaConsumer, TopicPartition
from typer.testing import CliRunner, Result

from civicpulse.cli import app
from config import ReferenceData, Settings
from contracts import (
    Topic,
    parse_period,
    topic_name,
)
from insights.digests import DigestRenderer, DigestScope, build_digest
from sinks import open_database
from tests.fixtures.contacts import ContactSpec, store_contacts

runner = CliRunner()


def read_topic(settings: Settings, topic: Topic) -> list[dict[str, object]]:
    name = topic_name(topic, settings.topic_prefix)
    consumer = KafkaConsumer(bootstrap_servers=settings.kafka_bootstrap, enable_auto_commit=False)
    try:
        tps = [TopicPartition(name, p) for p in sorted(consumer.partitions_for_topic(name) or ())]
        consumer.assign(tps)
        consumer.seek_to_beginning(*tps)
        out = []
        while batch := consumer.poll(timeout_ms=1500):
            out.extend(json.loads(r.value) for records in batch.values() for r in records)
        return out
    finally:
        consumer.close()


def store(url: str, rows: list[tuple[str, str, str, str]]) -> list[uuid.UUID]:
    """(received, category, type, ward) contacts of waste and recycling."""
    specs = [
        ContactSpec(str(i), when=when, category=category, contact_type=kind, ward=ward)
        for i, (when, category, kind, ward) in enumerate(rows)
    ]
    return [c.contact_id for c in store_contacts(open_database(url), *specs)]


@pytest.fixture()
def settings(kafka_settings: Settings, monkeypatch: pytest.MonkeyPatch) -> Settings:
    monkeypatch.setenv("CIVICPULSE_HOME", str(kafka_settings.home))
    monkeypatch.setenv("CIVICPULSE_KAFKA_BOOTSTRAP", kafka_settings.kafka_bootstrap)
    monkeypatch.setenv("CIVICPULSE_TOPIC_PREFIX", kafka_settings.topic_prefix)
    kafka_settings.home.mkdir(parents=True, exist_ok=True)
    return kafka_settings


def months(first_year: int, first_month: int, n: int) -> list[str]:
    out, y, m = [], first_year, first_month
    for _ in range(n):
        out.append(f"{y}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


@pytest.mark.kafka
def test_an_action_tells_each_contact_of_its_theme_once_and_shows_its_effect(
    settings: Settings, reference: ReferenceData
) -> None:
    url = settings.sqlalchemy_url
    riverside = [(f"{m}-10T10:00:00+01:00", "fly_tipping", "complaint", "Riverside")
                 for m in months(2024, 10, 12) for _ in range(8)]  # fmt: skip
    after = [(f"{m}-10T10:00:00+00:00", "fly_tipping", "complaint", "Riverside")
             for m in months(2025, 11, 3) for _ in range(2)]  # fmt: skip
    others = [
        ("2025-06-10T10:00:00+01:00", "fly_tipping", "complaint", "Hale"),  # another ward
        ("2025-06-11T10:00:00+01:00", "fly_tipping", "compliment", "Riverside"),  # praise
        ("2025-06-12T10:00:00+01:00", "missed_collection", "complaint", "Riverside"),
    ]
    ids = store(url, riverside + after + others)
    theme_ids = {str(i) for i in ids[: len(riverside) + len(after)]}

    done = runner.invoke(app, [
        "actions", "add", "--service", "waste_recycling", "--category", "fly_tipping",
        "--ward", "Riverside", "--on", "2025-10-15",
        "--did", "CCTV in the lane behind the shops; call 07700 900123 with sightings.",
    ])  # fmt: skip
    assert done.exit_code == 0, done.output
    assert f"{len(theme_ids)} contact(s) on the theme" in done.output
    told = read_topic(settings, Topic.actions_told)
    assert {e["contact_id"] for e in told} == theme_ids  # one each, only the theme's
    assert len(told) == len(theme_ids) and {e["outcome"] for e in told} == {"done"}

    again = runner.invoke(app, ["actions", "tell", str(told[0]["action_id"])])
    assert again.exit_code == 0 and "Every contact" in again.output
    assert len(read_topic(settings, Topic.actions_told)) == len(theme_ids)

    listed = runner.invoke(app, ["actions", "list", "--format", "json"])
    assert listed.exit_code == 0, listed.output
    [row] = json.loads(listed.stdout)
    assert (row["contacts"], row["told"], row["ward"]) == (
        len(theme_ids),
        len(theme_ids),
        "Riverside",
    )
    assert row["contacts_after"] == 6 and row["effect"] == "fewer than its history predicted"
    assert "07700" not in row["summary"]  # the public wording has no personal data

    scope = DigestScope(("waste_recycling",), parse_period("2026-01"))
    digest = build_digest(
        open_database(url), reference, scope, now=datetime(2026, 2, 2, tzinfo=UTC)
    )
    text = " ".join(DigestRenderer(reference.taxonomy).render(digest).text.split())
    assert "CCTV in the lane" in text and "fewer than its history predicted" in text
    assert "07700" not in text


def said(result: Result) -> str:
    return " ".join(result.output.split())  # the console wraps long lines


def test_bad_actions_are_refused_by_name(settings: Settings) -> None:
    base = ["actions", "add", "--service", "waste_recycling", "--on", "2025-10-01"]
    both = runner.invoke(app, [*base, "--category", "fly_tipping", "--did", "x", "--not-done", "y"])
    assert both.exit_code == 1 and "not both" in said(both)
    unknown = runner.invoke(app, [*base, "--category", "potholes", "--did", "x"])
    assert unknown.exit_code == 1 and "unknown category 'potholes'" in said(unknown)
    ghost = str(uuid.uuid4())
    missing = runner.invoke(
        app, [*base, "--category", "fly_tipping", "--did", "x", "--contact", ghost, "--no-tell"]
    )
    assert missing.exit_code == 1 and ghost in said(missing)
    period = runner.invoke(
        app, [*base, "--category", "fly_tipping", "--did", "x", "--period", "2025-13"]
    )
    assert period.exit_code == 1 and "2025-13" in said(period)
