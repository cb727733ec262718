"""The alert detector's negative binomial GLM against statsmodels on the alerts bench's
simulated series: the same coefficients? how fast? (figures only; nothing is asserted).
statsmodels is a dev dependency: the detector does not use it (see the README).

    python -m bench glm [--series 300] [--seed 7]
"""

from __future__ import annotations

import argparse
import sys
import time
import warnings
from collections.abc import Callable
from typing import Any

import numpy as np
import statsmodels.api as sm
from rich.console import Console
from rich.table import Table
from statsmodels.tools.sm_exceptions import ConvergenceWarning

from bench.alerts import simulate
from insights.analysis.glm import Array, fit_negative_binomial, fit_robust

console = Console() if sys.stdout.isatty() else Console(width=160)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench glm", description=__doc__)
    parser.add_argument("--series", type=int, default=300)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    rng = np.random.default_rng(args.seed)
    problems = []
    for _ in range(args.series):
        sim = simulate(rng, 72, 12)
        y = sim.counts[:-12].astype(float)
        t = np.arange(len(y))
        angle = 2 * np.pi * t / 12
        x = np.column_stack([np.ones(len(y)), np.cos(angle), np.sin(angle), (t - len(y)) / 12])
        problems.append((x, y))
    timings: dict[str, float] = {}
    ours = _timed(timings, "ours: IRLS + Pearson alpha", fit_negative_binomial, problems)
    _timed(timings, "ours: robust (two fits, Anscombe weights)", fit_robust, problems)
    alphas = iter([o.alpha for o in ours])
    reference = _timed(
        timings,
        "statsmodels GLM, NegativeBinomial(alpha = ours)",
        lambda x, y: sm.GLM(y, x, family=_family(next(alphas))).fit(),
        problems,
    )
    with warnings.catch_warnings():  # a few MLE fits stop at the iteration limit
        warnings.simplefilter("ignore", ConvergenceWarning)
        mle = _timed(
            timings,
            "statsmodels discrete NegativeBinomial (MLE of alpha)",
            lambda x, y: sm.NegativeBinomial(y, x).fit(disp=0),
            problems,
        )
    beta_gap = max(
        float(np.max(np.abs(o.beta - r.params))) for o, r in zip(ours, reference, strict=True)
    )
    se_gap = max(
        float(np.max(np.abs(np.sqrt(np.diag(o.cov)) / r.bse - 1)))
        for o, r in zip(ours, reference, strict=True)
    )
    alpha_ratio = np.median(
        [m.params[-1] / max(o.alpha, 1e-9) for o, m in zip(ours, mle, strict=True)]
    )
    table = Table(
        title=f"NB GLM fits of {args.series} simulated monthly series", title_justify="left"
    )
    table.add_column("fit")
    table.add_column("ms per fit", justify="right")
    for name, seconds in timings.items():
        table.add_row(name, f"{1000 * seconds / len(problems):.2f}")
    console.print(table)
    console.print(
        f"largest |coefficient difference| at the same alpha: {beta_gap:.1e}; "
        f"largest relative standard-error difference: {se_gap:.1e}; "
        f"median MLE alpha / our moment alpha: {alpha_ratio:.2f}"
    )
    return 0


def _family(alpha: float) -> Any:
    """statsmodels' NB family divides by alpha: Poisson when our alpha is 0."""
    return sm.families.NegativeBinomial(alpha=alpha) if alpha > 0 else sm.families.Poisson()


def _timed(
    timings: dict[str, float],
    name: str,
    fit: Callable[[Array, Array], Any],
    problems: list[tuple[Array, Array]],
) -> list[Any]:
    started = time.perf_counter()
    out = [fit(x, y) for x, y in problems]
    timings[name] = time.perf_counter() - started
    return out
