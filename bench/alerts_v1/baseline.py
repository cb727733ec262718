"""Frozen copy of insights/analysis/baseline.py before issue 11 (commit 4dc7713); bench only.

The expected count for a period from its series' history: level, trend and season where the
history allows, with lasting level shifts found by a change-point scan (the rules are on
``HistoryRules``). Pure functions; never reads the database or decides what is an alert.

It fits with today's GLM (``insights.analysis.glm``, never given a penalty here), so ``bench
alerts``' cost ratio compares the two detectors' work on the same solver, not the solver's own
speed then and now."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np
from scipy.special import ndtri

from contracts import Period, PeriodKind, financial_quarter
from insights.analysis.glm import Array, GlmFit, fit_robust  # today's: see the module docstring

PERIODS_PER_YEAR: dict[str, float] = {
    "day": 365.25,
    "week": 52.18,
    "month": 12.0,
    "quarter": 4.0,
    "year": 1.0,
}
SEASON_LENGTH: dict[str, int] = {"day": 7, "week": 52, "month": 12, "quarter": 4}
WINDOW: dict[str, int] = {"day": 91, "week": 156, "month": 60, "quarter": 20, "year": 10}


@dataclass(frozen=True)
class HistoryRules:
    """How much history each part of the model needs, and the level-shift test's settings.

    History rules (``HistoryRules``; defaults):
    - a series starts at its first non-zero count; the last 5 years of months or quarters, 3 years
      of weeks or 13 weeks of days are used;
    - fewer than 8 periods: not tested at all;
    - 8 or more: a level; 12 or more: plus a log-linear trend (always kept: dropping trends
      that test insignificant biases the baseline and makes the test over-confident);
    - 2 full seasonal cycles (24 months, 8 quarters, 104 weeks, 14 days) averaging at least 2
      contacts a period: plus season: two harmonics of the year for months and weeks (a
      month-of-year factor from 36 months averaging at least 10), financial quarter for
      quarters, weekday for days. Sparser series are not worth the noise of a seasonal fit.
    Level shifts: every split with at least 6 periods before and 3 after gets a score test for a
    step in the level (given level, trend and season; Pearson residuals clipped at +-3 so one
    outlier cannot make a shift); the best split, if significant after Bonferroni correction (alpha
    0.01) with two thirds of the later residuals on its side and a change of 20% or more, becomes a
    step in the model, so the level restarts from the new one (at most 2 shifts).
    """

    min_history: int = 8
    trend_history: int = 12
    seasonal_cycles: int = 2
    season_min_mean: float = 2.0
    month_factor_history: int = 36
    month_factor_min_mean: float = 10.0
    harmonics: int = 2
    shift_alpha: float = 0.01
    shift_before: int = 6
    shift_confirm: int = 3
    shift_min_change: float = 0.2
    max_shifts: int = 2
    recent_run: int = 6
    recent_z: float = 2.33


@dataclass(frozen=True, eq=False)
class Baseline:
    """What history says the target period should hold, and how the model was built."""

    target: Period
    expected: float
    log_se: float  # standard error of log(expected): parameter uncertainty
    alpha: float  # over-dispersion: Var = mu + alpha * mu^2 (0: Poisson)
    alpha_df: float  # degrees of freedom behind alpha
    terms: tuple[str, ...]  # "level", "trend", "season"
    shifts: tuple[Period, ...]  # starts of confirmed level shifts
    periods: tuple[Period, ...]  # the history used
    counts: Array
    fitted: Array


@dataclass(frozen=True)
class RecentShift:
    """A run of recent periods on one side of the baseline, too short to confirm as a shift."""

    start: Period
    factor: float  # the run's level / the baseline's
    log_se: float


def fit_baseline(
    periods: Sequence[Period],
    counts: Sequence[int] | Array,
    target: Period,
    rules: HistoryRules | None = None,
) -> Baseline | None:
    """The expectation for ``target`` from ``periods``/``counts`` (the history before it,
    contiguous and oldest first); None when the history is too short to test."""
    rules = rules or HistoryRules()
    y_all = np.asarray(counts, dtype=float)
    nonzero = np.flatnonzero(y_all)
    if nonzero.size == 0:
        return None
    start = max(int(nonzero[0]), len(y_all) - WINDOW[target.kind])
    y = y_all[start:]
    used = tuple(periods[start:])
    n = len(y)
    if n < rules.min_history:
        return None
    names, x = _design([*used, target], n, float(y.mean()), rules)
    plain, fit = fit_robust(x[:n], y)
    shifts: list[int] = []
    for _ in range(rules.max_shifts):
        tau = _scan_for_shift(x[:n], y, plain, shifts, rules)
        if tau is None:
            break
        step = (np.arange(n + 1) >= tau).astype(float)[:, None]
        wider = np.hstack([x, step])
        plain_wider, refit = fit_robust(wider[:n], y)
        if abs(np.expm1(refit.beta[-1])) < rules.shift_min_change:
            break
        names, x, plain, fit = [*names, f"shift:{used[tau].label}"], wider, plain_wider, refit
        shifts.append(tau)
    expected, log_se = fit.predict(x[n])
    terms = tuple(t for t in ("level", "trend", "season") if any(n_.startswith(t) for n_ in names))
    return Baseline(
        target=target,
        expected=expected,
        log_se=log_se,
        alpha=fit.alpha,
        alpha_df=fit.df,
        terms=terms,
        shifts=tuple(used[t] for t in sorted(shifts)),
        periods=used,
        counts=y,
        fitted=fit.mu,
    )


def recent_shift(baseline: Baseline, rules: HistoryRules | None = None) -> RecentShift | None:
    """The strongest run of the last few periods that sits on one side of the baseline
    (|z| >= 2.33, two thirds of its periods on that side), as a candidate new level."""
    rules = rules or HistoryRules()
    y, mu, alpha = baseline.counts, baseline.fitted, baseline.alpha
    best: tuple[float, int] | None = None
    for run in range(1, min(rules.recent_run, len(y) - 1) + 1):
        j = len(y) - run
        resid = y[j:] - mu[j:]
        z = float(resid.sum() / np.sqrt(np.sum(mu[j:] + alpha * mu[j:] ** 2)))
        if abs(z) < rules.recent_z or np.mean(np.sign(resid) == np.sign(z)) < 2 / 3:
            continue
        if best is None or abs(z) > abs(best[0]):
            best = (z, j)
    if best is None:
        return None
    j = best[1]
    observed, level = float(y[j:].sum()) + 0.5, float(mu[j:].sum())
    log_var = 1.0 / observed + alpha * float(np.sum(mu[j:] ** 2)) / level**2
    return RecentShift(baseline.periods[j], observed / level, float(np.sqrt(log_var)))


def _design(
    periods: Sequence[Period], n: int, mean: float, rules: HistoryRules
) -> tuple[list[str], Array]:
    kind = periods[0].kind
    names = ["level"]
    columns = [np.ones(len(periods))]
    season = SEASON_LENGTH.get(kind)
    if season is not None and n >= rules.seasonal_cycles * season and mean >= rules.season_min_mean:
        labels, cols = _season_columns(kind, periods, n, mean, rules)
        names += labels
        columns += cols
    if n >= rules.trend_history:
        names.append("trend")
        columns.append((np.arange(len(periods)) - n) / PERIODS_PER_YEAR[kind])
    return names, np.column_stack(columns)


def _season_columns(
    kind: PeriodKind, periods: Sequence[Period], n: int, mean: float, rules: HistoryRules
) -> tuple[list[str], list[Array]]:
    if kind == "quarter":
        q = np.array([financial_quarter(p.start) for p in periods])
        return [f"season:Q{k}" for k in (2, 3, 4)], [(q == k).astype(float) for k in (2, 3, 4)]
    if kind == "day":
        wd = np.array([p.start.weekday() for p in periods])
        return [f"season:d{k}" for k in range(1, 7)], [(wd == k).astype(float) for k in range(1, 7)]
    if kind == "month" and n >= rules.month_factor_history and mean >= rules.month_factor_min_mean:
        m = np.array([p.start.month for p in periods])
        return [f"season:m{k}" for k in range(2, 13)], [
            (m == k).astype(float) for k in range(2, 13)
        ]
    if kind == "month":
        angle = 2 * np.pi * (np.array([p.start.month for p in periods]) - 1) / 12
    else:  # weeks: position of the ISO week's Thursday in the year
        days = [(p.start.toordinal() + 3) for p in periods]
        angle = 2 * np.pi * np.array([_day_of_year(d) for d in days]) / 365.25
    names: list[str] = []
    cols: list[Array] = []
    for k in range(1, rules.harmonics + 1):
        names += [f"season:cos{k}", f"season:sin{k}"]
        cols += [np.cos(k * angle), np.sin(k * angle)]
    return names, cols


def _day_of_year(ordinal: int) -> int:
    return date.fromordinal(ordinal).timetuple().tm_yday - 1


def _scan_for_shift(
    x: Array, y: Array, fit: GlmFit, shifts: Sequence[int], rules: HistoryRules
) -> int | None:
    """The start of a significant level shift in ``y``, or None: a score test for a step at
    every admissible split under ``fit`` (projected on its covariates, so a trend cannot hide
    a recent shift), with clipped Pearson residuals, Bonferroni-corrected over the splits."""
    n, params = x.shape
    if n - params - 1 < 4:
        return None
    candidates = np.array(
        [
            tau
            for tau in range(rules.shift_before, n - rules.shift_confirm + 1)
            if all(abs(tau - s) >= rules.shift_confirm for s in shifts)
        ],
        dtype=int,
    )
    if candidates.size == 0:
        return None
    working = fit.mu / (1.0 + fit.alpha * fit.mu)
    residuals = fit.standardised_residuals(y)
    score = np.clip(residuals, -3.0, 3.0) * np.sqrt(working)
    tail_score = np.cumsum(score[::-1])[::-1][candidates]
    tail_info = np.cumsum(working[::-1])[::-1][candidates]
    tail_x = np.cumsum((x * working[:, None])[::-1], axis=0)[::-1][candidates]
    explained = np.einsum("ij,jk,ik->i", tail_x, fit.cov, tail_x)
    info = np.maximum(tail_info - explained, 1e-12)
    stat = tail_score / np.sqrt(info)
    best = int(np.argmax(np.abs(stat)))
    if abs(stat[best]) < -ndtri(rules.shift_alpha / (2 * candidates.size)):
        return None
    tau = int(candidates[best])
    if np.mean(np.sign(residuals[tau:]) == np.sign(stat[best])) < 2 / 3:
        return None
    return tau
