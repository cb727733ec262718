"""Operating points of auto-acceptance: what accepting every prediction at or above a
confidence threshold achieves (precision, its Wilson lower bound, coverage), and the
threshold that reaches a precision target, or, when none does, the best that can be had.

The Wilson bound lives here, not in ``insights``: classifiers sit below insights in the rooms.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from classifiers.report import OperatingPoint

Z_ONE_SIDED_95 = 1.645
# Thresholds shown to a manager: the range in which calibrated probabilities of a useful
# model fall, finer near the top where precision climbs fastest.
THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 0.98)


def wilson_lower(successes: np.ndarray, n: np.ndarray, z: float = Z_ONE_SIDED_95) -> np.ndarray:
    """Wilson score lower bound of a proportion ``successes / n`` (0 where ``n`` is 0)."""
    n_f = np.asarray(n, dtype=float)
    safe = np.where(n_f > 0, n_f, 1.0)
    p = np.asarray(successes, dtype=float) / safe
    centre = p + z * z / (2 * safe)
    spread = z * np.sqrt(p * (1 - p) / safe + z * z / (4 * safe * safe))
    return np.where(n_f > 0, (centre - spread) / (1 + z * z / safe), 0.0)


@dataclass(frozen=True)
class ThresholdChoice:
    """The threshold chosen for ``target_precision``; ``reached`` False means no threshold
    did (``threshold`` is then 1.0: nothing auto-accepted) and ``best`` says what could be."""

    target_precision: float
    threshold: float
    reached: bool
    best: OperatingPoint | None

    def warning(self, where: str) -> str | None:
        """The loud message when the target is out of reach (None when it was reached)."""
        if self.reached:
            return None
        if self.best is None:
            return (
                f"auto-accept: no contact can be accepted at {self.target_precision:.0%} "
                f"precision on {where}; every contact will be marked needs_review"
            )
        best = self.best
        return (
            f"auto-accept: no threshold reaches {self.target_precision:.0%} precision on "
            f"{where} (judged on its 95% lower bound); the best achievable is "
            f"{best.precision:.1%} precision (lower bound {best.precision_lower:.1%}) on "
            f"{best.coverage:.1%} of contacts at threshold {best.threshold:.3f}. Every contact "
            f"will be marked needs_review: to accept that trade-off, train with "
            f"--precision-target {_floor(best.precision_lower or 0.0):.2f}"
        )


def operating_points(
    confidence: np.ndarray,
    correct: np.ndarray,
    thresholds: tuple[float, ...] = THRESHOLDS,
    z: float = Z_ONE_SIDED_95,
) -> list[OperatingPoint]:
    """Precision (with its Wilson lower bound) and coverage at each threshold."""
    points = []
    for threshold in thresholds:
        accepted = confidence >= threshold
        n = int(accepted.sum())
        right = int(correct[accepted].sum())
        points.append(
            OperatingPoint(
                threshold=threshold,
                precision=round(right / n, 4) if n else None,
                precision_lower=round(float(wilson_lower(np.array(right), np.array(n), z)), 4)
                if n
                else None,
                coverage=round(n / len(confidence), 4) if len(confidence) else 0.0,
            )
        )
    return points


def choose_threshold_for(
    confidence: np.ndarray,
    correct: np.ndarray,
    target_precision: float,
    z: float = Z_ONE_SIDED_95,
) -> ThresholdChoice:
    """The lowest confidence at which the contacts at or above it are right at least
    ``target_precision`` of the time, judged on the Wilson lower bound ``z`` standard errors
    down (most coverage for that precision); ties are accepted or refused together.

    When no threshold reaches it, ``best`` is the cut with the highest lower bound."""
    if len(confidence) == 0:
        return ThresholdChoice(target_precision, 1.0, False, None)
    order = np.argsort(-confidence, kind="stable")
    conf, right = confidence[order], correct[order].astype(float)
    n = np.arange(1, len(right) + 1)
    hits = np.cumsum(right)
    lower = wilson_lower(hits, n, z)
    # Only cut between distinct confidences: ties are accepted or refused together.
    last_of_tie = np.append(conf[1:] < conf[:-1], True)
    ok = np.flatnonzero((lower >= target_precision) & last_of_tie)
    if len(ok):
        return ThresholdChoice(target_precision, float(conf[ok[-1]]), True, None)
    cuts = np.flatnonzero(last_of_tie)
    best = int(cuts[np.argmax(lower[cuts])])
    point = OperatingPoint(
        threshold=round(float(conf[best]), 4),
        precision=round(float(hits[best] / n[best]), 4),
        precision_lower=round(float(lower[best]), 4),
        coverage=round(float(n[best] / len(conf)), 4),
    )
    return ThresholdChoice(target_precision, 1.0, False, point)


def _floor(value: float, step: float = 0.05) -> float:
    return float(np.floor(value / step) * step)
