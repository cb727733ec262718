"""Satisfaction rows for ``civicpulse satisfaction``: ratings (scores 1-5) grouped by the
``--by`` keys, the share satisfied with its Wilson 95% interval, the response rate, and the
direction against the previous period judged on intervals, not point values. Pure.

Direction: higher satisfaction is better. The change is "better" or "worse" only when
Newcombe's 95% interval for (this share - previous share) lies wholly above or below zero;
otherwise "no significant change". That interval is built from the two Wilson intervals, so it
agrees with them, but it is the right test: two Wilson intervals that overlap a little can
still show a significant difference, and asking for no overlap at all would miss real changes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict

from config import DEFAULT_SATISFIED_SCORES
from insights.errors import CaseDataError
from insights.group_keys import GroupKey, check_dimensions, check_key, sorted_keys
from insights.proportions import difference_interval, wilson_interval

SCORES = range(1, 6)
SATISFACTION_FIELDS: tuple[str, ...] = (
    "period",
    "ratings",
    "satisfied",
    "satisfied_pct",
    "satisfied_ci",
    "mean_score",
    "response_rate",
    "previous_satisfied_pct",
    "direction",
)


class Direction(StrEnum):
    better = "better"
    worse = "worse"
    no_significant_change = "no significant change"


@dataclass(frozen=True)
class Tally:
    """Ratings in one group: how many, how many satisfied, and the sum of scores."""

    ratings: int = 0
    satisfied: int = 0
    score_total: int = 0


def tally(
    scores: Iterable[int],
    satisfied_scores: Sequence[int] = DEFAULT_SATISFIED_SCORES,
    *,
    ref: str = "",
) -> Tally:
    """Count ``scores`` (each 1-5); ``satisfied_scores`` are the ones that count as satisfied."""
    ratings = satisfied = total = 0
    for score in scores:
        if score not in SCORES:
            raise CaseDataError(f"score {score!r} is not on the 1-5 scale", ref=ref)
        ratings, total = ratings + 1, total + score
        satisfied += score in satisfied_scores
    return Tally(ratings, satisfied, total)


def direction(now: Tally, before: Tally) -> Direction | None:
    """Better, worse or no significant change in the share satisfied; None when either period
    has no ratings (nothing to compare)."""
    if not now.ratings or not before.ratings:
        return None
    low, high = difference_interval(now.satisfied, now.ratings, before.satisfied, before.ratings)
    if low > 0:
        return Direction.better
    if high < 0:
        return Direction.worse
    return Direction.no_significant_change


class SatisfactionRow(BaseModel):
    """One group. Percentages are 0-100 to one decimal place, ``satisfied_ci`` is the Wilson
    95% interval ``[low, high]`` in the same units; each is None when there are no ratings.
    ``response_rate`` is ratings per responded contact (None when none were responded to)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    by: dict[str, str | None]
    period: str
    ratings: int
    satisfied: int
    satisfied_pct: float | None
    satisfied_ci: tuple[float, float] | None
    mean_score: float | None
    response_rate: float | None
    previous_satisfied_pct: float | None
    direction: Direction | None

    def json_row(self) -> dict[str, Any]:
        """The ``--by`` keys, then ``SATISFACTION_FIELDS``, in that order."""
        fields = self.model_dump(mode="json", include=set(SATISFACTION_FIELDS))
        return {**self.by, **{name: fields[name] for name in SATISFACTION_FIELDS}}


def satisfaction_row(
    by: dict[str, str | None], period: str, now: Tally, responded: int, before: Tally
) -> SatisfactionRow:
    """Summarise one group: this period's ratings, its responded contacts, and the previous
    period's ratings (an empty ``Tally`` when there were none)."""
    interval = wilson_interval(now.satisfied, now.ratings) if now.ratings else None
    return SatisfactionRow(
        by=by,
        period=period,
        ratings=now.ratings,
        satisfied=now.satisfied,
        satisfied_pct=_pct(now.satisfied, now.ratings),
        satisfied_ci=(round(100 * interval[0], 1), round(100 * interval[1], 1))
        if interval
        else None,
        mean_score=round(now.score_total / now.ratings, 2) if now.ratings else None,
        response_rate=round(now.ratings / responded, 3) if responded else None,
        previous_satisfied_pct=_pct(before.satisfied, before.ratings),
        direction=direction(now, before),
    )


def satisfaction_rows(
    by: Sequence[str],
    period: str,
    now: Mapping[GroupKey, Tally],
    responded: Mapping[GroupKey, int],
    before: Mapping[GroupKey, Tally],
) -> list[SatisfactionRow]:
    """One row per group with ratings or responded contacts this period (a group seen only in
    the previous period has nothing to report now), sorted by key, unknown values last."""
    check_dimensions(by, SATISFACTION_FIELDS)
    for key in (*now, *responded, *before):
        check_key(key, by)
    return [
        satisfaction_row(
            dict(zip(by, key, strict=True)),
            period,
            now.get(key, Tally()),
            responded.get(key, 0),
            before.get(key, Tally()),
        )
        for key in sorted_keys([*now, *responded])
    ]


def _pct(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None
