"""Scheduled and on-demand sending: which period a schedule covers in UK time, each recipient
gets their services' digest once, and a failed delivery is tried again on the next run."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine

from config import ReferenceData
from delivery import (
    DeliveryChannel,
    DeliveryError,
    DirectoryChannel,
    Message,
    Recipient,
    RecipientBook,
    RetryConfig,
)
from insights.digests import digests_due, last_complete_period, send_scheduled
from sinks import delivery_records

SAFETY = Recipient(
    name="Safety team", services=("waste_recycling",), channel="directory", schedule=("weekly",)
)
PARKS = Recipient(
    name="Parks manager",
    services=("parks_open_spaces", "waste_recycling"),
    channel="directory",
    schedule=("weekly", "monthly"),
)
BOOK = RecipientBook(recipients=(SAFETY, PARKS), retry=RetryConfig(attempts=2, backoff_seconds=0))


@pytest.mark.parametrize(
    ("now", "kind", "label"),
    [
        ("2025-11-03T07:00:00+00:00", "week", "2025-W44"),
        ("2025-11-02T07:00:00+00:00", "month", "2025-10"),
        ("2026-04-01T00:30:00+01:00", "month", "2026-03"),  # still 31 March in UTC
        ("2026-03-31T23:30:00+00:00", "quarter", "2025/26-Q4"),  # 1 April in London
        ("2026-04-05T07:00:00+01:00", "year", "2025/26"),
        ("2025-10-15T07:00:00+01:00", "day", "2025-10-14"),
    ],
)
def test_a_schedule_covers_the_last_complete_uk_period(now: str, kind: Any, label: str) -> None:
    assert last_complete_period(kind, datetime.fromisoformat(now)).label == label


def test_digests_due_per_schedule() -> None:
    now = datetime(2025, 11, 3, 7, tzinfo=UTC)
    weekly = [(r.name, p.label) for r, p in digests_due(BOOK, "weekly", now)]
    monthly = [(r.name, p.label) for r, p in digests_due(BOOK, "monthly", now)]
    assert weekly == [("Safety team", "2025-W44"), ("Parks manager", "2025-W44")]
    assert monthly == [("Parks manager", "2025-10")]


def test_each_recipient_gets_their_digest_once(
    engine: Engine, reference: ReferenceData, store: Any, spec: Any, tmp_path: Path
) -> None:
    store(*[spec(f"2025-10-{d:02d}T09:00:00+01:00") for d in range(27, 32)])
    now = datetime(2025, 11, 3, 7, tzinfo=UTC)
    sent = send_scheduled(engine, reference, BOOK, "weekly", now=now, outputs_dir=tmp_path)
    assert sorted((s.recipient.name, s.outcome.status) for s in sent) == [
        ("Parks manager", "delivered"),
        ("Safety team", "delivered"),
    ]
    keys = {r.key for r in delivery_records(engine)}
    assert keys == {"2025-W44:waste_recycling", "2025-W44:parks_open_spaces+waste_recycling"}
    folder = tmp_path / "digests" / "Safety_team" / "2025-W44_waste_recycling"
    text = (folder / "digest.txt").read_text(encoding="utf-8")
    assert "Dear Safety team" in text and "2025-W44" in text
    assert "Waste and recycling" in text and "Parks and open spaces" not in text
    again = send_scheduled(engine, reference, BOOK, "weekly", now=now, outputs_dir=tmp_path)
    assert {s.outcome.status for s in again} == {"already_delivered"}


class FlakyChannel:
    """A real DirectoryChannel that is down until ``up`` is set."""

    name = "directory"

    def __init__(self, root: Path) -> None:
        self.inner = DirectoryChannel(root)
        self.up = False

    def send(self, message: Message, recipient: Recipient) -> None:
        if not self.up:
            raise DeliveryError("share unavailable", channel=self.name)
        self.inner.send(message, recipient)


def test_a_failed_delivery_is_retried_on_the_next_run(
    engine: Engine, reference: ReferenceData, tmp_path: Path
) -> None:
    channel = FlakyChannel(tmp_path)

    def channels(_: Recipient) -> DeliveryChannel:
        return channel

    book = RecipientBook(recipients=(SAFETY,), retry=RetryConfig(attempts=2, backoff_seconds=0))
    monday = datetime(2025, 11, 3, 7, tzinfo=UTC)
    first = send_scheduled(
        engine, reference, book, "weekly", now=monday, outputs_dir=tmp_path, channels=channels
    )
    assert [(s.period.label, s.outcome.status, s.outcome.attempts) for s in first] == [
        ("2025-W44", "failed", 2)
    ]
    channel.up = True
    next_monday = datetime(2025, 11, 10, 7, tzinfo=UTC)
    second = send_scheduled(
        engine, reference, book, "weekly", now=next_monday, outputs_dir=tmp_path, channels=channels
    )
    assert sorted((s.period.label, s.outcome.status) for s in second) == [
        ("2025-W44", "delivered"),
        ("2025-W45", "delivered"),
    ]
