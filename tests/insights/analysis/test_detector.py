"""The alert detector: spikes and drops flagged, level shifts alarmed at most once, stable
seasonal series left alone, the minimum count, history rules and --all-periods."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from insights.analysis import (
    DetectorConfig,
    PeriodSeries,
    Travel,
    assess,
    detect,
    detect_all_periods,
    score_series,
)

Series = Callable[..., PeriodSeries]
Counts = Callable[..., list[int]]
N = 60  # April 2020 to March 2025: five financial years


@pytest.fixture
def family(make_series: Series, seasonal_counts: Counts) -> list[PeriodSeries]:
    """Thirty stable seasonal series, 20 to 165 contacts a month."""
    return [
        make_series(seasonal_counts(100 + i, N, 20 + 5 * i), service=f"stable{i}")
        for i in range(30)
    ]


def test_flags_an_injected_spike_with_a_reason(
    family: list[PeriodSeries], make_series: Series, seasonal_counts: Counts
) -> None:
    multiplier = [1.0] * N
    multiplier[N - 1] = 2.5
    spiked = make_series(
        seasonal_counts(7, N, 80, multiplier=multiplier),
        service="waste_recycling",
        contact_type="complaint",
    )
    labels = {"service": {"waste_recycling": "Waste and recycling"}}
    alerts = detect([*family, spiked], labels=labels)
    assert [a.dimensions["service"] for a in alerts] == ["waste_recycling"]
    alert = alerts[0]
    assert alert.period.label == "2025-03"
    assert alert.direction == "up"
    assert alert.travel == Travel.worse  # more complaints
    assert alert.observed > 1.8 * alert.expected
    assert alert.q_value <= 0.05
    assert alert.reason.startswith("Waste and recycling complaints: ")
    assert f"{alert.observed} in March 2025 against about " in alert.reason


def test_flags_an_injected_drop(
    family: list[PeriodSeries], make_series: Series, seasonal_counts: Counts
) -> None:
    multiplier = [1.0] * N
    multiplier[N - 1] = 0.3
    dropped = make_series(seasonal_counts(8, N, 80, multiplier=multiplier), service="parking")
    alerts = detect([*family, dropped])
    assert [(a.dimensions["service"], a.direction) for a in alerts] == [("parking", "down")]
    assert alerts[0].observed < 0.5 * alerts[0].expected


def test_stays_quiet_on_stable_seasonal_series(family: list[PeriodSeries]) -> None:
    """360 series-months with nothing happening: at most one alarm (the FDR family is each
    month's 30 series, so about 5% of months may see one), and p-values about uniform."""
    assessed = [a for p in family[0].periods[-12:] for a in assess(family, p)]
    assert len(assessed) == 360
    assert sum(a.alert for a in assessed) <= 1
    assert 0.0 < sum(a.p_value < 0.05 for a in assessed) / 360 < 0.08
    naive = sum(
        s.counts[i] > 1.5 * s.counts[i - 12] or s.counts[i] < s.counts[i - 12] / 1.5
        for s in family
        for i in range(N - 12, N)
    )
    assert naive > 5  # what "more than 1.5 times last year's month" would have raised
    assert all({"season", "trend"} <= set(a.baseline.terms) for a in assessed)


@pytest.mark.parametrize(("factor", "direction"), [(2.0, "up"), (0.02, "down")])
def test_level_shift_alarms_at_most_once_then_restarts_the_baseline(
    family: list[PeriodSeries],
    make_series: Series,
    seasonal_counts: Counts,
    factor: float,
    direction: str,
) -> None:
    shift_at = 46  # a new channel opens (2x) or the service is withdrawn (almost nothing)
    multiplier = [1.0] * shift_at + [factor] * (N - shift_at)
    shifted = make_series(seasonal_counts(9, N, 60, multiplier=multiplier), service="shifted")
    series = [*family, shifted]
    alarms = []
    for period in shifted.periods[shift_at:]:
        alarms += [a for a in detect(series, period) if a.dimensions["service"] == "shifted"]
    assert len(alarms) <= 1
    assert all(a.period == shifted.periods[shift_at] and a.direction == direction for a in alarms)
    last = assess(series, shifted.periods[-1])
    mine = next(a for a in last if a.dimensions["service"] == "shifted")
    assert mine.baseline.shifts == (shifted.periods[shift_at],)
    assert not mine.alert


def test_a_continuing_new_level_is_explained_not_alarmed(
    make_series: Series, seasonal_counts: Counts
) -> None:
    multiplier = [1.0] * (N - 2) + [2.5, 2.5]
    jumped = make_series(seasonal_counts(10, N, 60, multiplier=multiplier))
    expected, p_value, baseline, since = score_series(jumped, jumped.periods[-1]) or (
        0,
        0,
        None,
        None,
    )
    assert since == jumped.periods[-2]  # tested against the level of the recent run too
    assert p_value > 0.01
    assert baseline is not None and expected > 1.8 * baseline.expected


def test_min_count_rule_one_to_a_few_is_not_an_alarm(make_series: Series) -> None:
    counts = [1, 0, 1, 2, 1, 0, 1, 1, 0, 1, 2, 1] * 3 + [7]
    sparse = make_series(counts)
    [assessment] = assess([sparse])
    assert assessment.p_value < 0.01  # statistically unusual ...
    assert not assessment.alert  # ... but seven contacts are below the minimum count of ten
    looser = DetectorConfig(min_count=5)
    assert assess([sparse], config=looser)[0].alert


def test_too_little_history_is_not_tested(make_series: Series) -> None:
    short = make_series([10, 12, 9, 11, 10, 40])  # six periods: fewer than eight
    late_starter = make_series([0] * 30 + [10, 12, 9, 11, 10, 11, 40])
    assert assess([short, late_starter]) == []
    assert score_series(short, short.periods[-1]) is None


def test_history_decides_the_model(make_series: Series, seasonal_counts: Counts) -> None:
    counts = seasonal_counts(11, N, 50)
    for length, terms in (
        (10, ("level",)),
        (18, ("level", "trend")),
        (30, ("level", "trend", "season")),
    ):
        series = make_series(counts[:length])
        result = score_series(series, series.periods[-1])
        assert result is not None
        assert result[2].terms == terms


def test_all_periods_uses_only_earlier_data(
    family: list[PeriodSeries], make_series: Series, seasonal_counts: Counts
) -> None:
    multiplier = [1.0] * N
    multiplier[40] = 3.0
    spiked = make_series(seasonal_counts(12, N, 70, multiplier=multiplier), service="spiked")
    series = [s for s in family[:8]] + [spiked]
    found = detect_all_periods(series)
    spiked_alerts = [a for a in found if a.dimensions["service"] == "spiked"]
    assert [a.period for a in spiked_alerts] == [spiked.periods[40]]
    # the same as testing that period with the data cut just after it
    cut = [s.up_to(spiked.periods[40]) for s in series]
    assert [a.reason for a in detect(cut)] == [
        a.reason for a in found if a.period == spiked.periods[40]
    ]
