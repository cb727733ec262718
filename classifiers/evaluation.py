"""Measuring a model on labelled texts for one target: accuracy, macro-F1, per-class
precision/recall/support, the confusion matrix, calibration and the auto-accept figures."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from sklearn.metrics import confusion_matrix, precision_recall_fscore_support

from classifiers.calibration import auto_accept, reliability_table
from classifiers.labeller import Labeller
from classifiers.operating_points import operating_points
from classifiers.report import ClassScores, ConfusionMatrix, TargetMetrics


def predictions(
    labeller: Labeller, texts: Sequence[str], target: str
) -> tuple[np.ndarray, np.ndarray]:
    """The predicted label and its calibrated probability for each text."""
    return best_of(labeller.classes(target), labeller.predict_proba(texts)[target])


def best_of(classes: np.ndarray, proba: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each row's most probable class and its probability."""
    best = np.argmax(proba, axis=1)
    return classes[best], proba[np.arange(len(best)), best]


def target_metrics(
    truth: Sequence[str] | np.ndarray,
    predicted: Sequence[str] | np.ndarray,
    confidence: np.ndarray,
    threshold: float,
    *,
    confusion: bool = True,
) -> TargetMetrics:
    """Every figure for one target; ``auto_accept`` applies ``threshold`` to these rows."""
    truth_a, predicted_a = np.asarray(truth), np.asarray(predicted)
    labels = sorted(set(truth_a) | set(predicted_a))
    precision, recall, f1, support = precision_recall_fscore_support(
        truth_a, predicted_a, labels=labels, zero_division=0
    )
    correct = truth_a == predicted_a
    matrix = (
        ConfusionMatrix(
            [str(v) for v in labels],
            confusion_matrix(truth_a, predicted_a, labels=labels).tolist(),
        )
        if confusion
        else None
    )
    return TargetMetrics(
        rows=len(truth_a),
        accuracy=round(float(correct.mean()), 4),
        macro_f1=round(float(np.mean(f1)), 4),
        per_class={
            str(label): ClassScores(
                round(float(p), 4), round(float(r), 4), round(float(f), 4), int(s)
            )
            for label, p, r, f, s in zip(labels, precision, recall, f1, support, strict=True)
        },
        auto_accept=auto_accept(confidence, correct, threshold),
        calibration=reliability_table(confidence, correct),
        operating_points=operating_points(confidence, correct),
        confusion_matrix=matrix,
    )


def macro_f1(truth: Sequence[str], predicted: Sequence[str]) -> float:
    labels = sorted(set(truth) | set(predicted))
    f1 = precision_recall_fscore_support(truth, predicted, labels=labels, zero_division=0)[2]
    return round(float(np.mean(f1)), 4)


def top_confusions(confusion: ConfusionMatrix, top: int = 15) -> list[tuple[str, str, int]]:
    """The most frequent (true, predicted) mistakes."""
    labels, matrix = confusion.labels, np.asarray(confusion.matrix)
    pairs = [
        (labels[i], labels[j], int(matrix[i, j]))
        for i in range(len(labels))
        for j in range(len(labels))
        if i != j and matrix[i, j] > 0
    ]
    return sorted(pairs, key=lambda p: -p[2])[:top]
