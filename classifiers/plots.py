"""PNG charts of an evaluation a manager can read: the confusion matrix normalised by row and
limited to the labels that matter, and the reliability diagram with the contacts per bin.

Uses matplotlib's object API with the Agg canvas: no pyplot state, no display needed.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from classifiers.confusions import focus_labels
from classifiers.report import ConfusionMatrix, Reliability

MATRIX_LABELS = 15  # more than this and no text in the cells can be read
REST = "all other labels"


def confusion_png(
    confusion: ConfusionMatrix, path: Path, title: str, top: int = MATRIX_LABELS
) -> Path:
    """Rows: the true labels with the most contacts and confusions; each row's shares of its
    contacts, per predicted label, plus a column for every other label (so a row adds to 100%)."""
    labels, matrix = confusion.labels, np.asarray(confusion.matrix, dtype=float)
    keep = focus_labels(confusion, top)
    index = np.array([labels.index(label) for label in keep], dtype=int)
    rest = np.setdiff1d(np.arange(len(labels)), index)
    shown = matrix[np.ix_(index, index)]
    if len(rest):
        shown = np.column_stack([shown, matrix[np.ix_(index, rest)].sum(axis=1)])
    rows = matrix[index].sum(axis=1, keepdims=True)
    share = np.divide(shown, rows, out=np.zeros_like(shown), where=rows > 0)
    columns = [*keep, *([REST] if len(rest) else [])]
    size = 4.5 + 0.45 * len(keep)
    figure = Figure(figsize=(size + 2, size))
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    image = axes.imshow(share, cmap="Blues", vmin=0, vmax=1, aspect="auto")
    figure.colorbar(image, ax=axes, label="share of the true label's contacts")
    axes.set_xticks(np.arange(len(columns)), [_short(c) for c in columns], rotation=60, ha="right")
    axes.set_yticks(
        np.arange(len(keep)),
        [f"{_short(k)} ({int(r)})" for k, r in zip(keep, rows[:, 0], strict=True)],
    )
    axes.tick_params(labelsize=9)
    axes.set_xlabel("predicted")
    axes.set_ylabel("true label (contacts)")
    note = (
        f"\n{len(keep)} of {len(labels)} labels: most contacts and confusions" if len(rest) else ""
    )
    axes.set_title(f"{title}{note}", fontsize=10)
    for i, j in zip(*np.nonzero(share >= 0.005), strict=True):
        colour = "white" if share[i, j] > 0.5 else "black"
        axes.text(j, i, f"{share[i, j]:.0%}", ha="center", va="center", color=colour, fontsize=8)
    figure.tight_layout()
    figure.savefig(path, dpi=110)
    return path


def reliability_png(calibration: Reliability, path: Path, title: str) -> Path:
    """Observed accuracy against predicted probability, each point labelled with its contacts,
    and below it a bar per bin: how many contacts the model gave that probability."""
    bins = calibration.bins
    figure = Figure(figsize=(6, 7))
    FigureCanvasAgg(figure)
    axes, counts = figure.subplots(2, 1, sharex=True, height_ratios=[3, 1])
    axes.plot([0, 1], [0, 1], linestyle="--", color="grey", label="perfectly calibrated")
    confidence = [b.mean_confidence for b in bins]
    accuracy = [b.accuracy for b in bins]
    axes.plot(confidence, accuracy, color="tab:blue", marker="o", label="model")
    for b in bins:
        axes.annotate(
            f"n={b.count}",
            (b.mean_confidence, b.accuracy),
            textcoords="offset points",
            xytext=(4, -12),
            fontsize=8,
        )
    axes.set_xlim(0, 1)
    axes.set_ylim(0, 1.05)
    axes.set_ylabel("observed accuracy")
    ece = calibration.expected_calibration_error
    axes.set_title(f"{title}\nexpected calibration error {ece:.3f}", fontsize=10)
    axes.legend(loc="upper left")
    lows = [float(b.bin.split("-")[0]) for b in bins]
    widths = [float(b.bin.split("-")[1]) - low for b, low in zip(bins, lows, strict=True)]
    counts.bar(
        lows,
        [b.count for b in bins],
        width=widths,
        align="edge",
        color="tab:blue",
        edgecolor="white",
    )
    for low, width, b in zip(lows, widths, bins, strict=True):
        counts.text(low + width / 2, b.count, str(b.count), ha="center", va="bottom", fontsize=8)
    counts.set_xlabel("predicted probability")
    counts.set_ylabel("contacts")
    figure.tight_layout()
    figure.savefig(path, dpi=110)
    return path


def _short(label: str, width: int = 28) -> str:
    return label if len(label) <= width else label[: width - 1] + "…"
