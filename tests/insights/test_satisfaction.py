"""Satisfaction rows: the issue's JSON keys, the configurable satisfied scores, the response
rate, and a direction judged on intervals rather than on point values."""

from __future__ import annotations

import json

import pytest

from insights import (
    SATISFACTION_FIELDS,
    CaseDataError,
    Direction,
    InsightError,
    Tally,
    direction,
    satisfaction_rows,
    tally,
)


def scores(satisfied: int, other: int) -> Tally:
    return tally([5] * satisfied + [2] * other)


def test_tally_counts_the_configured_satisfied_scores() -> None:
    ratings = [1, 2, 3, 3, 4, 5, 5]
    assert tally(ratings) == Tally(ratings=7, satisfied=3, score_total=23)
    assert tally(ratings, satisfied_scores=(3, 4, 5)).satisfied == 5


@pytest.mark.parametrize("score", [0, 6, -1])
def test_scores_off_the_scale_are_refused_naming_the_rating(score: int) -> None:
    with pytest.raises(CaseDataError, match=f"contact R-9: score {score} is not on the 1-5"):
        tally([4, score], ref="R-9")


@pytest.mark.parametrize(
    ("now", "before", "expected"),
    [
        # The two Wilson intervals overlap (60.4-78.1% and 45.2-64.4%), yet Newcombe's
        # interval for the difference (1.6 to 27.7 points) excludes zero: a real improvement.
        (scores(70, 30), scores(55, 45), Direction.better),
        (scores(55, 45), scores(70, 30), Direction.worse),
        # Ten points up on a hundred ratings each is within chance (-3.7 to 23.2 points).
        (scores(60, 40), scores(50, 50), Direction.no_significant_change),
        (scores(8, 2), scores(5, 5), Direction.no_significant_change),
        (scores(3, 0), Tally(), None),
        (Tally(), scores(3, 0), None),
    ],
)
def test_direction_is_judged_on_the_interval_of_the_difference(
    now: Tally, before: Tally, expected: Direction | None
) -> None:
    assert direction(now, before) is expected


def test_rows_have_the_by_keys_then_exactly_the_issue_keys() -> None:
    key = ("waste_recycling", "web")
    rows = satisfaction_rows(
        ["service", "channel"],
        "2025/26",
        now={key: tally([5, 5, 4, 4, 4, 3, 2, 1] * 10), ("parks", None): scores(2, 0)},
        responded={key: 200, ("parks", None): 0, ("libraries", "web"): 12},
        before={key: tally([5, 4, 1, 1] * 20)},
    )
    assert [r.by for r in rows] == [
        {"service": "libraries", "channel": "web"},
        {"service": "parks", "channel": None},
        {"service": "waste_recycling", "channel": "web"},
    ]
    waste = json.loads(json.dumps(rows[2].json_row()))
    assert list(waste) == ["service", "channel", *SATISFACTION_FIELDS]
    assert waste == {
        "service": "waste_recycling",
        "channel": "web",
        "period": "2025/26",
        "ratings": 80,
        "satisfied": 50,
        "satisfied_pct": 62.5,
        "satisfied_ci": [51.5, 72.3],
        "mean_score": 3.5,
        "response_rate": 0.4,
        "previous_satisfied_pct": 50.0,
        "direction": "no significant change",
    }
    libraries = rows[0].json_row()
    assert (libraries["ratings"], libraries["response_rate"]) == (0, 0.0)
    assert libraries["satisfied_pct"] is libraries["satisfied_ci"] is libraries["direction"] is None
    parks = rows[1]
    assert parks.response_rate is None  # ratings but no responded contacts this period
    assert parks.satisfied_ci == (34.2, 100.0)
    assert parks.previous_satisfied_pct is None and parks.direction is None


def test_keys_must_match_the_dimensions() -> None:
    with pytest.raises(InsightError, match="does not match --by service"):
        satisfaction_rows(["service"], "2025/26", {("a", "b"): Tally()}, {}, {})
    with pytest.raises(InsightError, match="not one of period"):
        satisfaction_rows(["direction"], "2025/26", {}, {}, {})
