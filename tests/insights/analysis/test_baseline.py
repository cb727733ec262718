"""The baseline's model: month-of-year factors shrunk towards the year's harmonics only as far
as the history's own months allow, and the trend kept from three years of history."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from contracts import Period
from insights.analysis import PeriodSeries
from insights.analysis.baseline import HistoryRules, fit_baseline

Series = Callable[..., PeriodSeries]
UNSHRUNK = HistoryRules(month_departure_min=10.0)  # months free to depart: no shrinkage
N = 60


def _months(series: PeriodSeries, seed: int, level: float, december: float) -> list[float]:
    """A sine season (and ``december`` on December's log) with a mild drift, as true means."""
    rng = np.random.default_rng(seed)
    phase = rng.uniform(0, 2 * np.pi)
    return [
        level
        * np.exp(
            0.3 * np.sin(2 * np.pi * p.start.month / 12 + phase)
            + (december if p.start.month == 12 else 0.0)
            + 0.03 * i / 12
        )
        for i, p in enumerate(series.periods)
    ]


def _draw(seed: int, means: list[float], size: float = 50.0) -> list[int]:
    rng = np.random.default_rng(seed + 1000)
    return [int(rng.negative_binomial(size, size / (size + m))) for m in means]


def _log_error(series: PeriodSeries, means: list[float], index: int, rules: HistoryRules) -> float:
    target: Period = series.periods[index]
    baseline = fit_baseline(series.periods[:index], series.counts[:index], target, rules)
    assert baseline is not None
    return float(np.log(baseline.expected / means[index]))


def test_month_factors_from_a_few_years_are_shrunk_towards_a_smooth_season(
    make_series: Series,
) -> None:
    """Where the months follow a smooth season, four or five years' noise in each month's
    factor is mostly noise: shrinking it predicts the next months better than leaving each
    month free, across 20 series."""
    shrunk, free = [], []
    for seed in range(20):
        shape = make_series([0] * (N + 6))
        means = _months(shape, seed, 80.0, december=0.0)
        series = make_series(_draw(seed, means))
        for index in range(N, N + 6):
            shrunk.append(_log_error(series, means, index, HistoryRules()))
            free.append(_log_error(series, means, index, UNSHRUNK))
    assert np.mean(np.square(shrunk)) < 0.8 * np.mean(np.square(free))


def test_a_real_december_dip_is_kept(make_series: Series) -> None:
    """A December 40% under the smooth season, every year, is no noise: the months' own
    departures say so, and the expectation for December keeps the dip."""
    shape = make_series([0] * (N + 9))
    means = _months(shape, 3, 120.0, december=np.log(0.6))
    series = make_series(_draw(3, means, size=200.0))
    december = next(i for i in range(N, N + 9) if series.periods[i].start.month == 12)
    assert abs(_log_error(series, means, december, HistoryRules())) < 0.1
    assert abs(_log_error(series, means, december, UNSHRUNK)) < 0.1


def test_the_trend_is_kept_from_three_years_significant_or_not(make_series: Series) -> None:
    """A drift of 3% a year is not significant in five years of this noise, yet it moves a level
    averaged over them by about 7%: from three years the trend stays in the model; before, the
    5% Wald test still decides (Noufaily et al.)."""
    shape = make_series([0] * N)
    series = make_series(_draw(5, _months(shape, 5, 60.0, december=0.0)))
    long = fit_baseline(series.periods[: N - 1], series.counts[: N - 1], series.periods[N - 1])
    assert long is not None and "trend" in long.terms
    tested = HistoryRules(trend_always_years=10.0)
    dropped = fit_baseline(
        series.periods[: N - 1], series.counts[: N - 1], series.periods[N - 1], tested
    )
    assert dropped is not None and "trend" not in dropped.terms


def test_a_closed_season_is_no_noise(make_series: Series) -> None:
    """A month with no contacts in any year (a service shut every August, no gritting from May
    to September) is no departure to shrink: it stays at zero, and the open months are still
    predicted as before (shrinking here pulled a shut August up to about 28, and the open
    months' level off by half)."""
    rng = np.random.default_rng(1)
    shape = make_series([0] * (N + 1))
    for closed in ({8}, {5, 6, 7, 8, 9}):
        counts = [0 if p.start.month in closed else int(rng.poisson(40)) for p in shape.periods]
        series = make_series(counts)
        for index in range(N - 10, N + 1):
            target = series.periods[index]
            baseline = fit_baseline(series.periods[:index], series.counts[:index], target)
            assert baseline is not None
            if target.start.month in closed:
                assert baseline.expected < 1
            else:
                assert 40 / 1.3 < baseline.expected < 40 * 1.3
