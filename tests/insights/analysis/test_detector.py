"""The alert detector: spikes and drops flagged, level shifts alarmed at most once, stable
seasonal series left alone, the minimum count, history rules and --all-periods; a large drop
after a volatile history (a launch, strong growth) found; a stop reported once; q-values are
Benjamini-Hochberg over the series tested together."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
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
    """360 series-months with nothing happening: at most two alarms (the FDR family is each
    month's 30 series, so about 5% of months may see one: 0.6 expected in 12), and p-values
    about uniform."""
    assessed = [a for p in family[0].periods[-12:] for a in assess(family, p)]
    assert len(assessed) == 360
    assert sum(a.alert for a in assessed) <= 2
    assert 0.0 < sum(a.p_value < 0.05 for a in assessed) / 360 < 0.08
    naive = sum(
        s.counts[i] > 1.5 * s.counts[i - 12] or s.counts[i] < s.counts[i - 12] / 1.5
        for s in family
        for i in range(N - 12, N)
    )
    assert naive > 5  # what "more than 1.5 times last year's month" would have raised
    assert all("season" in a.baseline.terms for a in assessed)
    # a trend of 3% a year is not significant in five years of this noise, but from three
    # years of history it stays in the model (test_baseline has why)
    assert all("trend" in a.baseline.terms for a in assessed)


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


@pytest.mark.parametrize(
    ("trend", "length", "terms"),
    [
        (0.5, 10, ("level",)),
        (0.5, 18, ("level", "trend")),
        (0.5, 30, ("level", "trend", "season")),
        (0.0, 18, ("level",)),  # the trend only when it is significant (Noufaily et al.)
        (0.0, 30, ("level", "season")),
    ],
)
def test_history_decides_the_model(
    make_series: Series,
    seasonal_counts: Counts,
    trend: float,
    length: int,
    terms: tuple[str, ...],
) -> None:
    series = make_series(seasonal_counts(11, N, 50, trend=trend)[:length])
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


def volatile_counts(seed: int, n: int = 60) -> list[int]:
    """A council's street reports: about 60 a month until a reporting site launched in month
    20 (ten-fold), then strong growth (85% in 40 months) to about 1,300-1,400 a month."""
    rng = np.random.default_rng(seed)
    t = np.arange(n)
    level = np.where(t < 20, 60.0, 600.0 * np.exp(0.85 * (t - 20) / (n - 20)))
    mu = level * np.exp(0.15 * np.sin(2 * np.pi * t / 12))
    return [int(v) for v in rng.negative_binomial(30, 30 / (30 + mu))]


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_finds_a_lockdown_drop_after_a_launch_and_strong_growth(
    family: list[PeriodSeries], make_series: Series, seed: int
) -> None:
    """Reports fall to 408 against about 1,400 expected. The launch years earlier no longer
    inflates the dispersion: the history restarts at it, so the drop is significant."""
    counts = volatile_counts(seed)
    council = make_series([*counts[:-1], 408], service="council")
    alerts = detect([*family, council])
    assert [(a.dimensions["service"], a.direction) for a in alerts] == [("council", "down")]
    [alert] = alerts
    assert 1000 < alert.expected < 1800
    assert alert.q_value < 0.05
    assert council.periods[20] in alert.baseline.shifts  # the launch
    assert alert.baseline.periods[0] == council.periods[20]  # the history restarts there
    assert alert.baseline.alpha < 0.1  # the truth is 1 / 30, not the launch's noise


def test_a_stopped_series_is_reported_once(
    family: list[PeriodSeries], make_series: Series, seasonal_counts: Counts
) -> None:
    """A partner's feed breaks in month 56: one alert "no contacts received", then the
    months without contacts are assessed as stopped, never alarmed again, outside the FDR."""
    counts = seasonal_counts(13, N, 80)
    broken = make_series([*counts[:56], 0, 0, 0, 0], service="partner_feed")
    series = [*family, broken]
    found = [a for period in broken.periods[48:] for a in detect(series, period)]
    mine = [a for a in found if a.dimensions["service"] == "partner_feed"]
    assert [(a.period, a.kind, a.direction) for a in mine] == [
        (broken.periods[56], "stopped", "down")
    ]
    assert "no contacts received in December 2024" in mine[0].reason
    later = next(
        a for a in assess(series, broken.periods[58]) if a.dimensions["service"] == "partner_feed"
    )
    assert later.kind == "stopped" and not later.alert
    assert later.stopped_since == broken.periods[56]
    assert later.q_value == 1.0
    assert later.reason.endswith("still no contacts received since December 2024.")


def test_a_sparse_series_with_a_quiet_month_is_no_stop(make_series: Series) -> None:
    counts = [1, 0, 1, 2, 1, 0, 1, 1, 3, 1, 2, 1] * 3 + [0]
    [assessment] = assess([make_series(counts)])
    assert assessment.kind == "change" and not assessment.alert


def test_q_values_are_benjamini_hochberg_over_the_series_tested_together(
    family: list[PeriodSeries], make_series: Series, seasonal_counts: Counts
) -> None:
    multiplier = [1.0] * N
    multiplier[N - 1] = 2.2
    spiked = make_series(seasonal_counts(14, N, 60, multiplier=multiplier), service="spiked")
    assessed = assess([*family, spiked])
    p = np.array([a.p_value for a in assessed])
    q = np.array([a.q_value for a in assessed])
    m = len(p)
    order = np.argsort(p)
    by_hand = np.minimum.accumulate((p[order] * m / np.arange(1, m + 1))[::-1])[::-1]
    assert q[order] == pytest.approx(np.minimum(by_hand, 1.0))
    assert [a.dimensions["service"] for a in assessed if a.alert] == ["spiked"]
    # alone, the same p-value needs no correction; among 31 it is corrected
    [alone] = assess([spiked])
    mine = next(a for a in assessed if a.dimensions["service"] == "spiked")
    assert alone.q_value == pytest.approx(alone.p_value)
    assert mine.q_value > mine.p_value
