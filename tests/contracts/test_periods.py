"""UK reporting periods, especially around year, quarter and clock-change boundaries."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from contracts import ContractError, last_full_period, parse_period, period_of, periods_between
from contracts.periods import financial_quarter, local_date


@pytest.mark.parametrize(
    ("day", "quarter", "year"),
    [
        (date(2025, 3, 31), "2024/25-Q4", "2024/25"),
        (date(2025, 4, 1), "2025/26-Q1", "2025/26"),
        (date(2025, 6, 30), "2025/26-Q1", "2025/26"),
        (date(2025, 7, 1), "2025/26-Q2", "2025/26"),
        (date(2025, 10, 14), "2025/26-Q3", "2025/26"),
        (date(2025, 12, 31), "2025/26-Q3", "2025/26"),
        (date(2026, 1, 1), "2025/26-Q4", "2025/26"),
        (date(1999, 12, 31), "1999/00-Q3", "1999/00"),
    ],
)
def test_financial_quarter_and_year(day: date, quarter: str, year: str) -> None:
    assert period_of("quarter", day).label == quarter
    assert period_of("year", day).label == year


def test_quarter_bounds() -> None:
    q3 = parse_period("2025/26-Q3")
    assert (q3.start, q3.end) == (date(2025, 10, 1), date(2025, 12, 31))
    q4 = parse_period("2025/26-Q4")
    assert (q4.start, q4.end) == (date(2026, 1, 1), date(2026, 3, 31))
    assert q4.next().label == "2026/27-Q1"
    assert parse_period("2025/26-Q1").previous().label == "2024/25-Q4"
    assert [financial_quarter(date(2025, m, 1)) for m in range(1, 13)] == [
        4,
        4,
        4,
        1,
        1,
        1,
        2,
        2,
        2,
        3,
        3,
        3,
    ]


def test_iso_weeks_cross_calendar_years() -> None:
    assert period_of("week", date(2024, 12, 30)).label == "2025-W01"
    assert period_of("week", date(2021, 1, 3)).label == "2020-W53"
    w53 = parse_period("2020-W53")
    assert w53.same_period_last_year().label == "2019-W52"  # 2019 has no week 53
    assert w53.next().label == "2021-W01"


def test_same_period_last_year() -> None:
    assert parse_period("2025/26-Q3").same_period_last_year().label == "2024/25-Q3"
    assert parse_period("2025-10").same_period_last_year().label == "2024-10"
    assert parse_period("2024-02-29").same_period_last_year().label == "2023-02-28"
    assert parse_period("2025/26").same_period_last_year().label == "2024/25"


@pytest.mark.parametrize("label", ["2025-10-14", "2025-W41", "2025-10", "2025/26-Q3", "2025/26"])
def test_labels_round_trip(label: str) -> None:
    assert parse_period(label).label == label


@pytest.mark.parametrize("label", ["2025/27", "2025-13", "2025-W60", "2025/26-Q5", "Oct 2025", ""])
def test_bad_labels_are_refused_with_a_reason(label: str) -> None:
    with pytest.raises(ContractError):
        parse_period(label)


def test_contacts_are_placed_by_uk_local_date() -> None:
    # 23:30 UTC on 31 March 2026 is 00:30 on 1 April in BST: a new financial year.
    moment = datetime(2026, 3, 31, 23, 30, tzinfo=UTC)
    assert local_date(moment) == date(2026, 4, 1)
    assert period_of("year", moment).label == "2026/27"
    # In winter (GMT) UTC and UK dates agree.
    assert local_date(datetime(2025, 12, 31, 23, 30, tzinfo=UTC)) == date(2025, 12, 31)


def test_periods_between_lists_every_period() -> None:
    labels = [p.label for p in periods_between("quarter", date(2025, 2, 1), date(2025, 11, 1))]
    assert labels == ["2024/25-Q4", "2025/26-Q1", "2025/26-Q2", "2025/26-Q3"]


@pytest.mark.parametrize(
    ("kind", "today", "label"),
    [
        ("quarter", date(2026, 12, 5), "2026/27-Q2"),
        ("quarter", date(2026, 4, 1), "2025/26-Q4"),  # the year's first day: last year's Q4
        ("quarter", date(2026, 3, 31), "2025/26-Q3"),  # Q4's last day: Q4 is not over
        ("month", date(2026, 1, 1), "2025-12"),
        ("year", date(2026, 12, 5), "2025/26"),
    ],
)
def test_last_full_period_is_the_last_one_over(kind: str, today: date, label: str) -> None:
    assert last_full_period(kind, today).label == label  # type: ignore[arg-type]
