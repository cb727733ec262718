"""Ward hotspots: the wards behind a service's change, with exact shares and rates."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from insights.analysis import AnalysisError, PeriodSeries, ward_hotspots

Series = Callable[..., PeriodSeries]
POPULATIONS = {"Riverside": 5000, "Hale": 2000, "Ditton": 7400}


def wards(make_series: Series) -> list[PeriodSeries]:
    # October 2024 .. October 2025 (13 months); the last is compared with the first
    start = date(2024, 10, 1)
    return [
        make_series([12] + [14] * 11 + [31], start=start, ward="Riverside"),
        make_series([4] + [5] * 11 + [10], start=start, ward="Hale"),
        make_series([9] + [8] * 11 + [7], start=start, ward="Ditton"),
        make_series([1] + [1] * 11 + [1], start=start, ward=None),
    ]


def test_wards_driving_the_rise_come_first_with_exact_shares(make_series: Series) -> None:
    spots = ward_hotspots(wards(make_series), "2025-10", populations=POPULATIONS)
    assert [s.ward for s in spots] == ["Riverside", "Hale", None, "Ditton"]
    riverside = spots[0]
    assert (riverside.count, riverside.reference, riverside.change) == (31, 12, 19)
    total = 19 + 6 + 0 - 2
    assert riverside.share_of_change == pytest.approx(19 / total)
    assert sum(s.change or 0 for s in spots) == total
    assert riverside.rate_per_1000 == pytest.approx(6.2)
    assert riverside.reference_rate_per_1000 == pytest.approx(2.4)
    assert riverside.reason == (
        "Riverside: 31 in October 2025 against 12 in October 2024 (+19), 83% of the rise; "
        "6.2 per 1,000 residents."
    )


def test_against_previous_period_or_baseline_and_top(make_series: Series) -> None:
    spots = ward_hotspots(wards(make_series), "2025-10", against="previous", top=2)
    assert [(s.ward, s.change) for s in spots] == [("Riverside", 17), ("Hale", 5)]
    baseline = ward_hotspots(wards(make_series), "2025-10", against="baseline")
    assert baseline[0].reference == pytest.approx((12 + 14 * 11) / 12)
    assert "in a usual month" in baseline[0].reason


def test_needs_series_by_ward(make_series: Series) -> None:
    with pytest.raises(AnalysisError):
        ward_hotspots([make_series([1, 2], service="parking")], "2020-05")
