"""Operating points: precision (with its Wilson lower bound) and coverage at each threshold,
the threshold a precision target picks, and a loud answer when no threshold reaches it."""

from __future__ import annotations

import numpy as np
import pytest

from classifiers.operating_points import choose_threshold_for, operating_points, wilson_lower


def test_wilson_lower_bound_matches_the_textbook_values() -> None:
    # 8 of 10 at z=1.96 (two-sided 95%): 0.4902 (Wilson 1927; e.g. Newcombe 1998, table I).
    assert float(wilson_lower(np.array(8), np.array(10), z=1.96)) == pytest.approx(0.4902, 1e-3)
    assert float(wilson_lower(np.array(0), np.array(0))) == 0.0
    many = float(wilson_lower(np.array(900), np.array(1000)))
    assert 0.88 < many < 0.9  # more evidence, a tighter bound under the 0.9 observed


def test_the_operating_point_table_counts_what_each_threshold_accepts() -> None:
    confidence = np.array([0.95, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.35])
    correct = np.array([1, 1, 1, 0, 1, 0, 0, 1], dtype=bool)
    points = {p.threshold: p for p in operating_points(confidence, correct, (0.3, 0.6, 0.85, 0.99))}
    assert points[0.3].coverage == 1.0 and points[0.3].precision == round(5 / 8, 4)
    assert points[0.6].coverage == round(5 / 8, 4) and points[0.6].precision == 0.8
    assert points[0.85].coverage == 0.25 and points[0.85].precision == 1.0
    # A lower bound is below the observed precision, and lower for fewer contacts.
    assert points[0.85].precision_lower is not None and points[0.85].precision_lower < 1.0
    assert points[0.99].precision is None and points[0.99].precision_lower is None
    assert points[0.99].coverage == 0.0
    assert points[0.6].to_dict().keys() == {"threshold", "precision", "precision_lower", "coverage"}


def calibrated(n: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    confidence = rng.uniform(0.3, 1.0, n)
    return confidence, rng.uniform(size=n) < confidence


def test_a_lower_precision_target_accepts_more() -> None:
    confidence, correct = calibrated(3000, 0)
    strict = choose_threshold_for(confidence, correct, 0.95)
    lenient = choose_threshold_for(confidence, correct, 0.90)
    assert strict.reached and lenient.reached
    assert lenient.threshold < strict.threshold
    assert (confidence >= lenient.threshold).mean() > (confidence >= strict.threshold).mean()
    accepted = confidence >= lenient.threshold
    assert correct[accepted].mean() >= 0.9
    assert lenient.warning("v") is None


def test_an_unreachable_target_says_what_is_achievable_instead_of_a_quiet_one() -> None:
    rng = np.random.default_rng(1)
    confidence = rng.uniform(0.2, 0.9, 2000)
    correct = rng.uniform(size=2000) < confidence * 0.95  # never 95% right
    choice = choose_threshold_for(confidence, correct, 0.95)
    assert not choice.reached and choice.threshold == 1.0
    best = choice.best
    assert best is not None and best.precision is not None and best.precision_lower is not None
    assert 0.6 < best.precision_lower < 0.95 and 0.0 < best.coverage < 1.0
    accepted = confidence >= best.threshold
    assert best.coverage == round(float(accepted.mean()), 4)
    warning = choice.warning("the validation fold")
    assert warning is not None
    assert "no threshold reaches 95% precision" in warning
    assert f"{best.precision:.1%} precision" in warning and f"{best.coverage:.1%}" in warning
    assert "--precision-target" in warning
