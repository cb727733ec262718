"""Frozen copy of insights/analysis/detector.py before issue 11 (commit 4dc7713); bench only.

Alerts: each series' count in a period tested against its baseline for over-dispersed counts,
with Benjamini-Hochberg false-discovery control across all series tested together, a minimum
count and change, and continuing level shifts not alarmed again. Never reads the database."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from bench.alerts_v1.baseline import Baseline, HistoryRules, fit_baseline, recent_shift
from contracts import Period, parse_period
from insights.analysis import (
    Labels,
    PeriodSeries,
    Travel,
    alert_reason,
    direction_of_travel,
    record_phrase,
    series_label,
)
from insights.analysis.significance import (  # unchanged since v1 (BH now by scipy)
    bh_qvalues,
    tail_probabilities,
    two_sided_p,
)


@dataclass(frozen=True)
class DetectorConfig:
    """When a significant change is worth an alert."""

    fdr: float = 0.05  # Benjamini-Hochberg false discovery rate across series tested together
    min_count: int = 10  # a rise needs this many observed, a fall this many expected
    min_change: float = 0.2  # and |observed / expected - 1| at least this
    history: HistoryRules = field(default_factory=HistoryRules)


@dataclass(frozen=True)
class Assessment:
    """One series tested in one period; ``alert`` when it is significant and material."""

    dimensions: Mapping[str, str | None]
    period: Period
    observed: int
    expected: float
    direction: Literal["up", "down"]
    p_value: float
    q_value: float
    alert: bool
    travel: Travel  # with the contact type's polarity: complaints up is worse
    reason: str
    baseline: Baseline
    level_since: Period | None = None  # expected is the level of a recent run since then


@dataclass(frozen=True)
class _Tested:
    series: PeriodSeries
    index: int
    baseline: Baseline
    expected: float
    p_value: float
    level_since: Period | None


def latest_period(series: Sequence[PeriodSeries]) -> Period | None:
    """The last period the series cover (they share one span when loaded together)."""
    ends = [s.periods[-1] for s in series if s.periods]
    return max(ends, key=lambda p: p.start) if ends else None


def score_series(
    series: PeriodSeries, period: Period | str, rules: HistoryRules | None = None
) -> tuple[float, float, Baseline, Period | None] | None:
    """``(expected, two-sided p, baseline, level_since)`` for one series' count in ``period``
    using only the periods before it; None when the history is too short to test."""
    tested = _test(series, period, rules or HistoryRules())
    if tested is None:
        return None
    return tested.expected, tested.p_value, tested.baseline, tested.level_since


def _test(series: PeriodSeries, period: Period | str, rules: HistoryRules) -> _Tested | None:
    """A period that continues a recent run away from the baseline (a level shift too new to
    confirm) is tested against both the old level and the run's, and is unusual only if
    unusual under both (the larger p-value); a confirmed shift is already in the baseline."""
    i = series.index_of(period)
    if i is None:
        return None
    target = series.periods[i]
    baseline = fit_baseline(series.periods[:i], series.counts[:i], target, rules)
    if baseline is None:
        return None
    y = series.counts[i]
    p = two_sided_p(
        *tail_probabilities(
            y, baseline.expected, baseline.log_se, baseline.alpha, baseline.alpha_df
        )
    )
    expected, since = baseline.expected, None
    shift = recent_shift(baseline, rules)
    if shift is not None and (shift.factor > 1) == (y > baseline.expected):
        shifted = baseline.expected * shift.factor
        se = math.hypot(baseline.log_se, shift.log_se)
        p_shift = two_sided_p(
            *tail_probabilities(y, shifted, se, baseline.alpha, baseline.alpha_df)
        )
        if p_shift > p:  # unusual only if unusual under both levels
            p, expected, since = p_shift, shifted, shift.start
    return _Tested(series, i, baseline, expected, p, since)


def assess(
    series: Sequence[PeriodSeries],
    period: Period | str | None = None,
    *,
    config: DetectorConfig | None = None,
    labels: Labels | None = None,
) -> list[Assessment]:
    """Every series with enough history, tested in ``period`` (default: the latest) as if it
    were the latest; q-values are over all of them. Alerts first, most significant first."""
    config = config or DetectorConfig()
    target = latest_period(series) if period is None else period
    if target is None:
        return []
    if isinstance(target, str):
        target = parse_period(target)
    tested = [t for s in series if (t := _test(s, target, config.history)) is not None]
    q_values = bh_qvalues([t.p_value for t in tested])
    out = [_assessment(t, q, config, labels) for t, q in zip(tested, q_values, strict=True)]
    return sorted(out, key=lambda a: (not a.alert, a.q_value, -abs(a.observed - a.expected)))


def detect(
    series: Sequence[PeriodSeries],
    period: Period | str | None = None,
    *,
    config: DetectorConfig | None = None,
    labels: Labels | None = None,
) -> list[Assessment]:
    """The alerts for ``period`` (default: the latest), most significant first."""
    return [a for a in assess(series, period, config=config, labels=labels) if a.alert]


def detect_all_periods(
    series: Sequence[PeriodSeries],
    *,
    config: DetectorConfig | None = None,
    labels: Labels | None = None,
) -> list[Assessment]:
    """Alerts for every period in the series' span, each as if it were the latest (using only
    the data before it): how often the detector alarms, oldest period first."""
    periods = {p.label: p for s in series for p in s.periods}
    out: list[Assessment] = []
    for period in sorted(periods.values(), key=lambda p: p.start):
        out.extend(detect(series, period, config=config, labels=labels))
    return out


def _assessment(t: _Tested, q: float, config: DetectorConfig, labels: Labels | None) -> Assessment:
    y = t.series.counts[t.index]
    period = t.series.periods[t.index]
    direction: Literal["up", "down"] = "up" if y >= t.expected else "down"
    material = (
        y >= config.min_count if direction == "up" else t.expected >= config.min_count
    ) and abs(y - t.expected) >= config.min_change * t.expected
    reason = alert_reason(
        series_label(t.series.dimensions, labels),
        period,
        y,
        t.expected,
        record=record_phrase(t.series, t.index, direction),
        level_since=t.level_since,
    )
    return Assessment(
        dimensions=t.series.dimensions,
        period=period,
        observed=y,
        expected=t.expected,
        direction=direction,
        p_value=t.p_value,
        q_value=q,
        alert=material and q <= config.fdr,
        travel=direction_of_travel(t.series.dimensions.get("contact_type"), y, t.expected),
        reason=reason,
        baseline=t.baseline,
        level_since=t.level_since,
    )
