"""Frozen copy of insights/analysis/significance.py before issue 11 (4dc7713); bench only.

Significance for over-dispersed counts: predictive tail probabilities of an observed count
under a quasi-Poisson baseline (with the baseline's own uncertainty), and Benjamini-Hochberg
q-values across the many series tested at once. Pure functions."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import numpy as np
from numpy.polynomial.hermite_e import hermegauss
from numpy.typing import NDArray
from scipy.special import betainc, chdtri, gammainc, gammaincc

_NODES, _WEIGHTS = hermegauss(21)
_WEIGHTS = _WEIGHTS / _WEIGHTS.sum()
_CHI2_POINTS = (np.arange(15) + 0.5) / 15  # equal-mass points of alpha's sampling distribution
MAX_LOG_SE = 1.5  # caps the baseline's uncertainty when a level has fallen to about zero
MIN_MEAN = 1e-9


def tail_probabilities(
    observed: int, expected: float, log_se: float, alpha: float, alpha_df: float | None = None
) -> tuple[float, float]:
    """``(P(Y >= observed), P(Y <= observed))`` for a negative binomial count (variance
    mu + alpha * mu^2; Poisson when alpha is 0) under the baseline's own uncertainty, so a
    short or noisy history gives wider limits: the mean is ``expected`` times a log-normal
    error with standard deviation ``log_se`` (Gauss-Hermite quadrature) and, given
    ``alpha_df``, alpha is spread as alpha_hat * df / chi2(df) (as the t-distribution does for
    an estimated variance)."""
    k = int(observed)
    s = min(max(log_se, 0.0), MAX_LOG_SE)
    means = np.maximum(expected, MIN_MEAN) * np.exp(s * _NODES)
    if alpha <= 1e-8:
        lower = gammaincc(k + 1, means)
        upper = gammainc(k, means) if k > 0 else np.ones_like(means)
        return _mix(upper), _mix(lower)
    alphas = np.array([alpha])
    if alpha_df is not None:
        alphas = alpha * _alpha_spread(round(alpha_df, 1))
    size = (1.0 / alphas)[:, None]
    p = size / (size + means[None, :])
    lower = betainc(size, k + 1, p).mean(axis=0)
    upper = betainc(k, size, 1.0 - p).mean(axis=0) if k > 0 else np.ones_like(means)
    return _mix(upper), _mix(lower)


@lru_cache(maxsize=512)
def _alpha_spread(df: float) -> NDArray[np.float64]:
    return np.asarray(df / chdtri(df, 1.0 - _CHI2_POINTS), dtype=float)  # chi2.ppf


def _mix(values: NDArray[np.float64]) -> float:
    return float(np.clip(_WEIGHTS @ values, 0.0, 1.0))


def two_sided_p(upper: float, lower: float) -> float:
    """Twice the smaller tail, at most 1."""
    return min(1.0, 2.0 * min(upper, lower))


def bh_qvalues(p_values: Sequence[float]) -> list[float]:
    """Benjamini-Hochberg adjusted p-values (q-values): reject all with q <= the chosen FDR."""
    p = np.asarray(p_values, dtype=float)
    m = p.size
    if m == 0:
        return []
    order = np.argsort(p)
    ranked = p[order] * m / np.arange(1, m + 1)
    adjusted = np.minimum.accumulate(ranked[::-1])[::-1]
    q = np.empty(m)
    q[order] = np.minimum(adjusted, 1.0)
    return [float(v) for v in q]
