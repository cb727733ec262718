"""Calibration and abstention: temperature scaling, the threshold that reaches a target
precision, and reliability tables."""

from __future__ import annotations

import numpy as np
from sklearn.svm import LinearSVC

from classifiers.calibration import (
    TemperatureScaling,
    auto_accept,
    choose_threshold,
    reliability_table,
)


def test_the_threshold_is_the_lowest_confidence_keeping_the_target_precision() -> None:
    confidence = np.array([0.99, 0.95, 0.9, 0.8, 0.7, 0.6, 0.5])
    correct = np.array([1, 1, 1, 1, 0, 1, 0], dtype=bool)
    # On the point estimate (z=0): down to 0.8, 4/4 right; down to 0.6, 5/6 = 83%.
    assert choose_threshold(confidence, correct, 0.95, z=0) == 0.8
    assert choose_threshold(confidence, correct, 0.8, z=0) == 0.6
    assert choose_threshold(confidence, np.zeros(7, dtype=bool), 0.95, z=0) == 1.0
    assert auto_accept(confidence, correct, 0.8).to_dict() == {
        "threshold": 0.8,
        "precision": 1.0,
        "coverage": round(4 / 7, 4),
    }


def test_a_handful_of_right_answers_does_not_justify_auto_accepting() -> None:
    confidence = np.linspace(0.99, 0.9, 5)
    assert choose_threshold(confidence, np.ones(5, dtype=bool), 0.95) == 1.0  # 5/5: too few
    many = np.linspace(0.99, 0.5, 200)
    assert choose_threshold(many, np.ones(200, dtype=bool), 0.95) == 0.5


def test_ties_are_accepted_or_refused_together() -> None:
    confidence = np.array([0.9, 0.9, 0.9, 0.5])
    correct = np.array([1, 1, 0, 1], dtype=bool)
    assert choose_threshold(confidence, correct, 0.9, z=0) == 1.0  # 2/3 at 0.9 is not enough


def test_a_threshold_chosen_on_calibrated_validation_data_holds_on_new_data() -> None:
    rng = np.random.default_rng(0)

    def sample(n: int) -> tuple[np.ndarray, np.ndarray]:
        confidence = rng.uniform(0.3, 1.0, n)
        return confidence, rng.uniform(size=n) < confidence  # calibrated by construction

    threshold = choose_threshold(*sample(2000), 0.9)
    confidence, correct = sample(20000)
    achieved = auto_accept(confidence, correct, threshold)
    assert achieved.precision is not None and achieved.precision >= 0.9
    assert 0.2 < achieved.coverage < 0.6


def test_temperature_scaling_fixes_overconfidence_and_keeps_every_prediction() -> None:
    rng = np.random.default_rng(1)
    centres = rng.normal(size=(3, 5))
    y = rng.integers(0, 3, 3000)
    X = centres[y] + rng.normal(scale=1.6, size=(3000, 5))
    labels = np.array(["a", "b", "c"])[y]
    svm = LinearSVC(C=10.0).fit(X[:1000], labels[:1000])
    raw = TemperatureScaling(svm).fit(X[:0], [])  # temperature 1: a plain softmax of margins
    scaled = TemperatureScaling(svm).fit(X[1000:2000], labels[1000:2000])
    assert scaled.temperature_ != 1.0
    test_x, test_y = X[2000:], labels[2000:]
    assert (scaled.predict(test_x) == svm.predict(test_x)).all()

    def ece(model: TemperatureScaling) -> float:
        proba = model.predict_proba(test_x)
        correct = model.classes_[proba.argmax(axis=1)] == test_y
        return float(reliability_table(proba.max(axis=1), correct).expected_calibration_error)

    assert ece(scaled) < 0.05
    assert ece(scaled) < ece(raw)
    np.testing.assert_allclose(scaled.predict_proba(test_x).sum(axis=1), 1.0)


def test_a_calibration_fold_may_lack_classes_the_model_knows() -> None:
    X = np.array([[0.0, 1.0], [1.0, 0.0], [1.0, 1.0], [0.0, 0.0]] * 10)
    y = np.array(["a", "b", "c", "d"] * 10)
    svm = LinearSVC().fit(X, y)
    scaled = TemperatureScaling(svm).fit(X[:2], ["a", "zzz"])  # one known row only
    assert scaled.predict_proba(X).shape == (40, 4)
