"""A reviewer's decision is durable like a contact: "accepted" (the 202 of ``POST /review/{id}``,
the line ``civicpulse review`` prints) means it is in the intake outbox, which keeps it -
through a restart of the embedded broker, which forgets its topics - until the database holds
the applied review. On the real broker and the real database (SQLite and PostgreSQL)."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from typer.testing import CliRunner

from civicpulse.cli import app as cli_app
from civicpulse.embedded_broker import EmbeddedBroker
from civicpulse.intake_outbox import stored_check
from config import ReferenceData, Settings
from contracts import ContactReviewed, Topic, decode
from ingest import KafkaPublisher, Outbox, OutboxPublisher, OutboxRecord, OutboxRelay
from sinks import SqlContactSink, issue_staff_token, open_database, stored_review_ids
from tests.ingest.api.test_intake_api import read_topic
from tests.web.routes.test_review import store
from web import create_app

pytestmark = pytest.mark.kafka


def relay_over(settings: Settings, engine: Engine, generation: list[int]) -> OutboxRelay:
    return OutboxRelay(
        outbox=Outbox(settings.outbox_file),
        producer_factory=lambda: KafkaPublisher(settings, ack_timeout=10, idempotent=False),
        stored=stored_check(engine),
        broker_generation=lambda: generation[0],
    )


def apply_what_is_on_the_topic(settings: Settings, engine: Engine) -> set[uuid.UUID]:
    """What the worker does with the reviews topic; the review ids it saw."""
    reviews = {
        review.review_id: review
        for _, value in read_topic(settings, Topic.contacts_reviewed)
        for review in [decode(value, ContactReviewed)]
    }
    SqlContactSink(engine).apply_reviews(list(reviews.values()))
    return set(reviews)


def test_an_accepted_review_is_kept_until_applied_even_if_the_broker_restarts(
    kafka_settings: Settings, reference: ReferenceData, engine: Engine
) -> None:
    contact_id = store(engine, "D1", 0.3)
    generation = [1]
    relay = relay_over(kafka_settings, engine, generation)
    api = create_app(
        kafka_settings,
        reference,
        engine=engine,
        publisher_factory=lambda: OutboxPublisher(kafka_settings, relay),
    )
    headers = {"Authorization": f"Bearer {issue_staff_token(engine, 'jo').secret}"}
    try:
        with TestClient(api) as client:
            answers = [
                client.post(f"/review/{contact_id}", json=body, headers=headers)
                for body in (
                    {"action": "correct", "category": "fly_tipping"},
                    {"action": "correct", "category": "graffiti"},
                )
            ]
        assert [a.status_code for a in answers] == [202, 202]
        review_ids = {uuid.UUID(a.json()["review_id"]) for a in answers}
        relay.run_once()
        # Both are on the broker, neither is applied: both stay (two reviews of one contact
        # are two rows, kept by review id).
        assert relay.outbox.counts().awaiting_storage == 2

        generation[0] = 2  # the embedded broker restarted and forgot every topic
        assert relay.run_once().resent == 2

        assert apply_what_is_on_the_topic(kafka_settings, engine) == review_ids
        assert stored_review_ids(engine, review_ids) == review_ids
        relay.run_once()
        assert relay.outbox.counts().awaiting_storage == relay.outbox.counts().unsent == 0
    finally:
        relay.stop()


def test_civicpulse_review_reports_a_decision_only_once_it_is_in_the_outbox(
    kafka_settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "review-home"
    settings = kafka_settings.with_changes(home=home)
    engine = open_database(settings.sqlalchemy_url)
    contact_id = store(engine, "D2", 0.3)
    monkeypatch.setenv("CIVICPULSE_HOME", str(home))
    monkeypatch.setenv("CIVICPULSE_KAFKA_BOOTSTRAP", str(settings.kafka_bootstrap))
    monkeypatch.setenv("CIVICPULSE_TOPIC_PREFIX", settings.topic_prefix)
    done = CliRunner().invoke(
        cli_app, ["review", "correct", str(contact_id), "--category", "graffiti"]
    )
    assert done.exit_code == 0, done.output
    assert "kept in the intake outbox" in " ".join(done.output.split())
    outbox = Outbox(settings.outbox_file)
    assert outbox.counts().awaiting_storage == 1  # sent, and kept until the database has it

    relay = relay_over(settings, engine, [1])
    try:
        applied = apply_what_is_on_the_topic(settings, engine)
        assert len(applied) == 1
        relay.run_once()
        assert outbox.counts().awaiting_storage == 0
    finally:
        relay.stop()
        engine.dispose()


def test_a_decision_committed_before_a_failed_send_is_reported_accepted(
    kafka_settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The broker answers, then goes away before the send: the decision is already in the
    outbox, which `up`/`serve` sends later, so the command says it was accepted (exit 0), not
    an error. A real broker of the test's own, stopped once the decision is committed."""
    home = tmp_path / "review-home"
    settings = kafka_settings.with_changes(home=home)
    engine = open_database(settings.sqlalchemy_url)
    contact_id = store(engine, "D3", 0.3)
    engine.dispose()
    broker = EmbeddedBroker().start()
    monkeypatch.setenv("CIVICPULSE_HOME", str(home))
    monkeypatch.setenv("CIVICPULSE_KAFKA_BOOTSTRAP", broker.bootstrap)
    monkeypatch.setenv("CIVICPULSE_TOPIC_PREFIX", settings.topic_prefix)
    commit = Outbox.put

    def committed_then_broker_lost(outbox: Outbox, records: list[OutboxRecord]) -> None:
        commit(outbox, records)
        broker.stop()  # it answered the command's check; now the send finds nobody

    monkeypatch.setattr(Outbox, "put", committed_then_broker_lost)
    try:
        done = CliRunner().invoke(cli_app, ["review", "confirm", str(contact_id)])
    finally:
        broker.stop()  # stopping twice is harmless
    assert done.exit_code == 0, done.output
    assert "sends it later" in " ".join(done.output.split())
    assert Outbox(settings.outbox_file).counts().unsent == 1
