"""The ceiling under ``bench alerts``' goal band: how many halvings and level drops at 50-100
expected a month any one-month test can find at the goal's false-alarm rate, computed from the
simulated series' true laws (Neyman-Pearson), so that the detector and the oracle can be read
against what is possible at all."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

import numpy as np
from scipy.stats import nbinom

__all__ = ("ceiling_text", "fall_ceiling")


class SimulatedSeries(Protocol):
    """What the ceiling reads of ``bench.alerts.Simulated``."""

    scenario: str
    event: int
    start: int
    means: np.ndarray
    size: float


GOAL_BAND = (50.0, 100.0)  # issue 11: halvings and level drops at 50-100 expected a month
GOAL_FALSE_ALARMS = 0.0005  # ... found 60% of the time at no more false alarms a series-month


def fall_ceiling(sims: Sequence[SimulatedSeries]) -> dict[str, Any]:
    """The most any one-month test can find of the goal band's falls at the goal's false-alarm
    rate, knowing each series' true mean and dispersion (no estimate, no multiple testing).

    For a count law whose mean halves, the most powerful test of one month at a given rate
    (Neyman-Pearson) alarms when the count is at or below a cut-off; its power is computed
    from the law, not drawn. ``split``: the rate shared evenly between rises and falls, as a
    detector that must also find spikes shares it; ``falls only``: all of it spent on falls."""
    events = [
        s
        for s in sims
        if s.scenario in ("drop", "shift down")
        and GOAL_BAND[0] <= s.means[s.event - s.start] < GOAL_BAND[1]
    ]
    result: dict[str, Any] = {"band": list(GOAL_BAND), "false_alarms": GOAL_FALSE_ALARMS}
    for name, rate in (("split", GOAL_FALSE_ALARMS / 2), ("falls_only", GOAL_FALSE_ALARMS)):
        powers = [_fall_power(s.means[s.event - s.start], s.size, rate) for s in events]
        result[name] = round(float(np.mean(powers)), 3) if powers else None
    result["events"] = len(events)
    return result


def _fall_power(mean: float, size: float, rate: float) -> float:
    """P(count <= c | mean halved), c the largest count with P(count <= c | mean) <= rate."""
    null = nbinom(size, size / (size + mean))
    cut = int(null.ppf(rate))
    while cut >= 0 and null.cdf(cut) > rate:
        cut -= 1
    halved = nbinom(size, size / (size + mean / 2))
    return float(halved.cdf(cut)) if cut >= 0 else 0.0


def ceiling_text(ceiling: dict[str, Any]) -> str:
    low, high = ceiling["band"]
    if not ceiling["events"]:
        return f"No halving or level drop at {low:.0f}-{high:.0f} expected a month: no ceiling."
    return (
        f"Ceiling for the {ceiling['events']} halvings and level drops at {low:.0f}-{high:.0f} "
        f"expected a month: at {ceiling['false_alarms']} false alarms a series-month, the most "
        "powerful test of one month, knowing each series' true mean and dispersion, finds "
        f"{ceiling['split']:.0%} of them on average with that rate shared between rises and "
        f"falls, {ceiling['falls_only']:.0%} with all of it spent on falls (and no spike found)."
    )
