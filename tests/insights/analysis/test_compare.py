"""Comparisons: previous period and same period last year across financial-year boundaries,
year to date, rolling baseline, share of total and rates per 1,000 residents."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from contracts import parse_period
from insights.analysis import (
    Change,
    PeriodSeries,
    Travel,
    compare,
    population_for,
    rate_per_1000,
    rolling_baseline,
    share_of_total,
    year_to_date,
)

Series = Callable[..., PeriodSeries]


def test_change_absolute_and_percent() -> None:
    assert Change(15, 12).absolute == 3
    assert Change(15, 12).percent == pytest.approx(25.0)
    assert Change(5, 0).percent is None
    assert Change(5, None).absolute is None


def test_month_comparisons_cross_the_financial_year(make_series: Series) -> None:
    # April 2023 .. June 2025: 27 months counting 1, 2, 3, ...
    series = make_series(list(range(1, 28)), start=date(2023, 4, 1), service="parking")
    [april] = compare([series], "2025-04")
    assert april.count == 25
    assert april.previous == Change(25, 24)  # 2025-03: the last month of 2024/25
    assert april.last_year == Change(25, 13)  # 2024-04
    assert april.year_to_date == Change(25, 13)  # only April, in both years
    [june] = compare([series], parse_period("2025-06"))
    assert june.year_to_date == Change(25 + 26 + 27, 13 + 14 + 15)


def test_quarter_comparisons_use_financial_quarters(make_series: Series) -> None:
    # 2023/24-Q1 .. 2025/26-Q1: nine quarters
    series = make_series(
        [10, 11, 12, 13, 20, 21, 22, 23, 30], start=date(2023, 4, 1), kind="quarter"
    )
    [q1] = compare([series], "2025/26-Q1")
    assert q1.period.label == "2025/26-Q1"
    assert q1.previous == Change(30, 23)  # 2024/25-Q4: January to March 2025
    assert q1.last_year == Change(30, 20)  # 2024/25-Q1
    assert q1.year_to_date == Change(30, 20)
    q4 = compare([series], "2024/25-Q4")[0]
    assert q4.year_to_date == Change(20 + 21 + 22 + 23, 10 + 11 + 12 + 13)


def test_nothing_to_compare_is_not_zero(make_series: Series) -> None:
    series = make_series([5, 6, 7], start=date(2025, 1, 1))
    [first] = compare([series], "2025-01")
    assert first.previous.then is None and first.last_year.then is None
    assert first.travel == Travel.not_comparable
    assert year_to_date(series, "2025-03").then is None
    assert rolling_baseline(series, "2025-01") is None
    assert rolling_baseline(series, "2025-03") == pytest.approx(5.5)


def test_rolling_baseline_uses_the_window_before(make_series: Series) -> None:
    series = make_series([100] * 3 + [10] * 12 + [50])
    assert rolling_baseline(series, series.periods[-1], window=12) == pytest.approx(10)
    assert rolling_baseline(series, series.periods[-1], window=15) == pytest.approx(28)


def test_share_of_total_and_direction(make_series: Series) -> None:
    complaints = make_series([10] * 12 + [30], service="waste", contact_type="complaint")
    compliments = make_series([10] * 12 + [10], service="waste", contact_type="compliment")
    rows = compare([complaints, compliments], complaints.periods[-1])
    assert [r.share for r in rows] == [pytest.approx(0.75), pytest.approx(0.25)]
    assert rows[0].travel == Travel.worse and rows[1].travel == Travel.same
    assert rows[0].baseline == Change(30, 10.0)
    assert share_of_total([0, 0]) == [None, None]


def test_rates_per_1000_residents(make_series: Series) -> None:
    populations = {"Riverside": 5000, "Hale": 2000}
    riverside = make_series([10, 25], ward="Riverside")
    unknown = make_series([1, 2], ward=None)
    rows = compare([riverside, unknown], riverside.periods[-1], populations=populations)
    assert rows[0].population == 5000 and rows[0].rate_per_1000 == pytest.approx(5.0)
    assert rows[1].rate_per_1000 is None
    assert population_for({"service": "parking"}, populations) == 7000  # the whole area
    assert rate_per_1000(3, None) is None and rate_per_1000(3, 0) is None
