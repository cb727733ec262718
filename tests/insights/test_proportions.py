"""Wilson and Newcombe intervals against the values their papers publish, and against
statsmodels' independent implementation for any counts."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from statsmodels.stats.proportion import confint_proportions_2indep, proportion_confint

from insights import InsightError, difference_interval, wilson_interval


# Newcombe (1998) Statistics in Medicine 17:857-872, table I, method 3 (Wilson score).
@pytest.mark.parametrize(
    ("successes", "trials", "low", "high"),
    [
        (81, 263, 0.2553, 0.3662),
        (15, 148, 0.0624, 0.1605),
        (0, 20, 0.0, 0.1611),
        (1, 29, 0.0061, 0.1718),
        (29, 29, 0.8830, 1.0),
    ],
)
def test_wilson_matches_newcombes_published_values(
    successes: int, trials: int, low: float, high: float
) -> None:
    assert wilson_interval(successes, trials) == pytest.approx((low, high), abs=5e-5)


# Newcombe (1998) Statistics in Medicine 17:873-890, table II, method 10 (hybrid score).
@pytest.mark.parametrize(
    ("counts", "low", "high"),
    [
        ((56, 70, 48, 80), 0.0524, 0.3339),
        ((9, 10, 3, 10), 0.1705, 0.8090),
        ((6, 7, 2, 7), 0.0582, 0.8062),
        ((5, 56, 0, 29), -0.0381, 0.1926),
        ((0, 10, 0, 20), -0.1611, 0.2775),
        ((0, 10, 0, 10), -0.2775, 0.2775),
        ((10, 10, 0, 20), 0.6791, 1.0),
        ((10, 10, 0, 10), 0.6075, 1.0),
    ],
)
def test_difference_matches_newcombes_published_values(
    counts: tuple[int, int, int, int], low: float, high: float
) -> None:
    assert difference_interval(*counts) == pytest.approx((low, high), abs=5e-5)


@st.composite
def proportion(draw: st.DrawFn) -> tuple[int, int]:
    trials = draw(st.integers(min_value=1, max_value=5000))
    return draw(st.integers(min_value=0, max_value=trials)), trials


@given(proportion())
def test_wilson_agrees_with_statsmodels(counts: tuple[int, int]) -> None:
    low, high = wilson_interval(*counts)
    assert (low, high) == pytest.approx(proportion_confint(*counts, method="wilson"), abs=1e-9)
    assert 0.0 <= low <= counts[0] / counts[1] <= high <= 1.0


@given(proportion(), proportion())
def test_difference_agrees_with_statsmodels_and_flips_with_the_order(
    first: tuple[int, int], second: tuple[int, int]
) -> None:
    low, high = difference_interval(*first, *second)
    expected = confint_proportions_2indep(*first, *second, method="newcomb", compare="diff")
    assert (low, high) == pytest.approx(tuple(float(v) for v in expected), abs=1e-9)
    assert difference_interval(*second, *first) == pytest.approx((-high, -low), abs=1e-12)


@pytest.mark.parametrize(("successes", "trials"), [(0, 0), (3, 2), (-1, 5)])
def test_impossible_counts_are_refused(successes: int, trials: int) -> None:
    with pytest.raises(InsightError, match=f"no proportion in {successes} out of {trials}"):
        wilson_interval(successes, trials)
