"""PNG charts of an evaluation: the confusion matrix and the reliability diagram.

Uses matplotlib's object API with the Agg canvas: no pyplot state, no display needed.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from classifiers.report import ConfusionMatrix, Reliability


def confusion_png(confusion: ConfusionMatrix, path: Path, title: str) -> Path:
    labels, matrix = confusion.labels, np.asarray(confusion.matrix, dtype=float)
    rows = matrix.sum(axis=1, keepdims=True)
    share = np.divide(matrix, rows, out=np.zeros_like(matrix), where=rows > 0)
    size = min(4 + 0.22 * len(labels), 22)
    figure = Figure(figsize=(size + 1.5, size))
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    image = axes.imshow(share, cmap="Blues", vmin=0, vmax=1)
    figure.colorbar(image, ax=axes, label="share of the true label's contacts")
    ticks = np.arange(len(labels))
    font = 8 if len(labels) <= 20 else 5
    axes.set_xticks(ticks, labels, rotation=90, fontsize=font)
    axes.set_yticks(ticks, labels, fontsize=font)
    axes.set_xlabel("predicted")
    axes.set_ylabel("true")
    axes.set_title(title)
    if len(labels) <= 15:
        for i, j in zip(*np.nonzero(matrix), strict=True):
            colour = "white" if share[i, j] > 0.5 else "black"
            axes.text(
                j, i, str(int(matrix[i, j])), ha="center", va="center", color=colour, fontsize=7
            )
    figure.tight_layout()
    figure.savefig(path, dpi=110)
    return path


def reliability_png(calibration: Reliability, path: Path, title: str) -> Path:
    bins = calibration.bins
    figure = Figure(figsize=(5.5, 5))
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    axes.plot([0, 1], [0, 1], linestyle="--", color="grey", label="perfectly calibrated")
    confidence = [b.mean_confidence for b in bins]
    accuracy = [b.accuracy for b in bins]
    sizes = [20 + 200 * b.count / max(1, max(x.count for x in bins)) for b in bins]
    axes.plot(confidence, accuracy, color="tab:blue")
    axes.scatter(confidence, accuracy, s=sizes, color="tab:blue", label="model (size: contacts)")
    axes.set_xlim(0, 1)
    axes.set_ylim(0, 1.02)
    axes.set_xlabel("predicted probability")
    axes.set_ylabel("observed accuracy")
    ece = calibration.expected_calibration_error
    axes.set_title(f"{title}\nexpected calibration error {ece:.3f}")
    axes.legend(loc="upper left")
    figure.tight_layout()
    figure.savefig(path, dpi=110)
    return path
