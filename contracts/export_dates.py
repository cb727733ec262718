"""Dates as exports write them -> aware UTC datetimes: UK day-first by default, US month-first
or ISO 8601 on request, and month names however written ("30-May-2025", "30 May 2025",
"May 30, 2025", "Fri 30th May 2025 14:32"), which say which is the day whatever the format.

Naive times are Europe/London wall-clock time (GMT or BST). Pure: no I/O, no row context. The
one reader of export dates: ingest (CRM exports) and training (``train --from``) both use it.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

from contracts.periods import LOCAL_TZ

__all__ = ("parse_export_datetime",)

_CLOCK = r"""(?:(?:[ T]+|,\s*)
       (?P<hour>\d{1,2})[:.](?P<minute>\d{2})(?:[:.](?P<second>\d{2})(?:\.\d{1,6})?)?
       \s*(?P<ampm>[ap]\.?m\.?)?
    )?$"""
_NUMERIC = re.compile(
    r"^(?P<a>\d{1,2})(?P<sep>[/.\-])(?P<b>\d{1,2})(?P=sep)(?P<year>\d{4}|\d{2})" + _CLOCK,
    re.VERBOSE | re.IGNORECASE,
)
# An optional weekday, then "30 May", "30th-May" or "May 30," and the year.
_WORDY = re.compile(
    r"""^(?:[a-z]{3,9}\.?,?\s+)?
    (?:(?P<day>\d{1,2})(?:st|nd|rd|th)?[\s\-/]*(?P<month>[a-z]{3,9})\.?
      |(?P<month_first>[a-z]{3,9})\.?\s+(?P<day_second>\d{1,2})(?:st|nd|rd|th)?,?)
    [\s\-/,]+(?P<year>\d{4}|\d{2})"""
    + _CLOCK,
    re.VERBOSE | re.IGNORECASE,
)
_MONTH_NAMES = (
    *("january", "february", "march", "april", "may", "june"),
    *("july", "august", "september", "october", "november", "december"),
)
_MONTHS = {word: n for n, name in enumerate(_MONTH_NAMES, 1) for word in (name, name[:3])}
_MONTHS["sept"] = 9
_ISO_START = re.compile(r"^\d{4}-\d{2}-\d{2}")
_EXPECTED = {
    "dayfirst": "dd/mm/yyyy [HH:MM[:SS]], 30 May 2025 or ISO 8601",
    "monthfirst": "mm/dd/yyyy [HH:MM[:SS]], May 30, 2025 or ISO 8601",
    "iso": "ISO 8601 (yyyy-mm-dd[THH:MM[:SS]][+HH:MM])",
}


def parse_export_datetime(value: str, *, date_format: str = "dayfirst") -> datetime:
    """``value`` as an aware UTC datetime; naive values are read as Europe/London time.

    ``date_format`` is ``dayfirst`` (UK, the default), ``monthfirst``, ``iso`` or an explicit
    ``strftime`` pattern. ISO 8601 is accepted whatever the format, because spreadsheet
    date cells arrive as ISO text; so are month names, except with ``iso``. Raises
    ``ValueError`` naming the value ("missing date" for a blank one).
    """
    text = " ".join(value.split())
    if not text:
        raise ValueError("missing date")
    try:
        parsed = _parse(text, date_format)
        moment = None if parsed is None else _to_utc(parsed)
    except (ValueError, OverflowError) as exc:
        raise ValueError(f"unparseable date {value.strip()!r}: {exc}") from exc
    if moment is None:
        expected = _EXPECTED.get(date_format, f"the format {date_format!r}")
        raise ValueError(f"unparseable date {value.strip()!r} (expected {expected})")
    return moment


def _to_utc(moment: datetime) -> datetime:
    """An aware UTC datetime; a naive ``moment`` is Europe/London wall-clock time.

    Ambiguous autumn times (01:00-02:00 on the last Sunday of October) read as BST, the first
    occurrence; spring-forward times that never existed read as GMT.
    """
    if moment.tzinfo is None or moment.utcoffset() is None:
        moment = moment.replace(tzinfo=LOCAL_TZ, fold=0)
    return moment.astimezone(UTC)


def _parse(text: str, date_format: str) -> datetime | None:
    if date_format in ("dayfirst", "monthfirst"):
        if _ISO_START.match(text):
            return _parse_iso(text)
        return _parse_numeric(text, dayfirst=date_format == "dayfirst") or _parse_wordy(text)
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
    return _moment(match, day, month)


def _parse_wordy(text: str) -> datetime | None:
    match = _WORDY.match(text)
    if match is None:
        return None
    name = (match["month"] or match["month_first"]).lower()
    month = _MONTHS.get(name)
    if month is None:
        raise ValueError(f"{name!r} is not a month")
    return _moment(match, int(match["day"] or match["day_second"]), month)


def _moment(match: re.Match[str], day: int, month: int) -> datetime:
    year = int(match["year"])
    if len(match["year"]) == 2:
        year += 2000 if year < 70 else 1900
    hour = int(match["hour"] or 0)
    ampm = (match["ampm"] or "").lower().replace(".", "")
    if ampm:
        if not 1 <= hour <= 12:
            raise ValueError(f"hour {hour} with {ampm}")
        hour = hour % 12 + (12 if ampm == "pm" else 0)
    minute, second = int(match["minute"] or 0), int(match["second"] or 0)
    return datetime(year, month, day, hour, minute, second)
