"""Sentences for managers: series names, period names, records and reasons."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from config import ReferenceData
from contracts import parse_period
from insights.analysis import (
    PeriodSeries,
    Travel,
    alert_reason,
    labels_from_reference,
    period_name,
    record_phrase,
    series_label,
    travel_reason,
)

Series = Callable[..., PeriodSeries]


def test_series_labels(reference: ReferenceData) -> None:
    labels = labels_from_reference(reference)
    assert (
        series_label(
            {"category": "fly_tipping", "contact_type": "complaint", "ward": "Riverside"}, labels
        )
        == "Fly-tipping complaints in Riverside"
    )
    assert series_label({"service": "parking", "contact_type": "compliment"}, labels) == (
        "Parking compliments"
    )
    assert series_label({"service": "parking", "partner": "police"}, labels) == (
        "Parking contacts (Cheshire Constabulary)"
    )
    assert series_label({"contact_type": "enquiry"}) == "Enquiries"
    assert series_label({"ward": None}) == "All contacts in an unknown ward"
    assert series_label({"service": None, "contact_type": "complaint"}) == (
        "Unknown service complaints"
    )


def test_period_names() -> None:
    assert period_name(parse_period("2025-10")) == "October 2025"
    assert period_name(parse_period("2025-W41")) == "week 2025-W41"
    assert period_name(parse_period("2025/26-Q3")) == "2025/26-Q3"
    assert period_name(parse_period("2025-10-14")) == "14 October 2025"
    assert period_name(parse_period("2025/26")) == "2025/26"


def test_record_phrases(make_series: Series) -> None:
    # Octobers 2020..2024 at 6, 18, ..., 54, then October 2025 at 66 (from April 2020)
    counts = [10] * 67
    for year, value in enumerate([20, 35, 14, 18, 12, 31]):
        counts[6 + 12 * year] = value
    series = make_series(counts)
    assert record_phrase(series, 66, "up") == "the highest October since 2021"
    counts[66] = 40
    assert (
        record_phrase(make_series(counts), 66, "up")
        == "the highest October in the 6 years on record"
    )
    counts[66] = 16  # above 2024's 12, below 2023's 18
    assert record_phrase(make_series(counts), 66, "up") == "the highest October since 2023"
    counts[66] = 11  # below last year's: nothing notable
    assert record_phrase(make_series(counts), 66, "up") is None
    counts[66] = 5
    assert (
        record_phrase(make_series(counts), 66, "down")
        == "the lowest October in the 6 years on record"
    )


def test_record_phrases_for_quarters_and_weeks(make_series: Series) -> None:
    quarters = make_series([50, 40, 40, 40, 30, 40, 40, 40, 45, 40, 40, 40, 48], kind="quarter")
    assert record_phrase(quarters, 12, "up") == "the highest Q1 since 2020/21"
    weeks = make_series([30] + [10] * 20 + [25], start=date(2025, 1, 6), kind="week")
    assert record_phrase(weeks, 21, "up") == "the highest week since 2025-W02"


def test_alert_and_travel_reasons() -> None:
    october = parse_period("2025-10")
    text = alert_reason(
        "Fly-tipping complaints in Riverside",
        october,
        31,
        12.4,
        record="the highest October since 2021",
    )
    assert text == (
        "Fly-tipping complaints in Riverside: 31 in October 2025 against about 12 expected; "
        "the highest October since 2021."
    )
    assert "against about 2.4 expected at the level seen since June 2025" in alert_reason(
        "X", october, 9, 2.4, level_since=parse_period("2025-06")
    )
    q1 = parse_period("2025/26-Q1")
    assert travel_reason("Parking complaints", q1, 15, 31, Travel.better) == (
        "Parking complaints: 15 in 2025/26-Q1 against 31 in 2024/25-Q1 (-52%), better than the "
        "same period last year."
    )
    assert "no figure for 2024/25-Q1" in travel_reason("X", q1, 15, None, Travel.not_comparable)
