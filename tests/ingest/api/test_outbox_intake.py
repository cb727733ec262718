"""The intake API as ``serve`` wires it (202 = committed to the outbox), on the real broker and
a real outbox file: answers wait for the group commit, concurrent requests share commits and
are each kept once, an idempotency key is one record, and a lost broker gets a prompt 503."""

from __future__ import annotations

import asyncio
import sqlite3
import threading
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from civicpulse.embedded_broker import EmbeddedBroker
from config import ReferenceData, Settings
from ingest import KafkaPublisher, Outbox, OutboxPublisher, OutboxRecord, OutboxRelay
from ingest.api import PAUSED, create_app

pytestmark = pytest.mark.kafka


class GatedOutbox(Outbox):
    """Commits wait for ``gate``: the moment before an accepted contact is durable."""

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self.gate = threading.Event()
        self.gate.set()
        self.entered = threading.Event()

    def put(self, records: Sequence[OutboxRecord]) -> None:
        self.entered.set()
        assert self.gate.wait(10)
        super().put(records)


def outbox_rows(path: Path) -> list[str]:
    with sqlite3.connect(path) as other:
        return [row[0] for row in other.execute("SELECT record_id FROM outbox")]


def api_over_outbox(settings: Settings, reference: ReferenceData, outbox: Outbox) -> TestClient:
    relay = OutboxRelay(
        outbox=outbox,
        producer_factory=lambda: KafkaPublisher(settings, ack_timeout=5, idempotent=False),
        stored=lambda _topic, _ids: set(),  # no worker: everything stays in the outbox
    )
    app = create_app(
        settings, reference, publisher_factory=lambda: OutboxPublisher(settings, relay)
    )
    return TestClient(app)


@pytest.fixture()
def gated(kafka_settings: Settings) -> GatedOutbox:
    return GatedOutbox(kafka_settings.outbox_file)


@pytest.fixture()
def client(
    kafka_settings: Settings, reference: ReferenceData, gated: GatedOutbox
) -> Iterator[TestClient]:
    with api_over_outbox(kafka_settings, reference, gated) as test_client:
        yield test_client


def test_202_only_once_the_contact_is_committed_to_the_outbox(
    client: TestClient, gated: GatedOutbox
) -> None:
    gated.gate.clear()
    answers: list[httpx.Response] = []
    poster = threading.Thread(
        target=lambda: answers.append(client.post("/contacts", json={"text": "Bin not emptied"}))
    )
    poster.start()
    assert gated.entered.wait(10)
    poster.join(0.5)
    assert answers == [] and outbox_rows(gated.path) == []  # not durable: not answered
    gated.gate.set()
    poster.join(10)
    assert answers[0].status_code == 202
    assert outbox_rows(gated.path) == [answers[0].json()["contact_id"]]


def test_concurrent_posts_share_commits_and_each_is_kept_once(
    client: TestClient, gated: GatedOutbox
) -> None:
    async def post_all() -> list[httpx.Response]:
        transport = httpx.ASGITransport(app=client.app)
        async with httpx.AsyncClient(transport=transport, base_url="http://api") as api:
            posts = [
                api.post("/contacts", json={"text": f"Pothole {n}", "source_ref": f"C-{n}"})
                for n in range(300)
            ]
            return await asyncio.gather(*posts)

    answers = asyncio.run(post_all())
    assert [a.status_code for a in answers] == [202] * 300
    ids = sorted(a.json()["contact_id"] for a in answers)
    assert len(set(ids)) == 300
    assert sorted(outbox_rows(gated.path)) == ids
    committer = client.app.state.publisher_slot.get().committer()  # type: ignore[attr-defined]
    assert committer.records == 300 and committer.groups < 300


def test_an_idempotency_key_is_one_record(client: TestClient, gated: GatedOutbox) -> None:
    body = {"text": "Graffiti on the bus shelter"}
    first, again = (
        client.post("/contacts", json=body, headers={"Idempotency-Key": "form-77"})
        for _ in range(2)
    )
    assert first.status_code == again.status_code == 202
    assert first.json()["contact_id"] == again.json()["contact_id"]
    assert outbox_rows(gated.path) == [first.json()["contact_id"]]


def test_a_lost_broker_pauses_intake_within_two_seconds(
    kafka_settings: Settings, reference: ReferenceData, tmp_path: Path
) -> None:
    broker = EmbeddedBroker().start()
    settings = kafka_settings.with_changes(kafka_bootstrap=broker.bootstrap)
    outbox = Outbox(settings.outbox_file)
    try:
        with api_over_outbox(settings, reference, outbox) as client:
            assert client.post("/contacts", json={"text": "Before"}).status_code == 202
            broker.stop()
            stopped = time.monotonic()
            while True:
                started = time.monotonic()
                answer = client.post("/contacts", json={"text": "After"})
                assert time.monotonic() - started < 2.0  # every answer is prompt
                if answer.status_code == 503:
                    break
                assert time.monotonic() - stopped < 2.0, "still accepting 2 s after the loss"
            assert answer.json() == {"detail": PAUSED}
            kept = outbox_rows(outbox.path)
            assert client.post("/contacts", json={"text": "Refused"}).status_code == 503
            assert outbox_rows(outbox.path) == kept  # nothing refused is kept
    finally:
        broker.stop()


class FullOutbox(Outbox):
    """An outbox on a disk that refuses every write."""

    def put(self, records: Sequence[OutboxRecord]) -> None:
        raise sqlite3.OperationalError("database or disk is full")


def test_an_outbox_that_cannot_commit_pauses_intake_with_503(
    kafka_settings: Settings, reference: ReferenceData
) -> None:
    outbox = FullOutbox(kafka_settings.outbox_file)
    with api_over_outbox(kafka_settings, reference, outbox) as client:
        answer = client.post("/contacts", json={"text": "Not kept"})
    assert answer.status_code == 503
    assert answer.json() == {"detail": PAUSED}
    assert outbox_rows(outbox.path) == []
