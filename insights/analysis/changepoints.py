"""Lasting level shifts in a count series: a scan for the best step on the log scale, tested
with the dispersion left once the step is explained (so a launch does not hide itself by
inflating the noise it is judged against). Pure numpy/scipy; knows nothing of periods."""

from __future__ import annotations

import numpy as np
from scipy.special import stdtrit

from insights.analysis.glm import Array

CLIP = 3.0  # residuals beyond 3 robust standard deviations count as 3: one outlier is no shift
# The side test looks at the first year after a split only: later on, a trend fitted across a
# launch crosses the data again, although the launch is plain.
SIDE_WINDOW = 12


def best_step(
    x: Array, y: Array, before: int, after: int, alpha: float, taken: tuple[int, ...] = ()
) -> tuple[int, float] | None:
    """``(tau, factor)`` for the most significant step up or down in the level of ``y`` starting
    at ``tau`` (given the covariates ``x``), with at least ``before`` periods before it and
    ``after`` from it, away from steps already ``taken``; None unless it passes a t-test at
    ``alpha`` Bonferroni-corrected over the splits and two thirds of the (at most 12) periods from
    ``tau`` lie on the step's side of the model without it."""
    n, params = x.shape
    df = n - params - 1
    candidates = np.array(
        [t for t in range(before, n - after + 1) if all(abs(t - s) >= after for s in taken)],
        dtype=int,
    )
    if df < 4 or candidates.size == 0:
        return None
    v = np.log(y + 0.5)  # log counts: a level shift is a step whatever the level
    q, _ = np.linalg.qr(x)
    residuals = v - q @ (q.T @ v)
    spread = 1.4826 * float(np.median(np.abs(residuals - np.median(residuals))))
    if spread <= 0:
        spread = float(np.std(residuals)) or 1.0
    clipped = np.clip(residuals, -CLIP * spread, CLIP * spread)
    steps = (np.arange(n)[:, None] >= candidates[None, :]).astype(float)
    steps -= q @ (q.T @ steps)  # the part of each step the covariates cannot explain
    size = np.maximum(np.einsum("ij,ij->j", steps, steps), 1e-12)
    score = clipped @ steps
    remaining = np.maximum(float(clipped @ clipped) - score**2 / size, 1e-12) / df
    stat = score / np.sqrt(size * remaining)
    best = int(np.argmax(np.abs(stat)))
    if abs(stat[best]) < stdtrit(df, 1.0 - alpha / (2 * candidates.size)):
        return None
    tau = int(candidates[best])
    side = np.sign(residuals[tau : tau + SIDE_WINDOW])
    if np.mean(side == np.sign(stat[best])) < 2 / 3:
        return None
    return tau, float(np.exp(score[best] / size[best]))
