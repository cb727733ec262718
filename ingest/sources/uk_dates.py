"""Dates as CRM exports write them (UK day-first by default) -> aware UTC datetimes.

Naive times are Europe/London wall-clock time (GMT or BST). Pure: no I/O, no row context.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from ingest.errors import MalformedRowError

LONDON = ZoneInfo("Europe/London")

DATE_FORMATS: tuple[str, ...] = ("dayfirst", "monthfirst", "iso")

_NUMERIC = re.compile(
    r"""^(?P<a>\d{1,2})(?P<sep>[/.\-])(?P<b>\d{1,2})(?P=sep)(?P<year>\d{4}|\d{2})
        (?:(?:[ T]+|,\s*)
           (?P<hour>\d{1,2})[:.](?P<minute>\d{2})(?:[:.](?P<second>\d{2})(?:\.\d{1,6})?)?
           \s*(?P<ampm>[ap]\.?m\.?)?
        )?$""",
    re.VERBOSE | re.IGNORECASE,
)
_ISO_START = re.compile(r"^\d{4}-\d{2}-\d{2}")
_EXPECTED = {
    "dayfirst": "dd/mm/yyyy [HH:MM[:SS]] or ISO 8601",
    "monthfirst": "mm/dd/yyyy [HH:MM[:SS]] or ISO 8601",
    "iso": "ISO 8601 (yyyy-mm-dd[THH:MM[:SS]][+HH:MM])",
}


def parse_uk_datetime(value: str, *, date_format: str = "dayfirst") -> datetime:
    """``value`` as an aware UTC datetime; naive values are read as Europe/London time.

    ``date_format`` is ``dayfirst`` (UK, the default), ``monthfirst``, ``iso`` or an explicit
    ``strftime`` pattern. ISO 8601 is accepted whatever the format, because spreadsheet
    date cells arrive as ISO text. Raises ``MalformedRowError`` naming the value.
    """
    text = " ".join(value.split())
    if not text:
        raise MalformedRowError("missing date")
    try:
        parsed = _parse(text, date_format)
        if parsed is None:
            expected = _EXPECTED.get(date_format, f"the format {date_format!r}")
            raise MalformedRowError(f"unparseable date {value.strip()!r} (expected {expected})")
        return to_utc(parsed)
    except (ValueError, OverflowError) as exc:
        raise MalformedRowError(f"unparseable date {value.strip()!r}: {exc}") from exc


def to_utc(moment: datetime) -> datetime:
    """An aware UTC datetime; a naive ``moment`` is Europe/London wall-clock time.

    Ambiguous autumn times (01:00-02:00 on the last Sunday of October) read as BST, the first
    occurrence; spring-forward times that never existed read as GMT.
    """
    if moment.tzinfo is None or moment.utcoffset() is None:
        moment = moment.replace(tzinfo=LONDON, fold=0)
    return moment.astimezone(UTC)


def _parse(text: str, date_format: str) -> datetime | None:
    if date_format in ("dayfirst", "monthfirst"):
        if _ISO_START.match(text):
            return _parse_iso(text)
        return _parse_numeric(text, dayfirst=date_format == "dayfirst")
    if date_format == "iso":
        return _parse_iso(text)
    try:
        return datetime.strptime(text, date_format)
    except ValueError:
        if _ISO_START.match(text):
            return _parse_iso(text)
        raise


def _parse_iso(text: str) -> datetime | None:
    if not _ISO_START.match(text):
        return None
    if text.endswith(("z", "Z")):
        text = text[:-1] + "+00:00"
    return datetime.fromisoformat(text)


def _parse_numeric(text: str, *, dayfirst: bool) -> datetime | None:
    match = _NUMERIC.match(text)
    if match is None:
        return None
    first, second = int(match["a"]), int(match["b"])
    day, month = (first, second) if dayfirst else (second, first)
    year = int(match["year"])
    if len(match["year"]) == 2:
        year += 2000 if year < 70 else 1900
    hour = int(match["hour"] or 0)
    ampm = (match["ampm"] or "").lower().replace(".", "")
    if ampm:
        if not 1 <= hour <= 12:
            raise ValueError(f"hour {hour} with {ampm}")
        hour = hour % 12 + (12 if ampm == "pm" else 0)
    minute, second_ = int(match["minute"] or 0), int(match["second"] or 0)
    return datetime(year, month, day, hour, minute, second_)
