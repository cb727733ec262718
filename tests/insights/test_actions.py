"""The measured effect of an action: contacts on its theme in the complete months after it,
against what the months before predicted, judged on an exact interval, never on one month."""

from __future__ import annotations

from datetime import date

from contracts import periods_between
from insights.actions import action_effect
from insights.analysis import PeriodSeries


def monthly(counts: list[int], first: str = "2024-10-01") -> PeriodSeries:
    start = date.fromisoformat(first)
    periods = periods_between("month", start, start)
    while len(periods) < len(counts):
        periods.append(periods[-1].next())
    return PeriodSeries("month", {"service": "waste_recycling"}, tuple(periods), tuple(counts))


HISTORY = [38, 42, 40, 41, 39, 40, 44, 36, 40, 42, 38, 40]  # Oct 2024 - Sep 2025


def test_a_theme_that_fell_after_the_action_is_fewer_than_predicted() -> None:
    series = monthly([*HISTORY, 35, 12, 9, 11])  # action in Oct 2025; Nov-Jan measured
    effect = action_effect(series, date(2025, 10, 20), today=date(2026, 2, 3))
    assert (effect.months_before, effect.months_after, effect.after) == (12, 4 - 1, 32)
    assert effect.expected_after is not None and round(effect.expected_after) == 120
    assert effect.ratio_high is not None and effect.ratio_high < 1
    assert effect.verdict == "fewer than its history predicted"
    assert "32 in the 3 month(s) since, against about 120 expected" in effect.describe()


def test_an_unchanged_theme_is_not_hailed_as_a_success() -> None:
    series = monthly([*HISTORY, 40, 37, 43, 38])
    effect = action_effect(series, date(2025, 10, 20), today=date(2026, 2, 3))
    assert effect.ratio_low is not None and effect.ratio_low < 1 < (effect.ratio_high or 0)
    assert effect.verdict == "no significant change from what its history predicted"


def test_a_rise_after_the_action_says_so() -> None:
    effect = action_effect(monthly([*HISTORY, 40, 70, 75]), date(2025, 10, 2), date(2026, 1, 5))
    assert effect.verdict == "more than its history predicted"


def test_too_soon_and_too_little_history_are_said_plainly() -> None:
    series = monthly([*HISTORY, 40])
    assert action_effect(series, date(2025, 10, 20), date(2025, 10, 25)).verdict.startswith(
        "too soon to tell"
    )
    short = monthly([5, 4], first="2025-08-01")
    assert action_effect(short, date(2025, 10, 1), date(2026, 1, 1)).verdict == (
        "not enough history to judge"
    )
    assert action_effect(None, date(2025, 10, 1), date(2026, 1, 1)).expected_after is None
