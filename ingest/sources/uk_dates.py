"""Export dates for ingest: the one parser (``contracts.export_dates``), its refusals as
``MalformedRowError`` so that the row they came from is rejected with the reason."""

from __future__ import annotations

from datetime import datetime

from contracts import parse_export_datetime
from ingest.errors import MalformedRowError

__all__ = ("parse_uk_datetime",)


def parse_uk_datetime(value: str, *, date_format: str = "dayfirst") -> datetime:
    """``parse_export_datetime``; raises ``MalformedRowError`` naming the value."""
    try:
        return parse_export_datetime(value, date_format=date_format)
    except ValueError as exc:
        raise MalformedRowError(str(exc)) from exc
