"""SqlContactSink on SQLite and PostgreSQL: idempotent writes, exact trend deltas, ratings."""

from __future__ import annotations

import threading
import time
import uuid
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import Engine, func, select

import sinks.sql
from contracts import (
    Categorisation,
    Channel,
    ContactClassified,
    ContactReceived,
    ContactType,
    DeadLetter,
    LabelSource,
    RatingReceived,
    Reporter,
    contact_id_for,
    rating_id_for,
)
from sinks import (
    PublicWording,
    SqlContactSink,
    contact_dimensions,
    recount,
    stored_trend_counts,
    trend_table,
)
from sinks.db.tables import ContactPersonalRow, ContactRow, RatingRow


def make_contact(
    ref: str, when: str = "2025-10-14T09:00:00+01:00", **changes: object
) -> ContactReceived:
    fields: dict[str, object] = {
        "contact_id": contact_id_for("crm", ref),
        "received_at": datetime.fromisoformat(when),
        "channel": Channel.crm_export,
        "source_system": "crm",
        "source_ref": ref,
        "partner": "council",
        "text": "My bin was not collected, call me on 07700 900123",
        "ward": "Riverside",
        "postcode": "WA7 1AB",
        "reporter": Reporter(name="Jo Bloggs", email="jo@example.com", phone="07700 900123"),
    }
    fields.update(changes)
    return ContactReceived.model_validate(fields)


def classify(
    contact: ContactReceived,
    category: str = "missed_collection",
    source: LabelSource = LabelSource.model,
) -> ContactClassified:
    return ContactClassified.of(
        contact.contact_id,
        Categorisation(
            contact_type=ContactType.complaint,
            service="waste_recycling",
            category=category,
            confidence=0.9,
            label_source=source,
            model_version="m1",
        ),
    )


WORDING = PublicWording(subject=None, text="My bin was not collected, call me on [phone]")


def store(engine: Engine, *items: tuple[ContactReceived, ContactClassified]) -> None:
    sink = SqlContactSink(engine)
    for contact, classified in items:
        sink.add(contact, classified, WORDING)
    sink.flush()


def assert_trends_match_recount(engine: Engine) -> None:
    assert stored_trend_counts(engine) == dict(recount(contact_dimensions(engine)))


def test_same_contact_twice_is_stored_and_counted_once(engine: Engine) -> None:
    contact = make_contact("A1")
    store(engine, (contact, classify(contact)))
    store(engine, (contact, classify(contact)), (contact, classify(contact)))
    with engine.connect() as c:
        assert c.scalar(select(func.count()).select_from(ContactRow)) == 1
        assert c.scalar(select(ContactRow.delivery_count)) == 2
    rows = trend_table(engine, "month", ["service", "contact_type"])
    assert [(r.period, r.count) for r in rows] == [("2025-10", 1)]
    assert_trends_match_recount(engine)


def test_personal_data_is_kept_apart_from_analytics(engine: Engine) -> None:
    contact = make_contact("P1")
    store(engine, (contact, classify(contact)))
    with engine.connect() as c:
        stored = c.execute(select(ContactRow)).mappings().one()
        personal = c.execute(select(ContactPersonalRow)).mappings().one()
    assert "07700" not in stored["text"]
    assert stored["postcode_district"] == "WA7"
    assert "WA7 1AB" not in str(dict(stored).values())
    assert personal["reporter_email"] == "jo@example.com"
    assert personal["original_text"] == contact.text


def test_reclassified_delivery_moves_its_counts_exactly_once(engine: Engine) -> None:
    contact = make_contact("B1")
    other = make_contact("B2")
    store(engine, (contact, classify(contact)), (other, classify(other)))
    store(engine, (contact, classify(contact, "bin_request")))
    store(engine, (contact, classify(contact, "bin_request")))
    rows = {r.dimensions["category"]: r.count for r in trend_table(engine, "quarter", ["category"])}
    assert rows == {"missed_collection": 1, "bin_request": 1}
    assert_trends_match_recount(engine)


def test_corrected_date_moves_the_contact_between_periods(engine: Engine) -> None:
    contact = make_contact("C1", "2026-03-31T23:30:00+00:00")  # 1 April in the UK (BST)
    store(engine, (contact, classify(contact)))
    assert [r.period for r in trend_table(engine, "year", ["service"])] == ["2026/27"]
    moved = make_contact("C1", "2026-03-30T12:00:00+01:00")
    store(engine, (moved, classify(moved)))
    rows = trend_table(engine, "year", ["service"])
    assert [(r.period, r.count) for r in rows] == [("2025/26", 1)]
    assert_trends_match_recount(engine)


def test_reviewer_label_survives_redelivery(engine: Engine) -> None:
    contact = make_contact("R1")
    store(engine, (contact, classify(contact, "fly_tipping", LabelSource.reviewer)))
    store(engine, (contact, classify(contact, "missed_collection")))
    with engine.connect() as c:
        assert c.scalar(select(ContactRow.category)) == "fly_tipping"
    assert_trends_match_recount(engine)


def test_rating_before_its_contact_is_kept_and_linked_later(engine: Engine) -> None:
    contact = make_contact("S1")
    rating = RatingReceived(
        rating_id=rating_id_for(contact.contact_id, "r1"),
        contact_id=contact.contact_id,
        rated_at=datetime.now(UTC),
        score=2,
    )
    sink = SqlContactSink(engine)
    sink.add_rating(rating)
    sink.flush()
    with engine.connect() as c:
        assert c.scalar(select(RatingRow.contact_linked)) is False
    store(engine, (contact, classify(contact)))
    sink.add_rating(rating)  # redelivered: still one rating
    sink.flush()
    with engine.connect() as c:
        assert c.scalar(select(func.count()).select_from(RatingRow)) == 1
        assert c.scalar(select(RatingRow.contact_linked)) is True


def test_dead_letters_are_recorded_once_per_position(engine: Engine) -> None:
    dead = DeadLetter(
        topic="t",
        partition=0,
        offset=7,
        key=None,
        value="{",
        error="bad json",
        failed_at=datetime.now(UTC),
    )
    sink = SqlContactSink(engine)
    sink.add_dead_letter(dead)
    sink.flush()
    sink.add_dead_letter(dead)
    sink.flush()
    from sinks import store_status

    assert store_status(engine, 10).dead_letters == 1


def test_trend_table_compares_previous_period_and_last_year(engine: Engine) -> None:
    items = []
    for i, when in enumerate(
        ["2024-10-02", "2024-10-20", "2025-07-01", "2025-10-03", "2025-10-04", "2025-11-01"]
    ):
        c = make_contact(f"T{i}", f"{when}T10:00:00+01:00")
        items.append((c, classify(c)))
    store(engine, *items)
    rows = trend_table(engine, "quarter", ["service"], last=1)
    assert len(rows) == 1
    row = rows[0]
    assert (row.period, row.count, row.previous_count, row.same_period_last_year_count) == (
        "2025/26-Q3",
        3,
        1,
        2,
    )
    all_rows = trend_table(engine, "quarter", ["service"])
    assert next(r.period for r in all_rows) == "2024/25-Q3"
    gap = [r for r in all_rows if r.period == "2024/25-Q4"]  # no contacts, but a previous count
    assert [(g.count, g.previous_count) for g in gap] == [(0, 2)]


def test_unique_contact_ids_per_source(engine: Engine) -> None:
    assert contact_id_for("crm", "X") == contact_id_for("CRM ", " X")
    assert contact_id_for("crm", "X") != contact_id_for("other", "X")
    assert isinstance(contact_id_for("crm", "X"), uuid.UUID)


def test_two_writers_of_one_contact_never_count_it_twice(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two workers storing the same contact at once (a redelivery across a rebalance): the
    second waits until the first has committed, then moves the counts from what the first
    stored. On SQLite this needs the write lock at BEGIN: pysqlite began a transaction only at
    the first INSERT, so the labels read before it could change before the write."""
    contact = make_contact("W1")
    store(engine, (contact, classify(contact, "missed_collection")))
    first_has_read = threading.Event()
    read_labels = sinks.sql.locked_labels

    def slow_first_read(connection: Any, ids: Any) -> Any:
        labels = read_labels(connection, ids)
        if threading.current_thread() is first_thread:
            first_has_read.set()
            time.sleep(0.5)  # the second writer starts while this one holds what it read
        return labels

    monkeypatch.setattr(sinks.sql, "locked_labels", slow_first_read)
    first_thread = threading.Thread(
        target=store, args=(engine, (contact, classify(contact, "bin_request")))
    )
    first_thread.start()
    assert first_has_read.wait(10)
    store(engine, (contact, classify(contact, "fly_tipping")))
    first_thread.join(10)
    rows = {r.dimensions["category"]: r.count for r in trend_table(engine, "month", ["category"])}
    assert rows == {"fly_tipping": 1}
    assert_trends_match_recount(engine)
