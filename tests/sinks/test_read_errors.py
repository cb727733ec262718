"""Reads and writes against a database that cannot answer them raise the sink's own errors
(SinkError, SinkUnavailableError), never SQLAlchemy's: callers outside ``sinks`` catch only
those."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from sinks import (
    SinkError,
    SinkUnavailableError,
    claim_delivery,
    confirmed_labels,
    contact_details,
    contact_dimensions,
    count_stored,
    delivery_records,
    example_contacts,
    export_contacts,
    grouped_trend_counts,
    last_heartbeat,
    make_engine,
    model_labelled_contacts,
    review_queue,
    store_status,
    stored_trend_counts,
    trend_series_rows,
    trend_table,
    trend_total,
    unsure_contacts,
    yearly_type_totals,
)

READS: dict[str, Callable[[Engine], Any]] = {
    "trend_table": lambda e: trend_table(e, "month", ["service"]),
    "trend_total": trend_total,
    "stored_trend_counts": stored_trend_counts,
    "contact_dimensions": lambda e: list(contact_dimensions(e)),
    "export_contacts": lambda e: list(export_contacts(e)),
    "count_stored": lambda e: count_stored(e, [uuid.uuid4()]),
    "store_status": lambda e: store_status(e, 30.0),
    "grouped_trend_counts": lambda e: grouped_trend_counts(e, ["service"], ["2025-10"], ["month"]),
    "trend_series_rows": lambda e: trend_series_rows(e, "month", ["service"]),
    "yearly_type_totals": yearly_type_totals,
    "unsure_contacts": lambda e: unsure_contacts(e, date(2025, 1, 1)),
    "example_contacts": lambda e: example_contacts(
        e, date(2025, 1, 1), date(2025, 12, 31), ["waste_recycling"], "complaint"
    ),
    "review_queue": review_queue,
    "contact_details": lambda e: contact_details(e, uuid.uuid4()),
    "confirmed_labels": lambda e: list(confirmed_labels(e)),
    "model_labelled_contacts": lambda e: list(model_labelled_contacts(e)),
    "delivery_records": delivery_records,
    "claim_delivery": lambda e: claim_delivery(e, "k", "r", "email"),
    "last_heartbeat": lambda e: last_heartbeat(e, "host"),
}


@pytest.fixture()
def unmigrated(tmp_path: Path) -> Iterator[Engine]:
    """A database without CivicPulse's tables: every query against it fails."""
    engine = make_engine(f"sqlite:///{tmp_path / 'empty.db'}")
    yield engine
    engine.dispose()


@pytest.mark.parametrize("name", sorted(READS))
def test_a_failed_query_raises_a_sink_error(unmigrated: Engine, name: str) -> None:
    with pytest.raises(SinkError) as raised:
        READS[name](unmigrated)
    assert isinstance(raised.value.__cause__, SQLAlchemyError)  # kept for the log, not raised


def test_an_unreachable_database_is_unavailable_not_a_crash() -> None:
    engine = make_engine("postgresql+psycopg://nobody@127.0.0.1:1/none?connect_timeout=2")
    try:
        with pytest.raises(SinkUnavailableError):
            trend_table(engine, "month", ["service"])
    finally:
        engine.dispose()
