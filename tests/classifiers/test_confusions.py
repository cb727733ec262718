"""Reading a large confusion matrix: the most-confused pairs and the labels that matter, and
charts that show them (a row-normalised matrix of those labels, contacts per calibration bin)."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from classifiers import ConfusionMatrix, focus_labels, most_confused
from classifiers.calibration import reliability_table
from classifiers.plots import confusion_png, reliability_png


def big_matrix(n: int = 40) -> ConfusionMatrix:
    matrix = np.diag(np.arange(n, 0, -1) * 10)  # label 0 is the largest
    matrix[5, 7] = 30  # a small label much confused with another
    matrix[0, 1] = 4
    return ConfusionMatrix([f"label {i:02d}" for i in range(n)], matrix.tolist())


def test_the_most_confused_pairs_come_first_with_their_share_of_the_true_label() -> None:
    pairs = most_confused(big_matrix())
    assert [(p.true, p.predicted, p.contacts) for p in pairs] == [
        ("label 05", "label 07", 30),
        ("label 00", "label 01", 4),
    ]
    assert pairs[0].share_of_true == round(30 / (350 + 30), 4)


def test_the_labels_that_matter_are_the_largest_and_the_most_confused() -> None:
    confusion = big_matrix()
    kept = focus_labels(confusion, 6)
    assert len(kept) == 6
    assert {"label 00", "label 01", "label 05", "label 07"} <= set(kept)
    assert "label 39" not in kept  # the smallest, never confused
    assert kept == sorted(kept)  # in the matrix's order
    assert focus_labels(ConfusionMatrix(["a", "b"], [[1, 0], [0, 1]]), 6) == ["a", "b"]


def test_the_charts_are_written(tmp_path: Path) -> None:
    matrix = confusion_png(big_matrix(56), tmp_path / "confusion.png", "56 labels")
    assert matrix.read_bytes().startswith(b"\x89PNG")
    rng = np.random.default_rng(0)
    confidence = rng.uniform(0.1, 1.0, 500)
    calibration = reliability_table(confidence, rng.uniform(size=500) < confidence)
    assert sum(b.count for b in calibration.bins) == 500
    chart = reliability_png(calibration, tmp_path / "calibration.png", "calibration")
    assert chart.read_bytes().startswith(b"\x89PNG")
