"""The expected count for a period from its series' history: level, trend and season where the
history allows, with lasting level shifts found by a change-point scan (the rules are on
``HistoryRules``). Pure functions; never reads the database or decides what is an alert."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache

import numpy as np
from scipy.special import ndtri

from contracts import Period, PeriodKind, financial_quarter
from insights.analysis.changepoints import best_step
from insights.analysis.glm import Array, GlmFit, fit_robust

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

    History rules (``HistoryRules``; defaults), after the improved Farrington algorithm
    (Noufaily et al. 2013):
    - a series starts at its first non-zero count; the last 5 years of months or quarters, 3 years
      of weeks or 13 weeks of days are used;
    - fewer than 8 periods: not tested at all;
    - 8 or more: a level; 12 or more: plus a log-linear trend, kept only when it is significant
      (Wald test at 5%), as Noufaily et al. do: an idle trend widens every prediction. From 3
      years of history the trend is always kept: there, a drift too small for the test (3-5% a
      year) still moves a level averaged over the years by more than the level's own error, and
      dropping it left predictions off by 12% (standard deviation) where they claimed 9% (`bench
      alerts`' stable series), while keeping an idle one only doubles the level's variance;
    - 2 full seasonal cycles (24 months, 8 quarters, 104 weeks, 14 days) averaging at least 2
      contacts a period: plus season: two harmonics of the year for months and weeks (a
      month-of-year factor from 36 months averaging at least 10), financial quarter for
      quarters, weekday for days. Sparser series are not worth the noise of a seasonal fit.
      Month-of-year factors are shrunk towards the harmonics by as much as the history's own
      months say they depart from them (``_month_penalty``), at least 2%; not where a month
      averages under one contact (a closed season), whose factors stay free;
    - periods far from the fit (Anscombe residual beyond 2.58) are downweighted, so past spikes
      and drops inflate neither the level nor the dispersion.
    Level shifts (change points): every split with at least 6 periods before and 3 after gets a
    t-test for a step in the log counts (given level, trend and season; residuals clipped at 3
    robust standard deviations so one outlier cannot make a shift), judged against the noise
    left once the step is explained, so a launch cannot hide by inflating the dispersion. The
    best split, if significant after Bonferroni correction (alpha 0.01) with two thirds of the
    later periods on its side and a change of 20% or more, is a change point. With at least 24
    periods after it the history restarts there: what came before (a launch, a different
    service) no longer shapes the level, the trend or the noise. With fewer, it becomes a step
    in the model, so the level restarts from the new one. At most 2 steps in the model.
    """

    min_history: int = 8
    trend_history: int = 12
    seasonal_cycles: int = 2
    season_min_mean: float = 2.0
    month_factor_history: int = 36
    month_factor_min_mean: float = 10.0
    harmonics: int = 2
    month_departure_min: float = 0.02
    shift_alpha: float = 0.01
    shift_before: int = 6
    shift_confirm: int = 3
    shift_min_change: float = 0.2
    max_shifts: int = 2
    restart_history: int = 24
    trend_p: float = 0.05
    trend_always_years: float = 3.0
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
    if len(y_all) - start < rules.min_history:
        return None
    y = y_all[start:]
    used = tuple(periods[start:])
    n = len(y)
    names, x = _design([*used, target], n, float(y.mean()), rules)
    changes = _change_points(x[:n], y, rules)
    cut = max((t for t in changes if n - t >= rules.restart_history), default=0)
    restarts = tuple(used[t] for t in changes if t <= cut)
    if cut:  # the history restarts at the last change point with enough periods after it
        y, used, n = y[cut:], used[cut:], n - cut
        names, x = _design([*used, target], n, float(y.mean()), rules)
    steps = [t - cut for t in changes if t > cut][-rules.max_shifts :]
    for tau in steps:
        names.append(f"shift:{used[tau].label}")
        x = np.hstack([x, (np.arange(n + 1) >= tau).astype(float)[:, None]])
    years = n / PERIODS_PER_YEAR[target.kind]
    names, x, fit = _fit_shrunk_robust(names, x, y, n, rules, years)
    expected, log_se = fit.predict(x[n])
    terms = tuple(t for t in ("level", "trend", "season") if any(n_.startswith(t) for n_ in names))
    return Baseline(
        target=target,
        expected=expected,
        log_se=log_se,
        alpha=fit.alpha,
        alpha_df=fit.df,
        terms=terms,
        shifts=(*restarts, *(used[t] for t in steps)),
        periods=used,
        counts=y,
        fitted=fit.mu,
    )


def _change_points(x: Array, y: Array, rules: HistoryRules) -> list[int]:
    """Lasting level shifts in ``y`` given covariates ``x``, oldest first: the best step, then
    the best given it, and so on (at most ``max_shifts + 1``), each significant and material."""
    steps: list[int] = []
    for _ in range(rules.max_shifts + 1):
        found = best_step(
            x, y, rules.shift_before, rules.shift_confirm, rules.shift_alpha, tuple(steps)
        )
        if found is None or abs(found[1] - 1.0) < rules.shift_min_change:
            break
        steps.append(found[0])
        x = np.hstack([x, (np.arange(len(y)) >= found[0]).astype(float)[:, None]])
    return sorted(steps)


def _fit_shrunk_robust(
    names: list[str], x: Array, y: Array, n: int, rules: HistoryRules, years: float
) -> tuple[list[str], Array, GlmFit]:
    """The robust fit, month factors shrunk towards the harmonics (``_month_penalty``); the
    trend is kept from ``trend_always_years`` of history and, in a shorter one, only when its
    Wald test is significant."""
    penalty = _month_penalty(names, x[:n], y, rules)
    _, fit = fit_robust(x[:n], y, penalty)
    if "trend" not in names or years >= rules.trend_always_years:
        return names, x, fit
    column = names.index("trend")
    if abs(fit.z_value(column)) >= -ndtri(rules.trend_p / 2):
        return names, x, fit
    keep = [i for i in range(x.shape[1]) if i != column]
    x = x[:, keep]
    _, fit = fit_robust(x[:n], y, None if penalty is None else penalty[np.ix_(keep, keep)])
    return [names[i] for i in keep], x, fit


def _month_penalty(names: list[str], x: Array, y: Array, rules: HistoryRules) -> Array | None:
    """Month-of-year factors as random effects around the year's harmonics: each month's
    departure from the smooth season is shrunk by as much as the history's own months say
    departures vary (James-Stein: from the unshrunk fit's departures d and their sampling
    variance, spread = |d|^2 / (k - 2) - noise / k over the k = 7 directions the harmonics
    cannot follow, which makes the shrinkage factor unbiased), so a real December dip stays
    and four or five years' noise does not move the prediction. None when the model has no
    month factors."""
    if "season:m2" not in names:
        return None
    columns = [names.index(f"season:m{month}") for month in range(2, 13)]
    month = np.where(x[:, columns].any(axis=1), x[:, columns].argmax(axis=1) + 1, 0)
    if min(np.bincount(month, weights=y, minlength=12) / np.bincount(month, minlength=12)) < 1:
        return None  # a closed season (no gritting in summer) is no noise: months stay free
    _, fit = fit_robust(x, y)
    to_months = np.zeros((12, x.shape[1]))
    to_months[np.arange(1, 12), columns] = 1.0  # January is the reference (effect 0)
    off_smooth = _off_harmonics(rules.harmonics)
    departures = off_smooth @ to_months @ fit.beta
    noise = float(np.trace(off_smooth @ to_months @ fit.cov @ to_months.T @ off_smooth))
    rank = 12 - 1 - 2 * rules.harmonics
    spread = max(
        float(departures @ departures) / (rank - 2) - noise / rank, rules.month_departure_min**2
    )
    return np.asarray(to_months.T @ off_smooth @ to_months / spread, dtype=float)


@cache
def _off_harmonics(harmonics: int) -> Array:
    """The projection of 12 month effects onto what a level and ``harmonics`` harmonics of the
    year cannot follow (read-only: it is shared)."""
    angle = 2 * np.pi * np.arange(12) / 12
    smooth = [np.ones(12)]
    for k in range(1, harmonics + 1):
        smooth += [np.cos(k * angle), np.sin(k * angle)]
    basis, _ = np.linalg.qr(np.column_stack(smooth))
    projection = np.asarray(np.eye(12) - basis @ basis.T, dtype=float)
    projection.setflags(write=False)
    return projection


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
