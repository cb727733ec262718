"""Working days in England and Wales: bank holidays from the maintained package, substitute
days, one-off holidays, weekend receipts and UK local time across the clock changes."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from insights import CaseDataError, InsightError, WorkingCalendar, bank_holidays, local_day
from insights.workdays import UK_TIME

CALENDAR = WorkingCalendar()


def uk(year: int, month: int, day: int, hour: int) -> datetime:
    return datetime(year, month, day, hour, tzinfo=UK_TIME)


def test_england_and_wales_share_bank_holidays_and_scotland_does_not() -> None:
    import holidays

    for year in range(2000, 2031):
        wales = holidays.country_holidays("GB", subdiv="WLS", years=year)
        assert set(bank_holidays(year)) == {d for d in wales if d.year == year}
    scotland = holidays.country_holidays("GB", subdiv="SCT", years=2025)
    assert date(2025, 1, 2) in scotland and date(2025, 1, 2) not in bank_holidays(2025)


@pytest.mark.parametrize(
    ("day", "working"),
    [
        # Christmas 2022 fell on a Sunday: Boxing Day Monday, Christmas substitute Tuesday.
        (date(2022, 12, 26), False),
        (date(2022, 12, 27), False),
        (date(2022, 12, 28), True),
        (date(2023, 1, 2), False),  # New Year's Day 2023 was a Sunday
        # Christmas 2021 on a Saturday and Boxing Day on a Sunday: both moved on.
        (date(2021, 12, 27), False),
        (date(2021, 12, 28), False),
        (date(2021, 12, 29), True),
        (date(2022, 1, 3), False),  # New Year's Day 2022 was a Saturday
        (date(2020, 12, 28), False),  # Boxing Day 2020 was a Saturday
        # Easter: Good Friday and Easter Monday.
        (date(2024, 3, 29), False),
        (date(2024, 4, 1), False),
        (date(2024, 4, 2), True),
        (date(2025, 4, 18), False),
        (date(2025, 4, 21), False),
        (date(2025, 4, 22), True),
        # 2022 Platinum Jubilee: spring bank holiday moved to Thursday 2 June, plus Friday.
        (date(2022, 5, 30), True),
        (date(2022, 6, 2), False),
        (date(2022, 6, 3), False),
        # One-off days: the Queen's state funeral, the coronation, VE Day 75 (May Day moved).
        (date(2022, 9, 19), False),
        (date(2023, 5, 8), False),
        (date(2020, 5, 4), True),
        (date(2020, 5, 8), False),
        (date(2025, 6, 7), False),  # a Saturday
        (date(2025, 6, 9), True),
    ],
)
def test_is_working_day(day: date, working: bool) -> None:
    assert CALENDAR.is_working_day(day) is working


def test_holidays_are_named() -> None:
    assert CALENDAR.holiday_name(date(2022, 9, 19)) == "State Funeral of Queen Elizabeth II"
    assert CALENDAR.holiday_name(date(2022, 12, 28)) is None


@pytest.mark.parametrize(
    ("received", "n", "due"),
    [
        (uk(2022, 12, 23, 10), 1, date(2022, 12, 28)),
        (uk(2022, 12, 23, 10), 3, date(2022, 12, 30)),
        (uk(2022, 12, 23, 10), 4, date(2023, 1, 3)),
        (uk(2021, 12, 24, 9), 1, date(2021, 12, 29)),
        (uk(2021, 12, 24, 9), 4, date(2022, 1, 4)),
        (uk(2024, 3, 28, 15), 1, date(2024, 4, 2)),
        (uk(2025, 4, 17, 15), 1, date(2025, 4, 22)),
        (uk(2025, 4, 17, 15), 10, date(2025, 5, 6)),  # Easter, then the early May holiday
        (uk(2022, 6, 1, 12), 1, date(2022, 6, 6)),
        (uk(2024, 6, 10, 9), 0, date(2024, 6, 10)),
        (uk(2024, 6, 8, 14), 0, date(2024, 6, 10)),  # Saturday: the clock starts on Monday
        (uk(2024, 6, 8, 14), 3, date(2024, 6, 13)),
    ],
)
def test_add_working_days(received: datetime, n: int, due: date) -> None:
    assert CALENDAR.add_working_days(received, n) == due
    assert CALENDAR.working_days_between(received, uk(due.year, due.month, due.day, 16)) == n


def test_a_weekend_receipt_counts_from_monday() -> None:
    saturday = uk(2024, 6, 8, 14)
    assert CALENDAR.clock_start(saturday) == date(2024, 6, 10)
    assert CALENDAR.working_days_between(saturday, uk(2024, 6, 9, 10)) == 0
    assert CALENDAR.working_days_between(saturday, uk(2024, 6, 10, 17)) == 0
    assert CALENDAR.working_days_between(saturday, uk(2024, 6, 11, 9)) == 1


def test_an_answer_on_a_weekend_after_the_due_date_is_late() -> None:
    friday = uk(2024, 6, 7, 9)
    due = CALENDAR.add_working_days(friday, 5)
    assert due == date(2024, 6, 14)
    assert CALENDAR.working_days_between(friday, uk(2024, 6, 14, 23)) == 5
    assert CALENDAR.working_days_between(friday, uk(2024, 6, 15, 10)) == 6  # Saturday


def test_days_are_taken_in_uk_local_time_across_the_clock_change() -> None:
    # 23:30 UTC on Friday 25 October 2024 is 00:30 on Saturday in British Summer Time.
    late = datetime(2024, 10, 25, 23, 30, tzinfo=UTC)
    assert local_day(late) == date(2024, 10, 26)
    assert CALENDAR.clock_start(late) == date(2024, 10, 28)
    # Friday afternoon in BST to Monday morning in GMT (clocks went back on the Sunday).
    assert CALENDAR.working_days_between(uk(2024, 10, 25, 16), uk(2024, 10, 28, 9)) == 1
    # In winter UTC and UK dates agree: 23:30 UTC on Friday 29 November is still Friday.
    assert CALENDAR.clock_start(datetime(2024, 11, 29, 23, 30, tzinfo=UTC)) == date(2024, 11, 29)


def test_extra_closed_days_are_not_working_days() -> None:
    calendar = WorkingCalendar(extra_closed_days=frozenset({date(2026, 12, 29)}))
    assert not calendar.is_working_day(date(2026, 12, 29))
    assert calendar.holiday_name(date(2026, 12, 29)) == "closed"
    assert calendar.working_days_between(uk(2026, 12, 24, 9), uk(2026, 12, 30, 9)) == 1
    assert CALENDAR.working_days_between(uk(2026, 12, 24, 9), uk(2026, 12, 30, 9)) == 2


def test_bad_input_is_refused() -> None:
    with pytest.raises(InsightError, match="no time zone"):
        CALENDAR.clock_start(datetime(2024, 6, 10, 9))
    with pytest.raises(CaseDataError, match="before it starts"):
        CALENDAR.working_days_between(uk(2024, 6, 10, 9), uk(2024, 6, 10, 8))
    with pytest.raises(InsightError, match="count back"):
        CALENDAR.add_working_days(uk(2024, 6, 10, 9), -1)


moments = st.datetimes(
    min_value=datetime(2019, 1, 1), max_value=datetime(2027, 12, 31), timezones=st.just(UTC)
)


def _count_day_by_day(start: datetime, end: datetime) -> int:
    first, last = CALENDAR.clock_start(start), CALENDAR.clock_start(end)
    days = (first + timedelta(days=k) for k in range(1, (last - first).days + 1))
    return sum(1 for day in days if CALENDAR.is_working_day(day))


@given(moments, st.integers(min_value=0, max_value=60))
def test_due_date_is_a_working_day_exactly_n_working_days_on(start: datetime, n: int) -> None:
    due = CALENDAR.add_working_days(start, n)
    assert CALENDAR.is_working_day(due)
    assert CALENDAR.working_days_between(start, due) == n


@given(moments, st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=120)))
def test_counting_matches_a_day_by_day_count(start: datetime, gap: timedelta) -> None:
    end = start + gap
    assert CALENDAR.working_days_between(start, end) == _count_day_by_day(start, end)


@given(
    moments,
    st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=60)),
    st.integers(min_value=0, max_value=25),
)
def test_within_n_working_days_means_on_or_before_the_due_date(
    start: datetime, gap: timedelta, n: int
) -> None:
    end = start + gap
    within = CALENDAR.working_days_between(start, end) <= n
    assert within == (local_day(end) <= CALENDAR.add_working_days(start, n))
