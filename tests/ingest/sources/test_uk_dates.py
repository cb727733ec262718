"""Ingest reads export dates with the one parser and rejects the row naming the date."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from ingest.errors import MalformedRowError
from ingest.sources.uk_dates import parse_uk_datetime


def test_a_date_reads_as_the_shared_parser_reads_it() -> None:
    assert parse_uk_datetime("30-May-2025 14:32") == datetime(2025, 5, 30, 13, 32, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "reason"), [("31/02/2025", "unparseable date '31/02/2025'"), (" ", "missing date")]
)
def test_a_refusal_is_a_malformed_row_with_its_reason(text: str, reason: str) -> None:
    with pytest.raises(MalformedRowError) as raised:
        parse_uk_datetime(text)
    assert raised.value.reason.startswith(reason)
