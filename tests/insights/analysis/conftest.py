"""Builders for analysis tests: monthly calendars and simulated seasonal count series."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

import numpy as np
import pytest

from contracts import Period, PeriodKind, period_of
from insights.analysis import PeriodSeries

SeriesFactory = Callable[..., PeriodSeries]
CountsFactory = Callable[..., list[int]]


def calendar(n: int, start: date = date(2020, 4, 1), kind: PeriodKind = "month") -> list[Period]:
    out = [period_of(kind, start)]
    while len(out) < n:
        out.append(out[-1].next())
    return out


@pytest.fixture
def make_series() -> SeriesFactory:
    """``make_series(counts, start=..., kind="month", **dimensions)``."""

    def make(
        counts: Sequence[int],
        start: date = date(2020, 4, 1),
        kind: PeriodKind = "month",
        **dimensions: str | None,
    ) -> PeriodSeries:
        periods = tuple(calendar(len(counts), start, kind))
        return PeriodSeries(kind, dimensions or {"service": "s"}, periods, tuple(counts))

    return make


@pytest.fixture
def seasonal_counts() -> CountsFactory:
    """``seasonal_counts(seed, n, level, amplitude=0.3, trend=0.03, size=50, multiplier=None)``:
    negative binomial monthly counts with a yearly cycle and a mild trend (per year)."""

    def make(
        seed: int,
        n: int,
        level: float,
        amplitude: float = 0.3,
        trend: float = 0.03,
        size: float = 50.0,
        multiplier: Sequence[float] | None = None,
    ) -> list[int]:
        rng = np.random.default_rng(seed)
        t = np.arange(n)
        mu = level * np.exp(amplitude * np.sin(2 * np.pi * t / 12 + seed) + trend * t / 12)
        if multiplier is not None:
            mu = mu * np.asarray(multiplier)
        return [int(v) for v in rng.negative_binomial(size, size / (size + mu))]

    return make
