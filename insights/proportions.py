"""Confidence intervals for proportions: Wilson's score interval for one proportion and
Newcombe's hybrid score interval (his method 10) for the difference of two independent ones.

Wilson, E. B. (1927) "Probable inference, the law of succession, and statistical
inference", JASA 22:209-212. Newcombe, R. G. (1998) "Two-sided confidence intervals for the
single proportion: comparison of seven methods", Statistics in Medicine 17:857-872 (table I
gives the Wilson intervals the tests check) and "Interval estimation for the difference
between independent proportions: comparison of eleven methods", Statistics in Medicine
17:873-890 (method 10; table II gives the intervals the tests check). Both keep good coverage
for small counts and proportions near 0 or 1, where the textbook Wald interval fails.
"""

from __future__ import annotations

from math import sqrt

from insights.errors import InsightError

Z_95 = 1.959963984540054  # the 97.5th percentile of the standard normal: two-sided 95%
Interval = tuple[float, float]


def wilson_interval(successes: int, trials: int, z: float = Z_95) -> Interval:
    """Wilson score interval for ``successes`` out of ``trials`` (at least one trial)."""
    if trials <= 0 or not 0 <= successes <= trials:
        raise InsightError(f"no proportion in {successes} out of {trials}")
    p = successes / trials
    z2 = z * z
    denominator = 1 + z2 / trials
    centre = (p + z2 / (2 * trials)) / denominator
    half = z * sqrt(p * (1 - p) / trials + z2 / (4 * trials * trials)) / denominator
    # The exact bounds at 0 and n are 0 and 1; rounding must not move them past.
    low = 0.0 if successes == 0 else max(0.0, centre - half)
    high = 1.0 if successes == trials else min(1.0, centre + half)
    return low, high


def difference_interval(
    successes_1: int, trials_1: int, successes_2: int, trials_2: int, z: float = Z_95
) -> Interval:
    """Newcombe's hybrid score interval for p1 - p2, built from each side's Wilson interval:
    it excludes 0 exactly when the difference is significant at the chosen level."""
    low_1, high_1 = wilson_interval(successes_1, trials_1, z)
    low_2, high_2 = wilson_interval(successes_2, trials_2, z)
    p1, p2 = successes_1 / trials_1, successes_2 / trials_2
    difference = p1 - p2
    low = difference - sqrt((p1 - low_1) ** 2 + (high_2 - p2) ** 2)
    high = difference + sqrt((high_1 - p1) ** 2 + (p2 - low_2) ** 2)
    return max(-1.0, low), min(1.0, high)
