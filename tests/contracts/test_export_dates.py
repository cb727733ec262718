"""parse_export_datetime: UK day-first dates, month names, ISO 8601, GMT/BST, and whatever text
an export holds."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from contracts import parse_export_datetime as parse_uk_datetime
from contracts.periods import LOCAL_TZ as LONDON


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("04/11/2025 14:32", utc(2025, 11, 4, 14, 32)),  # GMT: wall clock == UTC
        ("30/06/2025 09:15", utc(2025, 6, 30, 8, 15)),  # BST: one hour ahead of UTC
        ("30/06/2025", utc(2025, 6, 29, 23, 0)),  # midnight in London, still 29th in UTC
        ("30/06/25 09:15", utc(2025, 6, 30, 8, 15)),
        ("1/7/2025 9:05", utc(2025, 7, 1, 8, 5)),
        ("01-07-2025 09:05", utc(2025, 7, 1, 8, 5)),
        ("01.07.2025 09:05:30", utc(2025, 7, 1, 8, 5, 30)),
        ("01.07.2025 09.05", utc(2025, 7, 1, 8, 5)),
        ("04/11/2025 2:32 pm", utc(2025, 11, 4, 14, 32)),
        ("04/11/2025 12:10 AM", utc(2025, 11, 4, 0, 10)),
        ("  04/11/2025   14:32 ", utc(2025, 11, 4, 14, 32)),
        ("2025-06-30T09:15:00", utc(2025, 6, 30, 8, 15)),  # naive ISO is London time too
        ("2025-06-30 09:15:00", utc(2025, 6, 30, 8, 15)),  # what an .xlsx date cell becomes
        ("2025-06-30T09:15:00Z", utc(2025, 6, 30, 9, 15)),
        ("2025-06-30T09:15:00+02:00", utc(2025, 6, 30, 7, 15)),
        ("31/12/99", utc(1999, 12, 31)),
    ],
)
def test_day_first_and_iso(text: str, expected: datetime) -> None:
    assert parse_uk_datetime(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("30/03/2025 00:59", utc(2025, 3, 30, 0, 59)),  # last minute of GMT
        ("30/03/2025 03:00", utc(2025, 3, 30, 2, 0)),  # BST has begun
        ("30/03/2025 01:30", utc(2025, 3, 30, 1, 30)),  # never existed: read as GMT
        ("26/10/2025 00:30", utc(2025, 10, 25, 23, 30)),  # still BST
        ("26/10/2025 01:30", utc(2025, 10, 26, 0, 30)),  # happens twice: first (BST) wins
        ("26/10/2025 02:30", utc(2025, 10, 26, 2, 30)),  # GMT again
    ],
)
def test_clock_changes(text: str, expected: datetime) -> None:
    assert parse_uk_datetime(text) == expected


def test_month_first_and_explicit_formats() -> None:
    assert parse_uk_datetime("11/04/2025 14:32", date_format="monthfirst") == utc(
        2025, 11, 4, 14, 32
    )
    assert parse_uk_datetime("20250630 0915", date_format="%Y%m%d %H%M") == utc(2025, 6, 30, 8, 15)
    # spreadsheet cells arrive as ISO text whatever the profile says
    assert parse_uk_datetime("2025-06-30 09:15:00", date_format="%d %b %Y") == utc(
        2025, 6, 30, 8, 15
    )
    assert parse_uk_datetime("2025-06-30", date_format="iso") == utc(2025, 6, 29, 23)


@pytest.mark.parametrize(
    "text",
    [
        "30-May-2025 14:32",  # what Excel writes for dd-mmm-yyyy
        "30 May 2025 14:32",
        "30th May 2025, 2:32 pm",
        "Fri 30 May 2025 14:32",
        "Friday, 30 May 2025 14:32",
        "May 30, 2025 14:32",  # the US way, with its month named
        "May 30 2025 2:32pm",
        "30-may-25 14:32",
        "30/Sept/2025 14:32",
    ],
)
@pytest.mark.parametrize("date_format", ["dayfirst", "monthfirst"])
def test_month_names_say_which_is_the_day(text: str, date_format: str) -> None:
    month = 9 if "Sept" in text else 5
    assert parse_uk_datetime(text, date_format=date_format) == utc(2025, month, 30, 13, 32)


@pytest.mark.parametrize(
    ("text", "names"),
    [("30 Mai 2025", "'mai' is not a month"), ("31 June 2025", "day is out of range")],
)
def test_a_month_name_that_is_not_one_is_named(text: str, names: str) -> None:
    with pytest.raises(ValueError, match="unparseable date") as raised:
        parse_uk_datetime(text)
    assert names in str(raised.value)


@pytest.mark.parametrize(
    ("text", "date_format", "names"),
    [
        ("31/02/2025", "dayfirst", "'31/02/2025'"),
        ("15/13/2024 11:40", "dayfirst", "'15/13/2024 11:40'"),
        ("12/25/2025", "dayfirst", "'12/25/2025'"),
        ("04/11/2025 25:00", "dayfirst", "'04/11/2025 25:00'"),
        ("04/11/2025 13:00 pm", "dayfirst", "13:00 pm"),
        ("2025-13-45", "dayfirst", "'2025-13-45'"),
        ("tomorrow", "dayfirst", "dd/mm/yyyy"),
        ("04/11/2025", "iso", "ISO 8601"),
        ("30 June", "%d %B %Y", "'30 June'"),
    ],
)
def test_bad_dates_are_named(text: str, date_format: str, names: str) -> None:
    with pytest.raises(ValueError, match="unparseable date") as raised:
        parse_uk_datetime(text, date_format=date_format)
    assert names in str(raised.value)


def test_blank_is_a_missing_date() -> None:
    with pytest.raises(ValueError, match="missing date"):
        parse_uk_datetime("   ")


@given(st.datetimes(min_value=datetime(1970, 1, 1), max_value=datetime(2069, 12, 31)))
@example(datetime(2000, 10, 29, 1, 0, fold=1))  # the autumn hour that happens twice
def test_written_day_first_reads_back_as_london_time(moment: datetime) -> None:
    # Written down, the repeated autumn hour cannot say which time round it was: it reads as
    # the first (BST), whatever fold hypothesis drew.
    moment = moment.replace(microsecond=0, fold=0)
    expected = moment.replace(tzinfo=LONDON).astimezone(UTC)
    assert parse_uk_datetime(moment.strftime("%d/%m/%Y %H:%M:%S")) == expected
    assert parse_uk_datetime(moment.isoformat()) == expected


@given(st.text(), st.sampled_from(["dayfirst", "monthfirst", "iso", "%d %m %Y"]))
@example("0001-01-01T00:00:00+14:00", "dayfirst")  # before the start of datetime in UTC
@example("9999-12-31T23:59:59-14:00", "iso")  # after the end of datetime in UTC
@example("01/01/0001 00:00", "dayfirst")
@example("1/1/1 1:1", "dayfirst")
@example("2025-06-30T24:00", "dayfirst")
def test_any_text_is_a_utc_datetime_or_a_named_refusal(text: str, date_format: str) -> None:
    try:
        parsed = parse_uk_datetime(text, date_format=date_format)
    except ValueError as exc:
        assert "date" in str(exc)
    else:
        assert parsed.tzinfo is UTC
