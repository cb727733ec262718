"""Comparisons for any grouping: change against the previous period, the same period last
year and a rolling baseline (absolute and %), year to date, share of total and rates per 1,000
residents. Pure functions over ``PeriodSeries``; periods come from ``contracts.periods``."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from contracts import Period, parse_period
from insights.analysis.polarity import Travel, direction_of_travel
from insights.analysis.series import PeriodSeries


@dataclass(frozen=True)
class Change:
    """``now`` against ``then``; ``then`` is None when there is nothing to compare with."""

    now: float
    then: float | None

    @property
    def absolute(self) -> float | None:
        return None if self.then is None else self.now - self.then

    @property
    def percent(self) -> float | None:
        """Change as a percentage of ``then``; None when ``then`` is None or zero."""
        if self.then is None or self.then == 0:
            return None
        return 100.0 * (self.now - self.then) / self.then


@dataclass(frozen=True)
class Comparison:
    """One grouping in one period with everything a trend table shows about it."""

    dimensions: Mapping[str, str | None]
    period: Period
    count: int
    previous: Change
    last_year: Change
    baseline: Change  # against the rolling mean of the preceding periods
    year_to_date: Change
    share: float | None  # of the total over all groupings compared, 0-1
    population: int | None
    rate_per_1000: float | None
    travel: Travel  # against the same period last year, with the contact type's polarity


def rate_per_1000(count: float, population: int | None) -> float | None:
    """Contacts per 1,000 residents; None without a (positive) population."""
    if not population or population <= 0:
        return None
    return 1000.0 * count / population


def share_of_total(counts: Sequence[float]) -> list[float | None]:
    """Each count's share of the sum (0-1); None for all when the sum is zero."""
    total = float(sum(counts))
    return [None if total == 0 else c / total for c in counts]


def population_for(
    dimensions: Mapping[str, str | None], populations: Mapping[str, int] | None
) -> int | None:
    """The ward's population when grouped by ward, else the whole area's (sum of wards)."""
    if not populations:
        return None
    if "ward" in dimensions:
        ward = dimensions["ward"]
        return populations.get(ward) if ward else None
    return sum(populations.values())


def rolling_baseline(series: PeriodSeries, period: Period | str, window: int = 12) -> float | None:
    """Mean of up to ``window`` periods before ``period``; None when there are none."""
    i = series.index_of(period)
    if i is None or i == 0:
        return None
    before = series.counts[max(0, i - window) : i]
    return sum(before) / len(before)


def year_to_date(series: PeriodSeries, period: Period | str) -> Change:
    """Financial year to date (April to ``period``) against the same span a year earlier."""
    target = parse_period(period) if isinstance(period, str) else period
    fy_start = _financial_year_start(target.start)
    now = sum(
        c
        for p, c in zip(series.periods, series.counts, strict=True)
        if fy_start <= p.start <= target.start
    )
    last = target.same_period_last_year()
    last_start = _financial_year_start(last.start)
    if not series.periods or series.periods[0].start > last_start:
        return Change(now, None)
    then = sum(
        c
        for p, c in zip(series.periods, series.counts, strict=True)
        if last_start <= p.start <= last.start
    )
    return Change(now, then)


def _financial_year_start(day: date) -> date:
    return date(day.year if day.month >= 4 else day.year - 1, 4, 1)


def compare(
    series: Sequence[PeriodSeries],
    period: Period | str,
    *,
    window: int = 12,
    populations: Mapping[str, int] | None = None,
) -> list[Comparison]:
    """A ``Comparison`` for every series in ``period``; shares are of the total over
    ``series``. Periods outside a series compare as n/a, never as zero."""
    target = parse_period(period) if isinstance(period, str) else period
    counts = [s.count_at(target) or 0 for s in series]
    shares = share_of_total(counts)
    out = []
    for s, count, share in zip(series, counts, shares, strict=True):
        last_year = s.count_at(target.same_period_last_year())
        population = population_for(s.dimensions, populations)
        out.append(
            Comparison(
                dimensions=s.dimensions,
                period=target,
                count=count,
                previous=Change(count, s.count_at(target.previous())),
                last_year=Change(count, last_year),
                baseline=Change(count, rolling_baseline(s, target, window)),
                year_to_date=year_to_date(s, target),
                share=share,
                population=population,
                rate_per_1000=rate_per_1000(count, population),
                travel=direction_of_travel(s.dimensions.get("contact_type"), count, last_year),
            )
        )
    return out
