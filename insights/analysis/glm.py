"""A negative binomial (NB2) log-linear GLM: the mean by IRLS, the over-dispersion alpha by
the Pearson moment equation, and Farrington-style downweighting of outlying periods; some
coefficients may be random effects (a quadratic penalty). Pure numpy; knows nothing of
periods, series or the database."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from scipy.linalg.lapack import dposv

Array = NDArray[np.float64]
ETA_LIMIT = 20.0  # log-mean bounds: keeps IRLS finite when a level falls to zero
OUTLIER_RESIDUAL = 2.58  # |Anscombe residual| above which a period is downweighted
# Downweighting residuals beyond c by 1/r^2 keeps E[w r^2] = 1 - 2c phi(c) of the variance
# (normal approximation); dividing by it keeps the robust dispersion estimate consistent.
ROBUST_CONSISTENCY = 1.0 - 2.0 * OUTLIER_RESIDUAL * math.exp(
    -(OUTLIER_RESIDUAL**2) / 2
) / math.sqrt(2 * math.pi)
MAX_ALPHA = 10.0
RIDGE = 1e-8  # added to every information matrix: keeps the solves well-posed


@dataclass(frozen=True, eq=False)
class GlmFit:
    """A fitted model: Var(Y) = mu + alpha * mu^2; ``cov`` is the coefficients' covariance."""

    beta: Array
    mu: Array
    weights: Array
    alpha: float
    cov: Array
    df: float  # residual degrees of freedom behind alpha

    def variance(self, mu: Array | float) -> Array:
        return np.asarray(mu + self.alpha * np.square(mu), dtype=float)

    def predict(self, x: Array) -> tuple[float, float]:
        """Mean at covariates ``x`` and the standard error of its logarithm."""
        eta = min(max(float(x @ self.beta), -ETA_LIMIT), ETA_LIMIT)
        var = float(x @ self.cov @ x)
        return float(np.exp(eta)), float(np.sqrt(max(var, 0.0)))

    def z_value(self, column: int) -> float:
        """Wald statistic of one coefficient."""
        se = np.sqrt(self.cov[column, column])
        return float(self.beta[column] / se) if se > 0 else 0.0

    def standardised_residuals(self, y: Array) -> Array:
        """Pearson residuals: (y - mu) / sd(y)."""
        return np.asarray((y - self.mu) / np.sqrt(self.variance(self.mu)), dtype=float)


def fit_negative_binomial(
    x: Array,
    y: Array,
    weights: Array | None = None,
    consistency: float = 1.0,
    penalty: Array | None = None,
) -> GlmFit:
    """Alternate IRLS for the mean (alpha fixed) and the Pearson moment estimate of alpha
    (sum of squared Pearson residuals = ``consistency`` x residual degrees of freedom; alpha 0
    means Poisson).

    ``penalty`` (a p x p matrix K) makes some coefficients random effects: the fit maximises the
    likelihood minus beta' K beta / 2, ``cov`` is then the posterior covariance (X'WX + K)^-1,
    which counts the shrinkage's own uncertainty, and the degrees of freedom lose only the
    effective number of parameters (the trace of the hat matrix)."""
    w = np.ones(len(y)) if weights is None else np.asarray(weights, dtype=float)
    k = np.zeros((x.shape[1], x.shape[1])) if penalty is None else penalty
    df = max(float(w.sum()) - x.shape[1], 1.0)
    alpha = 0.0
    beta, mu = _irls(x, y, w, alpha, None, k)
    for _ in range(4):
        if penalty is not None:
            df = max(float(w.sum()) - _effective_parameters(x, w, mu, alpha, k), 1.0)
        new_alpha = _pearson_alpha(y, mu, w, df * consistency)
        if abs(new_alpha - alpha) <= 1e-3 * (alpha + 1e-3):
            break
        alpha = new_alpha
        beta, mu = _irls(x, y, w, alpha, beta, k)
    info = _information(x, w, mu, alpha) + k + RIDGE * np.eye(x.shape[1])
    return GlmFit(beta, mu, w, alpha, _inverse(info), df)


def _information(x: Array, w: Array, mu: Array, alpha: float) -> Array:
    """X'WX at the working weights: what the data say about beta."""
    return np.asarray((x.T * _working_weights(w, mu, alpha)) @ x, dtype=float)


def _working_weights(w: Array, mu: Array, alpha: float) -> Array:
    """IRLS's weights for the negative binomial with a log link: w mu / (1 + alpha mu)."""
    return np.asarray(w * mu / (1.0 + alpha * mu), dtype=float)


def _effective_parameters(x: Array, w: Array, mu: Array, alpha: float, penalty: Array) -> float:
    """trace((X'WX + K)^-1 X'WX): what a penalised fit spends of the data's degrees of freedom."""
    xwx = _information(x, w, mu, alpha)
    return float(np.trace(_solve(xwx + penalty + RIDGE * np.eye(x.shape[1]), xwx)))


def fit_robust(x: Array, y: Array, penalty: Array | None = None) -> tuple[GlmFit, GlmFit]:
    """``(plain fit, robust fit)``: the robust one refits with periods whose Anscombe residual
    exceeds 2.58 in either direction downweighted by the residual's inverse square (Farrington
    et al. 1996; Noufaily et al. 2013), so past spikes and drops inflate neither the baseline
    nor the dispersion (whose estimate is corrected for the downweighting)."""
    first = fit_negative_binomial(x, y, consistency=ROBUST_CONSISTENCY, penalty=penalty)
    residuals = anscombe_residuals(x, y, first)
    big = np.abs(residuals) > OUTLIER_RESIDUAL
    if not big.any():
        return first, first
    weights = np.where(big, 1.0 / np.maximum(residuals**2, 1e-12), 1.0)
    weights *= len(y) / weights.sum()
    return first, fit_negative_binomial(x, y, weights, ROBUST_CONSISTENCY, penalty)


def anscombe_residuals(x: Array, y: Array, fit: GlmFit) -> Array:
    """Anscombe (2/3-power) residuals, scaled for over-dispersion and leverage."""
    mu = fit.mu
    working = fit.weights * mu / (1.0 + fit.alpha * mu)
    leverage = working * np.einsum("ij,jk,ik->i", x, fit.cov, x)
    scale = np.sqrt((1.0 + fit.alpha * mu) * np.clip(1.0 - leverage, 1e-6, None))
    return np.asarray(
        1.5 * (np.cbrt(y) ** 2 - np.cbrt(mu) ** 2) / (mu ** (1.0 / 6.0) * scale), dtype=float
    )


def _irls(
    x: Array,
    y: Array,
    w: Array,
    alpha: float,
    start: Array | None,
    penalty: Array,
    max_iter: int = 50,
) -> tuple[Array, Array]:
    p = x.shape[1]
    beta = np.zeros(p) if start is None else start
    eta = np.log(y + 0.5) if start is None else _bounded(x @ start)
    mu = np.exp(eta)
    penalised = RIDGE * np.eye(p) + penalty
    previous = np.inf
    for _ in range(max_iter):
        working = _working_weights(w, mu, alpha)
        z = eta + (y - mu) / mu
        xtw = x.T * working
        beta = _solve(xtw @ x + penalised, xtw @ z)
        eta = _bounded(x @ beta)
        mu = np.exp(eta)
        residual = y - mu
        score = float((w * residual) @ (residual / (mu + alpha * mu * mu)))
        if abs(score - previous) <= 1e-8 * (score + 1.0):
            break
        previous = score
    return beta, mu


def _bounded(eta: Array) -> Array:
    """``eta`` within the log-mean bounds (``np.clip`` costs three times as much here)."""
    return np.minimum(np.maximum(eta, -ETA_LIMIT), ETA_LIMIT)


def _pearson_alpha(y: Array, mu: Array, w: Array, df: float) -> float:
    """The alpha at which the weighted Pearson statistic equals ``df`` (Newton's method on a
    decreasing convex function, so it approaches the root from below without overshooting)."""
    squared = w * (y - mu) ** 2 / mu
    if float(squared.sum()) <= df:
        return 0.0
    alpha = 0.0
    for _ in range(30):
        spread = 1.0 + alpha * mu
        share = squared / spread
        excess = float(share.sum()) - df
        slope = float(share @ (mu / spread))
        if slope <= 0:
            break
        step = excess / slope
        alpha += step
        if alpha >= MAX_ALPHA:
            return MAX_ALPHA
        if step <= 1e-7 * (alpha + 1e-9):
            break
    return alpha


def _solve(a: Array, b: Array) -> Array:
    """``a^-1 b`` for the fits' symmetric positive definite matrices, by Cholesky (LAPACK's
    dposv: a quarter of ``np.linalg.solve``'s cost at this size, which IRLS pays every step);
    by LU, or least squares, where ``a`` is not positive definite."""
    _, solution, info = dposv(a, b)
    if info == 0:
        return np.asarray(solution, dtype=float)
    try:
        return np.asarray(np.linalg.solve(a, b), dtype=float)
    except np.linalg.LinAlgError:
        return np.asarray(np.linalg.lstsq(a, b, rcond=None)[0], dtype=float)


def _inverse(a: Array) -> Array:
    try:
        return np.asarray(np.linalg.inv(a), dtype=float)
    except np.linalg.LinAlgError:
        return np.asarray(np.linalg.pinv(a), dtype=float)
