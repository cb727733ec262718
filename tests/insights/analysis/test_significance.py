"""Tail probabilities for over-dispersed counts and Benjamini-Hochberg q-values, checked
against scipy and statsmodels."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from scipy.stats import nbinom, poisson
from statsmodels.stats.multitest import multipletests

from insights.analysis import bh_qvalues, tail_probabilities, two_sided_p


@pytest.mark.parametrize(
    ("observed", "mean", "alpha"), [(15, 10.0, 0.2), (0, 4.0, 0.5), (3, 30.0, 0.05)]
)
def test_negative_binomial_tails_match_scipy(observed: int, mean: float, alpha: float) -> None:
    size = 1 / alpha
    law = nbinom(size, size / (size + mean))
    upper, lower = tail_probabilities(observed, mean, 0.0, alpha)
    assert upper == pytest.approx(law.sf(observed - 1), rel=1e-9)
    assert lower == pytest.approx(law.cdf(observed), rel=1e-9)


def test_poisson_when_there_is_no_over_dispersion() -> None:
    upper, lower = tail_probabilities(15, 10.0, 0.0, 0.0)
    assert upper == pytest.approx(poisson.sf(14, 10.0))
    assert lower == pytest.approx(poisson.cdf(15, 10.0))


def test_baseline_uncertainty_widens_the_tails() -> None:
    sure = two_sided_p(*tail_probabilities(30, 12.0, 0.0, 0.05))
    unsure_mean = two_sided_p(*tail_probabilities(30, 12.0, 0.3, 0.05))
    unsure_alpha = two_sided_p(*tail_probabilities(30, 12.0, 0.0, 0.05, alpha_df=10))
    assert sure < unsure_mean and sure < unsure_alpha


def test_bh_qvalues_match_statsmodels() -> None:
    p = np.random.default_rng(1).uniform(size=200) ** 3
    expected = multipletests(p, method="fdr_bh")[1]
    assert bh_qvalues(list(p)) == pytest.approx(list(expected))


def test_bh_small_cases() -> None:
    assert bh_qvalues([]) == []
    assert bh_qvalues([0.01]) == [0.01]
    # ranks 1..4 of 4: 0.01*4, 0.02*2, 0.03*4/3, 0.5; q is monotone in p
    assert bh_qvalues([0.5, 0.03, 0.01, 0.02]) == pytest.approx([0.5, 0.04, 0.04, 0.04])


@given(st.lists(st.floats(min_value=0, max_value=1), min_size=1, max_size=50))
def test_bh_qvalues_bounds_and_order(p: list[float]) -> None:
    q = bh_qvalues(p)
    assert all(pi - 1e-12 <= qi <= 1 for pi, qi in zip(p, q, strict=True))
    order = np.argsort(p, kind="stable")
    assert all(q[order[i]] <= q[order[i + 1]] + 1e-12 for i in range(len(p) - 1))
