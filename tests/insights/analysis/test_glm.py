"""The negative binomial GLM agrees with statsmodels; outliers are downweighted."""

from __future__ import annotations

import numpy as np
import pytest
import statsmodels.api as sm

from insights.analysis.glm import fit_negative_binomial, fit_robust


def design(n: int = 60) -> np.ndarray:
    t = np.arange(n)
    return np.column_stack(
        [np.ones(n), np.sin(2 * np.pi * t / 12), np.cos(2 * np.pi * t / 12), t / 12]
    )


def test_coefficients_and_errors_match_statsmodels_at_the_same_alpha() -> None:
    x = design()
    rng = np.random.default_rng(3)
    mu = np.exp(x @ np.array([3.5, 0.3, -0.2, 0.05]))
    y = rng.negative_binomial(20, 20 / (20 + mu)).astype(float)
    fit = fit_negative_binomial(x, y)
    assert 0.01 < fit.alpha < 0.2  # the truth is 1 / 20
    reference = sm.GLM(y, x, family=sm.families.NegativeBinomial(alpha=fit.alpha)).fit()
    assert fit.beta == pytest.approx(reference.params, rel=1e-6)
    assert np.sqrt(np.diag(fit.cov)) == pytest.approx(reference.bse, rel=1e-4)
    pearson = np.sum((y - fit.mu) ** 2 / fit.variance(fit.mu))
    assert pearson == pytest.approx(len(y) - x.shape[1], rel=1e-3)


def test_poisson_data_get_alpha_zero() -> None:
    x = design()
    y = np.random.default_rng(4).poisson(np.exp(x @ np.array([2.0, 0.2, 0.1, 0.0]))).astype(float)
    assert fit_negative_binomial(x, y).alpha == pytest.approx(0.0, abs=0.02)


def test_a_past_spike_is_downweighted() -> None:
    x = design()
    rng = np.random.default_rng(5)
    y = rng.poisson(np.exp(x @ np.array([3.0, 0.2, 0.1, 0.0]))).astype(float)
    y[30] *= 4
    plain, robust = fit_robust(x, y)
    assert robust.weights[30] < 0.1 * robust.weights.mean()
    assert robust.alpha < plain.alpha
    assert robust.mu[30] < plain.mu[30]


def test_a_penalty_shrinks_its_coefficients_and_spends_fewer_degrees_of_freedom() -> None:
    """An infinite penalty on a column is the fit without it; none is the plain fit; a
    moderate one lands between and counts less than a whole parameter."""
    x = design()
    rng = np.random.default_rng(6)
    y = rng.negative_binomial(30, 30 / (30 + np.exp(x @ np.array([3.0, 0.3, 0.1, 0.1])))).astype(
        float
    )
    plain = fit_negative_binomial(x, y)
    assert fit_negative_binomial(x, y, penalty=np.zeros((4, 4))).beta == pytest.approx(plain.beta)
    infinite = fit_negative_binomial(x, y, penalty=np.diag([0.0, 0.0, 0.0, 1e9]))
    without = fit_negative_binomial(x[:, :3], y)
    assert infinite.beta[3] == pytest.approx(0.0, abs=1e-6)
    assert infinite.beta[:3] == pytest.approx(without.beta, rel=1e-4)
    assert infinite.df == pytest.approx(without.df, abs=1e-3)
    moderate = fit_negative_binomial(x, y, penalty=np.diag([0.0, 0.0, 0.0, 50.0]))
    assert 0.0 < moderate.beta[3] < plain.beta[3]
    assert without.df > moderate.df > plain.df
    assert moderate.cov[3, 3] < plain.cov[3, 3]
