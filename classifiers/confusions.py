"""Reading a confusion matrix with many labels: the most-confused pairs, and the labels that
matter most (most contacts and most confusions) when not all can be shown."""

from __future__ import annotations

import numpy as np

from classifiers.report import ConfusedPair, ConfusionMatrix


def most_confused(confusion: ConfusionMatrix, top: int = 15) -> list[ConfusedPair]:
    """The most frequent (true, predicted) mistakes, with the share of the true label's
    contacts each takes."""
    labels, matrix = confusion.labels, np.asarray(confusion.matrix)
    support = matrix.sum(axis=1)
    pairs = [
        ConfusedPair(
            true=labels[i],
            predicted=labels[j],
            contacts=int(matrix[i, j]),
            share_of_true=round(float(matrix[i, j] / support[i]), 4),
        )
        for i, j in zip(*np.nonzero(matrix), strict=True)
        if i != j
    ]
    return sorted(pairs, key=lambda p: (-p.contacts, -p.share_of_true, p.true))[:top]


def focus_labels(confusion: ConfusionMatrix, top: int) -> list[str]:
    """Up to ``top`` labels, in the matrix's order: those of the most-confused pairs (up to
    half of them), then the labels with the most contacts."""
    labels, matrix = confusion.labels, np.asarray(confusion.matrix)
    if len(labels) <= top:
        return list(labels)
    chosen: dict[str, None] = {}
    for pair in most_confused(confusion, top):
        for label in (pair.true, pair.predicted):
            if len(chosen) < top // 2:
                chosen[label] = None
    for i in np.argsort(-matrix.sum(axis=1), kind="stable"):
        if len(chosen) >= top:
            break
        chosen[labels[i]] = None
    return [label for label in labels if label in chosen]
